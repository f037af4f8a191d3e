"""The fixed vocabulary of the LISO method, usable by every app without importing another.

These are facts of the method (names, numbers, structure). The descriptive content that
goes with them (what a phase is for, what helps a kernelement, a role's tasks) is data in
`fixtures/`, loaded into each app's reference models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.IntegerChoices):
    SAMEN_BEGRIJPEN = 1, _("Samen begrijpen")
    SAMEN_DOORGRONDEN = 2, _("Samen doorgronden")
    SAMEN_VERTALEN = 3, _("Samen vertalen")


class Kernelement(models.TextChoices):
    KENNISINFRASTRUCTUUR = "kennisinfrastructuur", _("Kennisinfrastructuur")
    SYNERGIE = "synergie-in-samenwerking", _("Synergie in samenwerking")
    ACTIELEREN = "actieleren-als-rode-draad", _("Actieleren als rode draad")
    VLIEGWIEL = "vliegwiel-van-innovatie", _("Vliegwiel van innovatie")
    VERTROUWEN = "vertrouwen-in-opbrengsten", _("Vertrouwen in opbrengsten")


class Aandachtspunt(models.TextChoices):
    WAARDEOPTIMALISATIE = "waardeoptimalisatie", _("Waardeoptimalisatie")
    BESLUITVORMING = "besluitvorming", _("Besluitvorming")
    LEIDERSCHAP = "leiderschap", _("Leiderschap")
    GOEDE_BIJEENKOMSTEN = "goede-bijeenkomsten", _("Goede bijeenkomsten")
    SAMENWERKING = "samenwerking", _("Samenwerking")
    DEELNEMERSBETROKKENHEID = "deelnemersbetrokkenheid", _("Deelnemersbetrokkenheid")
    LEERCONDITIES = "leercondities-scheppen", _("Leercondities scheppen")
    GOEDE_WERKVORMEN = "goede-werkvormen", _("Goede werkvormen")
    SAMENWERKEND_LEREN = "samenwerkend-leren", _("Samenwerkend leren")
    IMPACTANALYSE = "impactanalyse", _("Impactanalyse")
    NAAR_ORGANISATIES = "naar-organisaties-van-leden", _("Naar de organisaties van de leden")
    IMPLEMENTATIE = "implementatie", _("Implementatie")
    OPBRENGSTEN_DEELNEMERS = "opbrengsten-voor-deelnemers", _("Opbrengsten voor deelnemers")
    OPBRENGSTEN_WERKVELD = "opbrengsten-voor-werkveld", _("Opbrengsten voor het werkveld")
    OPBRENGSTEN_DOELGROEP = "opbrengsten-voor-doelgroep", _("Opbrengsten voor de doelgroep")


# Every kernelement has exactly three aandachtspunten, in this order.
AANDACHTSPUNTEN = {
    Kernelement.KENNISINFRASTRUCTUUR: (
        Aandachtspunt.WAARDEOPTIMALISATIE,
        Aandachtspunt.BESLUITVORMING,
        Aandachtspunt.LEIDERSCHAP,
    ),
    Kernelement.SYNERGIE: (
        Aandachtspunt.GOEDE_BIJEENKOMSTEN,
        Aandachtspunt.SAMENWERKING,
        Aandachtspunt.DEELNEMERSBETROKKENHEID,
    ),
    Kernelement.ACTIELEREN: (
        Aandachtspunt.LEERCONDITIES,
        Aandachtspunt.GOEDE_WERKVORMEN,
        Aandachtspunt.SAMENWERKEND_LEREN,
    ),
    Kernelement.VLIEGWIEL: (
        Aandachtspunt.IMPACTANALYSE,
        Aandachtspunt.NAAR_ORGANISATIES,
        Aandachtspunt.IMPLEMENTATIE,
    ),
    Kernelement.VERTROUWEN: (
        Aandachtspunt.OPBRENGSTEN_DEELNEMERS,
        Aandachtspunt.OPBRENGSTEN_WERKVELD,
        Aandachtspunt.OPBRENGSTEN_DOELGROEP,
    ),
}


class Dimension(models.TextChoices):
    """The five dimensions of public-private learning networks."""

    WAARDENOVEREENSTEMMING = "waardenovereenstemming", _("Waardenovereenstemming")
    VERTROUWEN = "vertrouwen", _("Vertrouwen")
    LEIDERSCHAP = "leiderschap", _("Leiderschap")
    REFLECTIE = "reflectie", _("Reflectie")
    EXPERIMENTEREN = "experimenteren", _("Experimenteren")


# Each dimension runs between two poles: (the weak pole, the strong pole).
DIMENSION_POLES = {
    Dimension.WAARDENOVEREENSTEMMING: (
        _("De partners hechten aan heel verschillende dingen."),
        _("De partners zijn het eens over wat ze belangrijk vinden."),
    ),
    Dimension.VERTROUWEN: (
        _("Partners twijfelen of iedereen evenveel inbrengt."),
        _("Partners vertrouwen erop dat iedereen evenveel investeert."),
    ),
    Dimension.LEIDERSCHAP: (
        _("De leiding is te sturend, of juist te vrijblijvend."),
        _("Een leider die het netwerk draagt en iedereen erbij betrekt."),
    ),
    Dimension.REFLECTIE: (
        _("Er is geen tijd of ruimte om stil te staan bij wat we doen."),
        _("Er is genoeg tijd en ruimte om samen te reflecteren."),
    ),
    Dimension.EXPERIMENTEREN: (
        _("Fouten maken wordt afgestraft; iedereen speelt op zeker."),
        _("Experimenteren en risico nemen worden aangemoedigd."),
    ),
}


class Stage(models.TextChoices):
    """Where a network stands: a werkvorm can suit a starting or a running network."""

    BIJ_START = "bij-start", _("Bij de start")
    LOPEND = "lopend", _("Lopend netwerk")


class Role(models.TextChoices):
    TREKKER = "trekker", _("Trekker")
    PROCESBEGELEIDER = "procesbegeleider", _("Procesbegeleider")
    PROJECTASSISTENT = "projectassistent", _("Projectassistent")
    COMMUNICATIEADVISEUR = "communicatieadviseur", _("Communicatieadviseur")
    VERBINDINGSFUNCTIONARIS = "verbindingsfunctionaris", _("Verbindingsfunctionaris")
    DEELNEMER = "deelnemer", _("Deelnemer")


class Perspective(models.TextChoices):
    BELEID = "beleid", _("Beleid")
    PRAKTIJK = "praktijk", _("Praktijk")
    ONDERZOEK = "onderzoek", _("Onderzoek")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    DOELGROEP = "doelgroep", _("Doelgroep")
    FINANCIER = "financier", _("Financier")


class Agenda(models.TextChoices):
    VERANDERAGENDA = "veranderagenda", _("Veranderagenda")
    OPLEIDINGSAGENDA = "opleidingsagenda", _("Opleidingsagenda")
    ONDERZOEKSAGENDA = "onderzoeksagenda", _("Onderzoeksagenda")


class ReflectionLevel(models.TextChoices):
    """The three levels of gelaagd leren."""

    IK = "ik", _("Ik: wat heb ik geleerd?")
    NETWERK = "netwerk", _("Het netwerk: wat hebben we samen geleerd?")
    WERKVELD = "werkveld", _("Het werkveld: wat betekent het voor het sociaal domein?")


# The levels in a word or two, for tags beside a reflection.
REFLECTION_LEVEL_SHORT = {
    ReflectionLevel.IK: _("Ik"),
    ReflectionLevel.NETWERK: _("Het netwerk"),
    ReflectionLevel.WERKVELD: _("Het werkveld"),
}
