"""Text a reader pastes into a check: read safely, cut into words, and found phrases quoted back.

Pure: no request, no database. The offer and proposal checks share it. Words are compared in
search's comparable form (search.normalise), and a Banglish word also as the Bangla Avro makes
of it (search.expand.bangla_of), so a phrase an editor writes once in Bangla is found in
"protidin 500 taka" too. Each match keeps the span of the reader's own characters, so a finding
quotes the words that triggered it.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.expand import bangla_of, typo_limit
from search.normalise import normalise, normalise_with_map, readable

MAX_CHARS = 5000
# No word of any language is this long: a run like this is an address, base64 or a key held down.
MAX_WORD_CHARS = 60
# In a phrase, "#" stands for any number ("# taka daily": "৫০০ টাকা", "500 tk").
NUMBER = "#"
# Words a phrase's words may be apart and still match ("registration fee" in "registration er
# jonno fee"): a message is not written to the editors' wording.
MAX_GAP = 2
_LATIN_SUFFIXES = ("", "s", "es", "ed", "ing", "er", "ers", "d")
# Bangla case endings and particles: টাকা, টাকার, টাকায়, টাকাটা.
_BANGLA_SUFFIX_CHARS = 3
_DIGITS = re.compile(r"^[0-9]+$")
_LATIN_WORD = re.compile(r"^[a-z0-9]+$")


class PasteError(ValueError):
    """Text no check can read; `code` names the reason (the form says it in the reader's language)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Word:
    form: str  # normalised
    start: int  # span in the readable text
    end: int


@dataclass(frozen=True)
class Pasted:
    text: str  # NFC, as the reader wrote it
    words: tuple

    def quote(self, first, last):
        """The reader's own characters from word `first` to word `last`."""
        return self.text[self.words[first].start : self.words[last].end]


def word_list(text):
    """Words an editor keeps as running text, one space apart (easier to read and add to)."""
    return tuple(text.split())


def read_pasted(raw, max_chars=MAX_CHARS):
    """The pasted text as words, or PasteError: "empty", "too_long", "binary" or "junk"."""
    text = readable(raw or "").replace("\r\n", "\n").strip()
    if not text:
        raise PasteError("empty")
    if len(text) > max_chars:
        raise PasteError("too_long")
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\t")
    if controls or "\ufffd" in text:
        raise PasteError("binary")
    normal, where = normalise_with_map(text)
    words, position = [], 0
    for form in normal.split(" "):
        if form:
            start, end = where[position], where[position + len(form) - 1] + 1
            words.append(Word(form, start, end))
        position += len(form) + 1
    letters = [word for word in words if not _DIGITS.match(word.form)]
    if not letters or sum(len(word.form) > MAX_WORD_CHARS for word in words) * 4 > len(words):
        raise PasteError("junk")
    return Pasted(text, tuple(word for word in words if len(word.form) <= MAX_WORD_CHARS))


def _keys(form):
    """The forms a word is compared in: itself, and for a Latin word the Bangla Avro makes of it."""
    if _LATIN_WORD.match(form) and not _DIGITS.match(form):
        return {form, bangla_of(form)}
    return {form}


@dataclass(frozen=True)
class Phrase:
    """An editor's phrase in comparable form: words to find in order, a few words apart at most."""

    source: str
    words: tuple

    @classmethod
    def of(cls, source):
        return cls(source, tuple(normalise(source).split()))


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    first: int  # word indexes in the pasted text
    last: int


class _WordMatcher:
    """Which pasted words each phrase word meets: the same word (in any of its keys), the word
    with an ending, or a typo within search's limits."""

    def __init__(self, pasted):
        self.pasted = pasted
        self.forms = sorted({word.form for word in pasted.words})
        self.by_form = {}
        for index, word in enumerate(pasted.words):
            self.by_form.setdefault(word.form, []).append(index)
        self.by_key = {}
        for form in self.forms:
            for key in _keys(form):
                self.by_key.setdefault(key, set()).add(form)
        self._positions = {}

    def positions(self, phrase_word):
        """Sorted indexes of the pasted words that meet `phrase_word`."""
        if phrase_word not in self._positions:
            self._positions[phrase_word] = sorted(
                index for form in self._forms_meeting(phrase_word) for index in self.by_form[form]
            )
        return self._positions[phrase_word]

    def _forms_meeting(self, phrase_word):
        if phrase_word == NUMBER:
            return {form for form in self.forms if _DIGITS.match(form)}
        found = set()
        for key in _keys(phrase_word):
            found |= self.by_key.get(key, set())
            found.update(self._with_ending(key))
        limit = typo_limit(len(phrase_word))
        if limit:
            found |= {
                form
                for form, _distance, _index in process.extract(
                    phrase_word, self.forms, scorer=OSA.distance, score_cutoff=limit, limit=None
                )
                if abs(len(form) - len(phrase_word)) <= limit and not _DIGITS.match(form)
            }
        return found

    def _with_ending(self, key):
        if len(key) < 2:
            return
        latin = bool(_LATIN_WORD.match(key))
        for form in self.forms[bisect.bisect_right(self.forms, key) :]:
            if not form.startswith(key):
                return
            ending = form[len(key) :]
            if (latin and ending in _LATIN_SUFFIXES) or (
                not latin and not _LATIN_WORD.match(form) and len(ending) <= _BANGLA_SUFFIX_CHARS
            ):
                yield form


def find_phrases(pasted, phrases):
    """Every phrase found in the pasted text, each at its first place: [Match]."""
    matcher = _WordMatcher(pasted)
    found = []
    for phrase in phrases:
        if match := _first_match(matcher, phrase):
            found.append(match)
    return found


def _first_match(matcher, phrase):
    if not phrase.words:
        return None
    for start in matcher.positions(phrase.words[0]):
        last = start
        previous = phrase.words[0]
        for word in phrase.words[1:]:
            # A one-letter word is a piece of an address ("t me" of t.me): side by side only.
            gap = 0 if min(len(word), len(previous)) == 1 else MAX_GAP
            following = [index for index in matcher.positions(word) if last < index <= last + 1 + gap]
            previous = word
            if not following:
                break
            last = following[0]
        else:
            return Match(phrase, start, last)
    return None


@lru_cache(maxsize=256)
def compiled(sources):
    """Phrases from a tuple of editors' strings (kept per process: the same lists come back)."""
    return tuple(Phrase.of(source) for source in sources if normalise(source))
