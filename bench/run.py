"""Load benchmark: `make bench` (and `make bench-scale`). Loopback only; stops what it starts.

1. A throwaway directory: SQLite database, static files, file cache, gunicorn log.
2. Seed: migrate, the shipped content, generated guides/skills/marketplaces (bench/seed.py).
3. collectstatic, then gunicorn with production settings and gunicorn.conf.py (2 sync workers)
   on a free loopback port.
4. Per page: warm it, run wrk (2 threads, 16 connections, DURATION seconds, a phone's
   Accept-Encoding), read requests/s and p50/p99; queries, cold render time and bytes on the
   wire come from bench/measure.py.
5. A table, with each row checked against the goals (docs/performance.md, "Goals").

DURATION=15 make bench for steadier figures. `--scale` compares the lists at 100 and 10,000
guides instead.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
VENV_BIN = BASE / ".venv" / "bin"
STATIC = "static file"

# One row per page: (label, path, minimum requests/s as a share of the static file's).
PAGES = [
    ("static file (site.css)", STATIC, None),
    ("home", "/bn/", 0.75),
    ("guide list", "/bn/guides/", 0.75),
    ("guide", "/bn/guides/what-is-freelancing/", 0.75),
    ("guide (English)", "/en/guides/what-is-freelancing/", 0.75),
    ("skill list", "/bn/skills/", 0.75),
    ("skill list, filtered", "/bn/skills/?phone=on&difficulty=beginner", 0.75),
    ("skill", "/bn/skills/web-design/", 0.75),
    ("marketplace list", "/bn/marketplaces/", 0.75),
    ("marketplace", "/bn/marketplaces/upwork/", 0.75),
    ("comparison", "/bn/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com", 0.75),
    ("search ফাইভার", "/bn/search/?q=%E0%A6%AB%E0%A6%BE%E0%A6%87%E0%A6%AD%E0%A6%BE%E0%A6%B0", 0.3),
    ("search (English)", "/en/search/?q=web+design", 0.3),
    ("glossary", "/bn/glossary/", 0.75),
    ("glossary term", "/bn/glossary/escrow/", 0.75),
    # Again at the end: the ratio is to the mean of both, as a shared machine's load drifts.
    ("static file, again", STATIC, None),
]
# The lists and the home page, at 100 and at 10,000 guides.
SCALE_PAGES = [
    ("home", "/bn/"),
    ("guide list", "/bn/guides/"),
    ("guide list, page 3", "/bn/guides/?page=3"),
    ("skill list", "/bn/skills/"),
    ("marketplace list", "/bn/marketplaces/"),
    ("guide", "/bn/guides/what-is-freelancing/"),
]
P99_GOAL_MS = 50
QUERY_BUDGET = 4
SCALE_GOAL = 1.5
ACCEPT_ENCODING = "br, gzip"  # what a phone's browser sends


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: install it with `apt-get install wrk` (Debian package) and run again.")
    print("installing wrk from Debian's packages ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )


class Site:
    """A seeded database, collected static files and a running gunicorn, all in a temp dir."""

    def __init__(self, workdir, guides):
        self.workdir = workdir
        self.guides = guides
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SECURE": "0",  # plain HTTP on loopback
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_CACHE_DIR": str(workdir / "cache"),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_CONCURRENCY": "2",
        }
        self.env.pop("REDIS_URL", None)  # one machine: the file cache is shared by the workers
        self.server = None

    def python(self, *args, capture=False):
        result = subprocess.run(
            [str(VENV_BIN / "python"), *args], cwd=BASE, env=self.env, check=True, capture_output=capture, text=True
        )
        return result.stdout

    def prepare(self):
        print(self.python("bench/seed.py", "--guides", str(self.guides), capture=True).strip(), flush=True)
        self.python("manage.py", "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v0")
        self.python("manage.py", "collectstatic", "--noinput", "-v0")

    def static_path(self):
        manifest = json.loads((self.workdir / "static" / "staticfiles.json").read_text())
        return "/static/" + manifest["paths"]["css/site.css"]

    def start(self):
        log = (self.workdir / "gunicorn.log").open("w")
        self.server = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=BASE,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends gunicorn and its workers
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=2).read()
                return
            except OSError:
                if self.server.poll() is not None:
                    break
                time.sleep(0.3)
        sys.exit(f"gunicorn did not start; see {self.workdir / 'gunicorn.log'}")

    def stop(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=25)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def warm(self, path):
        # Enough requests that every worker has rendered and stored the page.
        for _ in range(20):
            request = urllib.request.Request(self.url(path), headers={"Accept-Encoding": ACCEPT_ENCODING})
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()


LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url, duration):
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    latency = {int(p): float(v) * UNIT_MS[u] for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency[50],
        "p99": latency[99],
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(site, paths):
    return json.loads(site.python("bench/measure.py", *paths, capture=True))


def bench(site, pages, duration):
    stats = measure(site, [path for _label, path, *_ in pages if path != STATIC])
    rows = []
    for label, path, *goal in pages:
        target = site.static_path() if path == STATIC else path
        site.warm(target)
        load = run_wrk(site.url(target), duration)
        rows.append({"label": label, "path": target, "goal": goal[0] if goal else None, **load, **stats.get(path, {})})
        print(f"  {label}: {load['rps']:.0f} req/s", flush=True)
    return rows


def print_table(rows):
    statics = [row["rps"] for row in rows if row["goal"] is None]
    static_rps = sum(statics) / len(statics)
    misses = 0
    print()
    print(
        f"{'page':<24} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6} {'queries':>7} {'cold ms':>7} "
        f"{'bytes':>7}  goals"
    )
    for row in rows:
        ratio = row["rps"] / static_rps
        missed = []
        if row["goal"] and ratio < row["goal"]:
            missed.append(f"ratio < {row['goal']}")
        if row["p99"] >= P99_GOAL_MS:
            missed.append(f"p99 >= {P99_GOAL_MS} ms")
        if row.get("queries", 0) > QUERY_BUDGET:
            missed.append(f"queries > {QUERY_BUDGET}")
        if row["errors"] or row.get("status", 200) != 200:
            missed.append("errors")
        misses += bool(missed)
        queries = row.get("queries", "-")
        cold = row.get("cold_ms", "-")
        size = row.get("wire_bytes", "-")
        print(
            f"{row['label']:<24} {row['rps']:>7.0f} {row['p50']:>7.2f} {row['p99']:>7.2f} {ratio:>6.2f} "
            f"{queries:>7} {cold:>7} {size:>7}  {'MISS: ' + ', '.join(missed) if missed else 'ok'}"
        )
    print(
        "\nbytes: the page as sent to a browser that accepts Brotli; "
        "cold ms: the fastest of 7 renders with an empty page cache"
    )
    return misses


def scale_table(small, large):
    print(
        f"\n{'page':<22} {'p50 100':>8} {'p50 10k':>8} {'p99 100':>8} {'p99 10k':>8} {'cold 100':>9} "
        f"{'cold 10k':>9} {'q 10k':>6}  goals"
    )
    misses = 0
    for a, b in zip(small, large, strict=True):
        missed = []
        if b["p50"] > SCALE_GOAL * a["p50"]:
            missed.append(f"p50 > {SCALE_GOAL}x")
        if b["cold_ms"] > SCALE_GOAL * a["cold_ms"]:
            missed.append(f"cold render > {SCALE_GOAL}x")
        if b["queries"] > QUERY_BUDGET or b["status"] != 200:
            missed.append("queries/status")
        misses += bool(missed)
        print(
            f"{a['label']:<22} {a['p50']:>8.2f} {b['p50']:>8.2f} {a['p99']:>8.2f} {b['p99']:>8.2f} "
            f"{a['cold_ms']:>9} {b['cold_ms']:>9} {b['queries']:>6}  "
            f"{'MISS: ' + ', '.join(missed) if missed else 'ok'}"
        )
    return misses


def with_site(guides, action):
    workdir = Path(tempfile.mkdtemp(prefix="fg-bench-"))
    site = Site(workdir, guides)
    try:
        site.prepare()
        site.start()
        return action(site)
    finally:
        site.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="compare the lists at 100 and 10,000 guides")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("DURATION", "8")))
    args = parser.parse_args()
    ensure_wrk()
    # A Ctrl+C or kill still runs the `finally` that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    print(
        f"wrk: 2 threads, 16 connections, {args.duration} s per page; gunicorn: 2 sync workers; {os.cpu_count()} CPUs",
        flush=True,
    )
    if args.scale:
        pages = [(label, path, None) for label, path in SCALE_PAGES]
        small = with_site(100, lambda site: bench(site, pages, args.duration))
        large = with_site(10_000, lambda site: bench(site, pages, args.duration))
        misses = scale_table(small, large)
    else:
        misses = print_table(with_site(100, lambda site: bench(site, PAGES, args.duration)))
    print("all goals met" if not misses else f"{misses} row(s) miss a goal")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
