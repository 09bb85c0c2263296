"""Staff sign-in, in one place: the lockout after failed passwords (django-axes) and the second
factor, a code from an authenticator app (TOTP) or a one-use recovery code (django-otp).

The admin site checks `settings.STAFF_SECOND_FACTOR_REQUIRED` on every request, so
production settings require it while development and most tests do not. A staff member who
signed in with a password alone counts as not staff until the code is checked: every admin
page sends them back to the sign-in page. Wrong passwords count towards the lockout
(django-axes sees the first factor's failure); wrong codes are throttled per device by
django-otp itself (each failure doubles the wait).
"""

from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from freelanceguide.errors import error_page

TOTP_DIGITS = 6


def required():
    return getattr(settings, "STAFF_SECOND_FACTOR_REQUIRED", False)


class SecondFactorForm(OTPAdminAuthenticationForm):
    """Password and code in one form. The code says which device it is for: six digits come
    from the authenticator app, anything else is a recovery code (so there is no device list
    to choose from, and a miss never counts against the other device)."""

    otp_device = None
    otp_challenge = None
    otp_token = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=32,
        help_text=_("The 6-digit code your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}),
    )
    otp_error_messages = dict(
        OTPAdminAuthenticationForm.otp_error_messages,
        token_required=_("Enter the code from your authenticator app, or a recovery code."),
        invalid_token=_("That code is wrong, expired or already used. Try the code your app shows now."),
        device_required=_(
            "This account has no second factor yet. An administrator sets one up with “manage.py add_second_factor”."
        ),
        verification_not_allowed=_("Codes are not accepted for this account right now. Try again in a minute."),
        n_failed_attempts=ngettext_lazy(
            "Codes are paused after %(failure_count)d wrong code. Wait a little and try again.",
            "Codes are paused after %(failure_count)d wrong codes. Wait a little and try again.",
            "failure_count",
        ),
    )

    def _chosen_device(self, user):
        token = (self.cleaned_data.get("otp_token") or "").strip()
        kind = TOTPDevice if len(token) == TOTP_DIGITS and token.isdigit() else StaticDevice
        return kind.objects.devices_for_user(user, confirmed=True).first()


class EditorsAdminSite(AdminSite):
    """The admin, asking for the second factor whenever the settings require it."""

    @property
    def login_form(self):
        return SecondFactorForm if required() else AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/login_second_factor.html" if required() else None

    def get_urls(self):
        from editorial import reports

        return [*reports.urls(self), *super().get_urls()]

    def get_app_list(self, request, app_label=None):
        from editorial import reports

        return reports.add_to_app_list(super().get_app_list(request, app_label), self.name)

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not required() or request.user.is_verified()


# --- the lockout ----------------------------------------------------------------------------


class LockoutBackend(AxesStandaloneBackend):
    """Refuses logins for a locked-out user name or address; ModelBackend (next) checks passwords.

    A login over the web always carries the request (the admin's login form passes it). Code that
    authenticates without one (the test client's `login()`, a shell) cannot be reached by an
    attacker, so it is let through here instead of failing as django-axes does by default.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page in the reader's language, 429 with Retry-After."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = max(1, seconds // 60)
    response = error_page(request, "errors/lockout.html", 429, {"minutes": minutes})
    response["Retry-After"] = str(seconds)
    return response
