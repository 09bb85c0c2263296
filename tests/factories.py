"""Small builders for test data: every field a page needs, both languages unless told."""

import datetime
import itertools

from glossary.models import Term, TermTopic
from guides.models import Guide, GuideTopic
from marketplaces.models import ContractTerms, ExchangeRate, Marketplace, PaymentMethod, Payout, PayoutStep
from planner.models import Advice
from skills.models import LearningResource, Skill, SkillCategory
from training.models import Programme, ProgrammeDate

_sequence = itertools.count(1)


def _n():
    return next(_sequence)


def topic(**fields):
    n = _n()
    values = {"slug": f"topic-{n}", "name_bn": f"বিষয় {n}", "name_en": f"Topic {n}", "position": n}
    return GuideTopic.objects.create(**{**values, **fields})


def guide(**fields):
    n = _n()
    values = {
        "slug": f"guide-{n}",
        "title_bn": f"গাইড {n}",
        "title_en": f"Guide {n}",
        "summary_bn": f"গাইড {n} এর সারাংশ",
        "summary_en": f"Summary of guide {n}",
        "body_bn": f"ভূমিকা {n}\n\n## প্রথম অংশ\n\nলেখা।\n\n## দ্বিতীয় অংশ\n\nআরও লেখা।",
        "body_en": f"Intro {n}\n\n## First part\n\nText.\n\n## Second part\n\nMore text.",
    }
    values.update(fields)
    if "topic" not in values:
        values["topic"] = topic()
    return Guide.objects.create(**values)


def category(**fields):
    n = _n()
    values = {"slug": f"category-{n}", "name_bn": f"বিভাগ {n}", "name_en": f"Category {n}", "position": n}
    return SkillCategory.objects.create(**{**values, **fields})


def skill(**fields):
    n = _n()
    values = {
        "slug": f"skill-{n}",
        "name_bn": f"দক্ষতা {n}",
        "name_en": f"Skill {n}",
        "summary_bn": f"দক্ষতা {n} এর সারাংশ",
        "summary_en": f"Summary of skill {n}",
        "body_bn": "## শেখা\n\nধাপে ধাপে।",
        "body_en": "## Learning\n\nStep by step.",
        "difficulty": "beginner",
        "months_min": 3,
        "months_max": 6,
        "tools": "Figma, Canva",
        "phone": "partly",
        "phone_note_bn": "কিছু কাজ ফোনে হয়।",
        "phone_note_en": "Some of it works on a phone.",
    }
    values.update(fields)
    if "category" not in values:
        values["category"] = category()
    return Skill.objects.create(**values)


def resource(skill_obj, **fields):
    values = {
        "skill": skill_obj,
        "kind": "free_video",
        "title_bn": "বিনামূল্যের ভিডিও",
        "title_en": "Free videos",
        "language": "bn",
        "cost_min_bdt": 0,
        "cost_max_bdt": 0,
    }
    return LearningResource.objects.create(**{**values, **fields})


def payment_method(**fields):
    n = _n()
    values = {"slug": f"method-{n}", "name_bn": f"পদ্ধতি {n}", "name_en": f"Method {n}", "position": n}
    return PaymentMethod.objects.create(**{**values, **fields})


def marketplace(**fields):
    n = _n()
    values = {
        "slug": f"market-{n}",
        "name_bn": f"মার্কেট {n}",
        "name_en": f"Market {n}",
        "summary_bn": "একটি মার্কেটপ্লেস।",
        "summary_en": "A marketplace.",
        "body_bn": "## শুরু\n\nপ্রোফাইল বানান।",
        "body_en": "## Start\n\nMake a profile.",
        "website": f"https://market{n}.example/",
        "wins_by_gig": True,
        "freelancer_fee_min": "10.00",
        "freelancer_fee_max": "20.00",
        "client_fee_min": "5.50",
        "client_fee_max": "5.50",
        "fee_note_bn": "ফি ব্যাখ্যা।",
        "fee_note_en": "Fees explained.",
        "fee_source_url": f"https://market{n}.example/fees",
        "facts_checked_on": datetime.date.today(),
        "pros_bn": "সহজ শুরু\nঅনেক ক্রেতা",
        "pros_en": "Easy start\nMany buyers",
        "cons_bn": "বেশি প্রতিযোগিতা",
        "cons_en": "Much competition",
    }
    return Marketplace.objects.create(**{**values, **fields})


def payout(marketplace_obj, method=None, **fields):
    values = {
        "marketplace": marketplace_obj,
        "method": method or payment_method(),
        "wait_days_min": 1,
        "wait_days_max": 3,
    }
    return Payout.objects.create(**{**values, **fields})


