"""A demo network's own werkvorm: the library's "Successen delen", adapted to how the
running network works (a wijkkaart on the wall)."""

from liso.models import User
from liso.sources import Source
from networks.history import record_creation
from networks.models import Network
from werkvormen.forms import own_code
from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel

NAME = "Successen op de wijkkaart"


def demo_own_werkvorm() -> None:
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    original = Werkvorm.objects.filter(code="successen-delen").first()
    if network is None or original is None or network.werkvormen.filter(name=NAME).exists():
        return
    procesbegeleider = User.objects.get(email="procesbegeleider@example.org")
    werkvorm = Werkvorm.objects.create(
        code=own_code(NAME),
        network=network,
        based_on=original,
        source=Source.NETWERK,
        name=NAME,
        summary="Iedereen prikt een succes van de afgelopen weken op de kaart van de wijk; "
        "zo ziet het netwerk waar het verschil al zichtbaar is.",
        wat="Onze versie van Successen delen. De successen komen op een grote kaart van de "
        "wijk, op de plek waar ze gebeurden. Na een paar bijeenkomsten zie je waar het "
        "netwerk al iets betekent, en waar nog niet.",
        wanneer="Aan het begin van elke bijeenkomst, na het welkom.",
        voorbereiding=["Hang de wijkkaart op en leg punaises en kaartjes klaar."],
        tijdens=[
            "Ieder schrijft één succes op een kaartje: wat lukte er, en bij wie?",
            "Prik het kaartje op de plek in de wijk waar het gebeurde en vertel er kort over.",
            "Kijk samen naar de kaart: waar zitten de successen, en welke buurt blijft leeg?",
        ],
        tussendoor=["Maak een foto van de kaart en zet hem in het verslag."],
        opbrengst=original.opbrengst,
        duration_min=15,
        duration_max=20,
        group_min=4,
        group_max=20,
        materials=["Grote kaart van de wijk", "Punaises en kaartjes"],
        version=1,
        updated_by=procesbegeleider,
    )
    WerkvormLabel.objects.bulk_create(
        [
            WerkvormLabel(werkvorm=werkvorm, kind=LabelKind.FASE, value="2"),
            WerkvormLabel(
                werkvorm=werkvorm, kind=LabelKind.KERNELEMENT, value="vertrouwen-in-opbrengsten"
            ),
        ]
    )
    werkvorm.refresh_search_text()
    werkvorm.save(update_fields=["search_text"])
    Werkvorm.objects.filter(pk=werkvorm.pk).update_search_vectors()
    record_creation(network=network, instance=werkvorm, by=procesbegeleider)
