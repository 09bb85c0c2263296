"""The proposal check's judgement: what a client would notice in a proposal (or a Fiverr gig)
the reader pasted, each finding with the reader's own words that triggered it.

Pure: no request, no database, nothing kept. Phrases are found with the offer check's phrase
finder (checks.text), so a small typo or a word ending still matches; contact details, links and
spelling are read from the reader's characters, since their shape (digits, dots, capitals) is
what the normalised words lose.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from freelanceguide.locale_format import to_ascii_digits

from .spelling import misspellings
from .text import Pasted, Phrase, compiled, find_phrases, word_list

PROPOSAL, GIG = "proposal", "gig"
SERIOUS, ADVICE = "serious", "advice"

# Where the off-platform rule comes from: (marketplace, page, the day an editor read it).
OFF_PLATFORM_RULES = (
    (
        "Upwork",
        "https://support.upwork.com/hc/en-us/articles/1500007569061-Our-most-important-policies",
        date(2026, 11, 26),
    ),
    (
        "Fiverr",
        "https://help.fiverr.com/hc/en-us/articles/32242973123985-Community-Standards-Introduction",
        date(2026, 11, 26),
    ),
)


@dataclass(frozen=True)
class Limit:
    characters: int
    source: str
    found: str  # what the source said, in an editor's words
    uncertain: bool  # True: no Fiverr page we could read states the number


# Fiverr's own "Gig policies" page (help.fiverr.com, read through the search tool on 26 November
# 2026) asks for a title that is "short, clear, and to the point" and gives no number for either
# field. The 80 and 1,200 are what sellers' guides report Fiverr's form enforces (fiverrtutorials.com,
# eduearnhub.com say 1,200 for the description); until a Fiverr page is found that states them,
# the page says they are not confirmed.
GIG_POLICIES = "https://help.fiverr.com/hc/en-us/articles/360011421218-Gig-policies"
GIG_TITLE_LIMIT = Limit(
    80, GIG_POLICIES, "Fiverr's Gig policies: a title short, clear and to the point; no number given.", True
)
GIG_DESCRIPTION_LIMIT = Limit(
    1200, GIG_POLICIES, "Sellers' guides report 1,200 characters; Fiverr's Gig policies give no number.", True
)

TOO_SHORT_WORDS = 50
TOO_LONG_WORDS = 300
LONG_FIRST_SENTENCE_WORDS = 35
MAX_QUOTES = 3
# Every way out the reader wrote is worth seeing: each one would have to go.
MAX_CONTACT_QUOTES = 5
MIN_JOB_WORDS_MET = 2

# Openings every template uses: a client who reads fifty proposals stops at them.
TEMPLATE_OPENINGS = (
    "Dear Sir",
    "Dear Sir/Madam",
    "Dear Hiring Manager",
    "To whom it may concern",
    "Hello Sir",
    "I have read your job description",
    "I have gone through your job",
    "I am the best",
    "I am an expert",
    "I am interested in your job",
    "I can do your job",
    "I am very much interested",
)
# The most copied lines of proposal templates. A normal closing ("Looking forward to hearing
# from you") is not among them: every honest letter ends like that.
COPIED_LINES = (
    "I have carefully read your job description",
    "I am a hardworking person",
    "I am a hard working person",
    "I will provide you 100% satisfaction",
    "100% satisfaction guaranteed",
    "I am confident that I can complete your project",
    "I have # years of experience in this field",
    "I can start right now",
    "please give me a chance",
    "I will do this job within your budget",
    "I am available 24/7",
)
# Asking to talk or pay off the marketplace. Long app names go through the phrase finder (a typo
# still matches); short ones (imo, zoom, viber, skype) are matched as whole words only, since one
# letter off they are ordinary English words ("vibes", "room").
OFF_PLATFORM_PHRASES = (
    "whatsapp",
    "whats app",
    "telegram",
    "হোয়াটসঅ্যাপ",
    "টেলিগ্রাম",
    "pay me directly",
    "pay directly",
    "direct payment",
    "outside upwork",
    "outside fiverr",
    "outside the platform",
    "payoneer directly",
    "paypal directly",
    "bkash directly",
    "nagad directly",
)
_SHORT_APPS = re.compile(r"\b(?:imo|zoom|viber|skype)\b", re.IGNORECASE)
NEXT_STEPS = (
    "can we",
    "could we",
    "shall we",
    "shall i",
    "should i",
    "i can send",
    "i can share",
    "i can show",
    "let me know",
    "a short call",
    "a quick call",
    "reply with",
    "send me",
    "would you like",
)
PROOF_WORDS = ("portfolio", "sample", "example", "result", "case study", "previous work", "past work", "my work")
# A question to the client without a question mark ("Could you share the brand colours.").
_QUESTION = re.compile(r"[?؟]|\b(?:could|can|would|will|do|does|did|are|is|should|shall) you\b", re.IGNORECASE)

# Portfolio hosts are proof, not a way around the marketplace; the marketplaces' own pages too.
PROOF_HOSTS = ("behance.net", "dribbble.com", "github.com", "github.io")
MARKETPLACE_HOSTS = ("upwork.com", "fiverr.com", "freelancer.com")
CHAT_HOSTS = ("t.me", "wa.me")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A bare address is lowercase ("mysite.com/work"): "ASP.NET" is a skill, not a site.
_LINK = re.compile(
    r"(?i:https?://|www\.)[^\s<>\"']+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|me|co|bd|info|xyz|link|ly|app|dev|page|site|online|store)\b[^\s<>\"']*"
)
# Bangladeshi mobile numbers: 01[3-9] and eight digits, with or without +880 (spaces, dashes).
_BD_PHONE = re.compile(r"(?<!\d)(?:\+?880[\s-]?)?0?1[3-9](?:[\s-]?\d){8}(?!\d)")
# Any other phone-like run: 8+ digits with only phone punctuation between them.
_PHONE_LIKE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{6,}\d(?![\w])")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d\s*-\s*(?:19|20)\d\d$")
_NUMBER = re.compile(r"\d")
# The end of a sentence: . ! ? (or the Bangla dari) before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?।]+(?=\s|$)|\n")


# English words that say nothing about a job: left out when matching a job post's words.
STOP_WORDS = frozenset(
    word_list(
        """a about above after again all also am an and any are as at be been before being below
    between both but by can could did do does doing done down during each few for from further
    get got had has have having he her here hers him his how i if in into is it its just like
    looking make me more most must my need needed needs no nor not now of off on once only or
    other our ours out over own please same she should so some someone such than thank thanks
    that the their theirs them then there these they this those through to too under until up
    us very want wants was we were what when where which while who whom why will with would
    you your yours hi hello dear job work project freelancer hire hiring looking experience
    experienced good great best new one also etc ok okay able well time start asap"""
    )
)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # SERIOUS or ADVICE
    quotes: tuple = ()  # the reader's own words, in the order they wrote them
    detail: dict = field(default_factory=dict, hash=False, compare=False)  # numbers and words


def check_proposal(proposal: Pasted, job: Pasted | None = None, kind=PROPOSAL):
    """Every finding on the pasted proposal (or gig), serious ones first."""
    title, body = _gig_parts(proposal) if kind == GIG else (None, proposal)
    findings = []
    opening = _opening(body)
    opening_spans = []
    if opening:
        opening_matches = find_phrases(opening, compiled(TEMPLATE_OPENINGS))
        opening_spans = [(match.first, match.last) for match in opening_matches]
        if opening_matches:
            findings.append(Finding("template-opening", SERIOUS, _quotes(proposal, opening_spans)))
    if contact := _off_platform(proposal):
        findings.append(Finding("off-platform-contact", SERIOUS, contact, {"rules": OFF_PLATFORM_RULES}))
    copied = [
        (match.first, match.last)
        for match in find_phrases(proposal, compiled(COPIED_LINES))
        if not any(first <= match.last and match.first <= last for first, last in opening_spans)
    ]
    if copied:
        findings.append(Finding("copied-template", SERIOUS if len(copied) >= 2 else ADVICE, _quotes(proposal, copied)))
    if kind == PROPOSAL and job is not None and (missed := _job_words_missed(proposal, job)):
        findings.append(Finding("no-job-words", SERIOUS, (), {"job_words": missed}))
    if kind == PROPOSAL:
        if not _QUESTION.search(proposal.text):
            findings.append(Finding("no-question", ADVICE))
        if not find_phrases(proposal, compiled(NEXT_STEPS)):
            findings.append(Finding("no-next-step", ADVICE))
    if not _has_proof(proposal):
        findings.append(Finding("no-proof", ADVICE))
    findings += _length_findings(proposal, body, title, kind)
    if misspelt := misspellings(proposal.text):
        findings.append(
            Finding("spelling", ADVICE, tuple(word for word, _ in misspelt), {"suggestions": tuple(misspelt)})
        )
    return sorted(findings, key=lambda finding: finding.severity != SERIOUS)


def has_serious(findings):
    return any(finding.severity == SERIOUS for finding in findings)


def _gig_parts(pasted):
    """A gig is pasted as its title on the first line and its description below it."""
    title = pasted.text.partition("\n")[0]
    return title.strip(), Pasted(pasted.text, tuple(word for word in pasted.words if word.start > len(title)))


def _opening(pasted):
    """The first sentence, as a Pasted of its words; with the next one when the first is only a
    greeting ("Hi,\nI have read..."): the client reads both before deciding."""
    if not pasted.words:
        return None
    start = pasted.words[0].start
    ends = [match.start() for match in _SENTENCE_END.finditer(pasted.text, start)]
    first = _words_before(pasted, ends[0] if ends else len(pasted.text))
    if len(first) <= 4 and len(ends) > 1:
        first = _words_before(pasted, ends[1])
    return Pasted(pasted.text, first)


def _words_before(pasted, end):
    return tuple(word for word in pasted.words if word.end <= end)


def _first_sentence_words(pasted):
    if not pasted.words:
        return 0
    end = _SENTENCE_END.search(pasted.text, pasted.words[0].start)
    return len(_words_before(pasted, end.start() if end else len(pasted.text)))


def _quotes(pasted, spans):
    # A span inside a longer one ("Dear Sir" in "Dear Sir/Madam") says nothing more.
    spans = sorted(set(spans))
    spans = [span for span in spans if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)]
    return _distinct(pasted.quote(first, last) for first, last in spans)


def _distinct(quotes, most=MAX_QUOTES):
    seen, kept = set(), []
    for quote in quotes:
        if quote.casefold() not in seen:
            seen.add(quote.casefold())
            kept.append(quote)
    return tuple(kept[:most])


def _off_platform(pasted):
    """The reader's words that ask to talk or pay off the marketplace, in the order written."""
    text = pasted.text
    digits = to_ascii_digits(text)  # one character for one: spans still point into `text`
    found, taken = [], []

    def add(start, end):
        if not any(start < other_end and other_start < end for other_start, other_end in taken):
            taken.append((start, end))
            found.append((start, text[start:end]))

    for match in _EMAIL.finditer(text):
        add(*match.span())
    for match in _LINK.finditer(text):
        if not _allowed_host(_host(match.group())):
            add(*match.span())
    for match in _BD_PHONE.finditer(digits):
        add(*match.span())
    for match in _PHONE_LIKE.finditer(digits):
        run = match.group().strip()
        if len(_NUMBER.findall(run)) >= 8 and not _YEAR_RANGE.match(run):
            add(*match.span())
    for match in _SHORT_APPS.finditer(text):
        add(*match.span())
    for match in find_phrases(pasted, compiled(OFF_PLATFORM_PHRASES)):
        add(pasted.words[match.first].start, pasted.words[match.last].end)
    return _distinct((quote.rstrip(".,;:)") for _, quote in sorted(found)), MAX_CONTACT_QUOTES)


