"""Query expansion: what the reader probably meant, the same on every database.

Runs only when the words as typed find too little (search.results). For each word it offers
alternatives found in the index's own vocabulary (search.models.SearchWord):

- Banglish: "kivabe" -> কিভাবে through Avro Phonetic (avro-py), kept when the index has a word
  beginning so; and a romanised key compared with the key of every indexed word (anyascii,
  then a few Banglish habits folded: ph=f, bh=v=b, sh=s, ee=i, doubled letters...), so
  "bkash" meets বিকাশ ("bikas") and "fivver" meets "fiverr";
- typos: words within an OSA distance (a swap of two letters is one edit; rapidfuzz), with
  limits by length as Algolia and Meilisearch use: none under 5 letters, 1 up to 8, 2 beyond;
- words run together or split: "free lancing" -> "freelancing", "webdesign" -> "web design";
- chat words ("ki", "e", "kora", "the") are dropped when other words remain.
Spelling variants of Bangla need no step here: search.normalise folds them on both sides.
"""

import bisect
import functools
import re
from dataclasses import dataclass, field

import avro
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .copies import ProcessCopy
from .normalise import normalise

LATIN = re.compile(r"[a-z]+")
BENGALI = re.compile("[\u0980-\u09ff]")
# How many alternatives one word may bring (more only slows the query and adds noise).
MAX_ALTERNATIVES = 6
# Chat and function words in Banglish, Bangla and English: no page is about them.
STOP_WORDS = set(
    normalise(
        "e ki ke na ar o to er r je jodi kore kora korte korbo korar jay jabe hoy hobe hoye ami amar amake "
        "tumi apni apnar ta ti te kichu ekta kono shob sob niye diye dia "
        "এ কি কী কে না আর ও তো এর যে যদি করে করা করতে করব করবো যায় যাবে হয় হবে হয়ে আমি আমার আমাকে "
        "তুমি আপনি আপনার টা টি তে কিছু একটা কোনো সব নিয়ে দিয়ে "
        "a an the of to in on at for and or is are be i my me what with from can do does by it this that"
    ).split()
)

