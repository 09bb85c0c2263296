from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rewrite the search index from the published guides, skills and marketplaces."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"Search index: {count} entries.")
