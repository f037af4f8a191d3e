"""Forms for the woordenlijst and the leervragen. Both save through the start-up's editing
kit (VersionedForm: history and a check for someone else's save in between)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from liso.forms import StyledFormMixin, text_area
from networks.editing import VersionedForm
from phases.models import Leervraag, Term
from phases.words import SEARCH_MAX, same_term_exists

DUPLICATE_TERM = _(
    "“%(term)s” staat al in de woordenlijst. Vul de uitleg daar aan, of kies een ander woord."
)


class TermForm(VersionedForm):
    class Meta:
        model = Term
        fields = ["term", "definition", "perspectives", "alternatives"]
        widgets = {"definition": text_area(4), "perspectives": text_area(4)}
        help_texts = {
            "term": _("Het woord zoals jullie het gebruiken, bijvoorbeeld ‘eigen regie’."),
            "definition": _("Schrijf het zo dat iemand die nieuw is het begrijpt."),
        }

    def clean_term(self):
        # Checked here, before the database's constraint would refuse it with an error page.
        term = self.cleaned_data["term"]
        if same_term_exists(network=self.network, term=term, but=self.instance):
            raise forms.ValidationError(DUPLICATE_TERM % {"term": term})
        return term


class LeervraagForm(VersionedForm):
    class Meta:
        model = Leervraag
        fields = ["question", "answer"]
        widgets = {"question": text_area(4), "answer": text_area(5)}
        help_texts = {
            "question": _(
                "Wat wil jij leren over het vraagstuk? Begin bijvoorbeeld met ‘Hoe kan ik…’ "
                "of ‘Wat is er nodig om…’."
            ),
        }


class TermSearchForm(StyledFormMixin, forms.Form):
    """The search box above the glossary; empty shows everything."""

    mark_optional = False

    zoek = forms.CharField(
        label=_("Zoek in de woordenlijst"),
        required=False,
        max_length=SEARCH_MAX,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
