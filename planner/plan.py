"""Answers plus the editors' data in, a ranked personal plan out.

`build_plan` is the whole decision and touches no database: it takes the answers and the
published skills (with their learning resources and marketplaces already fetched) and the
published advice. The page (planner/pages.py, `plan_page`) reads the answers, fetches that
data in four queries, and returns what the template shows.

Hard rules (a skill that breaks one is never recommended while another fits):
- device: a phone-only reader gets no skill marked "needs a computer"; a shared-computer
  reader only skills marked as working on one;
- English: the skill needs no more English than the reader has;
- hours: the skill's weekly hours fit in the reader's;
- budget: the skill can be started with what the reader can spend.
A missing answer sets no limit. Soft rules (ranking): interests, phone fit, difficulty, months
to first paid work, big downloads on mobile data.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from marketplaces.models import Marketplace
from skills.models import Difficulty, EnglishLevel, Interest, PhoneFit, ResourceLanguage, Skill
from training.models import Status as ProgrammeStatus

from .answers import Answers
from .models import MAX_BUDGET_BDT, MAX_HOURS, Advice, AdviceKind, Connection, Device, LinkTo

SKILLS_SHOWN = 3
MARKETPLACES_SHOWN = 3
RESOURCES_SHOWN = 3
WEEKS = (1, 2, 3, 4)
# Hard rules, checked in this order; if no skill at all fits every answer (an editor changed
# the data), they are given up from the last (hours, then budget, then English) and the plan
# says which answer it could not respect. Never the device.
HARD_RULES = ("device", "english", "budget", "hours")


@dataclass
class SkillFit:
    skill: Skill
    reasons: list
    warnings: list
    learning: list
    learning_note: str = ""
    score: float = 0
    show_phone_note: bool = False  # the editors' "why (phone)" text, shown in its own language
    programmes: list = field(default_factory=list)  # training programmes that teach the skill

    @property
    def months_span(self):
        """The chart bar's length: at least a sliver when the range is one month."""
        return max(self.skill.months_max - self.skill.months_min, 0.4)

    @property
    def icon(self):
        """Which small picture the skill's card shows: its first interest."""
        interests = self.skill.interest_list
        return interests[0] if interests else "other"


@dataclass
class MarketFit:
    marketplace: Marketplace
    reasons: list
    skills: list  # the recommended skills it sells


@dataclass
class Week:
    number: int
    steps: list


@dataclass
class Step:
    advice: Advice
    link: object = None  # a skill or marketplace from the plan, per the advice's link_to

    @property
    def id(self):
        """The step's stable id, which the reader's ticks on the phone are keyed by (`data-step`,
        static/js/plan.js): the advice's slug, unique and kept by editors (the content loader
        matches rows by it), never the position, so a step added, removed or moved to another
        week leaves every other step's tick where it was."""
        return self.advice.slug


@dataclass
class Caution:
    """A caution the code adds (the editors' cautions are Advice rows with the same fields)."""

    text: str
    title: str = ""
    guide: object = None


@dataclass
class Plan:
    answers: Answers
    skills: list
    marketplaces: list
    cautions: list  # Advice rows and Caution
    weeks: list
    relaxed: list = field(default_factory=list)
    months_scale: int = 12  # the chart's width in months

    @property
    def first_skill(self):
        return self.skills[0].skill if self.skills else None

    @property
    def step_count(self):
        return sum(len(week.steps) for week in self.weeks)


# --- the rules -------------------------------------------------------------------------------


def breaks_rule(skill, answers, rule):
    """Does the skill contradict the reader's answer to one hard rule?"""
    if rule == "device":
        if answers.device == Device.PHONE:
            return skill.phone == PhoneFit.NO
        if answers.device == Device.SHARED:
            return not skill.shared_computer
        return False
    if rule == "english":
        return bool(answers.english) and EnglishLevel.rank(skill.english_needed) > EnglishLevel.rank(answers.english)
    if rule == "hours":
        limit = MAX_HOURS.get(answers.hours)
        return limit is not None and skill.hours_per_week > limit
    if rule == "budget":
        limit = MAX_BUDGET_BDT.get(answers.budget)
        return limit is not None and skill.start_cost_bdt > limit
    raise ValueError(rule)


