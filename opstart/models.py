"""The start-up (opstart) of a network: from the first talks to the signed
samenwerkingsovereenkomst.

Everything a network writes here is `Versioned`: each save raises `version` and leaves a
`Revision`, so the history shows who changed what and when, and a save made from an
outdated copy is refused instead of silently overwriting (networks/history.py).
"""

import uuid
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liso import method, ranges
from liso.markdown import markdown_field
from networks.models import Network, Organisation, Versioned


class Step(models.TextChoices):
    """The start-up path, in the order the method walks it."""

    GESCHIKTHEID = "geschiktheid", _("Past een leernetwerk?")
    GESPREKKEN = "gesprekken", _("Verkennende gesprekken")
    STARTNOTITIE = "startnotitie", _("Startnotitie en visiedocument")
    AGENDAS = "agendas", _("De drie agenda's")
    GELD = "geld", _("Omvang en geld")
    INFRASTRUCTUUR = "kennisinfrastructuur", _("Kennisinfrastructuur")
    OVEREENKOMST = "overeenkomst", _("Samenwerkingsovereenkomst")


class StepCompletion(models.Model):
    """A step the network has called done (the last step is done by signing instead)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="finished_steps")
    step = models.CharField(_("stap"), max_length=30, choices=Step.choices)
    done_at = models.DateTimeField(_("afgerond op"), auto_now_add=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "step"], name="step_done_once")]

    def __str__(self):
        return f"{self.get_step_display()} ({self.network})"


class Talk(Versioned):
    """A verkennend gesprek with a (prospective) member."""

    # Notes about a person: only those who hold the talks read their history, and
    # deleting a talk empties it.
    HISTORY_PERMISSION = "startup.talks"
    HISTORY_ERASED_WITH_ITEM = True

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="talks")
    person_name = models.CharField(_("met wie"), max_length=150)
    organisation_name = models.CharField(_("organisatie"), max_length=150, blank=True)
    held_on = models.DateField(_("datum van het gesprek"))
    held_by = models.CharField(_("gevoerd door"), max_length=150, blank=True)
    personal_reason = models.TextField(
        _("waarom wil deze persoon meedoen?"),
        blank=True,
        help_text=_("In de eigen woorden van de persoon: wat wil hij of zij leren of bereiken?"),
    )
    organisation_reason = models.TextField(
        _("waarom doet de organisatie mee?"),
        blank=True,
        help_text=_("Wat levert het de organisatie op, en wat heeft ze ervoor over?"),
    )
    open_questions = models.TextField(_("open vragen"), blank=True)
    notes = markdown_field(_("aantekeningen"))

    class Meta:
        verbose_name = _("verkennend gesprek")
        verbose_name_plural = _("verkennende gesprekken")
        ordering = ["-held_on", "person_name"]

    def __str__(self):
        return self.person_name


class Startnotitie(Versioned):
    """The startnotitie and visiedocument: why this network, and how it will work."""

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="startnotitie")
    problem = markdown_field(_("probleemstelling"))
    relevance = markdown_field(_("relevantie"))
    why_network = markdown_field(_("waarom een leernetwerk"))
    similar_initiatives = markdown_field(_("vergelijkbare initiatieven"))
    approach_phase_1 = markdown_field(_("aanpak fase 1: samen begrijpen"))
    approach_phase_2 = markdown_field(_("aanpak fase 2: samen doorgronden"))
    approach_phase_3 = markdown_field(_("aanpak fase 3: samen vertalen"))

    class Meta:
        verbose_name = _("startnotitie")
        verbose_name_plural = _("startnotities")

    def __str__(self):
        return str(_("Startnotitie"))

    def approaches(self) -> list[tuple[str, str]]:
        return [(method.Phase(n).label, getattr(self, f"approach_phase_{n}")) for n in (1, 2, 3)]


class Figure(Versioned):
    """A regional figure that shows how big the issue is, with its source."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="figures")
    description = models.CharField(
        _("wat laat het cijfer zien?"),
        max_length=250,
        help_text=_("Bijvoorbeeld: jongeren in de regio met een jeugdhulptraject."),
    )
    value = models.CharField(_("cijfer"), max_length=60, help_text=_("Bijvoorbeeld: 1.240 of 12%."))
    year = models.PositiveSmallIntegerField(
        _("jaar"), null=True, blank=True, validators=ranges.between(1900, 2100)
    )
    source = models.CharField(_("bron"), max_length=250)
    source_url = models.URLField(_("link naar de bron"), blank=True)

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        ordering = ["pk"]

    def __str__(self):
        return self.description


