"""The order of a search's results, the same on SQLite and PostgreSQL.

Best first:
1. rows the words as typed found (when the query was expanded), then the others;
2. rows that match more of the query's slots (an expanded query that finds too little with
   all of them is run again needing most, search.results);
3. where the words are in a title or alternative spelling: the phrase is a whole name (0), a
   name begins with it (1), a name contains it (2), else by how many slots the names lack;
   among rows whose names hold the phrase, the shorter such name first (more about it);
4. the words in a row somewhere in the text before the words scattered (when at most
   PHRASED_MATCHES rows match);
5. the index's order: kind, then the item's age (search.models.entry_id).
A kind's group is placed by its best row, then by Kind's order, so the marketplace named
"ফাইভার" comes before the guides that only mention it; results are shown grouped by kind.

The engines say which rows match (search.engines). Only the rows whose names match (few:
names are short) and the rows the typed words found are looked at one by one; every other
row of a kind that matches as many slots has the same rank, so those stay in id order in one
bucket. Past PHRASED_MATCHES matches of a query needing every slot, the buckets are not even
read: the engine counts them per kind, and a page reads its own rows of a bucket (`Ranking`),
so a word found on every one of 10,000 pages costs a count, not 10,000 ids.
"""

import bisect
from collections import defaultdict
from dataclasses import dataclass

from . import copies, engines
from .models import KIND_SPAN, Kind

FIRST = 10000
PER_SLOT = 100
# Rule 4 holds for at most this many matches. PostgreSQL tests a phrase against each row's
# out-of-line tsvector (about 27 us a row here): 85 ms for 3,000 rows. Past a few hundred
# matches the rows whose names hold the words come first anyway.
PHRASED_MATCHES = 300


def _name_tiers(phrase, slots):
    """A function of a row's names giving rule 3 of the module docstring: 0 (best) to 3 + twice
    the number of slots (rule 4 adds one from 3 up when the text lacks the phrase). Its strings
    are built once per query: it runs for thousands of rows."""
    whole, begins, contains = f"\n {phrase} \n", f"\n {phrase}", f" {phrase}"
    needles = [tuple(" " + " ".join(words) for words in terms) for terms in slots]

    def tier(names):
        if contains in names:
            return 0 if whole in names else 1 if begins in names else 2
        lacking = 0
        for slot_needles in needles:
            for needle in slot_needles:
                if needle in names:
                    break
            else:
                lacking += 1
        return 3 + 2 * lacking

    return tier


def _part_length(names, phrase):
    """Length of the shortest name holding the phrase: the shorter, the more it is about it."""
    return min(len(part) for part in names.split("\n") if f" {phrase}" in part)


def ranked_ids(slots, phrase, need=None, first_ids=()):
    """Ids of the index rows matching the slots (each a list of terms, a term a tuple of
    words), best first: a list, or a Ranking that reads a page's bucket rows when asked. With
    `need`, a row may miss some slots (at least `need` must match); `first_ids` rank above all
    others (rule 1)."""
    engine = engines.current()
    first = set(first_ids)
    if need is None:
        # The counts, the matching rows whose names match a slot (few: names are short; each is
        # looked at, rule 3) and which first ids match, from one match of the query.
        per_kind, named, first_matching, match = engine.overview(slots, first)
        if sum(per_kind.values()) > PHRASED_MATCHES:
            keep = named.keys() | first_matching
            return _ranked_lazily(engine, slots, phrase, per_kind, first, named, keep, match)
        matched = dict.fromkeys(engine.matching(slots, match) if per_kind else (), len(slots))
    else:
        matched = dict(engine.matching_some(slots, need))
        named = engine.named(slots, among=matched) if matched else {}
    return _ranked(engine, slots, phrase, need, matched, first, named)


