"""One normalisation for everything search compares: the index and the reader's query.

Bangla text reaches us in several encodings of the same letters: য়, ড় and ঢ় precomposed
(U+09DF, U+09DC, U+09DD) or as base letter + nukta (U+09AF U+09BC ...), zero-width joiners
and non-joiners (U+200D, U+200C) that only change the glyph, Bangla or ASCII digits. Latin
text comes in any case and with punctuation ("Freelancer.com"). Both sides of every match go
through `normalise`, so "ফাইভার", "FIVERR" and "fiverr" each meet their own kind.

Unicode NFC already maps the precomposed য়/ড়/ঢ় to base + nukta (they are composition
exclusions), so NFC unifies the two spellings; a test holds us to that.
"""

import re
import unicodedata

from freelanceguide.locale_format import to_ascii_digits

_SPACES = re.compile(" {2,}")


def _map_char(char):
    category = unicodedata.category(char)
    if category == "Cf":  # ZWJ, ZWNJ, soft hyphen, BOM: change the glyph, not the word
        return ""
    if category[0] in "PSZC":  # punctuation, symbols, spaces, controls (NUL, newlines)
        return " "
    return to_ascii_digits(char.casefold())


class _CharTable(dict):
    """A str.translate table filled on first use of each character (fast for long bodies)."""

    def __missing__(self, code):
        self[code] = mapped = _map_char(chr(code))
        return mapped


_TABLE = _CharTable()


def normalise(text):
    """The comparable form of `text`: NFC, casefolded, ASCII digits, single spaces."""
    text = unicodedata.normalize("NFC", str(text)).translate(_TABLE)
    return _SPACES.sub(" ", text).strip()


def normalise_with_map(text, limit=None):
    """`normalise` of an NFC `text`, plus, for each output character, its index in `text`.

    Used to find a match in readable text: search the normalised form, then map the span
    back to the characters the reader sees. Gives the same string as `normalise`; with
    `limit`, stops once that many characters are out (a long body's first match is enough).
    """
    out, where = [], []
    space = True  # drop leading spaces
    for index, char in enumerate(text):
        if limit is not None and len(out) >= limit:
            return "".join(out), where
        for mapped in _TABLE[ord(char)]:
            if mapped == " ":
                if space:
                    continue
                space = True
            else:
                space = False
            out.append(mapped)
            where.append(index)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def readable(text):
    """Text for display and snippets: NFC (so positions match `normalise_with_map`)."""
    return unicodedata.normalize("NFC", str(text))
