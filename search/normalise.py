"""One normalisation for everything search compares: the index and the reader's query.

Bangla text reaches us in several encodings of the same letters: য়, ড় and ঢ় precomposed
(U+09DF, U+09DC, U+09DD) or as base letter + nukta (U+09AF U+09BC ...), zero-width joiners
and non-joiners (U+200D, U+200C) that only change the glyph, Bangla or ASCII digits. Latin
text comes in any case and with punctuation ("Freelancer.com"). Both sides of every match go
through `normalise`, so "ফাইভার", "FIVERR" and "fiverr" each meet their own kind.

Unicode NFC already maps the precomposed য়/ড়/ঢ় to base + nukta (they are composition
exclusions), so NFC unifies the two spellings; a test holds us to that.

Readers also spell Bangla words several ways, and no dictionary settles most of them: ি/ী,
ু/ূ, ই/ঈ, উ/ঊ, with or without য-ফলা (্য) or চন্দ্রবিন্দু (ঁ), ড়/ঢ় for র, ৎ for ত, ণ for ন, and
শ/ষ/স. `normalise` folds each set to one letter, on the text and on the query alike, so
"কীভাবে" finds "কিভাবে" and "ফ্রীল্যান্সিং" finds "ফ্রিলান্সিং". The display text keeps the
writer's spelling; only the comparable form is folded.
"""

import unicodedata

from freelanceguide.locale_format import to_ascii_digits

# Single letters folded to the spelling search compares (see the module docstring).
_FOLDED = {
    "\u09c0": "\u09bf",  # ী -> ি
    "\u09c2": "\u09c1",  # ূ -> ু
    "\u0988": "\u0987",  # ঈ -> ই
    "\u098a": "\u0989",  # ঊ -> উ
    "\u0981": "",  # চন্দ্রবিন্দু
    "\u09ce": "\u09a4",  # ৎ -> ত
    "\u09a3": "\u09a8",  # ণ -> ন
    "\u09b6": "\u09b8",  # শ -> স
    "\u09b7": "\u09b8",  # ষ -> স
    "\u09bc": "",  # nukta: য় -> য
}
# Letter pairs (after NFC): ড় and ঢ় (base + nukta) read as র; য-ফলা (virama + য) goes. The
# nukta left on য় then goes too (in _FOLDED): য় and য are typed for each other as well.
# (The pairs cannot overlap, so replacing one after another is one pass's result.)
_PAIRS = {"\u09a1\u09bc": "\u09b0", "\u09a2\u09bc": "\u09b0", "\u09cd\u09af": ""}
# For `normalise_with_map`: each folded form padded to its pair's length with a character the
# table drops (ZWNJ), so every index still points into the text.
_PAIRS_IN_PLACE = {pair: folded.ljust(len(pair), "\u200c") for pair, folded in _PAIRS.items()}


def _map_char(char):
    if char in _FOLDED:
        return _FOLDED[char]
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


def normalise(text, nfc=True):
    """The comparable form of `text`: NFC, Bangla variants folded, casefolded, ASCII digits,
    single spaces. `nfc=False` for text already in NFC (`readable`), to index faster."""
    text = str(text)
    if nfc:
        text = unicodedata.normalize("NFC", text)
    # str.replace, not a regular expression: several times faster.
    for pair, folded in _PAIRS.items():
        text = text.replace(pair, folded)
    # split/join, not a regex (a third faster): the table leaves " " as the only whitespace.
    return " ".join(text.translate(_TABLE).split())


class _OneForOneTable(dict):
    """`_TABLE` with each dropped character kept as a NUL: the translated text keeps the
    original's length, so an index in one is the same character's index in the other (except
    where a character casefolds to several: "ß" -> "ss"). A NUL in the text itself is a control
    character, so it becomes a space: a NUL left after translating is always a dropped one."""

    def __missing__(self, code):
        self[code] = mapped = _TABLE[code] or "\0"
        return mapped


_ONE_FOR_ONE = _OneForOneTable()


def normalise_with_map(text):
    """`normalise` of an NFC `text`, plus, for each output character, its index in `text`.

    Used to find a match in readable text: search the normalised form, then map the span
    back to the characters the reader sees. Gives the same string as `normalise`.
    """
    # Letter pairs become strings of their own length (_PAIRS_IN_PLACE).
    same_length = text
    for pair, in_place in _PAIRS_IN_PLACE.items():
        same_length = same_length.replace(pair, in_place)
    one_for_one = same_length.translate(_ONE_FOR_ONE)
    if len(one_for_one) != len(same_length):  # a character casefolds to several (rare)
        return _normalise_with_map_by_character(same_length)
    # A step per word, not per character (a results page maps a dozen passages): the words
    # are joined by one space, at the index of the first space after the word before.
    words, where = [], []
    position = 0
    space = None  # index of the space after the last word kept
    for piece in one_for_one.split(" "):
        end = position + len(piece)
        if "\0" in piece:  # a dropped character inside (a ZWNJ, a য-ফলা)
            kept = [position + index for index, char in enumerate(piece) if char != "\0"]
            piece = piece.replace("\0", "")
        else:
            kept = range(position, end)
        if piece:
            if words:
                where.append(space)
            words.append(piece)
            where.extend(kept)
            space = end
        position = end + 1
    return " ".join(words), where


def _normalise_with_map_by_character(same_length):
    """`normalise_with_map` a character at a time, for text where a character casefolds to
    several."""
    out, where = [], []
    space = True  # drop leading spaces
    for index, mapped in enumerate(map(_TABLE.__getitem__, map(ord, same_length))):
        for char in mapped:  # (casefolding may give more than one character)
            if char == " ":
                if space:
                    continue
                space = True
            else:
                space = False
            out.append(char)
            where.append(index)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def readable(text):
    """Text for display and snippets: NFC (so positions match `normalise_with_map`)."""
    return unicodedata.normalize("NFC", str(text))
