from django.conf import settings
from django.core.management.base import BaseCommand

from guides import book


class Command(BaseCommand):
    help = "Build the start-here PDF book in each language, when its text changed since the last build."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Build even if the text is unchanged.")

    def handle(self, *args, force=False, **options):
        for code, _name in settings.LANGUAGES:
            built = book.build(code, force=force)
            state = "built" if built.changed else "unchanged"
            self.stdout.write(f"{book.book_name(code)}: {state}, {built.size} bytes")