def programme(skills=(), **fields):
    n = _n()
    values = {
        "slug": f"programme-{n}",
        "name_bn": f"কর্মসূচি {n}",
        "name_en": f"Programme {n}",
        "organiser_bn": "যুব উন্নয়ন অধিদপ্তর",
        "organiser_en": "Department of Youth Development",
        "summary_bn": f"কর্মসূচি {n} এর সারাংশ",
        "summary_en": f"Summary of programme {n}",
        "status": "running",
        "age_min": 18,
        "age_max": 35,
        "education_bn": "এইচএসসি",
        "education_en": "HSC",
        "duration_bn": "তিন মাস",
        "duration_en": "Three months",
        "stipend_bn": "প্রতিদিন ৫০০ টাকা",
        "stipend_en": "Tk 500 a day",
        "source_bn": "প্রথম আলো",
        "source_en": "Prothom Alo",
        "source_url": "https://en.prothomalo.com/",
        "facts_checked_on": datetime.date.today(),
    }
    values.update(fields)
    made = Programme.objects.create(**values)
    made.skills.set(skills)
    return made


def programme_date(programme_obj, on, **fields):
    values = {
        "kind": "deadline",
        "source_name": "Prothom Alo",
        "source_url": "https://en.prothomalo.com/",
        "checked_on": datetime.date.today(),
    }
    values.update(fields)
    return ProgrammeDate.objects.create(programme=programme_obj, on=on, **values)


def advice(**fields):
    n = _n()
    values = {
        "slug": f"advice-{n}",
        "kind": "step",
        "week": 1,
        "title_bn": f"ধাপ {n}",
        "title_en": f"Step {n}",
        "text_bn": "এটা করুন।",
        "text_en": "Do this.",
    }
    return Advice.objects.create(**{**values, **fields})


def contract_terms(marketplace_obj, **fields):
    values = {
        "slug": f"{marketplace_obj.slug}-terms-{_n()}",
        "marketplace": marketplace_obj,
        "kind": "fixed",
        "clearance_days_min": 5,
        "clearance_days_max": 14,
        "source_url": "https://terms.example/",
        "checked_on": datetime.date.today(),
        "note_bn": "নোট।",
        "note_en": "A note.",
    }
    return ContractTerms.objects.create(**{**values, **fields})


def payout_step(marketplace_obj=None, method=None, **fields):
    """A marketplace's withdrawal (marketplace given) or an onward step that converts to taka."""
    n = _n()
    values = {
        "slug": f"step-{n}",
        "marketplace": marketplace_obj,
        "method": method or payment_method(),
        "name_bn": f"ধাপ {n}",
        "name_en": f"Step {n}",
        "fixed_fee_usd": "1.00",
        "spread_percent": None if marketplace_obj else "2.00",
        "days_min": 1,
        "days_max": 3,
        "source_url": "https://step.example/",
        "checked_on": datetime.date.today(),
    }
    return PayoutStep.objects.create(**{**values, **fields})


def exchange_rate(**fields):
    values = {"rate_on": datetime.date.today(), "taka_per_dollar": "120.00", "source_url": "https://rate.example/"}
    return ExchangeRate.objects.create(**{**values, **fields})


def term_topic(**fields):
    n = _n()
    values = {"slug": f"term-topic-{n}", "name_bn": f"শব্দের বিষয় {n}", "name_en": f"Term topic {n}", "position": n}
    return TermTopic.objects.create(**{**values, **fields})


def term(**fields):
    """A glossary term; give `name_en` and `name_bn` for one that guides should link."""
    n = _n()
    values = {
        "slug": f"term-{n}",
        "name_en": f"Termword{n}",
        "name_bn": f"শব্দ{n}",
        "summary_bn": f"শব্দ {n} এর সহজ অর্থ।",
        "summary_en": f"The plain meaning of term {n}.",
        "body_bn": "আরও একটু ব্যাখ্যা।",
        "body_en": "A little more explanation.",
        "example": f"This sentence uses termword{n}.",
        "example_meaning": "এই বাক্যে শব্দটি আছে।",
    }
    values.update(fields)
    if "topic" not in values:
        values["topic"] = term_topic()
    return Term.objects.create(**values)


def guide_form(guide, **changes):
    """What the admin's change form posts for `guide`, with `changes` over its stored values."""
    values = {
        "slug": guide.slug,
        "topic": guide.topic_id,
        "title_bn": guide.title_bn,
        "title_en": guide.title_en,
        "summary_bn": guide.summary_bn,
        "summary_en": guide.summary_en,
        "body_bn": guide.body_bn,
        "body_en": guide.body_en,
        "published": "on",
        "path_position": "",
    }
    return {**values, **changes}


def question(**fields):
    """A reader question an editor answered and published (pass published=False for a waiting one)."""
    from questions.models import Question

    n = _n()
    values = {
        "slug": f"question-{n}",
        "question_bn": f"প্রশ্ন {n}: শুধু ফোন দিয়ে কি শুরু করা যায়?",
        "question_en": f"Question {n}: can I start with only a phone?",
        "body_bn": f"উত্তর {n}: কিছু কাজ ফোনেই হয়।",
        "body_en": f"Answer {n}: some work can be done on a phone.",
        "asked_text": f"phone diye kaj {n}",
        "asked_language": "bn",
        "published": True,
    }
    values.update(fields)
    return Question.objects.create(**values)
