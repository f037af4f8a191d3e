"""Demo data: the journey of the running network "Jeugdhulp dichtbij" through the phases.

The network spent its first year in phase 1 (samen begrijpen: the two earlier sessions of
bijeenkomsten/demo.py), and moved to phase 2 (samen doorgronden) at the session "Het vraagstuk
scherp krijgen", twelve weeks ago. Since then it ran one round of three small experiments,
judged them together in the session "Wat werkt er in de wijk?" six weeks ago, and opened a
second round. What it has so far: a woordenlijst, a leervraag for every member (none answered:
phase 3 has not come), observations, reflections (shared and private), two kennisproducten
and a handful of successes.

Dates are counted in days before today, so the demo stays fresh. The part does nothing when
the network is missing or already has a phase history or a woordenlijst.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from liso.method import Agenda, Phase, ReflectionLevel
from networks import history
from networks.models import Network
from phases.models import (
    Adoption,
    Barrier,
    Experiment,
    Kennisproduct,
    Leervraag,
    Observation,
    PhaseChange,
    Reflection,
    Round,
    Success,
    Term,
)

FATIMA = "trekker@example.org"  # trekker, Gemeente Rivierstad (beleid)
JOOST = "procesbegeleider@example.org"  # procesbegeleider, Hogeschool Oost (onderwijs)
PRIYA = "deelnemer@example.org"  # deelnemer, Buurtteams Rivierstad (praktijk)
SANNE = "sanne.bakker@example.org"  # verbindingsfunctionaris, Jeugdhulp Regio Oost (praktijk)
AHMED = "ahmed.yilmaz@example.org"  # Gemeente Heuvelland (beleid)
LOTTE = "lotte.de.graaf@example.org"  # Kenniscentrum Jeugd (onderzoek)
MILA = "mila.jansen@example.org"  # Ouderplatform Rivierstad (doelgroep)
DAAN = "daan.visser@example.org"  # Jongerenraad Oost (doelgroep)
EVA = "eva.smit@example.org"  # ROC Rivierland (onderwijs), tweede schil
NOAH = "noah.peters@example.org"  # projectassistent, Jeugdhulp Regio Oost (praktijk)
IRIS = "iris.mulder@example.org"  # communicatieadviseur, Gemeente Rivierstad (beleid)
RUBEN = "ruben.vos@example.org"  # Universiteit Oost (onderzoek), tweede schil

HELD_SESSION = "Wat werkt er in de wijk?"

# --- phase history --------------------------------------------------------------------------

START_REASON = (
    "De samenwerkingsovereenkomst is getekend. We beginnen bij samen begrijpen: elkaars "
    "praktijk leren kennen, het vraagstuk van de lange wachttijden scherp krijgen en "
    "afspreken welke woorden we gebruiken."
)
TO_PHASE_2_DAYS_AGO = 84  # the evening of the session "Het vraagstuk scherp krijgen"
TO_PHASE_2_REASON = (
    "Besloten in de bijeenkomst 'Het vraagstuk scherp krijgen'. De woordenlijst is af, "
    "iedereen heeft een leervraag en we hebben een thema gekozen: lichte hulp die eerder en "
    "dichter bij het gezin komt, met de jongere zelf aan tafel. Nu willen we in de praktijk "
    "uitproberen wat daarvoor werkt, in kleine experimenten."
)

# --- woordenlijst: (term, definition, how the perspectives use it, other words) -----------

TERMS = [
    (
        "Eigen regie",
        "Een jongere en het gezin bepalen zelf zo veel mogelijk welke hulp er komt en hoe, en "
        "krijgen steun waar ze die nodig hebben. Het betekent niet dat ze het alleen moeten "
        "uitzoeken.",
        "Beleid: staat als doel in de verordening en wordt soms gelezen als 'minder beroep op "
        "voorzieningen'. Praktijk: aansluiten bij wat het gezin wil en kan, terwijl niet elk "
        "gezin dat op dat moment aankan. Doelgroep: echt mee mogen beslissen, ook als je het "
        "niet eens bent met de hulpverlener. Onderzoek: spreekt eerder van autonomie en meet "
        "het met vragenlijsten.",
        "zelfregie, samen beslissen; 'eigen kracht' liever niet (klinkt als: zoek het zelf uit)",
    ),
    (
        "Hulpvraag",
        "Wat een jongere of gezin nodig heeft, in hun eigen woorden, voordat er een hulpvorm "
        "aan gekoppeld wordt.",
        "Beleid: de aanvraag die tot een beschikking leidt. Praktijk: wat er achter de "
        "aanmelding zit, vaak pas na een paar gesprekken duidelijk. Doelgroep: 'ik had geen "
        "zorgvraag, ik had gedoe thuis'. Onderzoek: houdt de vraag van het gezin en de "
        "ingeschatte behoefte uit elkaar, omdat ze vaak verschillen.",
        "zorgvraag (vooral bij de gemeente), ondersteuningsbehoefte, de vraag achter de vraag",
    ),
    (
        "Wijkteam",
        "Het team van generalisten in de buurt waar gezinnen terechtkunnen met vragen over "
        "opgroeien, opvoeden en wat daarbij komt kijken. In Rivierstad heet het buurtteam.",
        "Beleid: de toegang tot jeugdhulp, wie er een beschikking krijgt. Praktijk: ook zelf "
        "hulp bieden, niet alleen doorverwijzen. Doelgroep: vaak onbekend, of 'die mensen van "
        "de gemeente'. Onderwijs: wil een vast gezicht dat ook op school komt.",
        "buurtteam, sociaal team, jeugd- en gezinsteam, de toegang",
    ),
    (
        "Ervaringsdeskundige",
        "Iemand met eigen ervaring met jeugdhulp, als jongere of als ouder, die daarop heeft "
        "gereflecteerd en die ervaring inzet om anderen en het netwerk verder te helpen.",
        "Beleid: vaak de cliëntvertegenwoordiger die inspraak heeft. Praktijk: een collega in "
        "het team, met of zonder opleiding. Doelgroep: ervaring hebben is nog niet "
        "ervaringsdeskundig zijn; dat laatste vraagt scholing en een vergoeding. Onderzoek: "
        "een co-onderzoeker. Onderwijs: een gastdocent.",
        "ervaringswerker, cliëntvertegenwoordiger, jongere of ouder met eigen ervaring",
    ),
    (
        "Normaliseren",
        "Gewone opvoedvragen en tegenslagen als gewoon zien en ze zo veel mogelijk oplossen "
        "waar ze ontstaan (thuis, op school, in de buurt), zonder meteen een etiket of "
        "specialistische hulp.",
        "Beleid: ook een manier om het aantal trajecten te beperken. Praktijk: steunt het, maar "
        "is bang dat echte problemen gemist worden. Doelgroep: opluchting dat niet alles een "
        "stoornis is, en de angst om niet gehoord te worden. Onderzoek: wijst op twee risico's, "
        "te veel hulp en te weinig. Onderwijs: wat kan de mentor zelf, en wanneer haal je "
        "iemand erbij?",
        "demedicaliseren, gewoon opgroeien; 'ontzorgen' liever niet",
    ),
    (
        "Preventie",
        "Voorkomen dat problemen groter worden: er vroeg bij zijn, met lichte steun in de buurt.",
        "Beleid: een investering die zich later terugverdient, maar moeilijk te meten is. "
        "Praktijk: waar nooit tijd voor is, omdat de wachtlijst voorgaat. Onderzoek: maakt "
        "onderscheid tussen preventie voor iedereen, voor groepen met risico en voor wie al "
        "signalen laat zien. Onderwijs: school is de plek waar je het eerst ziet. Doelgroep: "
        "'had iemand maar eerder gevraagd hoe het ging'.",
        "vroegsignalering, voorliggend veld, eerder erbij zijn",
    ),
    (
        "Lichte hulp",
        "Korte steun zonder aanvraag of beschikking, zoals een paar gesprekken met het "
        "buurtteam of een oudercursus.",
        "Beleid: vrij toegankelijk, en goedkoper dan een traject. Praktijk: voor sommige "
        "gezinnen precies genoeg, bij andere verhult het woord hoe zwaar het is. Doelgroep: "
        "'licht' voelt alsof je probleem niet serieus wordt genomen.",
        "vrij toegankelijke hulp, kortdurende ondersteuning, hulp in de buurt",
    ),
    (
        "Keukentafelgesprek",
        "Het gesprek bij het gezin thuis, of waar zij dat willen, waarin samen wordt verkend "
        "wat er speelt en wat er nodig is.",
        "Beleid: het onderzoek dat bij een aanvraag hoort, met een verslag. Praktijk: het begin "
        "van de relatie met het gezin. Doelgroep (jongeren): 'een gesprek over mij, waar ik "
        "lang niet altijd bij zit'. Onderzoek: het moment waarop het meest wordt beslist en "
        "het minst wordt vastgelegd.",
        "eerste gesprek, verkennend gesprek, onderzoek (in de formele taal)",
    ),
]

# --- leervragen: (member, days ago, question) ------------------------------------------------

LEERVRAGEN = [
    (
        FATIMA,
        118,
        "Hoe krijg ik de wethouder en mijn collega's bij beleid mee in wat we hier "
        "leren, ook als de uitkomsten niet in de begroting van dit jaar passen?",
    ),
    (
        JOOST,
        117,
        "Hoe zorg ik dat wat dit netwerk leert in de lessen van onze tweedejaars "
        "social work komt, en niet blijft hangen bij de twee docenten die meedoen?",
    ),
    (
        PRIYA,
        112,
        "Hoe voer ik een eerste gesprek zo dat de jongere zelf vertelt wat er nodig "
        "is, in plaats van dat ik vooral met de ouders praat?",
    ),
    (
        SANNE,
        115,
        "Welke aanmeldingen bij Jeugdhulp Regio Oost hadden met steun van het "
        "buurtteam voorkomen kunnen worden, en wat zien wij dat het buurtteam niet ziet?",
    ),
    (
        AHMED,
        110,
        "Welke regels in onze verordening houden lichte hulp tegen, en welke kunnen "
        "we laten vallen zonder het zicht op de kosten te verliezen?",
    ),
    (
        LOTTE,
        119,
        "Hoe meet je in een paar weken of iets werkt in de wijk, zonder de "
        "hulpverleners te belasten met extra formulieren?",
    ),
    (
        MILA,
        104,
        "Helpt het ouders als ze vóór de eerste afspraak kunnen bellen met een ouder "
        "die hetzelfde heeft meegemaakt?",
    ),
    (
        DAAN,
        108,
        "Wanneer voelt een jongere zich echt gehoord in een gesprek met een "
        "hulpverlener, en hoe schrijf je dat zo op dat hulpverleners er iets mee doen?",
    ),
    (
        EVA,
        100,
        "Wat hebben mentoren op het ROC nodig om zorgen over een student eerder te "
        "bespreken, zonder dat het meteen een melding wordt?",
    ),
    (
        NOAH,
        98,
        "Hoe plannen we bijeenkomsten zo dat ouders en jongeren er ook echt bij "
        "kunnen zijn, met school, werk en vervoer?",
    ),
    (
        IRIS,
        96,
        "Hoe vertellen we wat het netwerk leert aan ouders en professionals die er "
        "niet bij zijn, zonder dat het een folder wordt die niemand leest?",
    ),
    (
        RUBEN,
        95,
        "Wat kunnen kleine experimenten in de praktijk laten zien dat een groot "
        "onderzoek mist, en waar houdt dat op?",
    ),
]

# --- rounds: (number, opened days ago, closed days ago or None) -----------------------------

ROUNDS = [(1, 82, 46), (2, 41, None)]

# --- experiments ------------------------------------------------------------------------------
# "starts" is in days before today (negative: still ahead).

EXPERIMENTS = [
    {
        "key": "vragenkaart",
        "round": 1,
        "title": "De jongere opent het keukentafelgesprek",
        "created_by": PRIYA,
        "group": [PRIYA, DAAN, LOTTE],
        "leervraag_of": DAAN,
        "organisation": "Buurtteams Rivierstad",
        "starts": 79,
        "weeks": 4,
        "expectation": "Als een jongere vooraf op een vragenkaart zelf opschrijft wat er voor "
        "hem of haar moet veranderen, en het gesprek met die kaart begint, dan voelt de "
        "jongere zich beter gehoord en past de afgesproken hulp beter.",
        "change": "Bij elke afspraak met een gezin met een jongere vanaf twaalf jaar sturen "
        "twee buurtteamers een kaart met drie vragen mee, gemaakt met de Jongerenraad. Het "
        "gesprek begint met wat de jongere heeft opgeschreven; pas daarna komen de ouders "
        "aan het woord.",
        "needs": "Vragenkaarten laten drukken, tien minuten extra per gesprek, en het akkoord "
        "van de teamleider.",
        "monitoring": "Na elk gesprek twee vragen aan de jongere: een cijfer voor 'ik werd "
        "gehoord' en 'klopt het plan voor jou?'. De buurtteamer schrijft er een korte notitie "
        "bij. Lotte vergelijkt met de vier weken ervoor.",
        "status": Experiment.Status.KLAAR,
        "outcome": Experiment.Outcome.BEVESTIGD,
        "outcome_note": "In 11 van de 14 gesprekken had de jongere de kaart ingevuld. "
        "Jongeren gaven gemiddeld een 7,9 voor 'ik werd gehoord'; in de vier weken ervoor was "
        "dat een 6,1. Ouders vonden het soms lastig om eerst te luisteren.",
        "assessment": "Voor het netwerk de belangrijkste les van ronde 1: jongeren zeggen meer "
        "als zij het gesprek openen, en het kost weinig. We maken er een handreiking van. In "
        "ronde 2 kijken we of het nog beter werkt als de jongere eerst even alleen spreekt.",
    },
    {
        "key": "inloopuur",
        "round": 1,
        "title": "Wekelijks inloopuur van jeugdhulp op het ROC",
        "created_by": SANNE,
        "group": [SANNE, EVA, MILA],
        "leervraag_of": EVA,
        "organisation": "ROC Rivierland",
        "starts": 77,
        "weeks": 4,
        "expectation": "Als studenten en mentoren elke week zonder afspraak bij een "
        "hulpverlener terechtkunnen, komen zorgen eerder op tafel en hoeven minder studenten "
        "naar specialistische hulp te worden verwezen.",
        "change": "Een hulpverlener van Jeugdhulp Regio Oost zit elke dinsdagmiddag een uur "
        "in het studiecentrum van het ROC. Studenten en mentoren kunnen binnenlopen, ook "
        "met een vraag over iemand anders.",
        "needs": "Een rustige ruimte op het ROC, een uur per week van het team van Sanne, en "
        "aankondigingen via de mentoren.",
        "monitoring": "Turven wie er binnenloopt (student of mentor) en waarover. Na afloop "
        "een kort gesprek met drie mentoren.",
        "status": Experiment.Status.KLAAR,
        "outcome": Experiment.Outcome.DEELS,
        "outcome_note": "Er kwamen in vier weken 17 mensen, maar 10 van hen waren mentoren. "
        "Zij bespraken zorgen eerder dan anders. Over verwijzingen valt na vier weken niets te "
        "zeggen.",
        "assessment": "Het inloopuur verlaagt de drempel, vooral voor mentoren: zij zijn de "
        "eerste vindplaats. Vier weken is te kort om iets te zeggen over verwijzingen. Het ROC "
        "gaat door met het inloopuur; Eva houdt het netwerk op de hoogte.",
    },
    {
        "key": "vrije-gesprekken",
        "round": 1,
        "title": "Vijf gesprekken zonder beschikking in Heuvelland",
        "created_by": AHMED,
        "group": [AHMED, LOTTE, MILA],
        "leervraag_of": AHMED,
        "organisation": "Gemeente Heuvelland",
        "starts": 75,
        "weeks": 4,
        "expectation": "Als gezinnen in Heuvelland zonder aanvraag tot vijf gesprekken bij "
        "het wijkteam kunnen krijgen, dan dalen de aanvragen voor een beschikking voor lichte "
        "ambulante hulp.",
        "change": "Vier weken lang mag het wijkteam van Heuvelland tot vijf gesprekken bieden "
        "zonder aanvraag en zonder verslag aan de gemeente.",
        "needs": "Een tijdelijke uitzondering op de werkinstructie (akkoord van het hoofd "
        "sociaal domein) en een korte uitleg voor het wijkteam.",
        "monitoring": "Het wijkteam turft het aantal gezinnen met vrije gesprekken. Ahmed "
        "haalt het aantal aanvragen uit het systeem en legt het naast dezelfde weken vorig "
        "jaar.",
        "status": Experiment.Status.KLAAR,
        "outcome": Experiment.Outcome.NIET,
        "outcome_note": "De aanvragen daalden niet: 21 in vier weken, tegen 22 in dezelfde "
        "weken vorig jaar. De vrije gesprekken gingen vooral naar gezinnen die anders helemaal "
        "niet waren gekomen.",
        "assessment": "De verwachting klopte niet, en toch leerden we veel. Vrije gesprekken "
        "voorkomen geen aanvragen, maar bereiken gezinnen die eerder buiten beeld bleven. Dat "
        "vraagt een ander gesprek met de gemeenten over wat we 'opbrengst' noemen. Ahmed neemt "
        "dit mee naar de collega's van beleid in Heuvelland.",
    },
    {
        "key": "eerst-alleen",
        "round": 2,
        "title": "Eerst een kwartier met de jongere alleen",
        "created_by": PRIYA,
        "group": [PRIYA, DAAN, RUBEN],
        "leervraag_of": PRIYA,
        "organisation": "Buurtteams Rivierstad",
        "starts": 35,
        "weeks": 8,
        "expectation": "Als ik jongeren vanaf twaalf jaar het eerste kwartier zonder hun "
        "ouders spreek, komen er onderwerpen op tafel die anders later of nooit ter sprake "
        "komen, en hoeven we het plan minder vaak bij te stellen.",
        "change": "Bij elke nieuwe aanmelding met een jongere vanaf twaalf jaar spreek ik "
        "eerst een kwartier met de jongere alleen. De ouders weten dat vooraf; daarna gaan we "
        "samen verder.",
        "needs": "Een tweede ruimte (of een rondje lopen), een korte uitleg voor ouders in de "
        "uitnodiging, en afstemming met mijn teamleider.",
        "monitoring": "Na elk gesprek noteer ik welke onderwerpen de jongere alleen noemde. "
        "Na zes weken kijken Ruben en ik hoe vaak een plan is bijgesteld.",
        "status": Experiment.Status.LOOPT,
    },
    {
        "key": "ervaringsouder",
        "round": 2,
        "title": "Bellen met een ervaringsouder vóór de eerste afspraak",
        "created_by": MILA,
        "group": [MILA, SANNE, FATIMA],
        "leervraag_of": MILA,
        "organisation": "Jeugdhulp Regio Oost",
        "starts": -14,
        "weeks": 6,
        "expectation": "Als ouders vóór hun eerste afspraak bij Jeugdhulp Regio Oost kunnen "
        "bellen met een ouder die het zelf heeft meegemaakt, komen ze minder gespannen binnen "
        "en zeggen ze minder vaak een afspraak af.",
        "change": "Bij de bevestiging van de eerste afspraak krijgen ouders het aanbod om te "
        "bellen met een ervaringsouder van het Ouderplatform. Het gesprek is vrijblijvend en "
        "wordt niet vastgelegd in het dossier.",
        "needs": "Drie ervaringsouders met een korte training en een vergoeding, een "
        "werktelefoon, en afspraken over privacy met de functionaris gegevensbescherming.",
        "monitoring": "Het aantal ouders dat belt, en het aantal afgezegde eerste afspraken "
        "naast dat van de zes weken ervoor. Ervaringsouders houden een kort logboek bij "
        "zonder namen.",
        "status": Experiment.Status.PLAN,
    },
]

# Observations per experiment: (days ago, author, text, number, unit).
OBSERVATIONS = {
    "vragenkaart": [
        (
            73,
            PRIYA,
            "Eerste week: vier gesprekken met de kaart. Een jongen had hem thuis laten "
            "liggen, maar wist de vragen nog en begon toch zelf.",
            4,
            "gesprekken met vragenkaart",
        ),
        (
            63,
            DAAN,
            "Drie leden van de Jongerenraad lazen de kaart nog eens: de derde vraag ('wat "
            "heb je nodig?') is te groot. Nu staat er: 'wat zou morgen al helpen?'",
            None,
            "",
        ),
        (
            52,
            LOTTE,
            "Na vier weken: 14 gesprekken. Gemiddeld cijfer voor 'ik werd gehoord' is "
            "7,9, tegen 6,1 in de vier weken ervoor.",
            Decimal("7.9"),
            "cijfer 'ik werd gehoord'",
        ),
    ],
    "inloopuur": [
        (
            70,
            EVA,
            "Eerste inloopuur: niemand. Het tweede: drie studenten en twee mentoren. De "
            "mentoren kwamen vooral vragen of iets 'erg genoeg' was.",
            5,
            "bezoekers",
        ),
        (
            56,
            SANNE,
            "Na drie weken 13 bezoekers, van wie 8 mentoren. Studenten komen liever "
            "samen met een vriend.",
            13,
            "bezoekers",
        ),
        (
            50,
            MILA,
            "Twee ouders van het Ouderplatform hoorden van hun kind over het inloopuur. "
            "Ze vonden het fijn dat het op school was en niet 'bij de hulpverlening'.",
            None,
            "",
        ),
    ],
    "vrije-gesprekken": [
        (
            68,
            AHMED,
            "Na tien dagen hebben negen gezinnen een of meer vrije gesprekken gehad.",
            9,
            "gezinnen met vrije gesprekken",
        ),
        (
            55,
            MILA,
            "Een moeder vertelde dat ze nooit een aanvraag had gedaan: 'dan sta je meteen "
            "ergens geregistreerd'. Het vrije gesprek voelde veiliger.",
            None,
            "",
        ),
        (
            48,
            LOTTE,
            "Aanvragen voor lichte ambulante hulp in de vier weken: 21. Dezelfde weken "
            "vorig jaar: 22. Geen verschil dat iets zegt.",
            21,
            "aanvragen",
        ),
    ],
    "eerst-alleen": [
        (
            31,
            PRIYA,
            "Eerste drie gesprekken. Twee ouders vonden het spannend; een vader wilde "
            "er eerst bij blijven. Na uitleg ging het goed.",
            3,
            "gesprekken",
        ),
        (
            20,
            RUBEN,
            "Tussenstand: in 6 van de 9 gesprekken noemde de jongere iets wat de ouders "
            "niet hadden genoemd, meestal over school of vrienden.",
            6,
            "gesprekken met een nieuw onderwerp",
        ),
        (
            9,
            PRIYA,
            "Een meisje van dertien wilde liever dat haar moeder erbij bleef. Dat is ook "
            "een keuze; ik heb het zo gelaten en het genoteerd.",
            None,
            "",
        ),
    ],
}

# --- reflections: (author, level, about, written days ago, shared days ago or None, text) --
# "about" is "sessie" (the held session), an experiment key, or None (the network).

REFLECTIONS = [
    (
        PRIYA,
        ReflectionLevel.IK,
        "eerst-alleen",
        18,
        None,
        "Ik merk dat ik het lastig vind om ouders even weg te sturen. Ik ben bang dat ze denken "
        "dat ik achter hun rug iets regel. Misschien zegt dat meer over mij dan over hen.",
    ),
    (
        PRIYA,
        ReflectionLevel.NETWERK,
        "sessie",
        41,
        40,
        "In de bijeenkomst werd me duidelijk dat het experiment in Heuvelland, dat 'mislukte', "
        "ons net zoveel leerde als de vragenkaart. Daardoor durf ik zelf ook meer uit te "
        "proberen.",
    ),
    (
        DAAN,
        ReflectionLevel.IK,
        "vragenkaart",
        50,
        49,
        "Ik had niet gedacht dat zo'n simpele kaart verschil maakt. Twee jongeren vertelden dat "
        "het voor het eerst voelde alsof het gesprek over hén ging.",
    ),
    (
        AHMED,
        ReflectionLevel.WERKVELD,
        "vrije-gesprekken",
        40,
        38,
        "Als gemeenten beoordelen we vrije gesprekken op minder aanvragen. Dat is de verkeerde "
        "maat: ze bereiken gezinnen die anders pas veel later en zwaarder binnenkomen. Dat "
        "zouden we in de hele regio anders moeten volgen.",
    ),
    (
        LOTTE,
        ReflectionLevel.WERKVELD,
        None,
        30,
        29,
        "Korte rondes met kleine experimenten leveren geen hard bewijs, maar wel kennis die "
        "hulpverleners meteen kunnen gebruiken. Voor het kenniscentrum is de vraag hoe we die "
        "twee soorten kennis naast elkaar laten bestaan.",
    ),
    (
        JOOST,
        ReflectionLevel.NETWERK,
        "sessie",
        42,
        41,
        "Voor het eerst hoorde ik beleid en praktijk elkaars woorden gebruiken. Niemand zei "
        "'zorgvraag' zonder er even bij stil te staan. De woordenlijst doet zijn werk.",
    ),
    (
        FATIMA,
        ReflectionLevel.IK,
        "sessie",
        41,
        None,
        "Er waren minder mensen dan bij de vorige bijeenkomsten. Ik wil eerst weten waarom, "
        "voordat ik het op drukke agenda's schuif. Ik bel de komende weken wie er niet was.",
    ),
    (
        MILA,
        ReflectionLevel.IK,
        None,
        25,
        None,
        "In de grote groep zeg ik minder dan in ons kleine groepje. Met de taxi kom ik nu zonder "
        "zorgen, maar ik wil vaker in kleine groepen werken.",
    ),
    (
        SANNE,
        ReflectionLevel.NETWERK,
        "inloopuur",
        44,
        43,
        "Wij dachten dat studenten zouden komen, maar de mentoren kwamen. Als netwerk keken we "
        "naar de jongere, en vergaten we wie er elke dag naast hem staat.",
    ),
]

# --- kennisproducten ------------------------------------------------------------------------
# Adoptions are (organisation, status, since days ago or None); no row means "nog niet".

PRODUCTS = [
    {
        "title": "Handreiking keukentafelgesprek met jongeren",
        "kind": Kennisproduct.Kind.HANDREIKING,
        "status": Kennisproduct.Status.KLAAR,
        "audience": "Medewerkers van buurtteams en jeugdhulp die eerste gesprekken voeren "
        "met gezinnen met een jongere vanaf twaalf jaar.",
        "summary": "Een handreiking van acht pagina's: hoe je een jongere het eerste gesprek "
        "laat openen, met de vragenkaart van de Jongerenraad, een voorbeeldtekst voor de "
        "uitnodiging en tips voor ouders die het lastig vinden om eerst te luisteren.",
        "lessons": "Jongeren voelen zich beter gehoord als zij het gesprek openen (ronde 1: "
        "een 7,9 tegen een 6,1). Het kost weinig tijd, zolang ouders vooraf weten waarom.",
        "experiments": ["vragenkaart"],
        "agendas": [Agenda.VERANDERAGENDA],
        "updated_by": PRIYA,
        "created_days_ago": 38,
        "updated_days_ago": 22,
        "barriers": [
            (
                "Het gesprek duurt tien minuten langer, en de agenda's zitten vol.",
                "Teamleiders spreken af dat eerste gesprekken met jongeren een kwartier langer "
                "mogen duren; de tijd komt terug doordat plannen minder vaak worden bijgesteld.",
            ),
            (
                "Ouders voelen zich buitengesloten als hun kind eerst aan het woord is.",
                "In de uitnodiging uitleggen waarom, en ouders daarna zelf volop ruimte geven. "
                "Het Ouderplatform heeft de tekst van de uitnodiging meegelezen.",
            ),
        ],
        "adoptions": [
            ("Buurtteams Rivierstad", Adoption.Status.IN_GEBRUIK, 21),
            ("Jeugdhulp Regio Oost", Adoption.Status.AFGESPROKEN, None),
        ],
    },
    {
        "title": "Trainingsmodule samen beslissen",
        "kind": Kennisproduct.Kind.TRAINING,
        "status": Kennisproduct.Status.IN_ONTWIKKELING,
        "audience": "Tweedejaars studenten social work van Hogeschool Oost, mbo-studenten "
        "van ROC Rivierland en nieuwe medewerkers van de buurtteams.",
        "summary": "Drie lessen over samen beslissen met jongeren en ouders: het gesprek "
        "openen, zorgen bespreken zonder meteen te verwijzen, en een plan maken waar de "
        "jongere achter staat. Elke les wordt gegeven samen met een ervaringsdeskundige.",
        "lessons": "Uit ronde 1: jongeren zeggen meer als zij het gesprek beginnen, en "
        "mentoren zijn vaak de eersten die zorgen zien maar twijfelen of iets 'erg genoeg' is.",
        "experiments": ["vragenkaart", "inloopuur"],
        "agendas": [Agenda.OPLEIDINGSAGENDA, Agenda.VERANDERAGENDA],
        "updated_by": JOOST,
        "created_days_ago": 23,
        "updated_days_ago": 10,
        "barriers": [
            (
                "Het lesprogramma van hogeschool en ROC ligt een jaar vooruit vast.",
                "Eerst aanbieden als keuzeonderdeel in de minor jeugd; Joost zet de module op de "
                "agenda van de curriculumcommissie voor het volgende studiejaar.",
            ),
            (
                "Docenten hebben zelf weinig ervaring met samen beslissen met jongeren.",
                "Elke les samen geven met een jongere of ouder met ervaring, tegen een vergoeding; "
                "de Jongerenraad en het Ouderplatform dragen mensen aan.",
            ),
        ],
        "adoptions": [("Hogeschool Oost", Adoption.Status.AFGESPROKEN, None)],
    },
]

# --- successes: (author, size, days ago, text) ---------------------------------------------

SMALL, LARGE = Success.Size.KLEIN, Success.Size.GROOT
SUCCESSES = [
    (
        PRIYA,
        SMALL,
        30,
        "Een jongen van vijftien zei na afloop: 'Dit is de eerste keer dat "
        "iemand eerst aan mij vroeg wat er moet gebeuren.'",
    ),
    (
        AHMED,
        LARGE,
        26,
        "Heuvelland houdt de vrije gesprekken aan, ook al daalden de "
        "aanvragen niet: het college wil volgen hoeveel gezinnen we zo eerder bereiken.",
    ),
    (
        SANNE,
        LARGE,
        17,
        "Jeugdhulp Regio Oost heeft afgesproken de handreiking na de zomer "
        "in alle teams te gebruiken.",
    ),
    (
        MILA,
        SMALL,
        12,
        "Drie ouders van het Ouderplatform willen ervaringsouder worden in het "
        "nieuwe experiment. Meer dan we hadden durven hopen.",
    ),
    (
        JOOST,
        SMALL,
        8,
        "Twintig tweedejaars volgden de eerste proefles samen beslissen, met "
        "Daan als gastdocent. Ze bleven na afloop nog een half uur vragen stellen.",
    ),
    (
        DAAN,
        SMALL,
        4,
        "De Jongerenraad heeft een versie van de vragenkaart met plaatjes "
        "gemaakt, voor jongeren die niet graag lezen.",
    ),
]


# --- helpers -------------------------------------------------------------------------------


def _day(days_ago: int) -> date:
    return date.today() - timedelta(days=days_ago)


def _moment(days_ago: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(_day(days_ago), time(hour)))


def _backdate(instance, **fields) -> None:
    """Set auto_now(_add) fields afterwards, so the demo's history reads in order."""
    type(instance).objects.filter(pk=instance.pk).update(**fields)