def _host(link):
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link, flags=re.IGNORECASE)
    return re.split(r"[/?#:]", host, maxsplit=1)[0].lower().rstrip(".,;")


def _allowed_host(host):
    if host in CHAT_HOSTS:
        return False
    return any(host == allowed or host.endswith("." + allowed) for allowed in PROOF_HOSTS + MARKETPLACE_HOSTS)


def _has_proof(pasted):
    return bool(
        _LINK.search(pasted.text)
        or any(_NUMBER.match(word.form) for word in pasted.words)
        or find_phrases(pasted, compiled(PROOF_WORDS))
    )


def _job_words_missed(proposal, job):
    """A few of the job post's own words when the proposal answers fewer than two of them, or
    () when it answers enough (or the post has too few words to judge)."""
    counts = {}
    for word in job.words:
        form = word.form
        if len(form) >= 3 and form not in STOP_WORDS and not _NUMBER.search(form):
            counts[form] = counts.get(form, 0) + 1
    if len(counts) < 3:
        return ()
    # Each job word as a one-word phrase on its stem: "design" meets "designs", "designed".
    # Phrase.of, not the cached `compiled`: the reader's words are not kept past the request.
    phrases = [Phrase.of(_stem(form)) for form in counts]
    met = find_phrases(proposal, phrases)
    if len({match.phrase for match in met}) >= MIN_JOB_WORDS_MET:
        return ()
    # The words it says most, and of those the longest: "packaging" tells more than "small".
    shown = sorted(counts, key=lambda form: (-counts[form], -len(form)))[:5]
    return tuple(_as_written(job, form) for form in shown)


