"""The self-check's questions, and the reader's answers read from a query string.

Nothing is stored: the answers live in the URL (shareable, bookmarkable, cached whole). What
cannot be used (an unknown value, a second answer to a one-answer question, a third interest)
is left out and named in a note in the reader's language; a missing answer simply sets no limit.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from skills.models import EnglishLevel, Interest

from .models import Budget, Connection, Device, Hours

MAX_INTERESTS = 2


@dataclass(frozen=True)
class Question:
    key: str  # the query-string name
    attribute: str  # the Answers field
    label: str
    choices: list
    multiple: bool = False
    hint: str = ""


QUESTIONS = [
    Question("device", "device", _("What do you have to work on?"), Device.choices),
    Question(
        "english",
        "english",
        _("How is your English?"),
        [
            (EnglishLevel.LITTLE, _("I read a little")),
            (EnglishLevel.SIMPLE, _("I can read and write simple messages")),
            (EnglishLevel.COMFORTABLE, _("I am comfortable in English")),
        ],
    ),
    Question("hours", "hours", _("How many hours a week can you give?"), Hours.choices),
    Question("budget", "budget", _("How much money can you spend on learning?"), Budget.choices),
    Question(
        "like",
        "interests",
        _("What do you enjoy?"),
        Interest.choices,
        multiple=True,
        hint=_("Pick up to two."),
    ),
    Question("net", "connection", _("What is your connection?"), Connection.choices),
]


@dataclass(frozen=True)
class Answers:
    device: str = ""
    english: str = ""
    hours: str = ""
    budget: str = ""
    interests: tuple = ()
    connection: str = ""

    def values(self, question):
        value = getattr(self, question.attribute)
        return list(value) if question.multiple else [value] if value else []


@dataclass
class ReadAnswers:
    answers: Answers
    notes: list = field(default_factory=list)
    given: bool = False  # the query string held anything at all: show a plan
    missing: list = field(default_factory=list)  # questions without a usable answer


def read_answers(query):
    """Answers from a QueryDict (request.GET); never raises, whatever the query holds."""
    values, notes, missing = {}, [], []
    for question in QUESTIONS:
        allowed = [str(value) for value, _label in question.choices]
        given = [value.strip() for value in query.getlist(question.key)]
        known = list(dict.fromkeys(value for value in given if value in allowed))
        if len(known) < len([value for value in given if value]):
            notes.append(_("“%(question)s”: an answer we do not know was left out.") % {"question": question.label})
        if question.multiple:
            if len(known) > MAX_INTERESTS:
                notes.append(_("“%(question)s”: only the first two answers were used.") % {"question": question.label})
            values[question.attribute] = tuple(known[:MAX_INTERESTS])
        else:
            if len(known) > 1:
                notes.append(
                    _("“%(question)s”: more than one answer was given, so the first was used.")
                    % {"question": question.label}
                )
            values[question.attribute] = known[0] if known else ""
        if not values[question.attribute]:
            missing.append(question)
    known_keys = {question.key for question in QUESTIONS}
    if any(key not in known_keys for key in query):
        notes.append(_("Some parts of the address were not questions we ask, so they were left out."))
    return ReadAnswers(Answers(**values), notes, given=bool(query), missing=missing)