# --- the part ------------------------------------------------------------------------------


def demo_journey() -> None:
    """The running network's phase history, words, leervragen, experiments, reflections,
    kennisproducten and successes."""
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    if network is None or network.phase_changes.exists() or network.terms.exists():
        return
    members = {
        m.user.email: m
        for m in network.memberships.filter(left_on__isnull=True).select_related(
            "user", "organisation"
        )
    }
    if FATIMA not in members:
        return
    organisations = {
        m.organisation.name: m.organisation for m in members.values() if m.organisation
    }
    _phase_history(network, members[FATIMA].user)
    _terms(network, members[JOOST].user if JOOST in members else members[FATIMA].user)
    leervragen = _leervragen(network, members)
    experiments = _experiments(network, members, organisations, leervragen)
    _reflections(network, members, experiments)
    _products(network, members, organisations, experiments)
    _successes(network, members)
    _history(network, members[FATIMA].user)


def _history(network, trekker) -> None:
    """The demo's documents appear in their history, as if typed in the forms, by whoever
    last saved them."""
    for model in (Term, Leervraag, Experiment, Kennisproduct):
        for instance in model.objects.filter(network=network).select_related("updated_by"):
            history.record_creation(
                network=network, instance=instance, by=instance.updated_by or trekker
            )


def _phase_history(network, trekker) -> None:
    started = timezone.make_aware(
        datetime.combine(network.start_date + timedelta(days=21), time(16))
    )
    first = PhaseChange.objects.create(
        network=network,
        from_phase=None,
        to_phase=Phase.SAMEN_BEGRIJPEN,
        reason=START_REASON,
        changed_by=trekker,
    )
    _backdate(first, changed_at=started)
    second = PhaseChange.objects.create(
        network=network,
        from_phase=Phase.SAMEN_BEGRIJPEN,
        to_phase=Phase.SAMEN_DOORGRONDEN,
        reason=TO_PHASE_2_REASON,
        changed_by=trekker,
    )
    _backdate(second, changed_at=_moment(TO_PHASE_2_DAYS_AGO, hour=17))


