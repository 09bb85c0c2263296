"""freelanceguide/wsgi.py: a worker loads every view, then freezes what it built out of the
garbage collector's full collections (freelanceguide/startup.py). In a process of its own:
freezing the test process would change what its other tests see."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import gc, sys
import freelanceguide.wsgi
print(gc.get_freeze_count(), len(gc.get_objects()), "search.views" in sys.modules, "avro" in sys.modules)
"""


def test_the_wsgi_application_loads_the_views_then_freezes_what_it_built():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    frozen, still_collected, views_loaded, avro_loaded = result.stdout.split()
    assert views_loaded == "True" and avro_loaded == "True"  # the URLconf was loaded before freezing
    assert int(frozen) > 20_000  # Django, the site and its views
    assert int(still_collected) < int(frozen) // 10


def test_a_worker_reads_the_search_copies_at_start_so_the_first_search_reads_none(db):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from freelanceguide.startup import warm_up_apps
    from search import copies, expand
    from tests import factories

    factories.guide(slug="warm", title_en="Warm start", body_en="kaj")

    def first_search_reads():
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as captured:
            Client().get("/en/search/", {"q": "kivabe kaj pabo"})
        return [q["sql"] for q in captured.captured_queries if "search_searchword" in q["sql"] or '"names"' in q["sql"]]

    copies.index_changed()
    assert first_search_reads()  # without the warm-up the first search reads them
    copies.index_changed()
    assert expand.vocabulary_if_current() is None
    warm_up_apps()
    assert expand.vocabulary_if_current() is not None
    assert first_search_reads() == []


def test_a_database_that_cannot_be_reached_at_start_leaves_the_loading_to_the_first_request(monkeypatch, caplog):
    from freelanceguide import startup
    from search import copies

    def unreachable():
        raise ConnectionError("database down")

    monkeypatch.setattr(copies, "load_every_copy", unreachable)
    startup.warm_up_apps()  # no exception: the worker starts
    assert "warm-up skipped" in caplog.text


def test_a_worker_builds_each_languages_url_lookup_and_the_reader_templates_at_start(settings):
    from django.template import engines
    from django.urls import get_resolver

    from freelanceguide.startup import warm_up_site

    resolver = get_resolver()
    resolver._reverse_dict.clear()
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [("django.template.loaders.cached.Loader", ["django.template.loaders.filesystem.Loader"])],
            },
        }
    ]
    warm_up_site()
    assert {code for code, _name in settings.LANGUAGES} <= set(resolver._reverse_dict)
    cached = engines["django"].engine.template_loaders[0].get_template_cache
    assert "base.html" in cached and "search/search.html" in cached
    assert not any(name.startswith("admin/") for name in cached)
