"""Give a staff member their second factor: an authenticator app entry and recovery codes.

    manage.py add_second_factor <username> [--recovery-codes 10] [--replace]

Prints the otpauth:// address (and its QR code for the app to scan) and the recovery codes.
This is the one time they are shown to the staff member: store the codes somewhere safe,
offline. Each recovery code works once; --replace makes new ones and voids the old.
"""

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE = "authenticator app"
RECOVERY_DEVICE = "recovery codes"


class Command(BaseCommand):
    help = "Set up a staff member's second factor (authenticator app and recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--recovery-codes", type=int, default=10)
        parser.add_argument("--replace", action="store_true", help="replace an existing second factor")

    def handle(self, username, recovery_codes, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}: create one first (manage.py createsuperuser).")
        if not 1 <= recovery_codes <= 50:
            raise CommandError("--recovery-codes must be between 1 and 50.")
        existing = TOTPDevice.objects.filter(user=user).exists() or StaticDevice.objects.filter(user=user).exists()
        if existing and not replace:
            raise CommandError(
                f"{username} already has a second factor; --replace makes a new one (the old stops working)."
            )
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            app = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=True)
            recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
            codes = [StaticToken.random_token() for _ in range(recovery_codes)]
            StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
        self.stdout.write(f"Add this to the authenticator app of {username} (scan the code or paste the address):")
        self.stdout.write(app.config_url)
        code = qrcode.QRCode(border=1)
        code.add_data(app.config_url)
        code.print_ascii(out=self.stdout, invert=True)
        self.stdout.write("Recovery codes (each works once; keep them somewhere safe, offline):")
        for token in codes:
            self.stdout.write(f"  {token}")