class Goal(Versioned):
    """A goal on one of the three agendas, followed by an indicator or an agreement."""

    class Measure(models.TextChoices):
        INDICATOR = "indicator", _("Een meetbare indicator")
        AGREEMENT = "afspraak", _("Een concrete afspraak")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="agenda_goals")
    agenda = models.CharField(_("agenda"), max_length=20, choices=method.Agenda.choices)
    title = models.CharField(_("doel"), max_length=250)
    description = models.TextField(_("toelichting"), blank=True)
    measure = models.CharField(
        _("hoe volgen we de voortgang?"),
        max_length=10,
        choices=Measure.choices,
        default=Measure.AGREEMENT,
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=60,
        blank=True,
        help_text=_("Bijvoorbeeld: procent, aantal jongeren, weken."),
    )
    baseline = models.DecimalField(
        _("beginwaarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("streefwaarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    current_value = models.DecimalField(
        _("huidige waarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    measured_on = models.DateField(_("gemeten op"), null=True, blank=True)
    agreement = models.CharField(
        _("afspraak"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: alle nieuwe medewerkers hebben de training gevolgd."),
    )
    agreement_met = models.BooleanField(_("de afspraak is nagekomen"), default=False)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["agenda", "pk"]

    def __str__(self):
        return self.title

    @property
    def progress_percent(self) -> int | None:
        """How far from baseline to target (0-100), or None when it cannot be told yet."""
        if self.measure == self.Measure.AGREEMENT:
            return 100 if self.agreement_met else 0
        if None in (self.baseline, self.target, self.current_value):
            return None
        span = self.target - self.baseline
        if span == 0:
            return 100 if self.current_value == self.target else 0
        share = (self.current_value - self.baseline) / span
        return int(max(Decimal(0), min(Decimal(1), share)) * 100)


class Milestone(Versioned):
    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        BEZIG = "bezig", _("Bezig")
        BEHAALD = "behaald", _("Behaald")
        UITGESTELD = "uitgesteld", _("Uitgesteld")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mijlpaal"), max_length=250)
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.GEPLAND
    )

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"goal"}

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    def is_late(self, today: date) -> bool:
        return self.due_on < today and self.status != self.Status.BEHAALD


class Funder(Versioned):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="funders")
    name = models.CharField(
        _("financier"),
        max_length=150,
        help_text=_("Bijvoorbeeld: gemeente, ZonMw, RAAK, een fonds."),
    )
    amount = models.DecimalField(
        _("bedrag in euro"), max_digits=12, decimal_places=2, validators=ranges.MONEY
    )
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))
    note = models.CharField(_("toelichting"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("financier")
        verbose_name_plural = _("financiers")
        ordering = ["starts_on", "name"]

    def __str__(self):
        return self.name


class MemberFee(Versioned):
    """The ledenfee an organisation pays each year."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="fees")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    amount_per_year = models.DecimalField(
        _("ledenfee per jaar in euro"), max_digits=10, decimal_places=2, validators=ranges.MONEY
    )

    class Meta:
        verbose_name = _("ledenfee")
        verbose_name_plural = _("ledenfees")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                name="one_fee_per_organisation",
                violation_error_message=_("Voor deze organisatie staat al een ledenfee."),
            )
        ]

    def __str__(self):
        return str(self.organisation)

    @property
    def is_online(self) -> bool:
        return self.method == self.Method.ONLINE


class BudgetLine(Versioned):
    class Kind(models.TextChoices):
        TREKKER = "trekker", _("Trekker")
        PROCESBEGELEIDER = "procesbegeleider", _("Procesbegeleider")
        COMMUNICATIEADVISEUR = "communicatieadviseur", _("Communicatieadviseur")
        PROJECTASSISTENT = "projectassistent", _("Projectassistent")
        MATERIALEN = "materialen", _("Materialen")
        LOCATIE = "locatie", _("Locatie")
        CATERING = "catering", _("Catering")
        OVERIG = "overig", _("Overig")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("post"), max_length=30, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("jaar"), validators=ranges.YEARS)
    amount = models.DecimalField(
        _("bedrag in euro"), max_digits=12, decimal_places=2, validators=ranges.MONEY
    )
    description = models.CharField(_("toelichting"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["year", "kind", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class Venue(Versioned):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("naam"), max_length=150)
    address = models.CharField(_("adres"), max_length=250, blank=True)
    online_link = models.URLField(_("link voor online meedoen"), blank=True)
    accessibility = models.CharField(
        _("bereikbaarheid en toegankelijkheid"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: vlak bij het station, rolstoeltoegankelijk, parkeren."),
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PlannedSession(Versioned):
    """A date in the year planning; the sessions part turns it into a bijeenkomst."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="planned_sessions")
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    theme = models.CharField(_("thema of doel"), max_length=200, blank=True)
    venue = models.ForeignKey(
        Venue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("locatie"),
    )

    class Meta:
        verbose_name = _("geplande bijeenkomst")
        verbose_name_plural = _("jaarplanning")
        ordering = ["date", "start_time"]

    def __str__(self):
        return self.theme or str(self.date)


class Infrastructure(Versioned):
    """The kennisinfrastructuur: how the network communicates and decides."""

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="infrastructure")
    communication_plan = markdown_field(_("communicatieplan"))
    platform_name = models.CharField(
        _("samenwerkingsplatform"),
        max_length=100,
        blank=True,
        help_text=_("Waar delen jullie stukken en praten jullie verder tussen bijeenkomsten?"),
    )
    platform_url = models.URLField(_("link naar het platform"), blank=True)
    penvoerder = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("penvoerder"),
        help_text=_(
            "De organisatie die de besluiten neemt, zodat iedereen weet wie beslist. Ze "
            "beheert ook het geld en tekent namens het netwerk."
        ),
    )
    heard_perspectives = models.JSONField(
        _("wie moet minstens gehoord zijn voor een besluit?"), default=list, blank=True
    )
    must_be_heard = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: bij besluiten over experimenten altijd de ervaringsdeskundigen."
        ),
    )
    decision_process = markdown_field(_("zo nemen we besluiten"))

    class Meta:
        verbose_name = _("kennisinfrastructuur")
        verbose_name_plural = _("kennisinfrastructuur")

    def __str__(self):
        return str(_("Kennisinfrastructuur"))

    def heard_labels(self) -> list[str]:
        return [str(method.Perspective(code).label) for code in self.heard_perspectives]

    def get_heard_perspectives_display(self) -> str:
        return ", ".join(self.heard_labels())


