from django.apps import AppConfig


class WerkvormenConfig(AppConfig):
    """The method library: shipped werkvormen and a network's own, search and filters."""

    name = "werkvormen"
    verbose_name = "Werkvormen"

    def ready(self):
        from liso.contributions import contribute_all
        from werkvormen import contributions

        contribute_all(contributions.CONTRIBUTIONS)
