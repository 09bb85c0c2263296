"""After an editor saves a page in the admin, warn about its broken internal links, naming them.

Part of every page's admin through editorial.page_admin.PageAdmin. The save itself is never
refused: a link may point at a page that is about to be published.
"""

from django.contrib import messages
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from editorial.links import check_item


class LinkWarningsAdminMixin:
    """After a save, one warning per broken internal link of the item, naming it."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for problem in check_item(obj):
            messages.warning(
                request,
                _("Link %(href)s in the %(language)s text: %(problem)s")
                % {
                    "href": problem.href,
                    "language": get_language_info(problem.language)["name_translated"],
                    "problem": problem.message(),
                },
            )
