from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from liso import method
from liso.sources import Sourced
from networks.models import Network, Versioned


class LabelKind(models.TextChoices):
    FASE = "fase", _("Fase")
    KERNELEMENT = "kernelement", _("Kernelement")
    DIMENSIE = "dimensie", _("Dimensie")
    STADIUM = "stadium", _("Stadium van het netwerk")


# Which vocabulary each kind of label takes its values from.
LABEL_CHOICES = {
    LabelKind.FASE: method.Phase,
    LabelKind.KERNELEMENT: method.Kernelement,
    LabelKind.DIMENSIE: method.Dimension,
    LabelKind.STADIUM: method.Stage,
}


_label_texts: dict[tuple[str, str, str], str] = {}


def label_text(kind: str, value: str, language: str | None = None) -> str:
    """How a label reads ("Fase 2: Samen doorgronden", "Vertrouwen"), remembered per
    language: lists show many labels, and translating each one anew adds up."""
    key = (language or get_language() or "", kind, value)
    if key not in _label_texts:
        _label_texts[key] = _compose_label_text(kind, value)
    return _label_texts[key]


def _compose_label_text(kind: str, value: str) -> str:
    if kind == "minuten":
        return _("%(minutes)s min") % {"minutes": value}
    if kind == "personen":
        return _("%(people)s personen") % {"people": value}
    if kind == "vanaf":
        return _("vanaf %(n)s") % {"n": value}
    name = str(LABEL_CHOICES[kind](int(value) if kind == LabelKind.FASE else value).label)
    if kind == LabelKind.FASE:
        return _("Fase %(number)s: %(name)s") % {"number": value, "name": name}
    return name


def _search_document():
    """What full-text search looks at, weighted: the name most, then the summary, then
    everything else (texts, steps and the names of the labels)."""
    return (
        SearchVector("name", weight="A", config="dutch")
        + SearchVector("summary", weight="B", config="dutch")
        + SearchVector("search_text", weight="C", config="dutch")
    )


class WerkvormQuerySet(models.QuerySet):
    def update_search_vectors(self) -> None:
        """Store the search document, so a search does not rebuild it for every row.
        Only PostgreSQL searches this way; SQLite leaves the column empty."""
        if connection.vendor == "postgresql":
            self.update(search_vector=_search_document())

    def with_label(self, kind: str, value) -> "WerkvormQuerySet":
        labels = WerkvormLabel.objects.filter(werkvorm=OuterRef("pk"), kind=kind, value=str(value))
        return self.filter(Exists(labels))

    def search(self, text: str) -> "WerkvormQuerySet":
        """Full-text search in Dutch on PostgreSQL (stemmed: "vertrouwen" also finds
        "vertrouw"), best matches first; on SQLite every word must occur somewhere."""
        text = text.strip()
        if not text:
            return self
        if connection.vendor != "postgresql":
            matches = self
            for word in text.split():
                matches = matches.filter(search_text__icontains=word)
            return matches
        query = SearchQuery(text, config="dutch", search_type="websearch")
        return (
            self.filter(Q(search_vector=query) | Q(name__icontains=text))
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "name")
        )

    def shared(self) -> "WerkvormQuerySet":
        """The library everyone sees (public pages too): no network's own werkvormen."""
        return self.filter(network__isnull=True)

    def of_network(self, network) -> "WerkvormQuerySet":
        """What a network's planners choose from: the library plus the network's own."""
        return self.filter(Q(network__isnull=True) | Q(network=network))

    def visible_in(self, networks) -> "WerkvormQuerySet":
        """The library as one person sees it: everything shared, plus the own werkvormen
        of `networks` (networks.permissions.networks_of decides which those are)."""
        return self.filter(Q(network__isnull=True) | Q(network__in=networks.values("pk")))

    def lasting(self, minutes_from: int, minutes_to: int | None) -> "WerkvormQuerySet":
        """Werkvormen whose duration range overlaps [minutes_from, minutes_to]."""
        matches = self.filter(duration_max__gte=minutes_from)
        return matches if minutes_to is None else matches.filter(duration_min__lte=minutes_to)

    def for_group_of(self, people_from: int, people_to: int | None) -> "WerkvormQuerySet":
        """Werkvormen whose group size range overlaps [people_from, people_to]."""
        matches = self.filter(Q(group_max__isnull=True) | Q(group_max__gte=people_from))
        return matches if people_to is None else matches.filter(group_min__lte=people_to)


