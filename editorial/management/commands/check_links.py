from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from editorial.links import check_all


class Command(BaseCommand):
    help = "Check every internal link in every Markdown body (both languages); exit 1 if any is broken."

    def handle(self, *args, **options):
        with translation.override("en"):
            report = check_all()
            count = fixable = 0
            for item, problems in report.items():
                self.stdout.write(f"{item._meta.label_lower}:{item.slug}")
                for problem in problems:
                    count += 1
                    fixable += problem.fixable
                    self.stdout.write(f"  [{problem.language}] {problem.href}: {problem.message()}")
        if count:
            raise CommandError(
                f"{count} broken internal link(s) in {len(report)} item(s), {fixable} fixable (redirected)",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS("No broken internal links."))
