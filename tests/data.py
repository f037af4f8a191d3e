"""The small and the large database of quality.md, shared by the query-count tests and
`make bench`. Each feature adds its own data here, so both grow with the product."""

from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from liso import method
from liso.models import User
from phases.models import Phase
from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel

LARGE_USER_COUNT = 2000
EXTRA_WERKVORMEN = 300
EXTRA_STRUIKELBLOKKEN = 40


def build_small() -> None:
    """One young network's worth of data: nothing beyond the personas yet."""


def build_large() -> None:
    """An install with many people; the networks issue adds its 2,000 networks here."""
    User.objects.bulk_create(
        User(email=f"lid{n}@example.org", full_name=f"Lid {n}", password="!")
        for n in range(LARGE_USER_COUNT)
    )
    _build_large_catalogue()


def _build_large_catalogue() -> None:
    """A catalogue ten times the shipped one, linked everywhere the shipped one is."""
    werkvormen = Werkvorm.objects.bulk_create(
        Werkvorm(
            code=f"eigen-werkvorm-{n}",
            name=f"Eigen werkvorm {n}",
            summary="Een werkvorm die een platform zelf toevoegde, over vertrouwen.",
            wat="Wat.",
            wanneer="Wanneer.",
            tijdens=["Stap."],
            opbrengst="Opbrengst.",
            duration_min=20,
            duration_max=60,
            group_min=4,
            group_max=20,
            search_text="vertrouwen reflectie experiment",
        )
        for n in range(EXTRA_WERKVORMEN)
    )
    WerkvormLabel.objects.bulk_create(
        label
        for n, werkvorm in enumerate(werkvormen)
        for label in (
            WerkvormLabel(werkvorm=werkvorm, kind=LabelKind.FASE, value=str(n % 3 + 1)),
            WerkvormLabel(
                werkvorm=werkvorm,
                kind=LabelKind.KERNELEMENT,
                value=method.Kernelement.values[n % 5],
            ),
            WerkvormLabel(
                werkvorm=werkvorm, kind=LabelKind.DIMENSIE, value=method.Dimension.values[n % 5]
            ),
            WerkvormLabel(
                werkvorm=werkvorm, kind=LabelKind.STADIUM, value=method.Stage.values[n % 2]
            ),
        )
    )
    Werkvorm.objects.update_search_vectors()
    # Links grow as a platform adds werkvormen, though not tenfold: a few more each.
    for phase in Phase.objects.all():
        phase.werkvormen.add(*werkvormen[:5])
    for aandachtspunt in Aandachtspunt.objects.all():
        aandachtspunt.werkvormen.add(*werkvormen[:5])
    kernelementen = list(Kernelement.objects.all())
    for n in range(EXTRA_STRUIKELBLOKKEN):
        struikelblok = Struikelblok.objects.create(
            code=f"eigen-struikelblok-{n}",
            number=100 + n,
            title=f"Eigen struikelblok {n}",
            situation="Situatie.",
            approach="Aanpak.",
            tips=["Tip."],
        )
        struikelblok.kernelementen.add(*kernelementen)
        struikelblok.werkvormen.add(*werkvormen[:5], Werkvorm.objects.get(code="speeddaten"))
