"""The three phases and the journey through them.

Reference content: what the method says of each phase, and its questions for reflection.
A network's own: where it stands and how it got there, its shared words, each member's
learning question, the experiments (in rounds), the reflections, the kennisproducten that
come out of it and the successes along the way."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Session
from liso import method, ranges
from liso.sources import Sourced
from networks.models import Membership, Network, Organisation, VersionChecked, Versioned
from opstart.models import Goal


def _random_name(folder: str, network_id: int, content_type: str, suffixes: dict) -> str:
    # Nothing of the uploader's file name is kept: it says nothing, and files are served
    # only through a permission check anyway.
    return f"{folder}/{network_id}/{uuid.uuid4().hex}{suffixes.get(content_type, '')}"


def observation_path(observation: "Observation", filename: str) -> str:
    return _random_name(
        "waarnemingen",
        observation.experiment.network_id,
        observation.photo_type,
        Observation.SUFFIXES,
    )


def product_path(product: "Kennisproduct", filename: str) -> str:
    return _random_name(
        "kennisproducten", product.network_id, product.file_type, Kennisproduct.SUFFIXES
    )


class Phase(Sourced):
    """What the method says about one of its three phases (reference content)."""

    number = models.PositiveSmallIntegerField(_("fase"), choices=method.Phase.choices, unique=True)
    goal = models.CharField(_("doel"), max_length=300)
    description = models.TextField(_("beschrijving"))
    outputs = models.JSONField(_("wat het oplevert"), default=list)
    attention_points = models.JSONField(_("let op"), default=list)
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="core_of_phases", verbose_name=_("kernwerkvormen")
    )

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.get_number_display()}"


class ReflectionPrompt(Sourced):
    """A question that helps a member reflect: at a level of gelaagd leren, or about one
    kernelement in the yearly review."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    level = models.CharField(
        _("niveau"), max_length=20, choices=method.ReflectionLevel.choices, blank=True
    )
    kernelement = models.CharField(
        _("kernelement"), max_length=40, choices=method.Kernelement.choices, blank=True
    )
    question = models.CharField(_("vraag"), max_length=300)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("reflectievraag")
        verbose_name_plural = _("reflectievragen")
        ordering = ["kernelement", "level", "order"]

    def __str__(self):
        return self.question


class PhaseChange(models.Model):
    """A move of the network from one phase to another (or its first phase), and why.
    Going back, and starting again at 1 after 3, are normal."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.PositiveSmallIntegerField(
        _("van fase"), choices=method.Phase.choices, null=True, blank=True
    )
    to_phase = models.PositiveSmallIntegerField(_("naar fase"), choices=method.Phase.choices)
    reason = models.TextField(_("waarom"))
    changed_at = models.DateTimeField(_("wanneer"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.from_phase or '–'} → {self.to_phase}"

    @property
    def is_back(self) -> bool:
        """A step back to an earlier phase (not the new start after phase 3)."""
        return (
            self.from_phase is not None
            and self.to_phase < self.from_phase
            and not (
                self.from_phase == method.Phase.SAMEN_VERTALEN
                and self.to_phase == method.Phase.SAMEN_BEGRIJPEN
            )
        )


class Term(Versioned):
    """A word in the network's shared glossary (woordenlijst)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(_("begrip"), max_length=120)
    definition = models.TextField(_("wat we eronder verstaan"))
    perspectives = models.TextField(
        _("hoe de perspectieven het gebruiken"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: beleid bedoelt er een regeling mee, de praktijk een "
            "gesprek aan de keukentafel."
        ),
    )
    alternatives = models.CharField(
        _("andere woorden"),
        max_length=300,
        blank=True,
        help_text=_("Woorden die ook gebruikt worden, of die we liever niet gebruiken."),
    )

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("woordenlijst")
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("term"),
                name="term_once_per_network",
                violation_error_message=_("Dit begrip staat al in de woordenlijst."),
            )
        ]

    def __str__(self):
        return self.term


