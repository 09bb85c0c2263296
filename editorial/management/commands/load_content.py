from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from editorial.content import ContentLoader


class Command(BaseCommand):
    help = "Load the guides, skills and marketplaces shipped in the repository. Never overwrites an editor's change."

    def handle(self, *args, **options):
        loader = ContentLoader()
        # INSTALLED_APPS order follows the dependencies: skills, marketplaces, guides.
        for config in apps.get_app_configs():
            module_name = f"{config.name}.content"
            if config.name != "editorial" and find_spec(module_name):
                import_module(module_name).load(loader)
        for message in loader.messages:
            self.stdout.write(message)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(loader.counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {summary or 'nothing to load'}."))