def _looked_at(engine, slots, phrase, first, base, names_of):
    """kind -> tier -> [(secondary, id)]: rule 3's order of the rows looked at one by one."""
    names_of.update(copies.names_of(first - names_of.keys()))
    looked_at = defaultdict(lambda: defaultdict(list))
    tier_of = _name_tiers(phrase, slots)
    for pk, names in names_of.items():
        tier = base(pk) + tier_of(names)  # (a phrase in the names is not scattered)
        looked_at[pk // KIND_SPAN][tier].append((_part_length(names, phrase) if tier % PER_SLOT < 3 else 0, pk))
    return looked_at


def _ranked(engine, slots, phrase, need, matched, first, named):
    """All the ids, in order (a few hundred matches, or an expanded query needing most words)."""
    if not matched and not first:
        return []
    count = len(slots)
    names_of = {pk: names for pk, names in named.items() if pk in matched}
    for pk in first:
        matched.setdefault(pk, count)
    if len(matched) == 1:  # nothing to order
        return list(matched)

    # Rule 4: only a query that needs all its words has one phrase to look for.
    phrase_rule = need is None and count > 1 and len(matched) <= PHRASED_MATCHES
    phrased = set(engine.phrase(phrase.split())) if phrase_rule else None

    def base(pk):
        scattered = phrased is not None and pk not in phrased
        return (0 if pk in first else FIRST) + (count - matched[pk]) * PER_SLOT + scattered

    looked_at = _looked_at(engine, slots, phrase, first, base, names_of)
    buckets = defaultdict(lambda: defaultdict(list))
    unnamed = 3 + 2 * count
    rest = sorted(matched.keys() - names_of.keys())  # (the first ids are all in names_of)
    for kind, start in enumerate(range(0, len(Kind.values) * KIND_SPAN, KIND_SPAN)):
        rows = rest[bisect.bisect_left(rest, start) : bisect.bisect_left(rest, start + KIND_SPAN)]
        if need is None and phrased is None:  # one tier for the lot: no work per row
            if rows:
                buckets[kind][FIRST + unnamed] = rows
            continue
        for pk in rows:
            buckets[kind][base(pk) + unnamed].append(pk)

    groups = []
    for kind in looked_at.keys() | buckets.keys():
        tiers = looked_at[kind].keys() | buckets[kind].keys()
        groups.append((min(tiers), kind, tiers))
    ordered = []
    for _best, kind, tiers in sorted(groups):
        for tier in sorted(tiers):
            rows = sorted(looked_at[kind].get(tier, ()))
            bucket = buckets[kind].get(tier)
            if bucket and rows:  # rows looked at in a bucket's tier have no secondary key: id order
                ordered.extend(sorted([pk for _secondary, pk in rows] + bucket))
            else:
                ordered.extend(bucket or (pk for _secondary, pk in rows))
    return ordered


def _ranked_lazily(engine, slots, phrase, per_kind, first, named, keep, match):
    """The order of `_ranked` for a query needing every slot with more than PHRASED_MATCHES
    matches, without reading every match: per kind, the rows looked at one by one, then the
    bucket (every other match, in id order), which only a page that shows some of it reads.
    `named`: the matching rows whose names match; `keep`: those and the matching first ids."""
    count = len(slots)
    unnamed = FIRST + 3 + 2 * count
    names_of = dict(named)  # (_looked_at adds the first ids' names)
    looked_at = _looked_at(engine, slots, phrase, first, lambda pk: 0 if pk in first else FIRST, names_of)
    groups = []
    for kind in looked_at.keys() | per_kind.keys():
        tiers = looked_at[kind]
        # A row looked at in the bucket's own tier (names that match no slot after all) stays in
        # the bucket, in id order, as in `_ranked`.
        tiers.pop(unnamed, None)
        rows = [pk for tier in sorted(tiers) for _secondary, pk in sorted(tiers[tier])]
        excluded = {pk for pk in rows if pk in keep}
        size = per_kind.get(kind, 0) - len(excluded)
        best = min(tiers) if tiers else unnamed
        groups.append((best, kind, rows, size, excluded))
    segments = []
    for _best, kind, rows, size, excluded in sorted(groups, key=lambda group: group[:2]):
        if rows:
            segments.append(rows)
        if size:
            segments.append(_Bucket(kind, size, excluded))

    def read(bucket, offset, limit):
        return engine.page(slots, bucket.kind, bucket.excluded, offset, limit, match)

    return Ranking(segments, read)


@dataclass
class _Bucket:
    kind: int
    size: int
    excluded: set


class Ranking:
    """A sequence of ids in rank order whose buckets are read only where a slice needs them
    (django.core.paginator.Paginator takes its length and one slice)."""

    def __init__(self, segments, read):
        self.segments = segments
        self.read = read
        self.length = sum(len(segment) if isinstance(segment, list) else segment.size for segment in segments)

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter(self[0 : self.length])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.length)
        found, position = [], 0
        for segment in self.segments:
            size = len(segment) if isinstance(segment, list) else segment.size
            low, high = max(start - position, 0), min(stop - position, size)
            if low < high:
                found.extend(segment[low:high] if isinstance(segment, list) else self.read(segment, low, high - low))
            position += size
            if position >= stop:
                break
        return found