class Leervraag(Versioned):
    """A member's personal learning question; in phase 3 they write what the answer
    turned out to be."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="leervragen")
    owner = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="leervragen", verbose_name=_("van")
    )
    question = models.TextField(_("leervraag"))
    answer = models.TextField(
        _("wat het antwoord bleek te zijn"),
        blank=True,
        help_text=_("Vul dit in als je terugkijkt, meestal in fase 3: wat weet je nu?"),
    )
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"owner", "created_at"}

    class Meta:
        verbose_name = _("leervraag")
        verbose_name_plural = _("leervragen")
        ordering = ["owner__user__full_name", "created_at", "pk"]

    def __str__(self):
        return self.question[:80]


class Round(models.Model):
    """A round of experiments: opened, run, then closed and its results pooled."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("ronde"))
    opened_on = models.DateField(_("geopend op"))
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="round_number_once"),
            models.UniqueConstraint(
                fields=["network"], condition=Q(closed_on=None), name="one_open_round"
            ),
        ]

    def __str__(self):
        return _("Ronde %(number)s") % {"number": self.number}

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class Experiment(Versioned):
    """A small experiment in daily practice that tests an expectation."""

    class Status(models.TextChoices):
        PLAN = "plan", _("In voorbereiding")
        LOOPT = "loopt", _("Loopt")
        KLAAR = "klaar", _("Afgerond")

    class Outcome(models.TextChoices):
        BEVESTIGD = "bevestigd", _("De verwachting klopte")
        DEELS = "deels", _("De verwachting klopte deels")
        NIET = "niet", _("De verwachting klopte niet")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="experiments")
    round = models.ForeignKey(
        Round,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("ronde"),
    )
    title = models.CharField(_("titel"), max_length=200)
    group = models.ManyToManyField(Membership, related_name="experiments", verbose_name=_("groep"))
    leervraag = models.ForeignKey(
        Leervraag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("leervraag"),
    )
    expectation = models.TextField(
        _("verwachting"), help_text=_("Wat denk je dat er gebeurt? Dat test het experiment.")
    )
    change = models.TextField(_("wat doen we anders?"))
    needs = models.TextField(_("wat is er nodig?"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("waar (organisatie)"),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    weeks = models.PositiveSmallIntegerField(
        _("duur in weken"), null=True, blank=True, validators=ranges.between(1, 104)
    )
    monitoring = models.TextField(
        _("hoe volgen we de effecten?"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: een kort verslag na elk gesprek, of een tevredenheidsvraag aan cliënten."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLAN
    )
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("toelichting op de uitkomst"), blank=True)
    assessment = models.TextField(
        _("gezamenlijk oordeel"),
        blank=True,
        help_text=_(
            "Wat betekent de uitkomst volgens het netwerk? Meestal besproken in een bijeenkomst."
        ),
    )
    assessment_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("besproken in de bijeenkomst"),
    )
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"created_by", "created_at"}

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experimenten")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Observation(models.Model):
    """Something noticed while an experiment runs: a note, a number, a photo."""

    SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="observations"
    )
    author = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, related_name="+")
    noted_on = models.DateField(_("datum"))
    text = models.TextField(_("wat zag je?"))
    value = models.DecimalField(_("getal"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(
        _("waarvan?"),
        max_length=60,
        blank=True,
        help_text=_("Bijvoorbeeld: gesprekken, doorverwijzingen, cijfer voor tevredenheid."),
    )
    photo = models.FileField(_("foto"), upload_to=observation_path, blank=True)
    photo_type = models.CharField(max_length=50, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        ordering = ["noted_on", "pk"]

    def __str__(self):
        return self.text[:80]


class ReflectionQuerySet(models.QuerySet):
    def visible_to(self, membership) -> "ReflectionQuerySet":
        """What this member may read: what was shared, and their own."""
        return self.filter(Q(shared_at__isnull=False) | Q(author=membership))

    def shared(self) -> "ReflectionQuerySet":
        return self.filter(shared_at__isnull=False)


class Reflection(VersionChecked):
    """A member's reflection at one of the levels of gelaagd leren, on a session, an
    experiment or the network. Private until its author shares it; never in a history
    others can read."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reflections")
    level = models.CharField(
        _("niveau"),
        max_length=20,
        choices=method.ReflectionLevel.choices,
        default=method.ReflectionLevel.IK,
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("over de bijeenkomst"),
    )
    experiment = models.ForeignKey(
        Experiment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflections",
        verbose_name=_("over het experiment"),
    )
    text = models.TextField(_("je reflectie"))
    shared_at = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def level_short(self) -> str:
        return method.REFLECTION_LEVEL_SHORT[self.level]


class Kennisproduct(Versioned):
    """Something the network made so that what it learned is used: a module, a method,
    a guide... with who it is for, where it comes from and where it is in use."""

    class Kind(models.TextChoices):
        MODULE = "module", _("Module")
        METHODIEK = "methodiek", _("Methodiek")
        HANDREIKING = "handreiking", _("Handreiking")
        TRAINING = "training", _("Training")
        ARTIKEL = "artikel", _("Artikel")
        ANDERS = "anders", _("Iets anders")

    class Status(models.TextChoices):
        IDEE = "idee", _("Idee")
        IN_ONTWIKKELING = "ontwikkeling", _("In ontwikkeling")
        KLAAR = "klaar", _("Klaar voor gebruik")

    SUFFIXES = {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "application/pdf": ".pdf",
    }

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="products")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("voor wie"), max_length=300)
    summary = models.TextField(_("wat is het?"), blank=True)
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doel op de agenda"),
    )
    experiments = models.ManyToManyField(
        Experiment, blank=True, related_name="products", verbose_name=_("uit de experimenten")
    )
    lessons = models.TextField(_("uit welke lessen"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEE
    )
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(_("bestand"), upload_to=product_path, blank=True)
    file_type = models.CharField(max_length=50, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # The file's stored name says nothing to a reader; the form tells the change in words.
    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"created_at", "file_type", "file"}

    class Meta:
        verbose_name = _("kennisproduct")
        verbose_name_plural = _("kennisproducten")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Barrier(VersionChecked):
    """What could stand in the way of a product being used, and what helps."""

    product = models.ForeignKey(Kennisproduct, on_delete=models.CASCADE, related_name="barriers")
    barrier = models.CharField(_("belemmering"), max_length=300)
    remedy = models.TextField(_("wat helpt"), blank=True)

    class Meta:
        verbose_name = _("belemmering")
        verbose_name_plural = _("belemmeringen")
        ordering = ["pk"]

    def __str__(self):
        return self.barrier


class Adoption(models.Model):
    """Whether, and since when, a member organisation uses a product."""

    class Status(models.TextChoices):
        NEE = "nee", _("Nog niet")
        AFGESPROKEN = "afgesproken", _("Afgesproken")
        IN_GEBRUIK = "in-gebruik", _("In gebruik")

    product = models.ForeignKey(Kennisproduct, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEE
    )
    since = models.DateField(_("sinds"), null=True, blank=True)

    class Meta:
        verbose_name = _("gebruik")
        verbose_name_plural = _("gebruik")
        constraints = [
            models.UniqueConstraint(fields=["product", "organisation"], name="adoption_once")
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"


class Success(models.Model):
    """A success, small or large, shared with the network (werkvorm Successen delen)."""

    class Size(models.TextChoices):
        KLEIN = "klein", _("Een klein succes")
        GROOT = "groot", _("Een groot succes")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="successes")
    author = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("wat ging er goed?"))
    size = models.CharField(
        _("hoe groot?"), max_length=10, choices=Size.choices, default=Size.KLEIN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("succes")
        verbose_name_plural = _("successen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]
