from django.core.management.base import BaseCommand, CommandError

from liso import catalogue


class Command(BaseCommand):
    help = (
        "Loads the LISO method's reference content from fixtures/ (werkvormen, "
        "kernelementen, struikelblokken...). Safe to run again: it only brings shipped items "
        "up to date and never touches items the platform added itself."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the fixture files (no database needed).",
        )
        parser.add_argument(
            "--only",
            choices=[part.name for part in catalogue.parts()],
            help="With --check: check only this app's files.",
        )

    def handle(self, *args, check=False, only=None, **options):
        try:
            if only:
                next(part for part in catalogue.parts() if part.name == only).check()
            else:
                catalogue.check_all()
            if check:
                self.stdout.write(self.style.SUCCESS("All fixture files are valid."))
                return
            report = catalogue.load_all()
        except catalogue.CatalogueError as error:
            raise CommandError(str(error)) from error
        for (kind, outcome), count in sorted(report.counts.items()):
            self.stdout.write(f"{kind}: {count} {outcome}")
        self.stdout.write(self.style.SUCCESS(f"Catalogue loaded ({report.changed} changes)."))