def _terms(network, author) -> None:
    # Written down after the two phase-1 sessions, one or two words at a time.
    for position, (term, definition, perspectives, alternatives) in enumerate(TERMS):
        item = Term.objects.create(
            network=network,
            term=term,
            definition=definition,
            perspectives=perspectives,
            alternatives=alternatives,
            version=1,
            updated_by=author,
        )
        _backdate(item, updated_at=_moment(124 - 4 * position, hour=15))


def _leervragen(network, members) -> dict:
    """One leervraag per current member; returns them by the member's e-mail."""
    leervragen = {}
    for email, days_ago, question in LEERVRAGEN:
        owner = members.get(email)
        if owner is None:
            continue
        item = Leervraag.objects.create(
            network=network, owner=owner, question=question, version=1, updated_by=owner.user
        )
        _backdate(item, created_at=_moment(days_ago), updated_at=_moment(days_ago))
        leervragen[email] = item
    return leervragen


def _rounds(network) -> dict:
    rounds = {}
    for number, opened, closed in ROUNDS:
        rounds[number] = Round.objects.create(
            network=network,
            number=number,
            opened_on=_day(opened),
            closed_on=_day(closed) if closed is not None else None,
        )
    return rounds


def _experiments(network, members, organisations, leervragen) -> dict:
    """The experiments of both rounds with their observations; returns them by key."""
    rounds = _rounds(network)
    held = network.sessions.filter(theme=HELD_SESSION).first()
    experiments = {}
    for data in EXPERIMENTS:
        author = members.get(data["created_by"])
        done = data["status"] == Experiment.Status.KLAAR
        experiment = Experiment.objects.create(
            network=network,
            round=rounds[data["round"]],
            title=data["title"],
            leervraag=leervragen.get(data["leervraag_of"]),
            expectation=data["expectation"],
            change=data["change"],
            needs=data["needs"],
            organisation=organisations.get(data["organisation"]),
            starts_on=_day(data["starts"]),
            weeks=data["weeks"],
            monitoring=data["monitoring"],
            status=data["status"],
            outcome=data.get("outcome", ""),
            outcome_note=data.get("outcome_note", ""),
            assessment=data.get("assessment", ""),
            assessment_session=held if done else None,
            created_by=author,
            version=1,
            updated_by=author.user if author else None,
        )
        experiment.group.set([members[e] for e in data["group"] if e in members])
        written = max(data["starts"], 0) + 3  # planned a few days before it starts
        last_change = 42 if done else min(written, 14)
        _backdate(experiment, created_at=_moment(written), updated_at=_moment(last_change))
        _observations(experiment, members, OBSERVATIONS.get(data["key"], []))
        experiments[data["key"]] = experiment
    return experiments


