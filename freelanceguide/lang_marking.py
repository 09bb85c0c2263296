"""Marks English inside Bangla text with its language, so screen readers switch voice and
browsers pick the right font and hyphenation: `<span lang="en">Canva Design School</span>`.

Used in two places: the Markdown pipeline on a Bangla body (mark_english_html, after the
sanitiser) and the `mark_english` template filter on plain translated fields (names, summaries,
notes, resource titles) shown on Bangla pages. Code, preformatted text, keyboard keys and
anything already inside an element with a `lang` attribute are left alone; attributes are
never touched.
"""

import html
import re

# A run of English: words that start with a Latin letter ("Canva", "MP4", "Wi-Fi", "Brief &
# Match", "Direct to Local Bank", "99designs"), joined by spaces or by the punctuation that sits inside
# English names. A digit-only word ends the run: "300 DPI" keeps its number outside, where a
# Bangla page must write it in Bangla digits (৩০০ DPI).
_WORD = r"[0-9]*[A-Za-z][A-Za-z0-9]*(?:['’.\-+/&:][A-Za-z0-9]+)*"
LATIN_RUN = re.compile(rf"{_WORD}(?:(?: |&| & | - )+{_WORD})*")
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
# Elements whose text is never marked: code, and text that already carries its own language.
_LEFT_ALONE = {"code", "pre", "kbd", "samp", "script", "style"}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _wrap(text):
    """Escaped `text` with every English run inside <span lang="en">."""
    parts, last = [], 0
    for match in LATIN_RUN.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=False))
        parts.append(f'<span lang="en">{html.escape(match.group(0), quote=False)}</span>')
        last = match.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts)


def mark_english_text(text):
    """Plain text to HTML with its English runs marked (the text is escaped)."""
    return _wrap(str(text))


def mark_english_html(fragment):
    """Mark English runs in the text of a sanitised HTML fragment (tags are balanced)."""
    out, stack = [], []  # stack: (tag name, whether its text is left alone)
    for piece in _TAG.split(fragment or ""):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            match = _TAG_NAME.match(piece)
            if not match:
                continue  # a comment or doctype
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                while stack and stack.pop()[0] != name:
                    pass
            elif name not in _VOID and not piece.endswith("/>"):
                stack.append((name, name in _LEFT_ALONE or " lang=" in piece))
            continue
        if any(left_alone for _name, left_alone in stack):
            out.append(piece)
        else:
            out.append(_wrap(html.unescape(piece)))
    return "".join(out)
