from django.apps import AppConfig


class LisoConfig(AppConfig):
    """The project package doubles as the app that owns people (the user model), the
    account pages and the shared kit every other app may use."""

    name = "liso"
    verbose_name = "LISO"

    def ready(self):
        from liso import (
            checks,  # noqa: F401 (registers the database check)
            demo,
        )
        from liso.contributions import DEMO_PARTS, contribute

        contribute(DEMO_PARTS, "people", demo.demo_people)
