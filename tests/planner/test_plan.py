"""The self-check and the plan (planner/): every combination of answers on the shipped content,
the rules one by one on small data, and the page over HTTP with good and bad query strings."""

import itertools
import re
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import translation

from planner.answers import MAX_INTERESTS, QUESTIONS, Answers, read_answers
from planner.models import MAX_BUDGET_BDT, MAX_HOURS, Advice, Budget, Connection, Device, Hours
from planner.pages import plan_data
from planner.plan import build_plan, rank_skills
from skills.models import EnglishLevel, Interest, PhoneFit
from tests import factories

pytestmark = pytest.mark.django_db

# Each question's answers, plus "not answered".
DEVICES = ["", *Device.values]
ENGLISH = ["", *EnglishLevel.values]
HOURS = ["", *Hours.values]
BUDGETS = ["", *Budget.values]
CONNECTIONS = ["", *Connection.values]
INTERESTS = [(), *((code,) for code in Interest.values), *itertools.combinations(Interest.values, MAX_INTERESTS)]


def every_answer():
    for device, english, hours, budget, interests, connection in itertools.product(
        DEVICES, ENGLISH, HOURS, BUDGETS, INTERESTS, CONNECTIONS
    ):
        yield Answers(device, english, hours, budget, interests, connection)


def contradictions(fit, answers):
    """What in a recommended skill goes against the reader's answers (an empty list: nothing)."""
    skill, found = fit.skill, []
    if answers.device == Device.PHONE and skill.phone == PhoneFit.NO:
        found.append("needs a computer, reader has only a phone")
    if answers.device == Device.SHARED and not skill.shared_computer:
        found.append("cannot be done on a shared computer")
    if answers.english and EnglishLevel.rank(skill.english_needed) > EnglishLevel.rank(answers.english):
        found.append("needs more English")
    if MAX_HOURS.get(answers.hours) is not None and skill.hours_per_week > MAX_HOURS[answers.hours]:
        found.append("needs more hours")
    if MAX_BUDGET_BDT.get(answers.budget) is not None and skill.start_cost_bdt > MAX_BUDGET_BDT[answers.budget]:
        found.append("costs more to start")
    limit = MAX_BUDGET_BDT.get(answers.budget)
    for resource in fit.learning:
        if limit is not None and (resource.cost_min_bdt or 0) > limit:
            found.append(f"learning resource over budget: {resource}")
    if answers.device == Device.PHONE and skill.phone == PhoneFit.PARTLY and not (fit.warnings or fit.show_phone_note):
        found.append("partly on a phone without saying why")
    if answers.connection == Connection.MOBILE and skill.heavy_data and not fit.warnings:
        found.append("big downloads on mobile data without a warning")
    return found


def test_every_combination_of_answers_gets_a_full_plan_that_respects_them(shipped_content):
    skills, advice = plan_data()
    assert len(skills) >= 18 and advice
    checked = 0
    for answers in every_answer():
        plan = build_plan(answers, skills, advice)
        where = repr(answers)
        assert len(plan.skills) >= 2, where
        assert plan.relaxed == [], where  # the shipped data fits every answer without giving one up
        assert plan.marketplaces, where
        assert all(week.steps for week in plan.weeks), where
        for fit in plan.skills:
            assert fit.reasons, where
            assert fit.learning or fit.skill.cheapest_start, where
            assert contradictions(fit, answers) == [], (where, fit.skill.slug)
        if answers.interests:
            # Skills that suit what the reader enjoys come first when any fits.
            suits = [set(answers.interests) & set(fit.skill.interest_list) for fit in plan.skills]
            assert suits == sorted(suits, key=lambda s: not s), where
        checked += 1
    assert checked == 4 * 4 * 4 * 4 * len(INTERESTS) * 3


def test_the_issues_example_reader_gets_phone_skills_free_bangla_lessons_a_marketplace_and_a_checklist(
    shipped_content,
):
    answers = Answers(device="phone", english="little", budget="none", interests=("writing",))
    plan = build_plan(answers, *plan_data())
    for fit in plan.skills:
        assert fit.skill.phone in (PhoneFit.YES, PhoneFit.PARTLY)
        assert fit.skill.english_needed == EnglishLevel.LITTLE
        assert fit.learning and all(r.is_free and r.language == "bn" for r in fit.learning)
    assert "writing" in plan.skills[0].skill.interest_list
    assert plan.marketplaces
    assert any(isinstance(c, Advice) and c.when_device == "phone" for c in plan.cautions)
    assert plan.weeks[0].steps


# --- the rules on small data -----------------------------------------------------------------


