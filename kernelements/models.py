from datetime import date

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from liso import method
from liso.sources import Sourced
from networks.models import Membership, Network, Versioned


class Kernelement(Sourced):
    """What the method says about one of its five building blocks (reference content)."""

    code = models.CharField(
        _("kernelement"), max_length=40, choices=method.Kernelement.choices, unique=True
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    tagline = models.CharField(_("kernzin"), max_length=200)
    description = models.TextField(_("beschrijving"))

    class Meta:
        verbose_name = _("kernelement")
        verbose_name_plural = _("kernelementen")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class Aandachtspunt(Sourced):
    code = models.CharField(
        _("aandachtspunt"), max_length=40, choices=method.Aandachtspunt.choices, unique=True
    )
    kernelement = models.ForeignKey(
        Kernelement, on_delete=models.CASCADE, related_name="aandachtspunten"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    # What a member rates in the zelfscan. The method names the aandachtspunt; this
    # sentence is the platform's own wording, and the scan says so.
    statement = models.CharField(_("stelling in de zelfscan"), max_length=300)
    description = models.TextField(_("beschrijving"))
    werkzame_elementen = models.JSONField(_("wat werkt"), default=list)
    tips = models.JSONField(_("praktische tips"), default=list)
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="aandachtspunten", blank=True
    )

    class Meta:
        verbose_name = _("aandachtspunt")
        verbose_name_plural = _("aandachtspunten")
        ordering = ["kernelement__order", "order"]

    def __str__(self):
        return self.get_code_display()


class Struikelblok(Sourced):
    """A known stumbling block of learning networks, with the method's approach and tips.
    The list is data: a tenth can be added without a code change."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title = models.CharField(_("titel"), max_length=150)
    situation = models.TextField(_("situatie"))
    approach = models.TextField(_("aanpak"))
    tips = models.JSONField(_("praktische tips"), default=list)
    kernelementen = models.ManyToManyField(Kernelement, related_name="struikelblokken")
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="struikelblokken", blank=True
    )
    shipped = models.BooleanField(_("uit de LISO-catalogus"), default=False)

    class Meta:
        verbose_name = _("struikelblok")
        verbose_name_plural = _("struikelblokken")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


# --- the network's health ---------------------------------------------------------------------


class ScanRound(models.Model):
    """A round of a zelfscan: opened by those who lead, answered by every member, closed on
    its date or by hand. Results show only when at least three members answered."""

    class Kind(models.TextChoices):
        KERNELEMENTEN = "kernelementen", _("Kernelementen")
        PUBLIEK_PRIVAAT = "publiek-privaat", _("Publiek-privaat")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="scan_rounds")
    kind = models.CharField(_("soort scan"), max_length=20, choices=Kind.choices)
    opened_on = models.DateField(_("geopend op"))
    closes_on = models.DateField(_("sluit op"))
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("scanronde")
        verbose_name_plural = _("scanrondes")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            # One open round of a kind at a time: two would split the answers.
            models.UniqueConstraint(
                fields=["network", "kind"],
                condition=models.Q(closed_at=None),
                name="one_open_scan_round_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.opened_on:%d-%m-%Y}"


class ScanResponse(models.Model):
    """One member's answers to one round. The link to the member exists only while the
    round is open, so they can see and change their answers; closing the round removes it
    and keeps only the perspective, for the results per perspective."""

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="responses")
    membership = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    perspective = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices, blank=True
    )
    remark = models.TextField(_("opmerking"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ingevulde scan")
        verbose_name_plural = _("ingevulde scans")
        constraints = [
            models.UniqueConstraint(fields=["round", "membership"], name="answer_a_round_once")
        ]

    def __str__(self):
        return f"{self.round}: {self.get_perspective_display() or '-'}"  # never who


class ScanAnswer(models.Model):
    """A score from 1 to 5 on one statement (an aandachtspunt or a dimension), or none:
    "weet ik niet"."""

    response = models.ForeignKey(ScanResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=40)  # an aandachtspunt's or a dimension's code
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="one_score_per_statement"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="score_from_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.score or '?'}"


class StruikelblokEntry(Versioned):
    """A line in the network's struikelblokken log: a signal the trekker took up or did not
    recognise, or a struikelblok recorded by hand; what the network decided to do, when to
    look again, and in the end what helped."""

    class Status(models.TextChoices):
        OPEN = "open", _("We pakken het aan")
        DISMISSED = "niet-herkend", _("Herkennen we niet")
        CLOSED = "afgerond", _("Afgerond")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="struikelblok_log")
    struikelblok = models.ForeignKey(
        Struikelblok, on_delete=models.PROTECT, related_name="+", verbose_name=_("struikelblok")
    )
    status = models.CharField(
        _("stand"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    # What the signal said when it was taken up or set aside: the same words mean the same
    # data, so a set-aside signal stays quiet until they change.
    signal_reason = models.TextField(_("signaal"), blank=True, editable=False)
    description = models.TextField(_("wat we zien"), blank=True, max_length=2000)
    decision = models.TextField(_("wat we gaan doen"), blank=True, max_length=2000)
    review_on = models.DateField(_("opnieuw bekijken op"), null=True, blank=True)
    helped = models.TextField(_("wat hielp"), blank=True, max_length=2000)
    closed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"created_at", "closed_at"}

    class Meta:
        verbose_name = _("struikelblok in het logboek")
        verbose_name_plural = _("logboek struikelblokken")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.struikelblok)

    @property
    def is_late(self) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.review_on is not None
            and self.review_on < date.today()
        )


class SignalNotice(models.Model):
    """A signal as it went out in the trekkers' daily mail, so the same signal (the same
    reason: the same data) is mailed once, and again only when its data changes."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    struikelblok = models.ForeignKey(Struikelblok, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    mailed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "struikelblok", "reason"], name="mail_a_signal_once"
            )
        ]

    def __str__(self):
        return f"{self.struikelblok} ({self.mailed_on})"


