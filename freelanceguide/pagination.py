"""One way to split a long list into pages, for every list and the search results.

`?page=` takes ASCII or Bangla digits (a Bangla keyboard types ২); anything else, or a page
past the end, is a 404 in the reader's language rather than a silent jump to page one.
"""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from .locale_format import to_ascii_digits

PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


def page_of(params, object_list, per_page):
    """The page of `object_list` that the query parameters (`?page=`, any digits) name; 404 for no such page."""
    raw = to_ascii_digits(params.get("page", "1")).strip()
    if not PAGE_NUMBER.fullmatch(raw):
        raise Http404(_("No such page."))
    try:
        return Paginator(object_list, per_page).page(int(raw))
    except InvalidPage as error:
        raise Http404(_("No such page.")) from error
