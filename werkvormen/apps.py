from django.apps import AppConfig


class WerkvormenConfig(AppConfig):
    """The method library: shipped werkvormen and a network's own, search and filters."""

    name = "werkvormen"
    verbose_name = "Werkvormen"
