"""Editors see, add and delete the redirects of renamed slugs (Editorial -> Redirects)."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from editorial.models import SlugRedirect
from editorial.registry import page_models, url_of
from freelanceguide.models import language_codes


class SlugRedirectForm(admin.options.forms.ModelForm):
    class Meta:
        model = SlugRedirect
        fields = ("content_type", "old_slug", "object_id")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [ContentType.objects.get_for_model(model).pk for model in page_models()]
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=ids)

    def clean(self):
        data = super().clean()
        content_type, old_slug, object_id = data.get("content_type"), data.get("old_slug"), data.get("object_id")
        if content_type and old_slug and object_id is not None:
            model = content_type.model_class()
            if model._default_manager.filter(slug=old_slug).exists():
                raise ValidationError(
                    _("An item already has the slug “%(slug)s”: its page must not be redirected."),
                    params={"slug": old_slug},
                )
            if not model._default_manager.filter(pk=object_id).exists():
                raise ValidationError(
                    _("There is no %(kind)s with id %(id)s."),
                    params={"kind": model._meta.verbose_name, "id": object_id},
                )
        return data


class SlugRedirectAdmin(admin.ModelAdmin):
    form = SlugRedirectForm
    list_display = ("old_slug", "content_type", "target", "addresses", "created")
    list_filter = ("content_type",)
    search_fields = ("old_slug",)

    @admin.display(description=_("item"))
    def target(self, obj):
        return obj.item or "-"

    @admin.display(description=_("old address -> new address"))
    def addresses(self, obj):
        model, item = obj.content_type.model_class(), obj.item
        if model is None or item is None:
            return "-"
        return format_html(
            "{} &rarr; {}",
            url_of(model, obj.old_slug, language_codes()[0]),
            url_of(model, item.slug, language_codes()[0]),
        )
