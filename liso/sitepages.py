"""The footer's public pages: contact, privacy statement, accessibility statement, colofon.

An install writes its own text for each in the admin (`SitePage`); until it does, the page
shows the product's default below, which says only what is true of the product itself and
leaves to the install what only the install can know (who offers it, how to reach them).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from liso.markdown import render_markdown
from liso.models import SitePage

Key = SitePage.Key

DEFAULT_BODIES = {
    Key.CONTACT: _(
        "Heb je een vraag over je leernetwerk, bijvoorbeeld over een uitnodiging, een "
        "bijeenkomst of wie wat doet? Stel die dan eerst aan de trekker van je netwerk.\n\n"
        "Gaat je vraag over deze omgeving zelf, zoals inloggen, je account of je gegevens? "
        "Neem dan contact op met de organisatie die deze omgeving aanbiedt."
    ),
    Key.PRIVACY: _(
        "LISO Leernetwerken is de online plek waar leernetwerken samenwerken. Daarvoor "
        "bewaren we zo weinig mogelijk over jou, en alleen wat het netwerk nodig heeft.\n\n"
        "# Wat we bewaren\n\n"
        "- **Je account**: je naam, je e-mailadres, wanneer je je account maakte en voor het "
        "laatst inlogde. Je wachtwoord bewaren we niet zelf, alleen een code waarmee we het "
        "kunnen controleren.\n"
        "- **Je lidmaatschappen**: van welke netwerken je lid bent, met welke rol, vanuit "
        "welk perspectief en welke organisatie, en wat het netwerk over je inzet afspreekt.\n"
        "- **Wat je schrijft**: je leervragen, experimenten, observaties en reflecties, je "
        "antwoorden op uitnodigingen en wat je samen met je netwerk vastlegt.\n"
        "- **Je keuzes**: welke mail je wilt krijgen en je persoonlijke agenda-adres.\n"
        "- **Gasten van buiten een netwerk**: wie als gast voor een bijeenkomst is "
        "uitgenodigd, staat met naam en e-mailadres bij die bijeenkomst, met of de "
        "uitnodiging is verstuurd en of de gast er was. Dat gaat niet mee als een netwerk "
        "naar een andere omgeving verhuist.\n"
        "- **Beveiliging**: na mislukte inlogpogingen en aanmeldingen tellen we een tijdje "
        "mee, per e-mailadres (als onleesbare code) en per internetadres, om misbruik te "
        "stoppen. Die tellingen verdwijnen na korte tijd vanzelf (standaard na een uur).\n\n"
        "# Wat alleen van jou is\n\n"
        "Je reflecties zijn privé: alleen jij leest ze, tot je zelf kiest om een reflectie "
        "te delen. Je antwoorden op een zelfscan ziet niemand: het netwerk ziet alleen "
        "uitkomsten van minstens drie antwoorden samen.\n\n"
        "# Cookies\n\n"
        "Deze omgeving gebruikt alleen de cookies die nodig zijn om ingelogd te blijven en "
        "formulieren veilig te versturen. We volgen je niet en tonen geen advertenties. "
        "Pagina's laden niets van andere websites.\n\n"
        "# Jouw gegevens in jouw hand\n\n"
        "- Onder *Mijn account* download je alles wat we over je bewaren en alles wat je "
        "schreef, in één bestand.\n"
        "- Daar kun je ook je account verwijderen. Je privé reflecties en je persoonlijke "
        "instellingen verdwijnen dan. Wat je met je netwerk deelde, blijft voor het netwerk "
        "leesbaar, maar staat dan op naam van *oud-lid*.\n\n"
        "# Wie is verantwoordelijk?\n\n"
        "De organisatie die deze omgeving aanbiedt, is verantwoordelijk voor je gegevens. "
        "Zij vult hier haar naam in en hoe je haar bereikt met een vraag of verzoek over "
        "je gegevens."
    ),
    Key.ACCESSIBILITY: _(
        "Iedereen moet deze omgeving kunnen gebruiken: met een muis of alleen met het "
        "toetsenbord, met een schermlezer, vergroot of op een telefoon.\n\n"
        "# Wat we doen\n\n"
        "- We willen voldoen aan de WCAG 2.1 op niveau AA, de norm voor websites van de "
        "Nederlandse overheid.\n"
        "- Elke pagina wordt bij elke wijziging automatisch getest met axe-core in de "
        "browser Chromium, op de breedte van een telefoon en van een laptop. Formulieren "
        "testen we ook met foutmeldingen erin.\n"
        "- Op een telefoon hoef je een pagina niet opzij te schuiven. Een brede tabel schuift "
        "in zijn eigen vak, en dat vak is met het toetsenbord te bedienen.\n"
        "- Grafieken hebben een tabel met dezelfde cijfers. Rapporten als pdf hebben koppen, "
        "lijsten en tabellen die een schermlezer herkent.\n"
        "- We schrijven in gewone, korte zinnen.\n\n"
        "# Wat nog niet bekend is\n\n"
        "Automatische tests vinden niet elk probleem. Heeft de organisatie die deze omgeving "
        "aanbiedt de omgeving laten onderzoeken, dan staat de uitkomst hier.\n\n"
        "# Voor de organisatie die deze omgeving aanbiedt\n\n"
        "Een overheidsorganisatie moet een eigen toegankelijkheidsverklaring publiceren. "
        "Vul hier in welke organisatie deze omgeving aanbiedt, hoe ver zij is met "
        "toegankelijkheid, sinds wanneer, en hoe iemand een probleem meldt."
    ),
    Key.COLOFON: _(
        "**LISO Leernetwerken** is de online plek voor leernetwerken die met de LISO-methode "
        "werken: de opstart, de bijeenkomsten, het leren in drie fasen en een goede "
        "afsluiting.\n\n"
        "# De methode\n\n"
        "LISO staat voor Leren en Innoveren in het Sociaal Domein. De methode is ontwikkeld "
        "door Noortje Pannebakker (TNO) en Chris Kuiper (Hogeschool Leiden). De teksten "
        "over de methode in deze omgeving zijn in eigen woorden geschreven, op basis van "
        "het LISO-handboek, de website van de methode en de factsheet over publiek-private "
        "leernetwerken.\n\n"
        "# De software\n\n"
        "LISO Leernetwerken is gebouwd met onder meer deze vrij beschikbare onderdelen:\n\n"
        "- Django, htmx en PostgreSQL voor de pagina's en de gegevens;\n"
        "- het NL Design System (de componenten van de gemeente Utrecht) voor de vormgeving;\n"
        "- WeasyPrint voor de pdf's;\n"
        "- markdown-it-py en nh3 voor opgemaakte tekst;\n"
        "- SortableJS om onderdelen van een draaiboek te verslepen;\n"
        "- het lettertype Source Sans 3."
    ),
}


@dataclass(frozen=True)
class ShownPage:
    key: str
    title: str
    body: str  # rendered, safe HTML
    updated_at: object  # when the install last changed it; None for the default
    is_default: bool


def site_page(key: str) -> ShownPage:
    """The page as the install wrote it, or the product's default when it did not."""
    page = SitePage.objects.filter(key=key).first()
    if page is None:
        return ShownPage(
            key=key,
            title=Key(key).label,
            body=render_markdown(str(DEFAULT_BODIES[key]), first_heading=2),
            updated_at=None,
            is_default=True,
        )
    return ShownPage(
        key=key,
        title=page.title,
        body=render_markdown(page.body, first_heading=2),
        updated_at=page.updated_at,
        is_default=False,
    )


def default_body(key: str) -> str:
    """The default text as Markdown, for the admin to start from."""
    return str(DEFAULT_BODIES[key])
