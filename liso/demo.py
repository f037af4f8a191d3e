"""Demo data for `make run` and screenshots, never for production.

Each app contributes its part (DEMO_PARTS, liso/contributions.py); the `load_demo`
command runs the parts in the order given there, so a higher app can build on what a
lower one made. Every part must be idempotent: running it twice changes nothing.
"""

from collections.abc import Callable

from liso.contributions import DEMO_PARTS, contributions

DEMO_PASSWORD = "demo-liso"

DemoPart = Callable[[], None]


def parts() -> list[DemoPart]:
    return contributions(DEMO_PARTS)


DEMO_PEOPLE = [
    ("trekker@example.org", "Fatima El Amrani"),
    ("procesbegeleider@example.org", "Joost van Dijk"),
    ("deelnemer@example.org", "Priya Ramdin"),
]


def demo_people() -> None:
    """The three demo accounts of the README. A password changed since is kept."""
    from liso.models import User

    for email, full_name in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