DIFFICULTY_SCORE = {Difficulty.BEGINNER: 3, Difficulty.INTERMEDIATE: 1, Difficulty.ADVANCED: 0}


def score(skill, answers):
    matched = set(answers.interests) & set(skill.interest_list)
    points = 10 * len(matched) + DIFFICULTY_SCORE.get(skill.difficulty, 0) - skill.months_min / 2
    if answers.device == Device.PHONE and skill.phone == PhoneFit.YES:
        points += 3
    if answers.connection == Connection.MOBILE and skill.heavy_data:
        points -= 4
    if answers.english:
        points += EnglishLevel.rank(answers.english) - EnglishLevel.rank(skill.english_needed)
    return points


def rank_skills(skills, answers):
    """(skills that fit, rules given up): the best first, ties by the editors' order."""
    relaxed = []
    rules = list(HARD_RULES)
    while True:
        fitting = [s for s in skills if not any(breaks_rule(s, answers, rule) for rule in rules)]
        if fitting or len(rules) == 1:
            break
        relaxed.append(rules.pop())
    order = {skill.pk: index for index, skill in enumerate(skills)}
    fitting.sort(key=lambda s: (-score(s, answers), order[s.pk]))
    return fitting, relaxed


def skill_reasons(skill, answers):
    reasons = []
    matched = [label for code, label in Interest.choices if code in answers.interests and code in skill.interest_list]
    if matched:
        reasons.append(_("Suits what you enjoy: %(interests)s") % {"interests": ", ".join(str(m) for m in matched)})
    if skill.phone == PhoneFit.YES:
        reasons.append(_("Works on a phone"))
    elif skill.phone == PhoneFit.PARTLY and answers.device == Device.PHONE:
        reasons.append(_("You can start on a phone"))
    if answers.device == Device.SHARED and skill.shared_computer:
        reasons.append(_("Works on a shared or cyber-café computer"))
    if skill.english_needed == EnglishLevel.LITTLE:
        reasons.append(_("Needs little English"))
    elif skill.english_needed == EnglishLevel.SIMPLE:
        reasons.append(_("Simple English is enough"))
    elif answers.english == EnglishLevel.COMFORTABLE:
        reasons.append(_("Makes good use of your English"))
    if skill.start_cost_bdt == 0:
        reasons.append(_("Can start with free lessons and tools"))
    if skill.difficulty == Difficulty.BEGINNER:
        reasons.append(_("Good for beginners"))
    if skill.hours_per_week and skill.hours_per_week < 10:
        reasons.append(_("A few hours a week are enough"))
    return reasons


def phone_note_applies(skill, answers):
    """A phone-only reader sees why a skill is only partly done on a phone (the editors' note)."""
    return answers.device == Device.PHONE and skill.phone == PhoneFit.PARTLY and bool(skill.phone_note)


def skill_warnings(skill, answers):
    warnings = []
    if answers.device == Device.PHONE and skill.phone == PhoneFit.PARTLY and not skill.phone_note:
        warnings.append(_("Some of the work needs a computer."))
    if answers.connection == Connection.MOBILE and skill.heavy_data:
        warnings.append(_("Needs big downloads or uploads, which cost a lot on mobile data: use Wi-Fi when you can."))
    return warnings


def ways_to_learn(skill, answers):
    """(resources, programmes, note): how to learn the skill within the reader's budget and language.

    The skill's learning resources, and the training programmes that teach it (free and
    low-cost courses; a closed one or one over the budget is left out). This is the one place
    that decides how a reader learns.
    """
    limit = MAX_BUDGET_BDT.get(answers.budget)
    resources = skill.learning_resources
    affordable = [r for r in resources if limit is None or (r.cost_min_bdt or 0) <= limit]
    english = EnglishLevel.rank(answers.english) if answers.english else None
    note = ""
    if english == 0:
        bangla = [r for r in affordable if r.language == ResourceLanguage.BN]
        if bangla:
            affordable = bangla
        elif affordable:
            note = _("No lesson in Bangla is listed yet; these are in English.")
    # Free first, then (for readers short of English) Bangla first, then the cheaper.
    prefer_bangla = english is not None and english < 2
    affordable.sort(
        key=lambda r: (not r.is_free, prefer_bangla and r.language != ResourceLanguage.BN, r.cost_min_bdt or 0)
    )
    if not affordable and resources:
        note = _("Every listed course costs more than you said you can spend; start with the free way below.")
    programmes = [
        programme
        for programme in skill.programmes.all()
        if programme.status != ProgrammeStatus.CLOSED and (limit is None or programme.cost_bdt <= limit)
    ]
    return affordable[:RESOURCES_SHOWN], programmes, note


