"""Small builders for test data: every field a page needs, both languages unless told."""

import datetime
import itertools

from glossary.models import Term, TermTopic
from guides.models import Guide, GuideTopic
from marketplaces.models import Marketplace, PaymentMethod, Payout
from skills.models import LearningResource, Skill, SkillCategory

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
