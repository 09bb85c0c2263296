"""Compare the search results page of two checkouts, request by request (make bench-search-ab).

This machine's speed changes by more than half within minutes, so two bench runs taken minutes
apart compare the machine as much as the code. Here one worker process per checkout serves the
same database (DATABASE_URL: an existing 10,000-guide database, e.g. one kept from
bench/search_bench.py) and the two are asked each query in turn, in a shuffled order, so a slow
spell falls on both. Prints each checkout's median of the queries' medians and slowest page,
and each query's medians side by side.

    A=/path/to/old/checkout B=. DATABASE_URL=... SEARCH_BENCH_RUNS=7 python bench/search_ab.py
"""

import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

RUNS = int(os.environ.get("SEARCH_BENCH_RUNS", "7"))


def serve(root):
    """The worker: the checkout's WSGI application, timing the cold page of each query read
    from standard input (cold_page.py)."""
    sys.path.insert(0, root)
    os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
    import django

    django.setup()
    from cold_page import cold_page_ms  # (this script's directory: the same timing for both)

    from freelanceguide.wsgi import application

    cold_page_ms(application, "kivabe kaj pabo")  # the vocabulary and names copies, as search_bench does
    print("ready", flush=True)
    for line in sys.stdin:
        print(cold_page_ms(application, line.rstrip("\n"))[0], flush=True)


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import QUERIES  # (imports Django with this checkout: only the list is used)

    roots = {"A": str(Path(os.environ["A"]).resolve()), "B": str(Path(os.environ.get("B", ".")).resolve())}
    workers = {}
    for name, root in roots.items():
        workers[name] = subprocess.Popen(  # noqa: S603 (this script, run by our own interpreter)
            [sys.executable, __file__, "--serve", root],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert workers[name].stdout.readline().strip() == "ready"
    times = {name: {query: [] for _kind, _label, query in QUERIES} for name in workers}
    order = random.Random(1)  # noqa: S311 (an order, not a secret)
    for _run in range(RUNS):
        for _kind, _label, query in QUERIES:
            names = list(workers)
            order.shuffle(names)
            for name in names:
                workers[name].stdin.write(query + "\n")
                workers[name].stdin.flush()
                times[name][query].append(float(workers[name].stdout.readline()))
    for name, worker in workers.items():
        worker.stdin.close()
        worker.wait()
        medians = [statistics.median(found) for found in times[name].values()]
        slowest = max(max(found) for found in times[name].values())
        print(
            f"{name} {roots[name]}: median of the medians {statistics.median(medians):.1f} ms, slowest {slowest:.1f} ms"
        )
    for _kind, label, query in QUERIES:
        print(f"  {label:<22}", "  ".join(f"{name} {statistics.median(times[name][query]):5.1f}" for name in workers))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    else:
        main()
