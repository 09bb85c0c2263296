"""Queries, bytes and cold render time per reader page on the shipped content (run: make page-stats).

Uses a throwaway SQLite database, migrates it, loads the shipped content, then fetches each page
in both languages with a cold cache and prints: queries, HTML bytes, and gzip/brotli-compressed
bytes (what a phone downloads), and the milliseconds the cold request took (test settings,
locmem cache, SQLite; the first page pays for warming up templates and translations).
"""

import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/stats.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/{lang}/",
    "/{lang}/guides/",
    "/{lang}/guides/what-is-freelancing/",
    "/{lang}/skills/",
    "/{lang}/skills/?phone=on&difficulty=beginner",
    "/{lang}/skills/web-design/",
    "/{lang}/marketplaces/",
    "/{lang}/marketplaces/upwork/",
    "/{lang}/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com",
    "/{lang}/search/?q=ফাইভার",
    "/{lang}/path/",
    "/{lang}/path/?device=phone&english=little&hours=under10&budget=none&like=writing&net=mobile",
    "/{lang}/glossary/",
    "/{lang}/glossary/escrow/",
    "/{lang}/learn/",
    "/{lang}/learn/dyd-freelancing-48-districts/",
    "/{lang}/money/",
    "/{lang}/money/?m=fiverr&route=payoneer-bkash&price=100",
    "/{lang}/money/?view=all&price=100",
    "/{lang}/offline/",
]


def main():
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(f"{'page':<58} {'queries':>7} {'html B':>8} {'gzip B':>7} {'br B':>6} {'ms cold':>7}")
    for template in PAGES:
        for lang in ("bn", "en"):
            url = template.format(lang=lang)
            for cache in caches.all():
                cache.clear()
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (url, response.status_code)
            body = response.content
            print(
                f"{url:<58} {len(queries):>7} {len(body):>8} {len(gzip.compress(body, 6)):>7} "
                f"{len(brotli.compress(body, quality=5)):>6} {elapsed:>7.1f}"
            )


if __name__ == "__main__":
    main()