def suitable_marketplaces(fits, answers):
    """Marketplaces selling the recommended skills, the ones that suit the reader's English first."""
    chosen = {fit.skill.pk: fit.skill for fit in fits}
    markets, sells = {}, {}
    for skill in chosen.values():
        for market in skill.marketplaces.all():
            markets.setdefault(market.pk, market)
            sells.setdefault(market.pk, []).append(skill)
    if not markets:
        return [], False
    reader = EnglishLevel.rank(answers.english) if answers.english else len(EnglishLevel.values) - 1
    fitting = [m for m in markets.values() if EnglishLevel.rank(m.english_needed) <= reader]
    too_much_english = not fitting
    if too_much_english:
        least = min(EnglishLevel.rank(m.english_needed) for m in markets.values())
        fitting = [m for m in markets.values() if EnglishLevel.rank(m.english_needed) == least]
    designs = any("design" in s.interest_list for s in chosen.values()) or "design" in answers.interests

    def market_score(market):
        points = 3 * len(sells[market.pk]) - float(market.freelancer_fee_max) / 10
        if market.wins_by_gig and reader <= 1:
            points += 3
        if market.wins_by_contest and designs:
            points += 1
        return points

    fitting.sort(key=lambda m: (-market_score(m), m.position, m.slug))
    result = []
    for market in fitting[:MARKETPLACES_SHOWN]:
        reasons = []  # the template names the skills it sells first, each with its own language
        if market.wins_by_gig:
            reasons.append(_("Gig listings: buyers come to you, so you write fewer proposals in English"))
        if market.wins_by_contest and designs:
            reasons.append(_("Contests: your designs speak for you"))
        if market.wins_by_proposal:
            reasons.append(_("Proposals: you write to clients in English to win each job"))
        if market.english_needed == EnglishLevel.SIMPLE:
            reasons.append(_("Simple English is enough to start"))
        result.append(MarketFit(market, reasons, sells[market.pk]))
    return result, too_much_english


def build_plan(answers, skills, advice):
    """The ranked plan for these answers. `skills`: published skills in the editors' order, as
    `plan_data` reads them; `advice`: published Advice rows in order."""
    ranked, relaxed = rank_skills(list(skills), answers)
    fits = []
    for skill in ranked[:SKILLS_SHOWN]:
        learning, programmes, note = ways_to_learn(skill, answers)
        fits.append(
            SkillFit(
                skill,
                skill_reasons(skill, answers),
                skill_warnings(skill, answers),
                learning,
                note,
                score(skill, answers),
                show_phone_note=phone_note_applies(skill, answers),
                programmes=programmes,
            )
        )
    markets, too_much_english = suitable_marketplaces(fits, answers)
    cautions = [item for item in advice if item.kind == AdviceKind.CAUTION and item.applies_to(answers)]
    for rule in relaxed:
        cautions.append(Caution(RELAXED_CAUTIONS[rule]))
    if too_much_english:
        cautions.append(
            Caution(
                _(
                    "Every marketplace for these skills needs more English than you said you have. Use your "
                    "learning months to practise simple English messages before you open an account."
                )
            )
        )
    links = {
        LinkTo.SKILL: fits[0].skill if fits else None,
        LinkTo.MARKETPLACE: markets[0].marketplace if markets else None,
    }
    weeks = []
    for number in WEEKS:
        steps = [
            Step(item, links.get(item.link_to))
            for item in advice
            if item.kind == AdviceKind.STEP and item.week == number and item.applies_to(answers)
        ]
        weeks.append(Week(number, steps))
    scale = max([fit.skill.months_max for fit in fits] + [12])
    return Plan(answers, fits, markets, cautions, weeks, relaxed, scale)


RELAXED_CAUTIONS = {
    "hours": _("No skill we list fits in the hours you have, so these need more hours a week than you said."),
    "budget": _("No skill we list starts within your budget, so these cost more to start than you said."),
    "english": _("No skill we list fits your English yet, so these need more English than you said."),
}
