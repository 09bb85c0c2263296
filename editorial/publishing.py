"""What publishing an item means, in one place: schedules (and later drafts) go through here.

Both save through the model's normal save(), so the signals that keep the search index, the
page cache and the sitemap in step with an item follow it, as after an editor's save.
"""


def publish(obj):
    """Put `obj` in front of readers."""
    obj.published = True
    obj.save()


def unpublish(obj):
    """Take `obj` off the site: its page answers 404 and it leaves lists, search and the sitemap."""
    obj.published = False
    obj.save()
