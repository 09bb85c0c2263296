"""Where the outside checkers live, and what to do when one is missing.

A missing tool skips its tests with a message saying how to get it; under CI (CI=true) the same
absence fails, so a pipeline can never turn green by not running a check.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def require(present, message):
    """Skip (or, under CI, fail) the calling test or fixture when a tool is missing."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: a missing checker is a failure)", pytrace=False)
    pytest.skip(message)


def require_npm_checker(path):
    require(path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make test` (it runs npm ci)")


def add_page_variants():
    """What shipped content never shows but readers will meet: untranslated pages (fallback notice,
    text marked with its own lang), outdated translations (their notice) and marketplace fees over
    a year old (cautions). Returns the
    paths, with {lang} for the reader's language, that show them."""
    import datetime

    from marketplaces.models import Marketplace
    from tests import factories

    factories.guide(slug="only-bangla", title_en="", summary_en="", body_en="")
    factories.guide(slug="only-english", title_bn="", summary_bn="", body_bn="")
    Marketplace.objects.filter(slug="guru").update(facts_checked_on=datetime.date(2020, 1, 1))
    # Outdated translations: one language got new text after the other was last edited.
    behind_bn = factories.guide(slug="behind-in-bangla")
    behind_bn.body_en += "\n\nNew text."
    behind_bn.save()
    behind_en = factories.guide(slug="behind-in-english")
    behind_en.body_bn += "\n\nনতুন লেখা।"
    behind_en.save()
    return [
        "/bn/guides/behind-in-bangla/",
        "/en/guides/behind-in-english/",
        "/en/guides/only-bangla/",
        "/bn/guides/only-english/",
        "/{lang}/marketplaces/guru/",
        "/{lang}/marketplaces/compare/?m=guru&m=fiverr",
    ]
