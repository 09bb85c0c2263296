"""The passage shown under a result, with the reader's words marked.

Matching happens on normalised text (search.normalise); `normalise_with_map` maps each
match back to the characters the reader sees, so "ফাইভার" typed with a ZWNJ still marks
"ফাইভার" in the text. Text is escaped piece by piece; only our own <mark> tags are HTML.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .normalise import normalise, normalise_with_map, readable

# Characters of context on each side of the first match.
CONTEXT = 90
# The first characters of a text looked at for a match before the whole text.
HEAD = 800


def _spans(text, terms):
    """Sorted, merged (start, end) spans of `text` where any normalised term occurs."""
    return _spans_in(*normalise_with_map(text), terms)


def _spans_in(normal, where, terms, low=0, high=None):
    """`_spans` from the text's `normalise_with_map`, of the occurrences within text[low:high]
    and counted from `low`."""
    if high is None:
        high = where[-1] + 1 if where else 0
    spans = []
    for term in terms:
        start = normal.find(term)
        while term and start != -1:
            first, last = where[start], where[start + len(term) - 1] + 1
            if low <= first and last <= high:
                spans.append((first - low, last - low))
            start = normal.find(term, start + len(term))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text, spans):
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)


def highlight(text, terms, nfc=True):
    """All of `text`, escaped, with every term marked (titles, summaries)."""
    text = readable(text) if nfc else text
    return _marked(text, _spans(text, terms))


def _first_match(normal, where, phrase, words):
    """(start, end) in the text of the phrase's first occurrence, else the earliest word's,
    from the text's `normalise_with_map`."""
    position = normal.find(phrase) if phrase else -1
    term = phrase
    if position == -1:
        found = [(normal.find(word), word) for word in words if word and word in normal]
        if not found:
            return None
        position, term = min(found)
    return where[position], where[position + len(term) - 1] + 1


def _normalised_heads(text):
    """(head, its normalised form): a head first, the whole text only if need be (most
    matches are near the top)."""
    for head in (text[:HEAD], text) if len(text) > HEAD else (text,):
        yield head, normalise(head, nfc=False)


def _near_first_match(text, phrase, words, normal=None):
    """(offset, window): a piece of `text` around the first match, or None when nothing matches.
    `normal`: the text's normalised form, when known (the index keeps it).

    Mapping normalised positions back (normalise_with_map) takes a step per word; over a 4 KB
    body that was most of a results page's time, and so was a binary search that normalised
    a dozen prefixes. Normalising mostly drops characters (a ZWNJ, a doubled space, the
    য-phala), rarely adds any, so the match at normalised position p lies in `text` between p
    and p + (how much the text shrank): one slice with a margin holds it, and `excerpt` falls
    back to the whole text in the rare case it does not."""
    heads = [(text, normal)] if normal is not None else _normalised_heads(text)
    for head, normal_head in heads:  # noqa: B007 (the head where a term is found is used below)
        found = [(normal_head.find(term), term) for term in [phrase, *words] if term and term in normal_head]
        if found:
            break
    else:
        return None
    shrunk = max(0, len(head) - len(normal_head))
    position = normal_head.find(phrase) if phrase and phrase in normal_head else min(found)[0]
    # The window is mapped up to the match: keep its head short.
    start = max(0, position - CONTEXT - 10)
    end = position + shrunk + 2 * CONTEXT + 40 + max(len(term) for _position, term in found)
    return start, text[start:end]


def excerpt(text, phrase, words, nfc=True, normal=None):
    """About 2*CONTEXT characters of `text` around the phrase (else the first word found),
    escaped, with every word marked; None when no word occurs in it. `nfc=False` for text
    already in NFC (the index's display text is stored so); `normal`: `normalise(text)`, when
    known."""
    text = readable(text) if nfc else text
    near = _near_first_match(text, phrase, words, normal)
    if near is None:
        return None
    offset, window = near
    mapped = normalise_with_map(window)
    first = _first_match(*mapped, phrase, words)
    if first is None:  # the estimate missed (text that grows when normalised)
        offset, window = 0, text
        mapped = normalise_with_map(window)
        first = _first_match(*mapped, phrase, words)
        if first is None:
            return None
    at_end = offset + len(window) >= len(text)
    text = window
    first_start, first_end = first
    start = max(0, first_start - CONTEXT)
    end = min(len(text), first_end + CONTEXT)
    # Cut at spaces so no word is shown in half.
    if start > 0:
        space = text.find(" ", start, first_start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space != -1 else end
    # The words are marked from the window's map: no second normalising of the piece shown.
    marked = _marked(text[start:end], _spans_in(*mapped, [phrase, *words], start, end))
    prefix = "… " if offset + start > 0 else ""
    suffix = " …" if end < len(text) or not at_end else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 (marked is escaped)
