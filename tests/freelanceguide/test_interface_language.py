"""Every reader page shows its interface in the page's language only, with the page's digits.

Bangla pages: no English interface text, no ASCII digits in text people read. English pages: no
Bangla outside elements marked lang="bn". See tests/interface_text.py for how content is told
apart from interface. The last tests prove the check fails when a string loses its translation
or a number its Bangla digits.
"""

import datetime

import pytest
from django.core.cache import caches
from django.utils import translation
from django.utils.translation import trans_real

import guides.views
from freelanceguide import locale_format
from glossary.models import Term
from guides.models import Guide
from marketplaces.models import Marketplace
from skills.models import Skill
from tests.interface_text import collect, problems
from training.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(shipped_content, monkeypatch):
    """The shipped content, with what makes extra interface show up: a second page of guides,
    a marketplace whose fee facts are old, an English page falling back to Bangla text."""
    monkeypatch.setattr(guides.views, "GUIDES_PER_PAGE", 3)
    stale = Marketplace.objects.order_by("slug").first()
    stale.facts_checked_on = datetime.date.today() - datetime.timedelta(days=800)
    stale.save()
    fallback = Skill.objects.order_by("slug").last()
    fallback.body_en = ""
    fallback.save()
    # Outdated translations: the Bangla of a guide and the English of a skill are behind.
    behind = Guide.objects.order_by("slug").first()
    behind.body_en += "\n\nA new paragraph."
    behind.save()
    behind_en = Skill.objects.order_by("slug").first()
    behind_en.body_bn += "\n\nনতুন অনুচ্ছেদ।"
    behind_en.save()
    return stale


def reader_pages():
    """(path, interface_head): every kind of reader page, every item, and the error states."""
    markets = list(Marketplace.objects.published().values_list("slug", flat=True))
    pages = [
        ("/{lang}/", True),
        ("/{lang}/guides/", True),
        ("/{lang}/guides/?page=2", True),
        ("/{lang}/skills/", True),
        ("/{lang}/skills/?phone=on&difficulty=beginner", True),
        ("/{lang}/skills/?difficulty=advanced&phone=on", True),
        ("/{lang}/skills/?difficulty=%E0%A6%AD%E0%A7%81%E0%A6%B2", True),  # an unknown value, in Bangla
        ("/{lang}/marketplaces/", True),
        ("/{lang}/marketplaces/compare/", True),
        ("/{lang}/marketplaces/compare/?" + "&".join(f"m={slug}" for slug in markets[:4]), True),
        (f"/{{lang}}/marketplaces/compare/?m={markets[0]}", True),
        (f"/{{lang}}/marketplaces/compare/?m={markets[0]}&m={markets[0]}", True),
        ("/{lang}/money/", True),
        ("/{lang}/money/?m=fiverr", True),
        ("/{lang}/money/?m=fiverr&route=payoneer-bkash&price=100", True),
        ("/{lang}/money/?m=upwork&route=upwork-local-bank&contract=hourly&rate=12.5&hours=8", True),
        ("/{lang}/money/?m=freelancer-com&route=payoneer-bank&contract=fixed&price=30", True),  # under minimums
        ("/{lang}/money/?view=all&price=100", True),
        ("/{lang}/money/?want=10000", True),
        ("/{lang}/money/?m=nosuch&route=x&price=-1&want=abc", True),
        ("/{lang}/no-such-page/", True),
        ("/{lang}/learn/", True),
        ("/{lang}/learn/?free=1&women=1", True),
        ("/{lang}/learn/?free=%E0%A6%B9%E0%A7%8D%E0%A6%AF%E0%A6%BE%E0%A6%81", True),  # an unknown value, in Bangla
        ("/{lang}/glossary/", True),
        ("/{lang}/glossary/no-such-term/", True),
        ("/{lang}/search/", True),
        ("/{lang}/path/", True),
        ("/{lang}/path/?device=phone&english=little&budget=none&like=writing&net=mobile&hours=under10", True),
        ("/{lang}/path/?device=shared&english=simple&like=design&like=video&budget=upto5000", True),
        ("/{lang}/path/?device=own&english=comfortable&hours=over20&budget=more&like=tech&net=broadband", True),
        ("/{lang}/path/?device=tablet&device=phone&like=a&like=design&like=writing&like=tech&zz=1", True),
        ("/{lang}/offline/", True),
        ("/{lang}/search/?q=%E0%A6%AB%E0%A6%BE%E0%A6%87%E0%A6%AD%E0%A6%BE%E0%A6%B0", False),  # ফাইভার
        # The reader's own words are in the title: content, like an item's title.
        ("/{lang}/search/?q=zzzz-nothing", False),
        ("/{lang}/search/?q=" + "a" * 250, False),
    ]
    pages += [(guide.get_absolute_url().replace("/bn/", "/{lang}/"), False) for guide in Guide.objects.published()]
    pages += [(skill.get_absolute_url().replace("/bn/", "/{lang}/"), False) for skill in Skill.objects.published()]
    pages += [(item.get_absolute_url().replace("/bn/", "/{lang}/"), False) for item in Marketplace.objects.published()]
    pages += [(item.get_absolute_url().replace("/bn/", "/{lang}/"), False) for item in Programme.objects.published()]
    pages += [(term.get_absolute_url().replace("/bn/", "/{lang}/"), False) for term in Term.objects.published()]
    return pages