def make_skill(**fields):
    values = {
        "english_needed": "little",
        "shared_computer": True,
        "hours_per_week": 5,
        "interests": "design",
        "start_cost_bdt": 0,
    }
    skill = factories.skill(**{**values, **fields})
    factories.resource(skill, language="bn", title_en="Free Bangla videos")
    factories.resource(skill, language="en", kind="paid_course", cost_min_bdt=8000, cost_max_bdt=12000)
    return skill


def plan_for(**answers):
    return build_plan(Answers(**answers), *plan_data())


def slugs(plan):
    return [fit.skill.slug for fit in plan.skills]


def test_hard_rules_keep_out_skills_that_contradict_an_answer():
    make_skill(slug="easy")
    make_skill(slug="computer", phone="no")
    make_skill(slug="own-pc", shared_computer=False)
    make_skill(slug="english", english_needed="comfortable")
    make_skill(slug="hours", hours_per_week=15)
    make_skill(slug="costly", start_cost_bdt=3000)
    assert "computer" not in slugs(plan_for(device="phone"))
    assert "own-pc" not in slugs(plan_for(device="shared"))
    assert "english" not in slugs(plan_for(english="simple"))
    assert "hours" not in slugs(plan_for(hours="under10"))
    assert "costly" not in slugs(plan_for(budget="none"))
    fitting, _relaxed = rank_skills(plan_data()[0], Answers(budget="upto5000", english="comfortable"))
    assert "costly" in [skill.slug for skill in fitting]
    # Unanswered questions set no limit; three skills at most are shown.
    assert len(rank_skills(plan_data()[0], Answers())[0]) == 6
    assert len(plan_for().skills) == 3


def test_interests_rank_first_and_a_skill_nobody_fits_is_given_up_with_a_caution():
    make_skill(slug="design", interests="design")
    make_skill(slug="writing", interests="writing")
    assert slugs(plan_for(interests=("writing",)))[0] == "writing"
    assert slugs(plan_for(interests=("design",)))[0] == "design"
    plan = plan_for(english="little", hours="under10")
    assert plan.relaxed == []
    for skill in plan_data()[0]:
        skill.hours_per_week = 30
        skill.save()
    plan = plan_for(hours="under10")
    assert plan.relaxed == ["hours"] and plan.skills
    with translation.override("en"):
        assert any("hours" in str(c.text) for c in plan.cautions)


def test_learning_stays_within_budget_and_prefers_bangla_for_little_english():
    make_skill(slug="one")
    plan = plan_for(budget="none", english="little")
    assert [r.language for r in plan.skills[0].learning] == ["bn"]
    plan = plan_for(budget="more", english="comfortable")
    assert len(plan.skills[0].learning) == 2
    plan = plan_for(budget="upto5000")
    assert all((r.cost_min_bdt or 0) <= 5000 for r in plan.skills[0].learning)


def test_marketplaces_suit_the_readers_english_and_sell_the_skills():
    skill = make_skill(slug="one")
    gig = factories.marketplace(slug="gig", english_needed="simple", wins_by_gig=True)
    bids = factories.marketplace(slug="bids", english_needed="comfortable", wins_by_gig=False, wins_by_proposal=True)
    factories.marketplace(slug="unrelated", english_needed="little")
    for market in (gig, bids):
        market.skills.add(skill)
    markets = [fit.marketplace.slug for fit in plan_for(english="simple").marketplaces]
    assert markets == ["gig"]
    assert {fit.marketplace.slug for fit in plan_for(english="comfortable").marketplaces} == {"gig", "bids"}
    plan = plan_for(english="little")
    assert [fit.marketplace.slug for fit in plan.marketplaces] == ["gig"]
    with translation.override("en"):
        assert any("English" in str(c.text) for c in plan.cautions)


def test_advice_shows_only_for_the_answers_it_names():
    make_skill(slug="one")
    guide = factories.guide(slug="phones")
    Advice.objects.create(slug="phone", kind="caution", title_en="Phone", when_device="phone", guide=guide)
    Advice.objects.create(slug="step", kind="step", week=1, title_en="Read", link_to="skill")
    Advice.objects.create(slug="hidden", kind="step", week=2, title_en="Hidden", guide=factories.guide(published=False))
    assert [c.slug for c in plan_for(device="phone").cautions] == ["phone"]
    assert plan_for(device="own").cautions == []
    plan = plan_for()
    assert [s.advice.slug for s in plan.weeks[0].steps] == ["step"]
    assert plan.weeks[0].steps[0].link.slug == "one"
    assert plan.weeks[1].steps == []


# --- reading the answers ---------------------------------------------------------------------


