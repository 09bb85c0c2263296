"""An Atom feed of guides per language: /bn/feed/ and /en/feed/."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from guides.models import Guide

FEED_LENGTH = 30


class GuideFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Freelancing guide: new and updated guides")

    def subtitle(self):
        return _("A plain guide to starting freelancing from Bangladesh: skills, marketplaces and getting paid.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def author_name(self):
        # Atom requires an author for the feed (or every entry).
        return _("Freelancing guide")

    def items(self):
        return Guide.objects.published().order_by("-updated", "pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.updated
