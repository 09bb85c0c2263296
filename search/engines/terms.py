"""A term (one or more normalised words) written as each engine's query literal, quoted so that
no reader's text is ever query syntax, and which terms of a slot are needed at all."""


def whole(words):
    return len(words) == 1 and len(words[0]) == 1


def sqlite_term(words):
    phrase = '"' + " ".join(words).replace('"', '""') + '"'
    return phrase if whole(words) else phrase + "*"


def _postgres_lexeme(word):
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def postgres_term(words):
    lexemes = [_postgres_lexeme(word) for word in words]
    if not whole(words):
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def needed(terms):
    """The terms of a slot that can find a row no other term finds: "কাজ" (any word beginning
    so) already finds every row "কাজে" or "কাজ করা" finds. Expansion offers such pairs often,
    and each term costs the engine a merge of its rows (a common word: thousands)."""
    terms = list(dict.fromkeys(tuple(words) for words in terms))
    beginnings = {words[0] for words in terms if len(words) == 1 and not whole(words)}
    return [
        words
        for words in terms
        if not any(words[0].startswith(beginning) and words != (beginning,) for beginning in beginnings)
    ]
