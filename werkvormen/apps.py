from django.apps import AppConfig


class WerkvormenConfig(AppConfig):
    """The method library: shipped werkvormen and a network's own, search and filters."""

    name = "werkvormen"
    verbose_name = "Werkvormen"

    def ready(self):
        from liso import catalogue
        from werkvormen import catalogue as werkvormen_catalogue

        catalogue.register(
            "werkvormen", check=werkvormen_catalogue.check, load=werkvormen_catalogue.load
        )

        from werkvormen import demo  # noqa: F401 (demo registers itself)
