"""A missing checker skips its tests with a message, except under CI, where it fails them."""

import pytest

from tests.checkers import ROOT, require, require_npm_checker


def test_a_present_tool_neither_skips_nor_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require("/usr/bin/java", "java is missing")


def test_a_missing_tool_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="java is missing"):
        require(None, "java is missing")


def test_a_missing_tool_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="java is missing.*CI=true"):
        require(None, "java is missing")


def test_a_missing_npm_checker_says_how_to_get_it(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"node_modules/nothing\.js is missing: run `make test`"):
        require_npm_checker(ROOT / "node_modules" / "nothing.js")