def _observations(experiment, members, rows) -> None:
    for days_ago, email, text, value, unit in rows:
        observation = Observation.objects.create(
            experiment=experiment,
            author=members.get(email),
            noted_on=_day(days_ago),
            text=text,
            value=value,
            unit=unit,
        )
        _backdate(observation, created_at=_moment(days_ago, hour=17))


def _reflections(network, members, experiments) -> None:
    held = network.sessions.filter(theme=HELD_SESSION).first()
    for email, level, about, written, shared, text in REFLECTIONS:
        author = members.get(email)
        if author is None:
            continue
        reflection = Reflection.objects.create(
            network=network,
            author=author,
            level=level,
            text=text,
            session=held if about == "sessie" else None,
            experiment=experiments.get(about),
            shared_at=_moment(shared, hour=20) if shared is not None else None,
        )
        _backdate(
            reflection, created_at=_moment(written, hour=19), updated_at=_moment(written, hour=19)
        )


def _goal(network, agendas):
    """The network's first agenda goal on the first of `agendas` that has one."""
    for agenda in agendas:
        goal = network.agenda_goals.filter(agenda=agenda).order_by("pk").first()
        if goal is not None:
            return goal
    return None


def _products(network, members, organisations, experiments) -> None:
    for data in PRODUCTS:
        author = members.get(data["updated_by"])
        product = Kennisproduct.objects.create(
            network=network,
            title=data["title"],
            kind=data["kind"],
            status=data["status"],
            audience=data["audience"],
            summary=data["summary"],
            lessons=data["lessons"],
            goal=_goal(network, data["agendas"]),
            version=1,
            updated_by=author.user if author else None,
        )
        product.experiments.set(experiments[key] for key in data["experiments"])
        Barrier.objects.bulk_create(
            Barrier(product=product, barrier=barrier, remedy=remedy)
            for barrier, remedy in data["barriers"]
        )
        Adoption.objects.bulk_create(
            Adoption(
                product=product,
                organisation=organisations[name],
                status=status,
                since=_day(since) if since is not None else None,
            )
            for name, status, since in data["adoptions"]
            if name in organisations
        )
        _backdate(
            product,
            created_at=_moment(data["created_days_ago"]),
            updated_at=_moment(data["updated_days_ago"]),
        )


def _successes(network, members) -> None:
    for email, size, days_ago, text in SUCCESSES:
        author = members.get(email)
        if author is None:
            continue
        success = Success.objects.create(network=network, author=author, text=text, size=size)
        _backdate(success, created_at=_moment(days_ago, hour=16))
