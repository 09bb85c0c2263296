"""After an editor saves a page in the admin, warn about its broken internal links, naming them.

Attached to every page model's admin (registry.py) at start-up, so a new content type's admin
gets the warning without a line of its own. The save itself is never refused: a link may point
at a page that is about to be published.
"""

from functools import wraps

from django.contrib import messages
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .links import check_item, has_body
from .registry import page_models


def _with_link_warnings(save_model):
    @wraps(save_model)
    def save_and_check(request, obj, form, change):
        save_model(request, obj, form, change)
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

    return save_and_check


def warn_about_links_on_save(site):
    for model in page_models():
        model_admin = site._registry.get(model)
        if model_admin is not None and has_body(model) and not getattr(model_admin, "_checks_links", False):
            model_admin.save_model = _with_link_warnings(model_admin.save_model)
            model_admin._checks_links = True
