"""The small and the large database of quality.md, shared by the query-count tests and
`make bench`. Each feature adds its own data here, so both grow with the product."""

from liso.models import User

LARGE_USER_COUNT = 2000


def build_small() -> None:
    """One young network's worth of data: nothing beyond the personas yet."""


def build_large() -> None:
    """An install with many people; the networks issue adds its 2,000 networks here."""
    User.objects.bulk_create(
        User(email=f"lid{n}@example.org", full_name=f"Lid {n}", password="!")
        for n in range(LARGE_USER_COUNT)
    )
