"""The offer check's judgement: which red flags a message shows, each with the reader's own
words that triggered it, and the verdict. Pure: flags are any objects with `slug`, `weight` and
`phrase_list()` (the RedFlag model in the site, plain records in tests)."""

from dataclasses import dataclass

from .text import compiled, find_phrases

DANGER, CAUTION, NONE = "danger", "caution", "none"
# A flag of this weight is a danger on its own; flags adding up to DANGER_TOTAL are one together
# (two strong signs, or a strong sign and two cautions).
DANGER_ALONE = 3
DANGER_TOTAL = 4
MAX_QUOTES = 3


@dataclass(frozen=True)
class Finding:
    flag: object
    quotes: tuple  # the reader's own words, in the order they wrote them
    answered: bool  # the reader said yes to the flag's question


def find_flags(flags, pasted=None, answered=()):
    """Every flag the pasted text shows or the reader answered yes to, heaviest first."""
    answered = set(answered)
    quotes = _quotes_by_flag(flags, pasted) if pasted else {}
    found = [
        Finding(flag, quotes.get(flag.slug, ()), flag.slug in answered)
        for flag in flags
        if flag.slug in quotes or flag.slug in answered
    ]
    return sorted(found, key=lambda finding: -finding.flag.weight)


def verdict(findings):
    weights = [finding.flag.weight for finding in findings]
    if not weights:
        return NONE
    if max(weights) >= DANGER_ALONE or sum(weights) >= DANGER_TOTAL:
        return DANGER
    return CAUTION


def _quotes_by_flag(flags, pasted):
    # One pass over the text for all flags' phrases: the words are compared once, not per flag.
    owners = {}
    for flag in flags:
        for phrase in compiled(flag.phrase_list()):
            owners.setdefault(phrase, []).append(flag.slug)
    spans = {}
    for match in find_phrases(pasted, list(owners)):
        for slug in owners[match.phrase]:
            spans.setdefault(slug, set()).add((match.first, match.last))
    return {slug: _distinct_quotes(pasted, sorted(found)) for slug, found in spans.items()}


def _distinct_quotes(pasted, spans):
    # A span inside a longer one ("video like" in "YouTube video like") says nothing more.
    spans = [span for span in spans if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)]
    quotes, seen = [], set()
    for first, last in spans:
        quote = pasted.quote(first, last)
        if quote.casefold() not in seen:
            seen.add(quote.casefold())
            quotes.append(quote)
    return tuple(quotes[:MAX_QUOTES])


def names_found(pasted, named):
    """Keys of `named` ({key: names}) whose names the pasted text contains (skills in a course
    offer)."""
    owners = {}
    for key, names in named.items():
        for phrase in compiled(tuple(names)):
            owners.setdefault(phrase, set()).add(key)
    found = set()
    for match in find_phrases(pasted, list(owners)):
        found |= owners[match.phrase]
    return found
