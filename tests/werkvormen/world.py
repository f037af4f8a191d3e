"""The own-werkvormen part of the test world: one werkvorm of the network's own, adapted
from the library's Speeddaten."""

from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel


def own_werkvorm(
    network, *, name="Speeddaten in de wijk", code="speeddaten-in-de-wijk", **fields
) -> Werkvorm:
    werkvorm = Werkvorm.objects.create(
        network=network,
        code=code,
        name=name,
        summary="Onze eigen versie van speeddaten.",
        wat="Twee aan twee kennismaken, op locatie in de wijk.",
        wanneer="",
        opbrengst="",
        tijdens=["Maak tweetallen.", "Wissel na vijf minuten."],
        duration_min=20,
        duration_max=30,
        group_min=6,
        version=1,
        based_on=Werkvorm.objects.filter(code="speeddaten").first(),
        **fields,
    )
    WerkvormLabel.objects.create(werkvorm=werkvorm, kind=LabelKind.FASE, value="1")
    werkvorm.refresh_search_text()
    werkvorm.save(update_fields=["search_text"])
    Werkvorm.objects.filter(pk=werkvorm.pk).update_search_vectors()
    return werkvorm


def build_own_werkvormen(network) -> dict:
    return {"<own>": own_werkvorm(network).code}


def grow_own_werkvormen(network, n: int = 20) -> None:
    for i in range(n):
        own_werkvorm(network, name=f"Netwerkwerkvorm {i}", code=f"netwerkwerkvorm-{i}-abc123")
