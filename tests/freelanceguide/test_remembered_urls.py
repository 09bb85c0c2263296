"""{% url %}, search results' links and the language alternates build each URL once per process
(remembered_urls)."""

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from freelanceguide import remembered_urls
from freelanceguide.templatetags.remembered_url import RememberedURLNode
from tests import factories


def render(source, **context):
    return engines["django"].from_string(source).render(context)


@pytest.fixture
def reversals(monkeypatch):
    calls = []
    real = remembered_urls.reverse

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    remembered_urls._reversed.cache_clear()
    monkeypatch.setattr(remembered_urls, "reverse", counted)
    return calls


def test_every_url_tag_is_the_remembering_one():
    template = engines["django"].from_string("{% url 'home' %}").template
    assert isinstance(template.nodelist[0], RememberedURLNode)


@pytest.mark.parametrize("language", ["bn", "en"])
def test_urls_are_djangos_and_reversed_once_per_language(reversals, language):
    source = "{% url 'guides:detail' slug %} {% url 'search:search' %} {% url 'manifest' code %}"
    with translation.override(language):
        expected = f"{reverse('guides:detail', args=['upwork-start'])} {reverse('search:search')} " + reverse(
            "manifest", args=[language]
        )
        assert render(source, slug="upwork-start", code=language) == expected
        assert render(source, slug="upwork-start", code=language) == expected
    assert len(reversals) == 3
    with translation.override("en" if language == "bn" else "bn"):
        assert render(source, slug="upwork-start", code=language) != expected  # the other prefix
    assert len(reversals) == 6


def test_a_missing_name_fails_as_djangos_does(reversals):
    assert render("{% url 'no-such-page' as link %}[{{ link }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")


def test_an_argument_that_cannot_be_remembered_is_reversed_each_time(reversals):
    class Unhashable(str):
        __hash__ = None

    with translation.override("en"):
        for _ in range(2):
            assert render("{% url 'guides:detail' slug %}", slug=Unhashable("a")) == reverse(
                "guides:detail", args=["a"]
            )
    assert len(reversals) == 2


def test_forgotten_when_the_urlconf_changes(reversals):
    with translation.override("en"):
        link = render("{% url 'guides:detail' slug %}", slug="a-b")
        with override_settings(ROOT_URLCONF="freelanceguide.urls"):
            assert render("{% url 'guides:detail' slug %}", slug="a-b") == link
    assert len(reversals) == 2  # the setting's change forgot the first answer


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["bn", "en"])
def test_remembered_translations_of_a_path_are_translate_urls(active, monkeypatch):
    guide = factories.guide(slug="remembered")
    paths = [
        f"/{active}/",
        f"/{active}/guides/{guide.slug}/",
        f"/{active}/search/?q=kivabe+kaj&page=2",
        f"/{active}/search/?q=%E0%A6%95%E0%A6%BE%E0%A6%9C",
        f"/{active}/no-such-page/",
        "/bn/guides/remembered/" if active == "en" else "/en/guides/remembered/",  # another prefix
    ]
    with translation.override(active):
        expected = {(path, code): translate_url(path, code) for path in paths for code in ("bn", "en")}
        assert {key: remembered_urls.translated(*key) for key in expected} == expected
        calls = []
        monkeypatch.setattr(remembered_urls, "translate_url", lambda *args: calls.append(args))
        assert {key: remembered_urls.translated(*key) for key in expected} == expected
        assert calls == []  # remembered, not resolved again
