"""Old slugs keep working: a slug change leaves a redirect from the old address to the item.

- Renaming an item's slug stores (kind, old slug) -> item. Redirects point at the item, so
  chains collapse (A -> B -> C: A and B both answer with C's address).
- An item that takes a slug (new, or renamed back) removes the redirect on that slug: the
  address belongs to a real page again.
- `redirect_for(path)` is asked only for paths that would otherwise be a 404.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save

from editorial.models import SlugRedirect
from editorial.registry import is_live, page_for_path, page_models, url_of


def _remember_old_slug(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._editorial_old_slug = None
        return
    instance._editorial_old_slug = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()


def _record_rename(sender, instance, raw=False, **kwargs):
    if raw:
        return
    content_type = ContentType.objects.get_for_model(sender)
    # The new slug is a real page now: no redirect may take its readers elsewhere.
    SlugRedirect.objects.filter(content_type=content_type, old_slug=instance.slug).delete()
    old = getattr(instance, "_editorial_old_slug", None)
    if old and old != instance.slug:
        SlugRedirect.objects.update_or_create(
            content_type=content_type, old_slug=old, defaults={"object_id": instance.pk}
        )


def connect_signals():
    for model in page_models():
        uid = f"editorial-redirect:{model._meta.label}"
        pre_save.connect(_remember_old_slug, sender=model, dispatch_uid=f"{uid}:pre")
        post_save.connect(_record_rename, sender=model, dispatch_uid=f"{uid}:post")


def target_of(model, slug):
    """The item an old slug of `model` now leads to (published or not), or None."""
    redirect = (
        SlugRedirect.objects.filter(content_type=ContentType.objects.get_for_model(model), old_slug=slug)
        .only("object_id")
        .first()
    )
    if redirect is None:
        return None
    return model._default_manager.filter(pk=redirect.object_id).first()


def redirect_for(path):
    """The address an old item path now redirects to, in the same language, or None."""
    found = page_for_path(path)
    if found is None:
        return None
    model, slug, language = found
    if model._default_manager.filter(slug=slug).exists():
        return None  # a real item has this slug (perhaps unpublished): never send its readers away
    target = target_of(model, slug)
    if target is None or not is_live(target):
        return None
    return url_of(model, target.slug, language)
