"""Staff need a password and a one-time code when the settings require it (production)."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough password 42"
REQUIRED = {"STAFF_SECOND_FACTOR_REQUIRED": True}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def codes(editor):
    """The editor's second factor set up by the command; returns the printed recovery codes."""
    out = io.StringIO()
    call_command("add_second_factor", "editor", "--recovery-codes", "3", stdout=out)
    printed = out.getvalue()
    assert "otpauth://totp/" in printed
    return re.findall(r"^  (\w+)$", printed, re.M)


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, code, password=PASSWORD):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "otp_token": code, "next": reverse("admin:index")},
    )


def error_codes(response):
    return [error.code for error in response.context["form"].non_field_errors().as_data()]


def every_admin_page():
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        pages.append(reverse("admin:app_list", args=[info[0]]))
    return sorted(set(pages))


def test_production_settings_require_the_second_factor():
    code = (
        "import django; from django.conf import settings; django.setup(); from django.contrib import admin; "
        "print(settings.STAFF_SECOND_FACTOR_REQUIRED, admin.site.__class__.__name__)"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env = {**base, "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod", "DJANGO_SECRET_KEY": "x" * 50}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "EditorsAdminSite"]


@pytest.mark.django_db
def test_a_password_alone_reaches_no_admin_page(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    client.force_login(editor)  # what a correct password alone gives
    pages = every_admin_page()
    assert len(pages) > 20
    for page in pages:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(reverse("admin:login")), page


@pytest.mark.django_db
def test_the_sign_in_form_without_a_code_is_refused(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    response = sign_in(client, "")
    assert response.status_code == 200
    assert error_codes(response) == ["token_required"]
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_password_and_code_reach_the_admin(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    response = sign_in(client, current_code(editor))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:guides_guide_changelist")).status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_or_a_reused_one_fails(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    right = current_code(editor)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = sign_in(client, wrong)
    assert response.status_code == 200
    assert error_codes(response) == ["invalid_token"]
    assert client.get(reverse("admin:index")).status_code == 302
    # The right code, after a wrong one, waits out django-otp's throttle; then it works once.
    TOTPDevice.objects.filter(user=editor).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert sign_in(client, right).status_code == 302
    client.logout()
    assert sign_in(client, right).status_code == 200  # the same code cannot be used twice


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    assert len(codes) == 3
    assert sign_in(client, codes[0]).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    assert sign_in(client, codes[0]).status_code == 200
    assert StaticToken.objects.filter(device__user=editor).count() == 2


@pytest.mark.django_db
def test_the_lockout_still_counts_wrong_passwords(client, settings, editor, codes):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, current_code(editor), password="wrong password")
    response = sign_in(client, current_code(editor))
    assert response.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_without_the_requirement_the_password_is_enough(client, settings, editor):
    settings.STAFF_SECOND_FACTOR_REQUIRED = False
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_the_command_refuses_to_replace_silently_and_unknown_users(editor, codes):
    with pytest.raises(CommandError, match="already has a second factor"):
        call_command("add_second_factor", "editor", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No user named"):
        call_command("add_second_factor", "nobody", stdout=io.StringIO())
    old = TOTPDevice.objects.get(user=editor).key
    call_command("add_second_factor", "editor", "--replace", stdout=io.StringIO())
    assert TOTPDevice.objects.get(user=editor).key != old
    assert not StaticToken.objects.filter(token=codes[0]).exists()


@pytest.mark.django_db
def test_the_sign_in_page_is_in_bangla(client, settings):
    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    client.cookies["django_language"] = "bn"
    page = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    assert 'name="otp_token"' in page
    assert "authenticator app shows now" not in page
