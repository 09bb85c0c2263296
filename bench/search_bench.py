"""Time one search against 2,000 generated guides (run: make bench-search).

Uses a throwaway SQLite database: migrates it, loads the shipped content, adds GUIDES generated
guides whose Bangla and English text is shuffled from the shipped guides (about 4 KB per
language each), indexes them, then times what the results page runs (the ranked ids of every
match, then the rows of the first page) for a few queries, and the whole results page through
Django's test client; prints the median of RUNS runs of each.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/search-bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils.html import escape  # noqa: E402

from guides.models import Guide, GuideTopic  # noqa: E402
from search import indexing  # noqa: E402
from search.indexing import plain_text  # noqa: E402
from search.query import entries, query_words, search  # noqa: E402
from search.views import RESULTS_PER_PAGE  # noqa: E402

GUIDES = 2000
RUNS = 15
QUERIES = [
    ("common word, most guides", "ফ্রিল্যান্সিং"),
    ("alias, few rows", "ফাইভার"),
    ("two Bangla words", "ওয়েব ডিজাইন"),
    ("English phrase", "payment method"),
    ("no match", "zzqxj"),
]


def sentences(language):
    found = []
    for guide in Guide.objects.all():
        text = plain_text(getattr(guide, f"body_html_{language}"))
        found.extend(s.strip() for s in text.replace("।", ".").split(".") if len(s.strip()) > 20)
    return found


def generate(count):
    rng = random.Random(5)  # noqa: S311 (repeatable test data, not secrets)
    pools = {code: sentences(code) for code in ("bn", "en")}
    topic = GuideTopic.objects.first()
    guides = []
    for n in range(count):
        values = {}
        for code, pool in pools.items():
            paragraphs, size = [], 0
            while size < 4000:
                paragraph = ". ".join(rng.sample(pool, 4)) + "."
                paragraphs.append(f"<p>{escape(paragraph)}</p>")
                size += len(paragraph)
            values[f"body_html_{code}"] = "".join(paragraphs)
            values[f"title_{code}"] = rng.choice(pool)[:80]
            values[f"summary_{code}"] = rng.choice(pool)[:300]
        guides.append(Guide(slug=f"generated-{n}", topic=topic, **values))
    # bulk_create skips save(): no Markdown rendering, no signals; the index is rebuilt below.
    Guide.objects.bulk_create(guides, batch_size=200)


def median_ms(function):
    times = []
    for _run in range(RUNS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    generate(GUIDES)
    start = time.perf_counter()
    rows = indexing.rebuild()
    print(f"index: {rows} entries built in {time.perf_counter() - start:.1f} s")
    client = Client()
    print(f"{'query':<36} {'results':>7} {'SQL ms':>7} {'page ms':>8}")
    for label, query in QUERIES:
        phrase, words = query_words(query)
        results = search(phrase, words)

        def run_sql(results=results):
            entries(list(results.all())[:RESULTS_PER_PAGE])

        sql_ms = median_ms(run_sql)
        page_ms = median_ms(lambda query=query: client.get("/bn/search/", {"q": query}))
        print(f"{label:<36} {len(results):>7} {sql_ms:>7.1f} {page_ms:>8.1f}")
    print(f"median of {RUNS} runs each, SQLite, {GUIDES} generated guides + the shipped content")


if __name__ == "__main__":
    main()
