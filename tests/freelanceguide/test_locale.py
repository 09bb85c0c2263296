"""Every interface string has a Bangla translation, and the compiled catalog is current."""

import re
import subprocess
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "bn" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def msgids(po_text):
    entries = set()
    for block in po_text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue
        context = re.search(r'^msgctxt "(.*)"', block, re.M)
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if match:
            text = "".join(re.findall(r'"(.*)"', match.group(1)))
            if text:
                entries.add((context.group(1) if context else "", text))
    return entries


def test_catalog_has_no_untranslated_or_fuzzy_entry():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_catalog_covers_every_string_in_code_and_templates():
    original = PO.read_bytes()
    try:
        call_command(
            "makemessages", locale=["bn"], no_location=True, ignore_patterns=[".venv", "staticfiles"], verbosity=0
        )
        current = msgids(PO.read_text())
    finally:
        PO.write_bytes(original)
    missing = current - msgids(original.decode())
    assert not missing, f"strings missing from {PO.name}; run `make messages` and translate them: {sorted(missing)}"


def test_compiled_catalog_is_current(tmp_path):
    assert MO.exists(), "run `manage.py compilemessages`"
    fresh = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(PO)], check=True)
    dump = [
        subprocess.run(["msgunfmt", str(path)], capture_output=True, text=True, check=True).stdout
        for path in (fresh, MO)
    ]
    assert dump[0] == dump[1], "locale/bn/LC_MESSAGES/django.mo is stale: run `manage.py compilemessages`"
