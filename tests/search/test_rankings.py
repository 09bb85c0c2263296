"""The same rankings on SQLite and PostgreSQL.

The first ten results of every reader query of tests/search/test_expand.py, and of words found
on most pages, in both languages, must be exactly the lists recorded in rankings.txt.
CI runs the suite on both databases, so both must give these lists. After a change to the
shipped content or to the ranking, look over the new order and record it:

    .venv/bin/python bench/search_rankings.py > tests/search/rankings.txt
"""

import re
from pathlib import Path

import pytest

from tests.search.result_pages import result_links
from tests.search.test_expand import READERS

RECORDED = Path(__file__).with_name("rankings.txt")
# Words on most pages: their order rests on the tie-breaks, where engines differ first.
COMMON = ["ফ্রিল্যান্সিং", "কাজ", "payoneer", "design", "marketplace", "ক"]


def rankings(client):
    """One line per query and language: the paths of its first ten results."""
    lines = []
    for query in [*(query for query, _page in READERS), *COMMON]:
        for lang in ("bn", "en"):
            links = result_links(client.get(f"/{lang}/search/", {"q": query}))
            paths = [re.sub(r"^/[a-z]+/", "/", link) for link in links[:10]]
            lines.append(f"{lang} {query}: {' '.join(paths)}")
    return lines


@pytest.mark.django_db
def test_rankings_are_the_recorded_ones_on_this_database(client, shipped_content):
    recorded = RECORDED.read_text(encoding="utf-8").splitlines()
    assert rankings(client) == recorded