_PHONETIC = [
    ("ph", "f"), ("bh", "v"), ("v", "b"), ("gh", "g"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("sh", "s"),
    ("ch", "c"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("z", "j"), ("y", "j"), ("ee", "i"), ("oo", "u"),
    ("gn", "n"),
]  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


def roman_key(word):
    """A loose Latin spelling of `word` (any script) that Banglish and English typing share."""
    key = "".join(LATIN.findall(anyascii(word).lower()))
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    if len(key) > 3 and key.endswith("e"):
        key = key[:-1]
    return key


@functools.lru_cache(maxsize=4096)
def bangla_of(word):
    """The Bangla that Avro Phonetic makes of a Roman `word`, normalised (asked several times
    per word of a query, and the same words come back: kept per process)."""
    return normalise(avro.parse(word))


def typo_limit(length):
    """Edits allowed for a word of `length` letters (Algolia, Meilisearch)."""
    return 0 if length < 5 else 1 if length <= 8 else 2


@dataclass
class Vocabulary:
    words: list  # sorted, for prefix lookups
    latin: list
    bengali: list
    keys: list  # distinct keys
    by_key: dict  # key -> words

    @classmethod
    def load(cls):
        from .models import SearchWord

        rows = list(SearchWord.objects.order_by("word").values_list("word", "key"))
        by_key = {}
        for word, key in rows:
            if key:
                by_key.setdefault(key, []).append(word)
        words = sorted(word for word, _key in rows)
        return cls(
            words=words,
            latin=[w for w in words if LATIN.fullmatch(w)],
            bengali=[w for w in words if BENGALI.match(w)],
            keys=sorted(by_key),  # sorted: typo matches that tie come out alike on every database
            by_key=by_key,
        )

    def known(self, word):
        """Some indexed word begins with `word`."""
        position = bisect.bisect_left(self.words, word)
        return position < len(self.words) and self.words[position].startswith(word)

    def has(self, word):
        position = bisect.bisect_left(self.words, word)
        return position < len(self.words) and self.words[position] == word

    def may_match(self, word):
        """Whether the engines may find `word` as a query's word: some indexed word begins with
        it (a one-letter word: is it; search.engines). The vocabulary holds every word of the
        index (a longer one than 100 letters by its first 100: search.indexing)."""
        return self.has(word) if len(word) == 1 else self.known(word[:100])


_vocabulary = ProcessCopy(Vocabulary.load)


def vocabulary():
    return _vocabulary.get()


def vocabulary_if_current():
    """This process's copy of the vocabulary when it holds a current one, else None (not loaded
    for this: a search whose words are all found never needs it)."""
    return _vocabulary.current()


@dataclass
class Slot:
    """One word (or two run together) of the query and what may stand for it."""

    typed: str
    terms: list = field(default_factory=list)  # tuples of words; the first is the typed form
    shown: str = ""  # the form named in "showing results for"

    @property
    def changed(self):
        return self.shown != self.typed


def _close(word, choices, limit, count=3):
    if limit == 0 or not choices:
        return []
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=count)
    return [choice for choice, _distance, _index in sorted(found, key=lambda item: (item[1], item[0]))]


def _alternatives(word, vocab):
    """Words of the index that may be what `word` meant, best first."""
    found = []
    if LATIN.fullmatch(word):
        bangla = bangla_of(word)
        if bangla and vocab.known(bangla):
            found.append(bangla)
        key = roman_key(word)
        found.extend(sorted(vocab.by_key.get(key, []), key=lambda w: (len(w), w))[:3])
        found.extend(_close(word, vocab.latin, typo_limit(len(word))))
        for close_key in _close(key, vocab.keys, typo_limit(len(key))):
            found.extend(sorted(vocab.by_key[close_key], key=lambda w: (len(w), w))[:2])
    else:
        found.extend(_close(word, vocab.bengali, typo_limit(len(word))))
    return [w for w in dict.fromkeys(found) if w != word][:MAX_ALTERNATIVES]


def _split(word, vocab):
    """("web", "design") for "webdesign" when both halves are indexed words; else None."""
    for cut in range(2, len(word) - 1):
        if vocab.has(word[:cut]) and vocab.has(word[cut:]):
            return word[:cut], word[cut:]
    return None


def expand(words):
    """Slots for the query `words` (normalised): each with the typed word and alternatives."""
    vocab = vocabulary()
    meaningful = [word for word in words if word not in STOP_WORDS]
    words = meaningful or words
    slots, index = [], 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        joined = word + (following or "")
        if following and (vocab.has(joined) or (vocab.known(joined) and not vocab.has(word))):
            slots.append(Slot(typed=f"{word} {following}", terms=[(joined,), (word, following)], shown=joined))
            index += 2
            continue
        slot = Slot(typed=word, terms=[(word,)], shown=word)
        if not vocab.known(word):
            halves = _split(word, vocab) if len(word) >= 6 else None
            if halves:
                slot.terms.append(halves)
                slot.shown = " ".join(halves)
        for alternative in _alternatives(word, vocab):
            slot.terms.append((alternative,))
        if slot.shown == word and len(slot.terms) > 1:
            if not vocab.known(word):
                slot.shown = " ".join(slot.terms[1])
            elif LATIN.fullmatch(word) and (bangla_of(word),) in slot.terms:
                # Banglish that is also an indexed word (a guide lists "kivabe" among its other
                # spellings): the reader most likely means the Bangla word.
                slot.shown = bangla_of(word)
            else:  # an indexed word, yet too rare: name a close word of its own script, if any
                same_script = [t for t in slot.terms[1:] if bool(LATIN.fullmatch(t[0])) == bool(LATIN.fullmatch(word))]
                slot.shown = " ".join(same_script[0]) if same_script else word
        slots.append(slot)
        index += 1
    return slots
