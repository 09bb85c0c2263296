"""Write the translatable content (guides, skills, marketplaces...) to a PO file for translators."""

from django.core.management.base import BaseCommand, CommandError

from editorial.translations.content_po import ContentPoError, export
from freelanceguide.models import language_codes


class Command(BaseCommand):
    help = (
        "Export every translated content field as a PO file: msgid the other language's text, "
        "msgstr the current translation into --lang. Translate it in any PO editor, then run import_content_po."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, choices=language_codes(), help="the language to translate into")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, lang, output=None, **options):
        try:
            po = export(lang)
        except ContentPoError as error:
            raise CommandError(str(error)) from error
        if output:
            try:
                po.save(output)
            except OSError as error:
                raise CommandError(f"cannot write {output}: {error}") from error
            self.stderr.write(f"Wrote {len(po)} entries to {output}.")
        else:
            self.stdout.write(str(po), ending="")
