from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import checks, indexing  # noqa: F401 (checks registers itself)

        indexing.connect_signals()
        # Searches are counted even when the page cache answers them (search/misses.py).
        from freelanceguide.page_cache import tallies

        from . import misses

        tallies.register_sink(misses.SINK, misses.store)

    def warm_up(self):
        """Read this process's copies of the vocabulary and the rows' names (freelanceguide/startup.py)."""
        from .copies import load_every_copy

        load_every_copy()