def scan_path(agreement: "Agreement", filename: str) -> str:
    # Nothing of the uploader's file name is kept; the file is served only through a
    # permission check (views.agreement_scan).
    suffix = Agreement.SUFFIXES.get(agreement.signed_scan_type, "")
    return f"overeenkomsten/{agreement.network_id}/{uuid.uuid4().hex}{suffix}"


class Agreement(Versioned):
    """The choices of the samenwerkingsovereenkomst that are not already in the network's
    data: who owns what the network makes, and what else the partners agree; and, once it
    is signed on paper, the scan of the signed copy."""

    SUFFIXES = {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "application/pdf": ".pdf",
    }

    class InnovationOwner(models.TextChoices):
        NETWERK = "netwerk", _("Het netwerk samen: alle partners delen het eigendom")
        RECHTSPERSOON = "rechtspersoon", _("Een aparte rechtspersoon, zoals een stichting")
        MAKER = "maker", _("De organisatie die de innovatie vooral ontwikkelt")

    class IntellectualProperty(models.TextChoices):
        OPEN = "open", _("Open: iedereen mag het gebruiken met naamsvermelding (CC BY)")
        PARTNERS = "partners", _("Vrij te gebruiken door de partners, niet daarbuiten")
        MAKER = "maker", _("Bij de maker; de partners krijgen een gebruiksrecht")

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="agreement")
    innovation_owner = models.CharField(
        _("wie is eigenaar van de innovaties?"),
        max_length=20,
        choices=InnovationOwner.choices,
        blank=True,
    )
    innovation_owner_note = models.TextField(_("toelichting eigendom"), blank=True)
    intellectual_property = models.CharField(
        _("intellectueel eigendom van kennisproducten"),
        max_length=20,
        choices=IntellectualProperty.choices,
        blank=True,
    )
    intellectual_property_note = models.TextField(
        _("toelichting intellectueel eigendom"), blank=True
    )
    confidentiality = markdown_field(_("vertrouwelijkheid en privacy"))
    other_agreements = markdown_field(_("overige afspraken"))
    exit_terms = markdown_field(_("tussentijds stoppen"))
    signed_scan = models.FileField(
        _("scan van de getekende overeenkomst"), upload_to=scan_path, blank=True
    )
    signed_scan_type = models.CharField(max_length=50, blank=True, editable=False)

    # The file's stored name says nothing to a reader; the scan's form tells the change in
    # words (a change of the scan is no change of the text: see services.SCAN_FIELD).
    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"signed_scan", "signed_scan_type"}

    class Meta:
        verbose_name = _("samenwerkingsovereenkomst")
        verbose_name_plural = _("samenwerkingsovereenkomsten")

    def __str__(self):
        return str(_("Samenwerkingsovereenkomst"))


class Signature(models.Model):
    """An organisation's signature under the samenwerkingsovereenkomst: given online by
    one of its representatives, logged in as themselves, or signed on paper and recorded
    by the trekker. It remembers the last change to the agreement's sources it was given
    for, so a later change can be pointed out."""

    class Method(models.TextChoices):
        PAPER = "papier", _("op papier")
        ONLINE = "online", _("online")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="signatures")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("getekend door"), max_length=150)
    signer_function = models.CharField(_("functie"), max_length=150, blank=True)
    signed_on = models.DateField(_("getekend op"))
    method = models.CharField(
        _("manier van tekenen"), max_length=10, choices=Method.choices, default=Method.PAPER
    )
    # Who signed online. Their name is read from the account (so a removed account reads
    # "oud-lid"); `signer_name` stays empty then.
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The newest Revision (pk) of the agreement's sources when this was recorded.
    signed_revision = models.PositiveIntegerField(default=0, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation"], name="sign_once")
        ]

    def __str__(self):
        return str(self.organisation)

    @property
    def is_online(self) -> bool:
        return self.method == self.Method.ONLINE
