"""Queries, cold render time and bytes on the wire for each URL given (JSON on stdout).

Run by bench/run.py in the benchmark's environment, against its seeded database, in-process
through Django's test client: queries are counted with the page cache empty (a cold page).
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "freelanceguide.settings.prod")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

COLD_RUNS = 7


def measure(client, url):
    timings = []
    for _ in range(COLD_RUNS):
        caches["pages"].clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers={"Accept-Encoding": "br, gzip"})
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "cold_ms": round(min(timings), 1),  # the cost itself; a busy machine only adds to it
        "wire_bytes": len(response.content),
        "encoding": response.get("Content-Encoding", ""),
    }


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    print(json.dumps({url: measure(client, url) for url in sys.argv[1:]}))


if __name__ == "__main__":
    main()
