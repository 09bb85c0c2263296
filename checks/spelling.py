"""Spelling of the English a reader pastes into the proposal check: offline, with
pyspellchecker's own English dictionary (no service sees the text), taught the trade's words
and British spelling, and silent on Banglish, names, addresses and numbers.
"""

import re
from functools import lru_cache

from .text import word_list

# At most this many misspelt words are named: more would bury the rest of the findings.
MAX_SPELLING = 5
_NUMBER = re.compile(r"\d")

# Words of this trade the dictionary does not know; each is English to a client.
TRADE_WORDS = word_list(
    """upwork fiverr freelancer freelancers freelancing freelance wordpress woocommerce shopify
    figma canva seo ui ux api apis css html javascript typescript python django php laravel react
    reactjs nodejs vue angular photoshop illustrator indesign lightroom premiere logo logos ecommerce
    behance dribbble github gitlab linkedin youtube tiktok instagram facebook google mailchimp hubspot
    zapier excel gmail payoneer paypal bkash nagad wix squarespace webflow elementor mockup mockups
    wireframe wireframes prototype prototypes favicon infographic infographics copywriting copywriter
    proofreading proofreader transcription backend frontend fullstack devops saas smm ppc cms crm url
    urls pdf png jpg jpeg svg gif ai chatgpt etsy dropshipping thumbnail thumbnails voiceover onboarding
    email emails website websites app apps ios android flutter kotlin json sql mysql postgresql aws
    adobe xd blender autocad sketchup branding rebrand rebranding responsive landing dashboard
    dashboards plugin plugins whatsapp telegram skype imo viber zoom"""
)
_TRADE = frozenset(TRADE_WORDS)
# The dictionary spells American; Bangladesh is taught British ("colour", "organise"). A word
# that is American after one of these is spelt right.
_BRITISH = (("our", "or"), ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("tre", "ter"), ("ence", "ense"))
# The spelling check runs on English only, not on Banglish (where every word would read as
# misspelt). Text is English when it has fewer Banglish words than English function words, which
# even a weak speller writes right ("I am intrested in yuor projct"), and either...
FUNCTION_WORDS = frozenset(
    word_list(
        "i you your my me we us our the an and of in on at for with from is am was were will would "
        "can could have has had it its this that these be been do not"
    )
)
# (Banglish words the dictionary may know as English, "ta", "kom", "pari", are why these count.)
BANGLISH_WORDS = frozenset(
    word_list(
        "ami amar amake apni apnar apnake tumi tomar ache achi achen korte korbo kori korben koren kora "
        "pari parbo paren kaj kajer hobe hoy hoye bhai vai kintu jonno theke dite nite dibo nibo ta ti "
        "na ki kono nai valo bhalo taka kom beshi besi ektu kal aj aaj shuru suru somossa jodi tahole"
    )
)
# ...at least this share of its words are in the dictionary...
MIN_ENGLISH_SHARE = 0.5
# ...or, however badly spelt, this many of its Latin words, and this share, are function words.
MIN_FUNCTION_WORDS = 3
MIN_FUNCTION_SHARE = 0.2
# A real word this rare with a word one letter away this many times commoner is taken as a typo
# ("fils" for "files"): the dictionary knows "fils", no client means it.
RARE_WORD = 100
COMMONER = 200


@lru_cache(maxsize=1)
def _speller():
    # Loading the dictionary takes a fifth of a second: once per process, not per request.
    from spellchecker import SpellChecker

    speller = SpellChecker()
    speller.word_frequency.load_words(TRADE_WORDS)
    return speller


_CHUNK = re.compile(r"\S+")
_LATIN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])[\s\"'(]*$")


def misspellings(text):
    """Up to five misspelt English words as (word as written, the library's correction or "")."""
    candidates = []
    for chunk in _CHUNK.finditer(text):
        word = chunk.group()
        # Addresses, emails, handles and anything with a digit are not words to spell.
        if _NUMBER.search(word) or "@" in word or "://" in word or re.search(r"[A-Za-z]\.[A-Za-z]", word):
            continue
        for match in _LATIN.finditer(word):
            latin = match.group()
            if len(latin) < 2 or latin.isupper():
                continue
            start = chunk.start() + match.start()
            # A capital inside a sentence is a name (a client's, a brand's): not ours to spell.
            if latin[0].isupper() and not _SENTENCE_START.search(text[:start]):
                continue
            candidates.append(latin)
    if not candidates:
        return []
    speller = _speller()
    lowered = [_base(word.lower()) for word in candidates]
    unknown = speller.unknown(lowered)
    if not _is_english(text, len(lowered) - len([word for word in lowered if word in unknown]), len(lowered)):
        return []
    found, seen = [], set()
    for written, word in zip(candidates, lowered, strict=True):
        if word in seen or word in _TRADE or _british(speller, word):
            continue
        suggestion = _suggestion(speller, word, word in unknown)
        if suggestion is not None:
            seen.add(word)
            found.append((written, suggestion))
            if len(found) == MAX_SPELLING:
                break
    return found


def _is_english(text, known, candidates):
    """Whether `text` is English to spell-check, not Banglish (see FUNCTION_WORDS)."""
    latin = [word.lower() for word in _LATIN.findall(text)]
    function = sum(1 for word in latin if word in FUNCTION_WORDS)
    if sum(1 for word in latin if word in BANGLISH_WORDS) >= max(function, 1):
        return False
    if known >= MIN_ENGLISH_SHARE * candidates:
        return True
    return function >= MIN_FUNCTION_WORDS and function >= MIN_FUNCTION_SHARE * len(latin)


def _british(speller, word):
    return any(old in word and speller.known([word.replace(old, new)]) for old, new in _BRITISH)


def _base(word):
    # "client's" is spelt as "client"; "don't" the dictionary knows whole.
    return word[:-2] if word.endswith("'s") else word


def _suggestion(speller, word, unknown):
    """The correction for a misspelt word ("" when the library has none), or None when the word
    is spelt right."""
    if unknown:
        correction = speller.correction(word)
        return correction if correction and correction != word else ""
    frequency = speller.word_frequency[word]
    if frequency >= RARE_WORD:
        return None
    neighbours = speller.known(speller.edit_distance_1(word)) - {word}
    best = max(neighbours, key=lambda other: speller.word_frequency[other], default=None)
    if best and speller.word_frequency[best] >= COMMONER * max(frequency, 1):
        return best
    return None
