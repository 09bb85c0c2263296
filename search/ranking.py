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
bucket. A word found on every one of 10,000 pages costs a set lookup per row, not a join to
the index table and a sort.
"""

import bisect
from collections import defaultdict

from . import engines
from .models import KIND_SPAN, Kind, SearchEntry

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
    words), best first. With `need`, a row may miss some slots (at least `need` must match);
    `first_ids` rank above all others (rule 1)."""
    engine = engines.current()
    count = len(slots)
    matched = dict.fromkeys(engine.matching(slots), count) if need is None else dict(engine.matching_some(slots, need))
    if not matched and not first_ids:
        return []
    names_of = {pk: names for pk, names in engine.named(slots) if pk in matched}
    first = set(first_ids)
    for pk in first:
        matched.setdefault(pk, count)
    missing = first - names_of.keys()
    if missing:
        names_of.update(SearchEntry.objects.filter(id__in=missing).values_list("id", "names"))

    # Rule 4: only a query that needs all its words has one phrase to look for.
    phrase_rule = need is None and count > 1 and len(matched) <= PHRASED_MATCHES
    phrased = set(engine.phrase(phrase.split())) if phrase_rule else None

    def base(pk):
        scattered = phrased is not None and pk not in phrased
        return (0 if pk in first else FIRST) + (count - matched[pk]) * PER_SLOT + scattered

    # kind -> tier -> [(secondary, id)] for the rows looked at, [id] for the buckets.
    looked_at = defaultdict(lambda: defaultdict(list))
    tier_of = _name_tiers(phrase, slots)
    for pk, names in names_of.items():
        tier = base(pk) + tier_of(names)  # (a phrase in the names is not scattered)
        looked_at[pk // KIND_SPAN][tier].append((_part_length(names, phrase) if tier % PER_SLOT < 3 else 0, pk))
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
