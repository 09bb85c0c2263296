"""Lighthouse 12 (npm, node_modules) against the local site in Debian's chromium: `make lighthouse`.

Starts the site as bench/run.py does (production settings, throwaway database with the shipped
content, free loopback port), runs Lighthouse's default mobile profile on each page and prints
the four category scores, plus every audit that cost points. Exit status 1 below 100.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from run import BASE, with_site

PAGES = [
    ("home", "/bn/"),
    ("guide", "/bn/guides/what-is-freelancing/"),
    ("skill", "/bn/skills/web-design/"),
    ("marketplace", "/bn/marketplaces/upwork/"),
    ("comparison", "/bn/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com"),
    ("guide (English)", "/en/guides/what-is-freelancing/"),
    ("offer check", "/bn/offer-check/"),
    ("account check", "/bn/account-check/"),  # (answers are noindex by design: SEO would say so)
    ("proposal check", "/bn/proposal-check/"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def lighthouse(url, out, attempts=3):
    # On a busy machine Chromium sometimes loses the trace (NO_NAVSTART): try again.
    for attempt in range(1, attempts + 1):
        result = subprocess.run(lighthouse_command(url, out), env={**os.environ, "CHROME_PATH": CHROME}, check=False)
        if result.returncode == 0:
            break
        if attempt == attempts:
            raise subprocess.CalledProcessError(result.returncode, result.args)
    return scores_of(json.loads(Path(out).read_text()))


def lighthouse_command(url, out):
    return [
        str(BASE / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]


def scores_of(report):
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    lost = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{category}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}")
    return scores, lost


def run(site):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        only = os.environ.get("PAGES", "")  # e.g. PAGES=marketplace make lighthouse
        for label, path in [page for page in PAGES if only in page[0]]:
            rows.append((label, *lighthouse(site.url(path), Path(tmp) / "report.json")))
            print(f"  {label}: {rows[-1][1]}", flush=True)
    print(f"\n{'page':<18} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    below = 0
    for label, scores, lost in rows:
        print(f"{label:<18} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES))
        for line in lost:
            print(f"    {line}")
        below += any(score < 100 for score in scores.values())
    return below


def main():
    if not Path(CHROME).exists():
        sys.exit(f"{CHROME} is missing: run `make browser` (Debian's chromium) or set CHROME_PATH.")
    below = with_site(0, run)
    print("every score is 100" if not below else f"{below} page(s) below 100")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
