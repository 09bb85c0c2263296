from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.indexing import SOURCES

from .aliases import add_alias
from .models import PageDay, Sentence


@admin.register(PageDay)
class PageDayAdmin(admin.ModelAdmin):
    """The counts are readers' answers: editors read them, nobody edits them."""

    list_display = ("path", "day", "yes", "no", "wrong_facts", "hard", "unanswered", "other")
    list_filter = ("day",)
    search_fields = ("path",)
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        alias = path("alias/", self.admin_site.admin_view(self.alias_view), name="feedback_alias")
        return [alias, *super().get_urls()]

    def alias_view(self, request):
        form = AliasForm(request.POST or None, initial={"query": request.GET.get("query", "")})
        if request.method == "POST" and form.is_valid():
            item, query = form.cleaned_data["item"], form.cleaned_data["query"]
            add_alias(item, query, request.user)
            messages.success(request, _("“%(query)s” now finds %(item)s.") % {"query": query, "item": item})
            return redirect("admin:feedback_needs_report")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Add a search alias"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/feedback/alias.html", context)


def _item_choices():
    groups = []
    for model in SOURCES:
        items = model._default_manager.order_by("pk")
        options = [(f"{model._meta.label_lower}:{item.pk}", str(item)) for item in items]
        groups.append((model._meta.verbose_name_plural.capitalize(), options))
    return groups


class AliasForm(forms.Form):
    query = forms.CharField(label=_("Search words"), max_length=200)
    item = forms.ChoiceField(label=_("The item it should find"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = _item_choices()

    def clean_item(self):
        label, _, pk = self.cleaned_data["item"].rpartition(":")
        for model in SOURCES:
            if model._meta.label_lower == label:
                item = model._default_manager.filter(pk=pk).first()
                if item is not None:
                    return item
        raise forms.ValidationError(_("Choose an item from the list."))


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ("text", "path", "reason", "day", "handled_on")
    list_filter = ("handled_on", "reason", "day")
    search_fields = ("path", "text")
    readonly_fields = ("path", "day", "reason", "text", "handled_on")
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mark as handled (the words are deleted later)"))
    def mark_handled(self, request, queryset):
        done = queryset.filter(handled_on__isnull=True).update(handled_on=timezone.localdate())
        self.message_user(request, _("%(count)d marked as handled.") % {"count": done})
        if "next" in request.POST:
            return redirect(reverse("admin:feedback_needs_report"))
        return None
