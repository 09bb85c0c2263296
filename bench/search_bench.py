"""Time the search results page against 10,000 generated guides (run: make bench-search).

Uses a throwaway database on the engine DATABASE_URL names (SQLite by default; the Makefile
runs it again on POSTGRES_URL when that is set): migrates it, loads the shipped content, adds
GUIDES generated guides whose Bangla and English text is shuffled from the shipped guides
(about 4 KB per language each), rebuilds the index (timed), then, in a fresh process as a
worker of the site would serve it, times the whole results page through the worker's own WSGI
application (freelanceguide/wsgi.py, what gunicorn calls) with the page cache emptied before
every request (a cold page: matching, expansion, ranking, passages, template, compression) for
exact, Banglish and misspelt queries, asked as a phone's browser asks (accepting Brotli). Prints the median and the
slowest of RUNS runs of each, and checks the search goals (docs/performance.md).
"""

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
if not os.environ.get("DATABASE_URL", "").strip():
    os.environ.pop("DATABASE_URL", None)  # SQLite (an empty value would name no database)

import django  # noqa: E402

django.setup()

from cold_page import cold_page_ms  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils.html import escape  # noqa: E402

from guides.models import Guide, GuideTopic  # noqa: E402
from search import indexing  # noqa: E402
from search.indexing import plain_text  # noqa: E402
from search.normalise import normalise  # noqa: E402

