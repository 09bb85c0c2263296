"""The databases' own full-text engines: what they match, how PostgreSQL stores and plans it.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

from types import SimpleNamespace

import pytest
from django.test.utils import CaptureQueriesContext

from search import engines
from search.engines import schema
from search.engines.terms import needed
from tests import factories
from tests.search.result_pages import result_links

FTS_SYNTAX = [
    '"',
    '""',
    '"web',
    "web*",
    "*",
    "NEAR(web design, 2)",
    "web NEAR design",
    "web OR design",
    "web AND NOT design",
    "NOT",
    "-web",
    "+web ^design",
    "names:web",
    "content : design",
    "{names content}: web",
    "(web",
    "web)",
    "'web' & 'design':*",
    "web <-> design",
    "!web | design",
    "\\",
    "\x00web\x00",
    "web\x00design",
    "web " * 3000,
    "ওয়েব" * 2000,
]


@pytest.mark.django_db
def test_short_words_match_whole_words_and_word_beginnings(client):
    topic = factories.topic()
    factories.guide(topic=topic, slug="ai", title_en="AI tools", body_en="Use AI with care.", body_bn="এআই")
    factories.guide(topic=topic, slug="bengali", title_en="Other", body_en="Tools.", body_bn="কি করবেন, কী লাগবে")
    factories.guide(topic=topic, slug="letters", title_en="Goal", body_en="Paid via X, said a mail.", body_bn="")
    assert [link.rsplit("/", 2)[1] for link in result_links(client.get("/en/search/", {"q": "ai"}))] == ["ai"]
    assert [link.rsplit("/", 2)[1] for link in result_links(client.get("/en/search/", {"q": "কি"}))] == ["bengali"]
    # One letter matches only the whole word ("x"), never every word that begins with it.
    assert [link.rsplit("/", 2)[1] for link in result_links(client.get("/en/search/", {"q": "x"}))] == ["letters"]
    assert [link.rsplit("/", 2)[1] for link in result_links(client.get("/en/search/", {"q": "ai tools"}))][0] == "ai"


@pytest.mark.django_db
@pytest.mark.parametrize("query", FTS_SYNTAX)
def test_full_text_query_syntax_is_only_text(client, query):
    factories.guide(slug="web", title_en="Web design near you", body_en="Design or not, and web work.")
    for lang in ("bn", "en"):
        response = client.get(f"/{lang}/search/", {"q": query})
        assert response.status_code == 200, query
        assert "\x00" not in response.content.decode()


@pytest.mark.django_db
def test_query_operators_are_searched_as_words(client):
    topic = factories.topic()
    factories.guide(topic=topic, slug="near", title_en="Work near home", body_en="Near.")
    factories.guide(topic=topic, slug="other", title_en="Work far away", body_en="Far.")
    links = result_links(client.get("/en/search/", {"q": "NEAR"}))
    assert [link.rsplit("/", 2)[1] for link in links] == ["near"]
    assert [link.rsplit("/", 2)[1] for link in result_links(client.get("/en/search/", {"q": '"work" NEAR'}))] == [
        "near"
    ]
    assert result_links(client.get("/en/search/", {"q": "work OR zebra", "exact": "1"})) == []


@pytest.mark.django_db
def test_postgresql_stores_the_index_text_with_lz4_and_the_names_in_the_row():
    """Rebuilds write about 300 MB of text at 10,000 guides, which lz4 compresses several
    times faster than PostgreSQL's default; every process reads all rows' names into its copy,
    which out of line would cost a read each (search.engines.store, migration 0006)."""
    from django.db import connection

    factories.guide(slug="long", body_en="payoneer bkash " * 2000, search_aliases="x" * 3000)
    if connection.vendor != "postgresql":
        # SQLite has no such settings: the migration leaves it alone.
        executed = []
        with CaptureQueriesContext(connection) as queries:
            engines.store(SimpleNamespace(connection=connection, execute=executed.append))
        assert executed == [] and len(queries) == 0
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        assert cursor.fetchone()[0], "Debian's PostgreSQL 15 is built with lz4"
        cursor.execute(
            "SELECT attname, attcompression, attstorage FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attname = ANY(%s)",
            [schema.TABLE, schema.POSTGRES_COMPRESSED],
        )
        found = {name: (compression, storage) for name, compression, storage in cursor.fetchall()}
        assert found == {
            name: ("l", "m" if name in schema.POSTGRES_IN_ROW else "x") for name in schema.POSTGRES_COMPRESSED
        }
        cursor.execute(f"SELECT pg_column_compression(content), pg_column_compression(names) FROM {schema.TABLE}")  # noqa: S608
        assert cursor.fetchall() == [("lz4", "lz4")]


def test_engines_leave_out_alternatives_another_one_already_finds():
    # "কাজ" (a word's beginning) finds every row "কাজে" or "কাজ করা" finds; "ক" is a whole word only.
    terms = [("কাজে",), ("কাজ",), ("কাজ", "করা"), ("কাজ",), ("কা",), ("ক",), ("কম",), ("kaj",)]
    assert needed(terms) == [("কা",), ("ক",), ("কম",), ("kaj",)]
    assert needed([("কাজ",), ("কাজে",)]) == [("কাজ",)]
    assert needed([("ক",), ("কম",)]) == [("ক",), ("কম",)]


@pytest.mark.django_db(transaction=True)
def test_postgresql_searches_with_its_indexes_not_a_scan_of_every_row_and_sqlite_in_one_transaction():
    from django.db import connection, transaction

    factories.guide(body_en="payoneer " * 50)
    engine = engines.current()
    assert not connection.in_atomic_block
    if connection.vendor != "postgresql":
        with engines.session():
            assert connection.in_atomic_block
        return

    def ask(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def searched(sql, params=()):
        return [row[0] for row in engine._rows(sql, params)]

    # A word on most rows: to the planner a scan of every row's tsvector looks cheaper.
    plan = "EXPLAIN " + engine._select()
    assert ask("SHOW enable_seqscan") == ["on"]
    assert "Seq Scan" in " ".join(ask(plan, [engine._every([[("payoneer",)]])]))
    with engines.session():
        assert not connection.in_atomic_block  # (three round trips less)
        assert searched("SELECT current_setting(%s)", ["enable_seqscan"]) == ["off"]
        used = " ".join(searched(plan, [engine._every([[("payoneer",)]])]))
        assert "search_document_gin" in used and "Seq Scan" not in used
        assert ask("SHOW enable_seqscan") == ["on"]  # (only for the search's statement)
    with transaction.atomic():  # inside a caller's transaction, the setting is put back
        assert searched("SELECT current_setting(%s)", ["enable_seqscan"]) == ["off"]
        assert ask("SHOW enable_seqscan") == ["on"]
    assert ask("SHOW enable_seqscan") == ["on"]


def test_a_database_with_server_side_binding_is_refused_at_start_up(monkeypatch):
    from django.db import connections

    from search.checks import postgres_client_side_binding

    assert postgres_client_side_binding() == []
    monkeypatch.setattr(type(connections["default"]), "vendor", "postgresql")
    monkeypatch.setitem(connections["default"].settings_dict, "OPTIONS", {"server_side_binding": True})
    assert [error.id for error in postgres_client_side_binding()] == ["search.E001"]
