"""Print the first ten results of every reader query in tests/test_search.py (READERS), in both
languages, on the database DATABASE_URL names, so SQLite and PostgreSQL can be compared:

    python bench/search_rankings.py > sqlite.txt
    DATABASE_URL=$POSTGRES_URL python bench/search_rankings.py > postgres.txt
    diff sqlite.txt postgres.txt    # no output: the same rankings

Uses a throwaway test database with the shipped content.
"""

import io
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "freelanceguide.settings.test"
if not os.environ.get("DATABASE_URL", "").strip():
    os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.test_search import READERS  # noqa: E402


def main():
    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_content", stdout=io.StringIO())
        client = Client()
        for query, _page in READERS:
            for lang in ("bn", "en"):
                page = client.get(f"/{lang}/search/", {"q": query}).content.decode()
                links = re.findall(r'<li class="card">\s*<a href="/[a-z]+/([^"]+)"', page)
                print(f"{lang} {query!r}: {' '.join(links[:10])}")
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
