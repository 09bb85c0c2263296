"""System check: every content type with a reader page is edited through PageAdmin."""

from django.contrib import admin
from django.core import checks

from editorial.registry import page_models


@checks.register(checks.Tags.admin)
def page_admins_use_page_admin(app_configs, **kwargs):
    from editorial.page_admin import PageAdmin

    errors = []
    for model in page_models():
        model_admin = admin.site._registry.get(model)
        if model_admin is not None and not isinstance(model_admin, PageAdmin):
            errors.append(
                checks.Error(
                    f"The admin of {model._meta.label} is not an editorial.page_admin.PageAdmin",
                    hint="Without it the page gets no drafts, schedules, history or link warnings.",
                    obj=type(model_admin),
                    id="editorial.E001",
                )
            )
    return errors
