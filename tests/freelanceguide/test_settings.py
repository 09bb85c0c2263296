"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_with(env):
    code = "import django; from django.conf import settings; django.setup(); print(settings.DEBUG, settings.DATABASES['default']['ENGINE'])"
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with({"DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_and_debug_off():
    result = run_with({"DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod", "DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = run_with(
        {
            "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db",
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_the_local_secret_key_file_is_ignored_by_git():
    assert ".secret_key" in (ROOT / ".gitignore").read_text().split()
    assert ".env" in (ROOT / ".gitignore").read_text().split()
