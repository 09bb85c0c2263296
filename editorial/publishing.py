"""What publishing an item means, in one place: schedules publish through here, with the same step
as the admin's Publish button (editorial.drafts.publish).

Both save through the model's normal save(), so the signals that keep the search index, the
page cache and the sitemap in step with an item follow it, as after an editor's save.
"""

from . import drafts


def publish(obj, user=None):
    """Put `obj` in front of readers: its pending draft (both languages, its inlines) if it has
    one, and the item itself if it was not live yet (editorial.drafts.publish)."""
    return drafts.publish(obj, user)


def unpublish(obj):
    """Take `obj` off the site: its page answers 404 and it leaves lists, search and the sitemap."""
    obj.published = False
    obj.save()
