"""manage.py import_network FILE [--slug NEW]: read a network's export into this install."""

from django.core.management.base import BaseCommand, CommandError

from transfer.importer import ImportRefused, network_import, read_package


class Command(BaseCommand):
    help = (
        "Import a network from the zip its trekker downloaded (/netwerken/<slug>/export/). "
        "People are matched by e-mail address or made inactive; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the export's zip file")
        parser.add_argument("--slug", help="a new address, when the network's own is taken")

    def handle(self, *args, file, slug=None, **options):
        try:
            with open(file, "rb") as source:
                result = network_import(package=read_package(source), slug=slug)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        network = result.network
        self.stdout.write(f"Imported network {network.name!r} at /netwerken/{network.slug}/")
        for label, count in result.counts.items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"People matched by e-mail address: {len(result.people_matched)}")
        self.stdout.write(
            f"People made (inactive, no password; activate them in /beheer/): "
            f"{len(result.people_made)}"
        )
        for email in result.people_made:
            self.stdout.write(f"  {email}")
