"""Internal link checks: missing and unpublished pages, missing anchors, redirected links;
the command, the warning on save and the admin report."""

import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from editorial.links import MISSING_ANCHOR, MISSING_PAGE, UNPUBLISHED, check_all, check_item
from tests import factories

pytestmark = pytest.mark.django_db


def problems_of(item):
    item.refresh_from_db()
    return {(problem.language, problem.href): problem for problem in check_item(item)}


def check_links():
    out = io.StringIO()
    try:
        call_command("check_links", stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_working_links_and_anchors_pass():
    target = factories.guide(slug="target")  # has "## First part" / "## প্রথম অংশ"
    factories.skill(slug="a-skill")
    item = factories.guide(
        body_en="[g](/en/guides/target/#h-first-part) [s](/en/skills/a-skill/) [list](/en/guides/) "
        "[home](/en/) [out](https://example.com/x) [mail](mailto:a@b.c) [top](#h-top)\n\n## Top",
        body_bn="[গাইড](/bn/guides/target/#h-প্রথম-অংশ) [এই পাতা](#h-শুরু)\n\n## শুরু",
    )
    assert target.published
    assert problems_of(item) == {}


def test_each_kind_of_broken_link_is_named():
    factories.guide(slug="hidden", published=False)
    factories.guide(slug="target")
    item = factories.guide(
        body_en="[a](/en/guides/nowhere/) [b](/en/guides/hidden/) [c](/en/guides/target/#h-no-such-part) "
        "[d](#h-missing-here) [e](/en/not-a-section/)",
        body_bn="[ক](/bn/guides/nowhere/)",
    )
    found = problems_of(item)
    assert found[("en", "/en/guides/nowhere/")].problem == MISSING_PAGE
    assert found[("en", "/en/guides/hidden/")].problem == UNPUBLISHED
    assert found[("en", "/en/guides/target/#h-no-such-part")].problem == MISSING_ANCHOR
    assert found[("en", "#h-missing-here")].problem == MISSING_ANCHOR
    assert found[("en", "/en/not-a-section/")].problem == MISSING_PAGE
    assert not any(problem.fixable for problem in found.values())
    assert ("bn", "/bn/guides/nowhere/") in found
    assert len(found) == 6


def test_a_link_a_redirect_resolves_is_fixable_and_says_where_to_link():
    moved = factories.guide(slug="old-name")
    moved.slug = "new-name"
    moved.save()
    item = factories.guide(body_en="[m](/en/guides/old-name/#h-first-part)")
    problem = problems_of(item)[("en", "/en/guides/old-name/#h-first-part")]
    assert problem.fixable
    assert problem.fix == "/en/guides/new-name/#h-first-part"
    assert "/en/guides/new-name/" in problem.message()


def test_check_links_prints_each_broken_link_and_exits_1():
    factories.guide(slug="fine")
    factories.guide(slug="planted", body_en="[broken](/en/guides/does-not-exist/)")
    code, output = check_links()
    assert code == 1
    assert "guides.guide:planted" in output and "/en/guides/does-not-exist/: no such page" in output
    assert "guides.guide:fine" not in output


def test_check_links_exits_0_when_clean():
    factories.guide(slug="fine", body_en="[self](/en/guides/fine/)")
    code, output = check_links()
    assert code == 0 and "No broken internal links" in output


def test_shipped_content_check_catches_a_planted_broken_link(shipped_content):
    from guides.models import Guide

    before = {(item.slug, p.href) for item, found in check_all().items() for p in found}
    guide = Guide.objects.get(slug="what-is-freelancing")
    guide.body_bn += "\n\n[ভাঙা লিংক](/bn/guides/planted-broken-link/)"
    guide.save()
    after = {(item.slug, p.href) for item, found in check_all().items() for p in found}
    assert after - before == {("what-is-freelancing", "/bn/guides/planted-broken-link/")}


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_saving_in_the_admin_warns_about_broken_links_by_name(staff_client):
    in_english(staff_client)
    guide = factories.guide(slug="edited")
    factories.guide(slug="draft", published=False)
    data = {
        "slug": "edited",
        "title_bn": guide.title_bn,
        "title_en": guide.title_en,
        "topic": guide.topic.pk,
        "body_bn": "[খসড়া](/bn/guides/draft/)",
        "body_en": "[gone](/en/guides/gone/)",
        "published": "on",
    }
    response = staff_client.post(f"/admin/guides/guide/{guide.pk}/change/", data, follow=True)
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("/bn/guides/draft/" in m and "not published" in m for m in messages), messages
    assert any("/en/guides/gone/" in m and "no such page" in m for m in messages), messages


def test_the_admin_report_lists_every_item_with_broken_links(staff_client):
    in_english(staff_client)
    factories.guide(slug="clean")
    broken = factories.guide(slug="broken", body_en="[x](/en/skills/missing-skill/)")
    moved = factories.skill(slug="was")
    moved.slug = "is"
    moved.save()
    factories.marketplace(slug="market", body_en="[y](/en/skills/was/)")
    response = staff_client.get("/admin/editorial/brokenlinkreport/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"/admin/guides/guide/{broken.pk}/change/" in html and "/en/skills/missing-skill/" in html
    assert "/en/skills/was/" in html and "/en/skills/is/" in html and "Fixable" in html
    assert "2 broken internal links" in html and "1 fixable" in html