def _stem(form):
    for ending in ("ing", "ed", "es", "s"):
        if form.endswith(ending) and len(form) - len(ending) >= 4:
            return form[: -len(ending)]
    return form


def _as_written(pasted, form):
    word = next(word for word in pasted.words if word.form == form)
    return pasted.text[word.start : word.end]


def _length_findings(proposal, body, title, kind):
    findings = []
    count = len(body.words)
    if count < TOO_SHORT_WORDS:
        findings.append(Finding("too-short", ADVICE, (), {"words": count, "limit": TOO_SHORT_WORDS}))
    elif kind == PROPOSAL and count > TOO_LONG_WORDS:
        findings.append(Finding("too-long", ADVICE, (), {"words": count, "limit": TOO_LONG_WORDS}))
    first = _first_sentence_words(body)
    if first > LONG_FIRST_SENTENCE_WORDS:
        findings.append(Finding("weak-first-line", ADVICE, (), {"words": first, "limit": LONG_FIRST_SENTENCE_WORDS}))
    if kind == GIG:
        if len(title) > GIG_TITLE_LIMIT.characters:
            findings.append(
                Finding(
                    "gig-title-too-long",
                    ADVICE,
                    (),
                    {"characters": len(title), "limit": GIG_TITLE_LIMIT.characters, "source": GIG_TITLE_LIMIT},
                )
            )
        description = proposal.text.partition("\n")[2].strip()
        if len(description) > GIG_DESCRIPTION_LIMIT.characters:
            findings.append(
                Finding(
                    "gig-description-too-long",
                    ADVICE,
                    (),
                    {
                        "characters": len(description),
                        "limit": GIG_DESCRIPTION_LIMIT.characters,
                        "source": GIG_DESCRIPTION_LIMIT,
                    },
                )
            )
    return findings
