from django.apps import AppConfig

from liso import choice_labels

# Before any model class exists: each binds its get_FOO_display when it is created.
choice_labels.install()


class LisoConfig(AppConfig):
    """The project package doubles as the app that owns people (the user model), the
    account pages and the shared kit every other app may use."""

    name = "liso"
    verbose_name = "LISO"

    def ready(self):
        from liso import (
            catalogue,
            checks,  # noqa: F401 (registers the database check)
            demo,
            once,
            signup,
            throttle,
        )
        from liso.contributions import DAILY_JOBS, DEMO_PARTS, PERSONAL_DATA, contribute
        from liso.personal import PersonalSection

        catalogue.watch_changes()

        contribute(DEMO_PARTS, "people", demo.demo_people)
        contribute(DAILY_JOBS, "forget-unconfirmed", signup.forget_unconfirmed)
        contribute(DAILY_JOBS, "forget-submissions", once.forget_old)
        contribute(DAILY_JOBS, "forget-expired-counts", throttle.forget_expired)
        contribute(
            PERSONAL_DATA,
            "notification-settings",
            PersonalSection("mailinstellingen", _notification_settings),
        )


def _notification_settings(user) -> list[dict]:
    from liso import notifications

    return [{"soort": code, "hoe": how} for code, how in notifications.settings_of(user).items()]