class Werkvorm(Sourced, Versioned):
    """A way of working together in a session, laid out as the method's own template:
    what it is, when to use it, how it works (before, during, between sessions), and what
    it yields. Most come with the LISO catalogue; a network may add its own (`network`),
    often a copy of a library werkvorm adapted to how the network works (`based_on`)."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    summary = models.CharField(_("samenvatting"), max_length=300)
    wat = models.TextField(_("wat is het?"))
    wanneer = models.TextField(_("wanneer gebruik je het?"))
    voorbereiding = models.JSONField(_("hoe: voorbereiding"), default=list, blank=True)
    tijdens = models.JSONField(_("hoe: tijdens de bijeenkomst"), default=list, blank=True)
    tussendoor = models.JSONField(_("hoe: tussen bijeenkomsten door"), default=list, blank=True)
    opbrengst = models.TextField(_("wat levert het op?"))
    duration_min = models.PositiveSmallIntegerField(_("duur vanaf (minuten)"))
    duration_max = models.PositiveSmallIntegerField(_("duur tot (minuten)"))
    group_min = models.PositiveSmallIntegerField(_("groep vanaf (personen)"))
    group_max = models.PositiveSmallIntegerField(
        _("groep tot (personen)"), null=True, blank=True, help_text=_("Leeg: geen grens.")
    )
    materials = models.JSONField(_("materialen"), default=list, blank=True)
    shipped = models.BooleanField(
        _("uit de LISO-catalogus"),
        default=False,
        help_text=_("Wordt bij het laden van de catalogus bijgewerkt; eigen werkvormen niet."),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="werkvormen",
        verbose_name=_("eigen werkvorm van"),
        editable=False,
        help_text=_("Leeg: voor iedereen in de bibliotheek."),
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebaseerd op"),
        editable=False,
    )
    # Everything a search should match, labels included (so "vertrouwen" finds the
    # werkvormen of that dimension); rebuilt by refresh_search_text().
    search_text = models.TextField(editable=False, default="")
    # The weighted search document of name, summary and search_text (PostgreSQL only).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WerkvormQuerySet.as_manager()

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {
        "code",
        "source",  # a network's own is always its own; the catalogue's is loaded
        "additions",
        "shipped",
        "based_on",
        "search_text",
        "search_vector",
    }

    class Meta:
        verbose_name = _("werkvorm")
        verbose_name_plural = _("werkvormen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(shipped=False) | Q(network__isnull=True),
                name="werkvorm_shipped_is_shared",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def lineage_code(self) -> str:
        """The code of the library werkvorm this one is (or was copied from): an adapted
        copy of Verankeren still opens a session the Verankeren way. Needs `based_on`
        selected with the werkvorm."""
        return self.based_on.code if self.based_on_id and self.based_on else self.code

    @property
    def source_text(self) -> str:
        """A network's own werkvorm is its own, whatever it was adapted from (the page says
        that too). Needs `network` selected with the werkvorm."""
        if self.network_id:
            return gettext("Eigen werkvorm van %(network)s") % {"network": self.network.name}
        return Sourced.source_text.fget(self)

    def clean(self):
        if self.shipped and self.network_id:
            raise ValidationError(
                {"shipped": _("Een eigen werkvorm van een netwerk hoort niet bij de catalogus.")}
            )

    def facts(self) -> list[tuple[str, str]]:
        """The short facts a card shows, as (kind, text): duration, group size, labels."""
        language = get_language()
        minutes = (
            f"{self.duration_min}"
            if self.duration_min == self.duration_max
            else f"{self.duration_min}–{self.duration_max}"
        )
        people = (
            f"{self.group_min}–{self.group_max}"
            if self.group_max
            else label_text("vanaf", str(self.group_min), language)
        )
        return [
            ("duur", label_text("minuten", minutes, language)),
            ("groep", label_text("personen", people, language)),
            *(
                (label.kind, label_text(label.kind, label.value, language))
                for label in self.labels.all()
            ),
        ]

    def label_values(self, kind: str) -> list:
        return [label.value for label in self.labels.all() if label.kind == kind]

    def refresh_search_text(self) -> None:
        label_names = [label_text(label.kind, label.value) for label in self.labels.all()]
        parts = [
            self.name,
            self.summary,
            self.wat,
            self.wanneer,
            *self.voorbereiding,
            *self.tijdens,
            *self.tussendoor,
            self.opbrengst,
            *label_names,
        ]
        self.search_text = "\n".join(part for part in parts if part)


class WerkvormLabel(models.Model):
    """Where a werkvorm fits: a phase, a kernelement, a public-private dimension or the
    stage of a network. Stored as codes from liso.method, so every app can filter on them."""

    werkvorm = models.ForeignKey(Werkvorm, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(_("soort"), max_length=20, choices=LabelKind.choices)
    value = models.CharField(_("waarde"), max_length=40)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkvorm", "kind", "value"], name="werkvorm_label_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display_value}"

    def clean(self):
        allowed = [str(value) for value in LABEL_CHOICES[self.kind].values]
        if self.value not in allowed:
            raise ValidationError(
                {"value": _("Kies een van: %(allowed)s") % {"allowed": ", ".join(allowed)}}
            )

    @property
    def display_value(self) -> str:
        return label_text(self.kind, self.value)
