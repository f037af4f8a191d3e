import secrets

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from liso import method
from liso.forms import StyledFormMixin
from networks.editing import VersionedForm
from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel, label_text

# Duration and group-size filters: (label, from, to); None means no upper limit.
DURATIONS = {
    "kort": (_("Kort (tot een half uur)"), 1, 30),
    "middel": (_("Half uur tot een uur"), 30, 60),
    "lang": (_("Langer dan een uur"), 61, None),
}
GROUP_SIZES = {
    "klein": (_("Klein (tot 8 personen)"), 1, 8),
    "middel": (_("Middel (9 tot 20 personen)"), 9, 20),
    "groot": (_("Groot (meer dan 20 personen)"), 21, None),
}

ORIGINS = [
    ("catalogus", _("Voor alle netwerken")),
    ("eigen", _("Eigen werkvormen van je netwerken")),
]


def _choices(empty_label, choices):
    return [("", empty_label), *choices]


class WerkvormFilterForm(StyledFormMixin, forms.Form):
    """The library's search and filters; every field may stay empty."""

    mark_optional = False

    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Bijvoorbeeld: vertrouwen, reflectie of eerste sessie."),
    )
    fase = forms.TypedChoiceField(
        label=_("Fase"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_choices(_("Alle fasen"), method.Phase.choices),
    )
    kernelement = forms.ChoiceField(
        label=_("Kernelement"),
        required=False,
        choices=_choices(_("Alle kernelementen"), method.Kernelement.choices),
    )
    dimensie = forms.ChoiceField(
        label=_("Publiek-private dimensie"),
        required=False,
        choices=_choices(_("Alle dimensies"), method.Dimension.choices),
    )
    stadium = forms.ChoiceField(
        label=_("Stadium van het netwerk"),
        required=False,
        choices=_choices(_("Starten en lopend"), method.Stage.choices),
    )
    duur = forms.ChoiceField(
        label=_("Duur"),
        required=False,
        choices=_choices(_("Elke duur"), [(k, v[0]) for k, v in DURATIONS.items()]),
    )
    herkomst = forms.ChoiceField(
        label=_("Herkomst"),
        required=False,
        choices=_choices(_("Alle werkvormen"), ORIGINS),
    )
    groep = forms.ChoiceField(
        label=_("Groepsgrootte"),
        required=False,
        choices=_choices(_("Elke groep"), [(k, v[0]) for k, v in GROUP_SIZES.items()]),
    )

    LABEL_FILTERS = {
        "fase": "fase",
        "kernelement": "kernelement",
        "dimensie": "dimensie",
        "stadium": "stadium",
    }

    def filter(self, werkvormen):
        """Apply what the form holds; an invalid choice in a shared URL is ignored."""
        data = self.cleaned_data if self.is_valid() else {}
        for field, kind in self.LABEL_FILTERS.items():
            if data.get(field):
                werkvormen = werkvormen.with_label(kind, data[field])
        if data.get("duur"):
            _label, low, high = DURATIONS[data["duur"]]
            werkvormen = werkvormen.lasting(low, high)
        if data.get("groep"):
            _label, low, high = GROUP_SIZES[data["groep"]]
            werkvormen = werkvormen.for_group_of(low, high)
        if data.get("herkomst"):
            werkvormen = werkvormen.filter(network__isnull=data["herkomst"] == "catalogus")
        return werkvormen.search(data.get("q", ""))

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class LinesField(forms.CharField):
    """A list of short texts (steps, materials) typed one per line."""

    def __init__(self, *, rows: int = 4, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value) -> list[str]:
        lines = (line.strip() for line in (value or "").splitlines())
        return [line for line in lines if line]


ONE_PER_LINE = _("Eén per regel.")


class OwnWerkvormForm(VersionedForm):
    """A network's own werkvorm, in the same shape as the library's: what, when, how
    (before, during and between sessions) and what it yields."""

    voorbereiding = LinesField(label=_("Voorbereiding"), help_text=_("Eén stap per regel."))
    tijdens = LinesField(
        label=_("Tijdens de bijeenkomst"),
        rows=6,
        help_text=_("Eén stap per regel, in de volgorde waarin je ze doet."),
    )
    tussendoor = LinesField(
        label=_("Tussen bijeenkomsten door"),
        help_text=_("Eén stap per regel; leeg als er niets tussendoor is."),
    )
    materials = LinesField(label=_("Materialen"), rows=3, help_text=ONE_PER_LINE)
    fasen = forms.TypedMultipleChoiceField(
        label=_("Past in fase"),
        choices=method.Phase.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kernelementen = forms.MultipleChoiceField(
        label=_("Werkt aan kernelement"),
        choices=method.Kernelement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # Form field -> the kind of label it stores.
    LABEL_FIELDS = {"fasen": LabelKind.FASE, "kernelementen": LabelKind.KERNELEMENT}

    class Meta:
        model = Werkvorm
        fields = [
            "name",
            "summary",
            "wat",
            "wanneer",
            "voorbereiding",
            "tijdens",
            "tussendoor",
            "opbrengst",
            "duration_min",
            "duration_max",
            "group_min",
            "group_max",
            "materials",
            "source_detail",
        ]
        labels = {
            "name": _("Naam"),
            "summary": _("In één zin"),
            "wat": _("Wat is het?"),
            "wanneer": _("Wanneer gebruik je het?"),
            "opbrengst": _("Wat levert het op?"),
            "duration_min": _("Duur vanaf (minuten)"),
            "duration_max": _("Duur tot (minuten)"),
            "group_min": _("Groep vanaf (personen)"),
            "group_max": _("Groep tot (personen)"),
            "source_detail": _("Bron"),
        }
        help_texts = {
            "summary": _("Wat mensen in de lijst van werkvormen lezen."),
            "source_detail": _("Waar de werkvorm vandaan komt, als iemand anders hem bedacht."),
        }
        widgets = {
            "wat": forms.Textarea(attrs={"rows": 4}),
            "wanneer": forms.Textarea(attrs={"rows": 3}),
            "opbrengst": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, kept_labels=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Labels this form does not show (dimensie, stadium) that a new copy takes over.
        self.kept_labels = list(kept_labels)
        for name in ("wanneer", "opbrengst"):
            self.fields[name].required = False
        if self.instance.pk:
            for name, kind in self.LABEL_FIELDS.items():
                self.initial.setdefault(name, self.instance.label_values(kind))

    def clean(self):
        data = super().clean()
        for name in ("duration_min", "duration_max", "group_min", "group_max"):
            if data.get(name) is not None and data[name] < 1:
                self.add_error(name, _("Kies een getal vanaf 1."))
            elif name.startswith("duration") and data.get(name, 0) > MAX_MINUTES:
                self.add_error(name, _("Een werkvorm duurt hoogstens acht uur (480 minuten)."))
        if self._lower_than(data, "duration_min", "duration_max"):
            self.add_error("duration_max", _("Kies een duur die niet korter is dan ‘vanaf’."))
        if self._lower_than(data, "group_min", "group_max"):
            self.add_error("group_max", _("Kies een aantal dat niet kleiner is dan ‘vanaf’."))
        return data

    @staticmethod
    def _lower_than(data, low, high) -> bool:
        return data.get(low) is not None and data.get(high) is not None and data[high] < data[low]

    def _label_texts(self, values, kind) -> str:
        # Sorted, so the same labels read the same whatever order they came in.
        return ", ".join(sorted(label_text(kind, str(value)) for value in values))

    def extra_changes(self, before) -> list[dict]:
        """The labels, for the history and the conflict check (they are rows of their own)."""
        changes = []
        for name, kind in self.LABEL_FIELDS.items():
            old = self._label_texts(before.label_values(kind), kind) if before else ""
            new = self._label_texts(self.cleaned_data.get(name, []), kind)
            if old != new:
                changes.append(
                    {"field": name, "label": str(self.fields[name].label), "old": old, "new": new}
                )
        return changes

    def save(self, commit=True):
        werkvorm = self.instance
        if not werkvorm.code:
            werkvorm.code = own_code(self.cleaned_data["name"])
        super().save()
        kinds = list(self.LABEL_FIELDS.values())
        werkvorm.labels.filter(kind__in=kinds).delete()
        WerkvormLabel.objects.bulk_create(
            [
                *(
                    WerkvormLabel(werkvorm=werkvorm, kind=kind, value=str(value))
                    for name, kind in self.LABEL_FIELDS.items()
                    for value in self.cleaned_data[name]
                ),
                *(
                    WerkvormLabel(werkvorm=werkvorm, kind=kind, value=value)
                    for kind, value in self.kept_labels
                ),
            ]
        )
        self.kept_labels = []
        # The labels fetched with the werkvorm are the old ones now.
        getattr(werkvorm, "_prefetched_objects_cache", {}).pop("labels", None)
        werkvorm.refresh_search_text()
        werkvorm.save(update_fields=["search_text"])
        Werkvorm.objects.filter(pk=werkvorm.pk).update_search_vectors()
        return werkvorm


MAX_MINUTES = 480


def own_code(name: str) -> str:
    """A stable, unique code for a network's own werkvorm (its address in the library).
    The random tail keeps it apart from the catalogue's codes and from other networks'."""
    return f"{slugify(name)[:60] or 'werkvorm'}-{secrets.token_hex(3)}"


def copy_of(source: Werkvorm) -> dict:
    """The form's starting point when a network adapts an existing werkvorm: its texts and
    labels (`initial`), and the labels the form does not show (`kept_labels`)."""
    initial = {name: getattr(source, name) for name in OwnWerkvormForm._meta.fields}
    # Where the library's werkvorm stands in the method is not where the copy comes from:
    # the copy's page names the werkvorm it was adapted from instead.
    if not source.network_id:
        initial["source_detail"] = ""
    for name, kind in OwnWerkvormForm.LABEL_FIELDS.items():
        initial[name] = source.label_values(kind)
    shown = set(OwnWerkvormForm.LABEL_FIELDS.values())
    kept = [(label.kind, label.value) for label in source.labels.all() if label.kind not in shown]
    return {"initial": initial, "kept_labels": kept}
