"""The two databases' own full-text engines, behind one small interface.

Both match the same thing: a term is one or more normalised words, and it matches an index
row whose names or content hold those words in a row, the last one as a word's beginning
("web dev" finds "web development", "কাজ" finds "কাজের"). A one-letter term matches only the
whole word (a one-letter beginning matches almost every row).

- SQLite: FTS5 (over names and content, and over the names alone), tokenizer unicode61
  with Bangla's vowel signs and virama as word characters (without them it cuts
  "ফ্রিল্যান্সিং" into pieces), a prefix index for word beginnings.
  (Words, not trigrams: a trigram index matched a phrase of common Bangla words 20-50 times
  more slowly at 10,000 guides.)
- PostgreSQL: `tsvector`s of the same normalised text ('simple' configuration: no stemming,
  no stop words; PostgreSQL has no Bengali configuration) with GIN indexes: `document` for
  names and content, `names_document` for the names alone, searched with sequential scans
  off (`Postgres._rows`). The query is written as a
  `tsquery` literal of quoted lexemes ('web' <-> 'dev':*), never parsed from the reader's
  text, so no input is query syntax; FTS5 gets quoted phrases the same way.

The engines only answer which rows match: ids, never a score (the names of the rows whose
names match come from each process's copy, `names_of`).
search.ranking orders them the same way on both databases: the engines' own scores (bm25,
ts_rank) cannot agree with each other, and scoring every row of a common word costs more than
a whole page may.
"""

from django.db import connection

from .postgres import Postgres
from .schema import create, drop, store
from .sqlite import SQLite

__all__ = ["create", "current", "drop", "session", "store"]


def current():
    return Postgres() if connection.vendor == "postgresql" else SQLite()


def session():
    """The context of one search's statements (`Engine.session`)."""
    return current().session()