# SEARCH_BENCH_GUIDES / SEARCH_BENCH_RUNS: fewer while iterating (the goals are for 10,000).
GUIDES = int(os.environ.get("SEARCH_BENCH_GUIDES", "10000"))
RUNS = int(os.environ.get("SEARCH_BENCH_RUNS", "9"))
# SEARCH_BENCH_KEEP=1: the database is kept (its address printed), to compare two checkouts on
# it with bench/search_ab.py.
KEEP = bool(os.environ.get("SEARCH_BENCH_KEEP"))
GOAL_MEDIAN_MS, GOAL_MAX_MS, GOAL_REBUILD_S = 25, 60, 60
QUERIES = [
    ("exact", "common Bangla word", "ফ্রিল্যান্সিং"),
    ("exact", "name, few rows", "ফাইভার"),
    ("exact", "two Bangla words", "ওয়েব ডিজাইন"),
    ("exact", "English phrase", "payment method"),
    ("exact", "short word", "কি"),
    ("Banglish", "how do I get work", "kivabe kaj pabo"),
    ("Banglish", "work on a phone", "phone e ki kaj kora jay"),
    ("Banglish", "getting paid", "payoneer theke bkash"),
    ("misspelt", "brand", "upwerk"),
    ("misspelt", "two skill words", "grafic desine"),
    ("misspelt", "Bangla variant", "ফ্রীল্যানসিং"),
    ("misspelt", "split word", "free lancing"),
    ("none", "no match", "zzqxj"),
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


def reference_ms():
    """Milliseconds for a fixed piece of pure Python work (normalising shuffled Bangla text):
    the same code takes longer when the machine is slower, so figures taken at different
    times can be compared."""
    rng = random.Random(7)  # noqa: S311 (repeatable test data, not secrets)
    words = ["ফ্রিল্যান্সিং", "কাজ", "শুরু", "করতে", "দক্ষতা", "লাগে", "freelancing", "marketplace", "Fiverr"]
    text = " ".join(rng.choice(words) for _ in range(20000))
    start = time.process_time()
    for _ in range(5):
        normalise(text)
    return (time.process_time() - start) * 1000


def result_count(query):
    """How many results the page says there are (asked outside the timing)."""
    from search.results import results_page

    page = results_page(RequestFactory().get("/bn/search/", {"q": query}).GET).page
    return page.paginator.count if page else 0


def time_pages():
    """The timing half, in a process of its own (see `main`): prints the table and returns the
    median of the queries' medians and the slowest page, in ms."""
    engine = connection.vendor
    # The worker's application, as gunicorn loads it: it loads the URLconf and leaves what it
    # built out of the garbage collector's full collections (freelanceguide/startup.py).
    from freelanceguide.wsgi import application

    first, _cpu = cold_page_ms(application, "kivabe kaj pabo")
    print(f"{engine}: first expanded search of the process (reads the vocabulary): {first:.0f} ms")
    print(f"{engine}: this machine's speed now (a fixed piece of Python work): {reference_ms():.1f} ms")
    print(f"{'kind':<9} {'query':<26} {'results':>7} {'median ms':>9} {'max ms':>7} {'cpu median ms':>13}")
    # Round robin (each run asks every query once): this machine's speed drifts by a third
    # over minutes, and a slow spell should not fall on all the runs of one query.
    times = {query: [] for _kind, _label, query in QUERIES}
    cpu = {query: [] for _kind, _label, query in QUERIES}
    for _run in range(RUNS):
        for _kind, _label, query in QUERIES:
            elapsed, cpu_ms = cold_page_ms(application, query)
            times[query].append(elapsed)
            cpu[query].append(cpu_ms)
    medians, slowest = [], []
    for kind, label, query in QUERIES:
        medians.append(statistics.median(times[query]))
        slowest.append(max(times[query]))
        cpu_ms = statistics.median(cpu[query])
        print(f"{kind:<9} {label:<26} {result_count(query):>7} {medians[-1]:>9.1f} {slowest[-1]:>7.1f} {cpu_ms:>13.1f}")
    print(f"{engine}: this machine's speed after the runs: {reference_ms():.1f} ms")
    return statistics.median(medians), max(slowest)


def database_url(name):
    """DATABASE_URL for the database `name` on the server (or the SQLite file) in use."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()


def main():
    """Builds the test database here, then times the pages in a fresh process: a worker of the
    site never generated 10,000 guides, and the process that did served the same pages up to
    twice as slowly (the memory it left behind), which is no measure of the search."""
    setup_test_environment()
    engine = connection.vendor
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        generate(GUIDES)
        start = time.perf_counter()
        rows = indexing.rebuild()
        rebuild_s = time.perf_counter() - start
        print(f"{engine}: index of {rows} entries rebuilt in {rebuild_s:.1f} s")
        if engine == "postgresql":
            # What autovacuum does within a minute of such a write, done before the timing
            # rather than during it: without it every read of a row written just now first
            # checks whether the writing transaction committed, and autovacuum's own work on the
            # 10,000 new guides (a worker process) would take this 2-core machine's time from
            # the pages being timed.
            start = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            vacuum_s = time.perf_counter() - start
            print(f"{engine}: VACUUM ANALYZE of the database after the rebuild (as autovacuum would): {vacuum_s:.1f} s")
        guide = Guide.objects.get(slug="generated-7")
        start = time.perf_counter()
        guide.save()  # Markdown, the index row, its words: what an editor's save costs
        print(f"{engine}: saving one guide, index kept in step: {(time.perf_counter() - start) * 1000:.0f} ms")
        connection.close()
        env = {**os.environ, "DATABASE_URL": database_url(test_db)}
        timing = subprocess.run(  # noqa: S603 (this script, run by our own interpreter)
            [sys.executable, __file__, "--time-pages"], env=env, stdout=subprocess.PIPE, text=True, check=True
        )
        *table, last = timing.stdout.splitlines()
        print("\n".join(table))
        median_all, slowest = json.loads(last)
        print(
            f"{engine}, {GUIDES} generated guides + the shipped content, cold page (page cache emptied), "
            f"{RUNS} runs per query: median of the medians {median_all:.1f} ms, slowest {slowest:.1f} ms"
        )
        met = median_all <= GOAL_MEDIAN_MS and slowest < GOAL_MAX_MS and rebuild_s < GOAL_REBUILD_S
        print(
            f"goals (median <= {GOAL_MEDIAN_MS} ms, every query < {GOAL_MAX_MS} ms, rebuild < {GOAL_REBUILD_S} s): "
            + ("met" if met else "NOT met")
        )
    finally:
        if KEEP:
            print(f"kept for bench/search_ab.py: DATABASE_URL={database_url(test_db)}")
        else:
            connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    if sys.argv[1:] == ["--time-pages"]:
        print(json.dumps(time_pages()))
    else:
        main()
