"""Time the three marketplace-door checks on this machine (issue 26's budget: a check answers a
5,000-character message in under 50 ms at the median):

    make bench-checks            # or: .venv/bin/python bench/checks_bench.py [runs]

Each check is timed twice: its pure judgement on the pasted text alone, and the whole request
through Django (form, queries, template) on a throwaway test database with the shipped content.
The first call in a process (phrase compilation, the spelling dictionary) is reported apart.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from checks.models import RedFlag  # noqa: E402
from checks.offers import find_flags, verdict  # noqa: E402
from checks.proposals import check_proposal  # noqa: E402
from checks.text import MAX_CHARS, read_pasted  # noqa: E402

OFFER = (
    "Ghore bose protidin 500 taka income korun. YouTube video like korle taka, prottek task e 50 tk. "
    "Registration fee matro 300 taka bKash e pathan. Telegram e join korun t.me/earnbd24. "
    "আজই যোগ দিন, প্রতিদিন ১০০০ টাকা আয় নিশ্চিত! "
)
PROPOSAL = (
    "Hi Sarah, your bakery's packaging needs a logo that reads well at 3 cm on a cake box. "
    "I designed logos for 12 food shops; two are here: behance.net/rahim. Could you tell me which "
    "colours your shop uses now? I can send three rough sketches by Thursday if that suits you. "
)
JOB = "We need a logo for our small bakery. It must work on cake boxes, bags and our Facebook page."


def fill(text, size=MAX_CHARS):
    return (text * (size // len(text) + 1))[:size].rsplit(" ", 1)[0]


def median_ms(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(runs):
    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_content", stdout=io.StringIO())
        offer, proposal = fill(OFFER), fill(PROPOSAL)
        flags = list(RedFlag.objects.published().select_related("guide"))
        client = Client(HTTP_HOST="127.0.0.1")
        client.get("/en/offer-check/")  # a CSRF cookie for the posts (the test client skips the check)
        cases = {
            "offer check, judgement": lambda: verdict(find_flags(flags, read_pasted(offer), [])),
            "proposal check, judgement": lambda: check_proposal(read_pasted(proposal), read_pasted(JOB)),
            "offer check, whole POST": lambda: client.post("/bn/offer-check/", {"message": offer}),
            "proposal check, whole POST": lambda: client.post(
                "/bn/proposal-check/", {"proposal": proposal, "job": JOB, "kind": "proposal"}
            ),
            "account check, whole GET": lambda: client.get(
                "/bn/account-check/", {"m": "upwork", "a": ["household-accounts", "vpn", "off-platform"]}
            ),
        }
        print(f"{len(offer):,} and {len(proposal):,} characters pasted; {runs} runs each, after one first call")
        for name, case in cases.items():
            first = median_ms(case, 1)[0]
            median, worst = median_ms(case, runs)
            print(f"{name:28} median {median:6.1f} ms   slowest {worst:6.1f} ms   first call {first:6.1f} ms")
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
