"""The proposal check's judgement, on pasted text only (no database, no request)."""

import pytest

from checks.proposals import (
    ADVICE,
    GIG,
    GIG_DESCRIPTION_LIMIT,
    GIG_TITLE_LIMIT,
    OFF_PLATFORM_RULES,
    SERIOUS,
    check_proposal,
    has_serious,
)
from checks.text import read_pasted

TEMPLATE = "Dear Sir, I have read your job description, contact me on WhatsApp 01711223344"
JOB = (
    "We run a small bakery in Dhaka and need a new logo for our shop signs, packaging boxes and Instagram "
    "page. Warm colours, simple shapes. Budget $60."
)
STRONG = (
    "Your bakery's signs, boxes and Instagram page need one logo that reads well at every size. I would start "
    "with a simple mark in warm colours and test it on a box mockup and a round profile picture before you "
    "choose. Last month I made a logo for a tea stall in Sylhet; its owner now prints it on 400 cups a day. "
    "You can see it and two other food logos here: https://www.behance.net/rahimdesigns and the files are on "
    "github.com/rahim/logos. Which colours does your shop use now, and do you have a photo of the sign? If you "
    "send me those, I can share two rough sketches within two days, and we can pick one together in a short "
    "call on Upwork."
)


def check(text, job=None, kind="proposal"):
    return check_proposal(read_pasted(text), read_pasted(job) if job else None, kind)


def by_code(findings):
    return {finding.code: finding for finding in findings}


def test_a_template_opening_with_whatsapp_and_a_phone_is_serious_with_the_words_quoted():
    found = by_code(check(TEMPLATE))
    assert found["template-opening"].severity == SERIOUS
    assert found["template-opening"].quotes == ("Dear Sir", "I have read your job description")
    contact = found["off-platform-contact"]
    assert contact.severity == SERIOUS
    assert set(contact.quotes) == {"WhatsApp", "01711223344"}
    assert contact.detail["rules"] == OFF_PLATFORM_RULES
    assert {name for name, _url, _checked in OFF_PLATFORM_RULES} == {"Upwork", "Fiverr"}


def test_the_strong_proposal_gets_no_finding_at_all():
    assert 80 <= len(STRONG.split()) <= 200
    findings = check(STRONG, JOB)
    assert not has_serious(findings)
    assert findings == []


def test_serious_findings_come_first():
    severities = [finding.severity for finding in check(TEMPLATE)]
    assert severities == sorted(severities, key=lambda severity: severity != SERIOUS)
    assert ADVICE in severities


@pytest.mark.parametrize(
    "contact",
    [
        "+880 1711-223344",
        "+8801911223344",
        "০১৭১১২২৩৩৪৪",
        "+1 (555) 123-4567",
        "rahim.design@gmail.com",
        "t.me/rahimdesign",
        "wa.me/8801711223344",
        "mysite.com/work",
        "Skype",
        "Telegrm",
        "pay me directly",
        "paypal directly",
        "outside Upwork",
    ],
)
def test_each_way_off_the_marketplace_is_found(contact):
    found = by_code(check(f"I can make your logo. Reach me: {contact} and we can start."))
    assert found["off-platform-contact"].quotes == (contact,)


@pytest.mark.parametrize(
    "text",
    [
        "My logos are on https://www.behance.net/rahim and https://dribbble.com/rahim.",
        "The code is on github.com/rahim/shop and rahim.github.io/demo.",
        "See my profile at https://www.upwork.com/freelancers/~01abc and fiverr.com/rahim.",
        "I worked with ASP.NET and Node.js from 2019-2024 and sold 12000 items.",
    ],
)
def test_portfolio_links_years_and_skills_are_not_off_platform(text):
    assert "off-platform-contact" not in by_code(check(text))


def test_copied_template_lines_are_found_with_typos_and_serious_when_two():
    one = by_code(check("I am a hard-working person who will design your logo."))
    assert one["copied-template"].severity == ADVICE
    two = by_code(
        check("I am a hardworkng person. Please give me a chanse. I have 5+ years of experiance in this field.")
    )
    assert two["copied-template"].severity == SERIOUS
    assert two["copied-template"].quotes == (
        "I am a hardworkng person",
        "Please give me a chanse",
        "I have 5+ years of experiance in this field",
    )


def test_a_normal_closing_is_not_a_copied_line():
    assert "copied-template" not in by_code(check("Looking forward to hearing from you soon."))


def test_a_proposal_that_ignores_the_job_post_is_serious_and_names_words_it_could_answer():
    generic = (
        "I am a graphic designer. I make good designs for all clients. I work fast. Hire me and you will be "
        "happy with my service and quality."
    )
    found = by_code(check(generic, JOB))
    assert found["no-job-words"].severity == SERIOUS
    assert "packaging" in found["no-job-words"].detail["job_words"]
    assert "no-job-words" not in by_code(check(STRONG, JOB))
    assert "no-job-words" not in by_code(check(generic))  # no job post: nothing to compare


def test_missing_question_proof_and_next_step_are_advice():
    found = by_code(check("I design logos for shops and I work carefully on every one of them."))
    assert {"no-question", "no-proof", "no-next-step"} <= set(found)
    assert all(found[code].severity == ADVICE for code in ("no-question", "no-proof", "no-next-step"))
    assert not {"no-question", "no-proof", "no-next-step"} & set(by_code(check(STRONG)))


def test_word_counts_and_a_long_first_sentence():
    assert by_code(check("I can make your logo."))["too-short"].detail["words"] == 5
    long = by_code(check("word " * 320))
    assert long["too-long"].detail == {"words": 320, "limit": 300}
    assert long["weak-first-line"].detail["words"] == 320
    assert "weak-first-line" not in by_code(check(STRONG))


def test_at_most_five_misspellings_are_reported():
    found = by_code(
        check(
            "I will recieve your brief today and acheive the look you want. I beleive a logo should be simple. "
            "I will send seperate files for print and web, as I did when the same problem occured in a shop last "
            "year, and finish by tommorow."
        )
    )
    assert len(found["spelling"].quotes) == 5
    assert found["spelling"].severity == ADVICE


def test_a_long_gig_title_and_description_and_no_proposal_only_rules():
    title = "I will design a modern minimalist logo for your bakery, cafe, restaurant or food shop"
    assert len(title) > 80
    found = by_code(check(title + "\n" + "Fresh logos for food shops. " * 50, kind=GIG))
    assert found["gig-title-too-long"].detail["characters"] == len(title)
    assert found["gig-description-too-long"].detail["limit"] == 1200
    assert not {"no-question", "no-next-step", "no-job-words"} & set(found)


def test_a_gig_title_of_90_characters_is_too_long_and_80_is_not():
    description = "\nSee my portfolio. " + "I design clean logos for shops. " * 12
    assert "gig-title-too-long" in by_code(check("I will " + "a" * 83 + description, kind=GIG))
    assert "gig-title-too-long" not in by_code(check("I will " + "a" * 73 + description, kind=GIG))


def test_the_gig_limits_are_marked_unconfirmed_with_their_source():
    # No Fiverr page we could read states 80 and 1,200: the page must say so until one does.
    for limit in (GIG_TITLE_LIMIT, GIG_DESCRIPTION_LIMIT):
        assert limit.uncertain and limit.source.startswith("https://help.fiverr.com/")
