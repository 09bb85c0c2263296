"""Print the rankings tests/search/test_rankings.py holds both databases to (the first ten
results of every reader query, in both languages), on the database DATABASE_URL names:

    .venv/bin/python bench/search_rankings.py > tests/search/rankings.txt
    DATABASE_URL=$POSTGRES_URL .venv/bin/python bench/search_rankings.py | diff tests/search/rankings.txt -

Uses a throwaway test database with the shipped content.
"""

import io
import os
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

from tests.search.test_rankings import rankings  # noqa: E402


def main():
    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_content", stdout=io.StringIO())
        print("\n".join(rankings(Client())))
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
