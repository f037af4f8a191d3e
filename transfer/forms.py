from django import forms
from django.utils.translation import gettext_lazy as _

from liso.forms import StyledFormMixin
from transfer.importer import ImportRefused, read_package


class ImportForm(StyledFormMixin, forms.Form):
    """The zip of an export, checked before anything is read into the database."""

    bestand = forms.FileField(
        label=_("Exportbestand (zip)"),
        help_text=_("Het bestand dat de trekker downloadde bij Netwerk exporteren."),
        widget=forms.FileInput(attrs={"accept": ".zip,application/zip"}),
    )
    adres = forms.SlugField(
        label=_("Nieuw adres"),
        required=False,
        max_length=80,
        help_text=_(
            "Alleen nodig als het adres van het netwerk hier al bestaat. Kleine letters, "
            "cijfers en streepjes."
        ),
    )

    def clean_bestand(self):
        try:
            self.package = read_package(self.cleaned_data["bestand"])
        except ImportRefused as error:
            raise forms.ValidationError(str(error)) from error
        return self.cleaned_data["bestand"]
