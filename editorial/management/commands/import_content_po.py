"""Apply a content PO file made by export_content_po, without overwriting editors' later changes."""

from django.core.management.base import BaseCommand, CommandError

from editorial.translations.content_po import ContentPoError, import_file


class Command(BaseCommand):
    help = (
        "Import a translated content PO file. Refuses the whole file if any source text changed since the export; "
        "skips (and lists) translations an editor changed after the export."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a PO file written by export_content_po and translated")

    def handle(self, *args, file, **options):
        try:
            result = import_file(file)
        except ContentPoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{result.language}: {len(result.applied)} translation(s) applied to {result.saved_items} item(s), "
            f"{result.unchanged} unchanged, {result.untranslated} empty or fuzzy (left as they were)."
        )
        for context in result.applied:
            self.stdout.write(f"  applied: {context}")
        if result.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(result.conflicts)} skipped: an editor changed the translation after the export "
                    "(export again to translate from the current text):"
                )
            )
            for context in result.conflicts:
                self.stdout.write(f"  skipped: {context}")
