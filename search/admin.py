from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import indexing
from .models import SearchEntry


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """Read-only view of the index, for editors wondering why a page is (not) found.

    Alternative spellings are edited on each guide, skill and marketplace.
    """

    list_display = ("__str__", "kind", "slug", "updated")
    list_filter = ("kind",)
    search_fields = ("slug", "title_bn", "title_en", "names")
    actions = ["rebuild_index"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Rebuild the whole search index"), permissions=["view"])
    def rebuild_index(self, request, queryset):
        count = indexing.rebuild()
        self.message_user(request, _("Search index rebuilt: %(count)d entries.") % {"count": count}, messages.SUCCESS)