def check(client, lang, path, interface_head=True):
    with translation.override(lang):
        response = client.get(path.format(lang=lang))
    assert response.status_code in (200, 404), path
    return problems(response.content.decode(), lang, interface_head)


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_every_reader_page_is_in_one_language(client, site, lang):
    pages = reader_pages()
    assert len(pages) > 40
    found = {}
    for path, interface_head in pages:
        if result := check(client, lang, path, interface_head):
            found[path.format(lang=lang)] = result
    assert not found, "\n".join(f"{path}:\n  " + "\n  ".join(lines) for path, lines in found.items())


def test_the_pages_show_the_states_they_are_meant_to(client, site):
    """The fixture really produces the extra interface the check above covers."""
    with translation.override("bn"):
        assert "পেজ ২" in client.get("/bn/guides/?page=2").content.decode()
        assert 'class="caution"' in client.get(site.get_absolute_url()).content.decode()
        assert (
            'class="form-errors"' in client.get("/bn/skills/?difficulty=%E0%A6%AD%E0%A7%81%E0%A6%B2").content.decode()
        )
        assert "সংস্করণটি" in client.get(Guide.objects.order_by("slug").first().get_absolute_url()).content.decode()
    with translation.override("en"):
        skill = Skill.objects.order_by("slug").last()
        assert 'class="notice"' in client.get(skill.get_absolute_url()).content.decode()
        behind = Skill.objects.order_by("slug").first().get_absolute_url()
        assert "version of this page was updated on" in client.get(behind).content.decode()


@pytest.fixture
def untranslated(request):
    """Make one msgid lose its Bangla translation, as if the catalog had no entry for it."""
    catalog = trans_real.translation("bn")._catalog
    msgid = request.param
    original = catalog[msgid]
    catalog[msgid] = msgid
    yield msgid
    catalog[msgid] = original


@pytest.mark.parametrize(
    ("untranslated", "path"),
    [("Guides", "/bn/guides/"), ("Breadcrumb", "/bn/skills/graphic-design/"), ("Next page", "/bn/guides/")],
    indirect=["untranslated"],
)
def test_check_fails_on_an_untranslated_string(client, site, untranslated, path):
    found = check(client, "bn", path)
    assert any(untranslated in line for line in found), found


def test_check_fails_on_ascii_digits_in_bangla(client, site, monkeypatch):
    assert not check(client, "bn", "/bn/guides/?page=2")
    monkeypatch.setattr(locale_format, "localize_digits", lambda value, language=None: str(value))
    caches["pages"].clear()  # the page rendered above must be rendered again, with the broken helper
    found = check(client, "bn", "/bn/guides/?page=2")
    assert any("2" in line for line in found), found


