"""Demo data for `make run` and screenshots, never for production.

Each app adds its part with `register()` in its `AppConfig.ready()`; the `load_demo`
command runs the parts in the order the apps are installed, so a higher app can build on
what a lower one made. Every part must be idempotent: running it twice changes nothing.
"""

from collections.abc import Callable

DEMO_PASSWORD = "demo-liso"

DemoPart = Callable[[], None]
_parts: list[DemoPart] = []


def register(part: DemoPart) -> DemoPart:
    if part not in _parts:
        _parts.append(part)
    return part


def parts() -> list[DemoPart]:
    return list(_parts)


DEMO_PEOPLE = [
    ("trekker@example.org", "Fatima El Amrani"),
    ("procesbegeleider@example.org", "Joost van Dijk"),
    ("deelnemer@example.org", "Priya Ramdin"),
]


@register
def demo_people() -> None:
    """The three demo accounts of the README. A password changed since is kept."""
    from liso.models import User

    for email, full_name in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