def test_answers_are_read_and_bad_values_named_in_notes():
    read = read_answers(QueryDict("device=phone&english=little&like=design&like=writing&like=video"))
    assert read.answers.device == "phone" and read.answers.interests == ("design", "writing")
    assert len(read.notes) == 1
    read = read_answers(QueryDict("device=tablet&device=phone&device=own&hours=99&zz=1"))
    assert read.answers.device == "phone" and read.answers.hours == ""
    assert len(read.notes) == 4  # unknown device, two devices, unknown hours, unknown key
    assert read_answers(QueryDict("")).given is False
    assert {q.key for q in read_answers(QueryDict("device=own")).missing} == {q.key for q in QUESTIONS} - {"device"}


# --- the page --------------------------------------------------------------------------------


def page(client, lang, **answers):
    query = urlencode(answers, doseq=True)
    response = client.get(f"/{lang}/path/" + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_empty_form_is_indexed_and_a_plan_is_not(client, shipped_content, lang):
    form = page(client, lang)
    assert 'name="robots"' not in form
    assert 'id="skills-heading"' not in form
    assert form.count('type="radio"') == 3 + 3 + 3 + 3 + 2 and form.count('type="checkbox"') == 6
    plan = page(client, lang, device="phone", english="little", budget="none", like="writing")
    assert '<meta name="robots" content="noindex">' in plan
    assert 'id="q-device-phone" checked' in plan and 'id="q-like-writing" checked' in plan
    assert 'href="#questions"' in plan
    assert f'href="/{lang}/skills/' in plan and f'href="/{lang}/marketplaces/' in plan
    assert "#fees-heading" in plan and f'href="/{lang}/guides/' in plan
    main = plan.split("<main")[1].split("</main>")[0]
    assert "<svg" in main and "<img" not in main and "<script" not in main


SAMPLES = [
    {
        "device": "phone",
        "english": "little",
        "hours": "under10",
        "budget": "none",
        "like": ["writing"],
        "net": "mobile",
    },
    {"device": "shared", "english": "simple", "hours": "10to20", "budget": "upto5000", "like": ["design", "video"]},
    {
        "device": "own",
        "english": "comfortable",
        "hours": "over20",
        "budget": "more",
        "like": ["tech"],
        "net": "broadband",
    },
]


BAD = [
    "device=tablet",
    "device=phone&device=own",
    "like=design&like=writing&like=tech",
    "zz=%3Cscript%3E",
    "english=" + "x" * 150,
    "device=%E0%A6%AB%E0%A7%8B%E0%A6%A8",  # ফোন, in Bangla
    "hours=%00&budget=%FF",
    "like=",
]


@pytest.mark.usefixtures("shipped_content_for_class")
class TestPlansOnTheShippedContent:
    """Read-only plan pages on the shipped content, loaded once for the class."""

    @pytest.mark.parametrize("answers", SAMPLES)
    def test_sample_plans_over_http_in_both_languages(self, client, answers):
        for lang in ("bn", "en"):
            html = page(client, lang, **answers)
            assert 'class="card plan-skill"' in html
            assert 'class="notice"' not in html or "net" not in answers

    @pytest.mark.parametrize("query", BAD)
    def test_bad_query_strings_give_a_plan_and_a_note_never_an_error(self, client, query):
        for lang in ("bn", "en"):
            response = client.get(f"/{lang}/path/?{query}")
            assert response.status_code == 200, query
            html = response.content.decode()
            assert 'class="notice"' in html
            assert 'class="card plan-skill"' in html
            assert "<script" not in html.split("<main")[1].split("</main>")[0]

    def test_a_bangla_note_is_in_bangla(self, client):
        html = page(client, "bn", device="tablet")
        assert "উত্তর" in html.split('class="notice"')[1].split("</div>")[0]

    def test_home_and_every_guide_link_to_the_self_check(self, client):
        from guides.models import Guide

        assert 'href="/bn/path/"' in client.get("/bn/").content.decode()
        for guide in Guide.objects.published():
            assert 'href="/en/path/"' in client.get(f"/en/guides/{guide.slug}/").content.decode()


# --- the editors' side -----------------------------------------------------------------------


def test_editors_edit_advice_and_skill_data_in_the_admin(staff_client, shipped_content):
    from skills.models import Skill

    for url in ("/admin/planner/advice/", "/admin/planner/advice/add/"):
        assert staff_client.get(url).status_code == 200
    advice = Advice.objects.get(slug="caution-phone-only")
    page = staff_client.get(f"/admin/planner/advice/{advice.pk}/change/").content.decode()
    assert 'name="title_bn"' in page and 'name="title_en"' in page  # language tabs
    skill = Skill.objects.get(slug="logo-design")
    page = staff_client.get(f"/admin/skills/skill/{skill.pk}/change/").content.decode()
    assert re.search(r'name="interests" value="design"[^>]*checked', page)
    assert not re.search(r'name="interests" value="writing"[^>]*checked', page)
    assert 'name="english_needed"' in page and 'name="cheapest_start_bn"' in page
