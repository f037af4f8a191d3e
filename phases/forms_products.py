"""Forms of the Opbrengsten: a kennisproduct (with an optional file, checked by its
content), a barrier with what helps, which organisations use a product, and a success."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liso import uploads
from liso.forms import DATE, StyledFormMixin, offer, text_area
from liso.once import OnceFormMixin
from networks.editing import KeptFile, KeptFileForm, VersionCheckMixin
from phases.models import Adoption, Barrier, Kennisproduct, Success

FILE_ACCEPT = f"{uploads.IMAGE_ACCEPT},{uploads.PDF_TYPE}"


class KennisproductForm(KeptFileForm):
    """A product; its goal and experiments are chosen from this network's own, its file
    is a PDF or an image."""

    KEPT = KeptFile(
        field="file",
        type_field="file_type",
        remove="remove_file",
        stem="bestand",
        suffixes=Kennisproduct.SUFFIXES,
        history_label=_("bestand"),
        one=_("een bestand"),
        new=_("een nieuw bestand"),
        other=_("Ander bestand"),
        help_first=_("Een pdf of een afbeelding (jpg, png of webp), hoogstens %(limit)s MB."),
        help_other=_(
            "Er hoort al een bestand bij. Kies een ander bestand om het te vervangen: een "
            "pdf of een afbeelding (jpg, png of webp), hoogstens %(limit)s MB."
        ),
        refusal=_(
            "Dit bestand kunnen we niet bewaren. Kies een pdf of een afbeelding (jpg, png of webp)."
        ),
    )

    remove_file = forms.BooleanField(label=_("Het bestand weghalen"), required=False)

    class Meta:
        model = Kennisproduct
        fields = [
            "title",
            "kind",
            "audience",
            "summary",
            "status",
            "goal",
            "experiments",
            "lessons",
            "link",
            "file",
        ]
        widgets = {
            "summary": text_area(4),
            "lessons": text_area(4),
            "experiments": forms.CheckboxSelectMultiple,
            # No "current file" link: files have no public address (see product_file).
            "file": forms.FileInput(attrs={"accept": FILE_ACCEPT}),
        }
        help_texts = {
            "audience": _("Bijvoorbeeld: wijkteams, nieuwe medewerkers, studenten sociaal werk."),
            "summary": _("In een paar zinnen: wat is het en wat doe je ermee?"),
            "lessons": _("Welke lessen uit de experimenten en bijeenkomsten zitten erin?"),
            "link": _("Staat het product ergens online? Zet hier het adres."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        goals = self.network.agenda_goals.all()
        self.fields["goal"].queryset = goals
        self.fields["goal"].help_text = _("Aan welk doel van de drie agenda's werkt dit product?")
        self.fields["goal"].empty_label = _("Geen doel")
        offer(self.fields["goal"], goals.values_list("pk", "title"))
        experiments = self.network.experiments.all()
        self.fields["experiments"].queryset = experiments
        offer(self.fields["experiments"], experiments.values_list("pk", "title"))
        self.fields["experiments"].help_text = _(
            "Kies de experimenten waar het product uit voortkomt."
        )
        if self.instance.file:
            self.order_fields([*self.Meta.fields, "remove_file"])


class BarrierForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = Barrier
        fields = ["barrier", "remedy"]
        widgets = {"remedy": text_area(4)}
        help_texts = {
            "barrier": _(
                "Wat kan ervoor zorgen dat het product niet gebruikt wordt? "
                "Bijvoorbeeld: er is geen tijd om de training te volgen."
            ),
            "remedy": _("Wat kan de organisatie of het netwerk daartegen doen?"),
        }


def _as_shown(status, since) -> str:
    if status == Adoption.Status.NEE:
        since = None  # "nog niet" keeps no date
    return f"{status}|{since.isoformat() if since else ''}"


class AdoptionForm(StyledFormMixin, forms.Form):
    """One organisation's use of a product: the status, and since when."""

    mark_optional = False

    status = forms.ChoiceField(label=_("Status"), choices=Adoption.Status.choices)
    since = forms.DateField(label=_("Sinds"), required=False, widget=DATE)
    # What the page showed when it was opened: only what this person changed is saved, so
    # a save from an older page does not undo what someone else recorded in between.
    shown = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, row, **kwargs):
        initial = {
            "status": row.status,
            "since": row.since,
            "shown": _as_shown(row.status, row.since),
        }
        super().__init__(*args, prefix=f"org-{row.organisation.pk}", initial=initial, **kwargs)
        self.row = row

    @property
    def changed_here(self) -> bool:
        cleaned = self.cleaned_data
        return _as_shown(cleaned["status"], cleaned["since"]) != cleaned["shown"]

    def clean(self):
        cleaned = super().clean()
        status, since = cleaned.get("status"), cleaned.get("since")
        if status == Adoption.Status.IN_GEBRUIK and "since" not in self.errors:
            if since is None:
                self.add_error(
                    "since", _("Vul in sinds wanneer de organisatie het product gebruikt.")
                )
            elif since > timezone.localdate():
                self.add_error(
                    "since",
                    _(
                        "Deze datum ligt in de toekomst. Wat al in gebruik "
                        "is, is dat sinds vandaag of eerder."
                    ),
                )
        return cleaned


class AdoptionForms:
    """One AdoptionForm per organisation, valid and saved only all together."""

    def __init__(self, rows, data=None):
        self.forms = [AdoptionForm(data, row=row) for row in rows]

    def __iter__(self):
        return iter(self.forms)

    def __len__(self):
        return len(self.forms)

    def is_valid(self) -> bool:
        # Every form is checked (no stopping at the first), so each shows its own errors.
        checked = [form.is_valid() for form in self.forms]
        return all(checked)

    @property
    def choices(self) -> dict:
        return {
            form.row.organisation.pk: (form.cleaned_data["status"], form.cleaned_data["since"])
            for form in self.forms
            if form.changed_here
        }


class SuccessForm(StyledFormMixin, OnceFormMixin, forms.ModelForm):
    mark_optional = False

    class Meta:
        model = Success
        fields = ["text", "size"]
        widgets = {"text": text_area(3), "size": forms.RadioSelect}
        help_texts = {
            "text": _(
                "Kort is goed. Bijvoorbeeld: de eerste cliënt is via het nieuwe loket geholpen."
            )
        }