class Decision(Versioned):
    """A line of the besluitenlijst: what was decided, when and where, who was heard, what
    was not chosen and why, and what a minority thought."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        GENOMEN = "genomen", _("Genomen")
        HERZIEN = "herzien", _("Herzien")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("wat is besloten"), max_length=300)
    decided_on = models.DateField(_("datum"))
    session = models.ForeignKey(
        "bijeenkomsten.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("in de bijeenkomst"),
    )
    status = models.CharField(
        _("stand"), max_length=20, choices=Status.choices, default=Status.GENOMEN
    )
    heard_perspectives = models.JSONField(_("gehoorde perspectieven"), default=list, blank=True)
    heard_organisations = models.ManyToManyField(
        "networks.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("gehoorde organisaties"),
    )
    alternatives = models.TextField(
        _("wat niet gekozen werd, en waarom"), blank=True, max_length=4000
    )
    minority = models.TextField(_("minderheidsstandpunten"), blank=True, max_length=4000)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return self.title

    def get_heard_perspectives_display(self) -> str:
        labels = dict(method.Perspective.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.heard_perspectives)


class YearlyReview(Versioned):
    """The jaarlijkse terugblik: once a year the network, or those who lead it, go through
    the five kernelementen with the year's scans, signals, agendas and decisions, and write
    down what goes well and what must change. Its agreements are action points."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="yearly_reviews")
    held_on = models.DateField(_("datum"))
    session = models.ForeignKey(
        "bijeenkomsten.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in de bijeenkomst"),
    )
    participants = models.CharField(_("wie deden mee"), max_length=300, blank=True)
    # Per kernelement (its code): {"goed": what goes well, "anders": what must change}.
    findings = models.JSONField(_("bevindingen"), default=dict, blank=True)
    agreements = models.ManyToManyField(
        "bijeenkomsten.ActionPoint", blank=True, related_name="+", verbose_name=_("afspraken")
    )
    # The signals as they stood when the review was started: what the data said then.
    signals_then = models.JSONField(default=list, blank=True, editable=False)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"signals_then"}

    class Meta:
        verbose_name = _("jaarlijkse terugblik")
        verbose_name_plural = _("jaarlijkse terugblikken")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["network", "held_on"], name="one_review_a_day")
        ]

    def __str__(self):
        return str(_("Terugblik van %(date)s") % {"date": date_format(self.held_on, "j F Y")})

    def finding(self, kernelement: str, side: str) -> str:
        return self.findings.get(kernelement, {}).get(side, "")

    def get_findings_display(self) -> str:
        """The findings as a person reads them, for the history."""
        labels = {"goed": _("gaat goed"), "anders": _("moet anders")}
        lines = []
        for kernelement in method.Kernelement:
            for side, label in labels.items():
                if text := self.finding(kernelement.value, side):
                    lines.append(f"{kernelement.label}, {label}: {text}")
        return "\n".join(lines)


class ReviewReminder(models.Model):
    """The reminder of a yearly review as it went out in the trekkers' daily mail: once for
    each date a review falls due."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    mailed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "due_on"], name="remind_a_review_once")
        ]

    def __str__(self):
        return f"{self.network} ({self.due_on})"