def test_check_fails_on_bangla_in_an_english_page(client, site):
    catalog = trans_real.translation("en")._catalog
    catalog["Skills"] = "স্কিল"
    try:
        found = check(client, "en", "/en/skills/")
    finally:
        catalog._catalogs[0].pop("Skills", None)
    assert any("স্কিল" in line for line in found), found


@pytest.mark.parametrize(
    ("html", "lang", "bad"),
    [
        ('<html lang="bn"><body><p>গাইড</p><p lang="en">English content</p></body></html>', "bn", False),
        ('<html lang="bn"><body><p>গাইড Guides</p></body></html>', "bn", True),
        ('<html lang="bn"><body><p>পেজ 2</p></body></html>', "bn", True),
        ('<html lang="bn"><body><nav aria-label="Main"></nav></body></html>', "bn", True),
        ('<html lang="bn"><body><input type="submit" value="Go"></body></html>', "bn", True),
        ('<html lang="bn"><body><a href="/bn/2/" data-x="3">২</a></body></html>', "bn", False),
        ('<html lang="bn"><head><title>Fiverr · ফ্রিল্যান্সিং গাইড</title></head></html>', "bn", True),
        ('<html lang="en"><body><a lang="bn">বাংলা</a><p>about ৳500</p></body></html>', "en", False),
        ('<html lang="en"><body><p>Guides <b>গাইড</b></p></body></html>', "en", True),
        ('<html lang="en"><body><p lang="en">১২</p></body></html>', "en", True),
        ('<html lang="en"><body><script>var x = "গাইড";</script></body></html>', "en", False),
    ],
)
def test_checker_on_small_pages(html, lang, bad):
    assert bool(problems(html, lang)) is bad


def test_model_and_admin_labels_are_marked_for_translation():
    """Every field an editor sees (editable, or a changelist column) has a translatable label."""
    from django.apps import apps
    from django.contrib import admin
    from django.utils.functional import Promise

    untranslated = []
    for app in ("freelanceguide", "skills", "marketplaces", "guides", "training", "planner", "editorial"):
        for model in apps.get_app_config(app).get_models():
            model_admin = admin.site._registry.get(model)
            columns = set(model_admin.list_display) if model_admin else set()
            for field in model._meta.get_fields():
                if field.auto_created or not hasattr(field, "verbose_name"):
                    continue
                if (field.editable or field.name in columns) and not isinstance(field.verbose_name, Promise):
                    untranslated.append(f"{model._meta.label}.{field.name}")
            for name in ("verbose_name", "verbose_name_plural"):
                if not isinstance(getattr(model._meta, name), Promise):
                    untranslated.append(f"{model._meta.label} Meta.{name}")
    assert not untranslated


def test_bangla_admin_changelist_labels_are_bangla(staff_client):
    """Our own column headers and filter titles on a Bangla admin page (Django's own strings aside)."""
    from editorial.models import LoadedContent
    from tests import factories

    LoadedContent.objects.create(key="guides.guide:x", fingerprint="0")
    factories.marketplace()
    response = staff_client.get("/admin/editorial/loadedcontent/")
    text = response.content.decode()
    assert "লোড হওয়ার সময়" in text and "Loaded at" not in text
    response = staff_client.get("/admin/marketplaces/marketplace/")
    text = " ".join(item.text for item in collect(response.content.decode())[0]).lower()
    for english in ("Facts checked on", "fee facts", "Translation", "Highlight on the home page", "up to date"):
        assert english.lower() not in text, english
    assert "বাংলা: হালনাগাদ" in text


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_server_error_page_is_in_one_language(lang):
    from django.template.loader import render_to_string

    with translation.override(lang):
        html = render_to_string("500.html")
    assert not problems(html, lang)
