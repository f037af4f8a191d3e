from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from liso import demo


class Command(BaseCommand):
    help = "Loads the demo data (accounts with a known password): only for a local demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even when DEBUG is off (for a demo server, never for real use).",
        )

    def handle(self, *args, allow_without_debug=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "Refusing to load demo accounts with a known password while DEBUG is off."
            )
        with transaction.atomic():
            for part in demo.parts():
                part()
        self.stdout.write(
            f"Demo data loaded. Log in as one of {', '.join(e for e, _ in demo.DEMO_PEOPLE)} "
            f"with password {demo.DEMO_PASSWORD!r}."
        )
