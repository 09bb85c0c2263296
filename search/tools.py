"""The site's tools a search offers above its results: a reader who searches "scam", "ban" or
"proposal" is at the moment a check was made for, and a page about scams is one step further
from an answer than the check itself.

Search knows each tool by its URL name only, and the page shows them with the checks' own
"check before you act" box (templates/checks/includes/door.html): no import of the app that
serves them, so the arrows still point one way (checks reads search's normalising). A tool is
offered when a word of the query, as typed or read as Banglish (search.expand.bangla_of),
begins with one of its stems, or is one typo away from a long one (search.expand.typo_limit).
"""

import functools

from rapidfuzz.distance import OSA

from .expand import LATIN, bangla_of, typo_limit
from .normalise import normalise

# {URL name: beginnings of the words that call for it, in any script and spelling}, normalised
# on use; "two+accounts" calls for it only with both words, in order.
TOOLS = {
    "checks:offer": (
        "scam skam fraud fake cheat protarona protarok protaron batpar "
        "স্ক্যাম প্রতারণা প্রতারক বাটপার ভুয়া ফেক ধোঁকা "
        "registration+fee joining+fee task টাস্ক রেজিস্ট্রেশন+ফি "
        "telegram টেলিগ্রাম like+earn like+income like+kore like+diye লাইক+আয় লাইক+করে লাইক+দিয়ে"
    ),
    "checks:account": (
        "ban banned suspen suspended suspension disabled restricted appeal vpn "
        "ব্যান সাসপেন্ড সাসপেনশন স্থগিত ডিজেবল রেস্ট্রিক্ট আপিল ভিপিএন "
        "two+accounts multiple+accounts second+account "
        "একাধিক+অ্যাকাউন্ট দুই+অ্যাকাউন্ট দুটি+অ্যাকাউন্ট"
    ),
    "checks:proposal": "proposal propozal cover+letter bid gig প্রপোজাল প্রোপোজাল কভার+লেটার বিড গিগ",
}
# Stems this short would match too much as prefixes ("gig" in "gigabyte", বিড in বিডি), so
# they must be the whole word, or in Bangla the word with a case ending (গিগের, গিগে).
WHOLE_WORD_BELOW = 4
BANGLA_ENDINGS = ("", "ের", "র", "ে", "টি", "টা", "গুলো")
# A typo is forgiven in stems this long only ("appeal" must not meet "appear").
TYPOS_FROM = 7


@functools.cache
def _stems():
    """([(URL name, single stems, two-word stems)], {first letter: stem words}), normalised,
    built on first use. A query's word is compared only with the stem words of its own first
    letter (a typo is forgiven after it): a few comparisons a word, microseconds a search."""
    table, by_letter = [], {}
    for url_name, words in TOOLS.items():
        stems = [tuple(normalise(part) for part in stem.split("+")) for stem in words.split()]
        singles = frozenset(stem[0] for stem in stems if len(stem) == 1)
        table.append((url_name, singles, tuple(dict.fromkeys(stem for stem in stems if len(stem) == 2))))
        for stem in stems:
            for part in stem:
                by_letter.setdefault(part[0], set()).add(part)
    return table, by_letter


def _forms(word):
    forms = [word]
    if LATIN.fullmatch(word):
        forms.append(bangla_of(word))
    return forms


def _meets(form, stem):
    if len(stem) < WHOLE_WORD_BELOW:
        if LATIN.fullmatch(stem):
            return form == stem
        return any(form == stem + ending for ending in BANGLA_ENDINGS)
    if form.startswith(stem):
        return True
    limit = typo_limit(len(stem)) if len(stem) >= TYPOS_FROM else 0
    return limit > 0 and OSA.distance(form[: len(stem)], stem, score_cutoff=limit) <= limit


def tools_for(words):
    """The URL names of the tools the query's normalised `words` call for, in TOOLS order."""
    table, by_letter = _stems()
    # For each word of the query: the stem words it meets, as typed or read as Banglish.
    met = [
        {stem for form in _forms(word) if form for stem in by_letter.get(form[0], ()) if _meets(form, stem)}
        for word in words
    ]

    anywhere = set().union(*met)
    return [
        url_name
        for url_name, singles, pairs in table
        if singles & anywhere
        or any(
            first in anywhere and first in met[i] and second in met[i + 1]
            for first, second in pairs
            for i in range(len(met) - 1)
        )
    ]
