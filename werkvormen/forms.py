from django import forms
from django.utils.translation import gettext_lazy as _

from liso import method
from liso.forms import StyledFormMixin

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
    groep = forms.ChoiceField(
        label=_("Groepsgrootte"),
        required=False,
        choices=_choices(_("Elke groep"), [(k, v[0]) for k, v in GROUP_SIZES.items()]),
    )

    LABEL_FILTERS = {"fase": "fase", "kernelement": "kernelement", "dimensie": "dimensie",
                     "stadium": "stadium"}  # fmt: skip

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
        return werkvormen.search(data.get("q", ""))

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())
