from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liso import method, ranges, uploads
from liso.forms import DATE, TIME, StyledFormMixin, text_area
from networks.editing import KeptFile, KeptFileForm, VersionedForm
from networks.models import ChecklistItem, Organisation
from opstart import models
from opstart.services import participating_organisations


class TalkForm(VersionedForm):
    class Meta:
        model = models.Talk
        fields = [
            "person_name",
            "organisation_name",
            "held_on",
            "held_by",
            "personal_reason",
            "organisation_reason",
            "open_questions",
            "notes",
        ]
        widgets = {
            "held_on": DATE,
            "personal_reason": text_area(3),
            "organisation_reason": text_area(3),
            "open_questions": text_area(3),
            "notes": text_area(5),
        }

    DATE_RANGES = {"held_on": ranges.NEAR}


class StartnotitieForm(VersionedForm):
    class Meta:
        model = models.Startnotitie
        fields = [
            "problem",
            "relevance",
            "why_network",
            "similar_initiatives",
            "approach_phase_1",
            "approach_phase_2",
            "approach_phase_3",
        ]
        widgets = {name: text_area(6) for name in fields}
        help_texts = {
            "problem": _("Wat is het probleem, voor wie, en wat zijn de oorzaken?"),
            "relevance": _(
                "Hoe groot is het probleem in de regio, en wat gebeurt er als niemand iets "
                "doet? Cijfers met hun bron voeg je hieronder apart toe."
            ),
            "why_network": _(
                "Waarom lukt dit niet met een project, een werkgroep of een training?"
            ),
            "similar_initiatives": _(
                "Welke vergelijkbare initiatieven heb je gezocht, en wat heb je gevonden? "
                "Pakt iemand anders dit vraagstuk al aan?"
            ),
            "approach_phase_1": _("Hoe komen jullie tot een gedeeld beeld en gedeelde woorden?"),
            "approach_phase_2": _("Welke experimenten in de praktijk zien jullie voor je?"),
            "approach_phase_3": _("Hoe gaan de opbrengsten de organisaties in?"),
        }


class FigureForm(VersionedForm):
    class Meta:
        model = models.Figure
        fields = ["description", "value", "year", "source", "source_url"]


class GoalForm(VersionedForm):
    class Meta:
        model = models.Goal
        fields = [
            "agenda",
            "title",
            "description",
            "measure",
            "unit",
            "baseline",
            "target",
            "current_value",
            "measured_on",
            "agreement",
            "agreement_met",
        ]
        widgets = {"measure": forms.RadioSelect, "measured_on": DATE, "description": text_area(3)}

    DATE_RANGES = {"measured_on": ranges.PAST}
    CONDITIONS = {
        "unit": _("nodig bij een meetbare indicator"),
        "baseline": _("nodig bij een meetbare indicator"),
        "target": _("nodig bij een meetbare indicator"),
        "measured_on": _("nodig bij een huidige waarde"),
        "agreement": _("nodig bij een concrete afspraak"),
    }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("measure") == models.Goal.Measure.INDICATOR:
            for name in ("unit", "baseline", "target"):
                if cleaned.get(name) in (None, ""):
                    self.add_error(name, _("Vul dit in voor een meetbare indicator."))
            if cleaned.get("current_value") is not None and not cleaned.get("measured_on"):
                self.add_error("measured_on", _("Wanneer is de huidige waarde gemeten?"))
        elif cleaned.get("measure") == models.Goal.Measure.AGREEMENT and not cleaned.get(
            "agreement"
        ):
            self.add_error("agreement", _("Beschrijf de afspraak waaraan je de voortgang ziet."))
        return cleaned


class MilestoneForm(VersionedForm):
    class Meta:
        model = models.Milestone
        fields = ["title", "due_on", "status"]
        widgets = {"due_on": DATE}


class FunderForm(VersionedForm):
    class Meta:
        model = models.Funder
        fields = ["name", "amount", "starts_on", "ends_on", "note"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("De einddatum ligt vóór de begindatum."))
        return cleaned

    def clean_amount(self):
        return _not_negative(self.cleaned_data["amount"])


def _organisations_of(network, keep: int | None):
    """The organisations taking part, and the one already chosen (it may have left since:
    saving the form must not quietly drop it)."""
    return Organisation.objects.filter(
        Q(pk__in=[org.pk for org in participating_organisations(network)]) | Q(pk=keep)
    )


def _not_negative(amount):
    if amount is not None and amount < 0:
        raise forms.ValidationError(_("Vul een bedrag van 0 of meer in."))
    return amount


def _year(value):
    if value is not None and not 2000 <= value <= 2100:
        raise forms.ValidationError(_("Vul een jaar in tussen 2000 en 2100."))
    return value


class MemberFeeForm(VersionedForm):
    class Meta:
        model = models.MemberFee
        fields = ["organisation", "amount_per_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations_of(
            self.network, keep=self.instance.organisation_id
        )

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        others = self.network.fees.exclude(pk=self.instance.pk)
        if others.filter(organisation=organisation).exists():
            raise forms.ValidationError(_("Voor deze organisatie staat al een ledenfee."))
        return organisation

    def clean_amount_per_year(self):
        return _not_negative(self.cleaned_data["amount_per_year"])


class BudgetLineForm(VersionedForm):
    class Meta:
        model = models.BudgetLine
        fields = ["kind", "year", "amount", "description"]

    def clean_amount(self):
        return _not_negative(self.cleaned_data["amount"])

    def clean_year(self):
        return _year(self.cleaned_data["year"])


class VenueForm(VersionedForm):
    class Meta:
        model = models.Venue
        fields = ["name", "address", "online_link", "accessibility"]


class PlannedSessionForm(VersionedForm):
    class Meta:
        model = models.PlannedSession
        fields = ["date", "start_time", "theme", "venue"]
        widgets = {"date": DATE, "start_time": TIME}

    DATE_RANGES = {"date": ranges.NEAR}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = self.network.venues.all()


class CommunicationForm(VersionedForm):
    class Meta:
        model = models.Infrastructure
        fields = ["communication_plan", "platform_name", "platform_url"]
        widgets = {"communication_plan": text_area(8)}
        help_texts = {
            "communication_plan": _(
                "Wie hoort wat, wanneer en hoe? Denk aan de leden, hun organisaties, "
                "financiers en de buitenwereld."
            )
        }


class GovernanceForm(VersionedForm):
    heard_perspectives = forms.MultipleChoiceField(
        label=_("Wie moet minstens gehoord zijn voor een besluit?"),
        choices=method.Perspective.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = models.Infrastructure
        fields = ["penvoerder", "heard_perspectives", "must_be_heard", "decision_process"]
        widgets = {"must_be_heard": text_area(2), "decision_process": text_area(6)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penvoerder"].queryset = _organisations_of(
            self.network, keep=self.instance.penvoerder_id
        )


class AgreementForm(VersionedForm):
    class Meta:
        model = models.Agreement
        fields = [
            "innovation_owner",
            "innovation_owner_note",
            "intellectual_property",
            "intellectual_property_note",
            "confidentiality",
            "other_agreements",
            "exit_terms",
        ]
        widgets = {
            "innovation_owner": forms.RadioSelect,
            "intellectual_property": forms.RadioSelect,
            "innovation_owner_note": text_area(2),
            "intellectual_property_note": text_area(2),
            "confidentiality": text_area(4),
            "other_agreements": text_area(4),
            "exit_terms": text_area(3),
        }
        help_texts = {
            "confidentiality": _("Bijvoorbeeld: wat in de bijeenkomst gedeeld wordt, blijft daar."),
            "exit_terms": _("Wat gebeurt er als een partner eerder stopt?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("innovation_owner", "intellectual_property"):
            self.fields[name].choices = list(self.fields[name].choices)[1:]  # no "none" radio


class SignatureForm(StyledFormMixin, forms.ModelForm):
    """A signature on paper, as the trekker copies it from the signed paper."""

    class Meta:
        model = models.Signature
        fields = ["signer_name", "signer_function", "signed_on"]
        widgets = {"signed_on": DATE}

    DATE_RANGES = {"signed_on": ranges.PAST}


class OnlineSignatureForm(StyledFormMixin, forms.Form):
    """A representative's own signature: their word, their function, and the text as they
    read it (`seen`, its fingerprint), so a text that changed meanwhile is not signed."""

    signer_function = forms.CharField(
        label=_("Je functie"),
        required=False,
        max_length=150,
        help_text=_("Komt onder je naam te staan. Bijvoorbeeld: directeur of teamleider."),
    )
    agreed = forms.BooleanField(
        error_messages={
            "required": _("Vink aan dat je de overeenkomst hebt gelezen en ermee instemt.")
        }
    )
    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed"].label = _(
            "Ik heb de overeenkomst hierboven gelezen en teken namens %(name)s."
        ) % {"name": organisation.name}


SCAN_ACCEPT = f"{uploads.IMAGE_ACCEPT},{uploads.PDF_TYPE}"


class AgreementScanForm(KeptFileForm):
    """The scan of the signed paper, kept with the agreement: a PDF or a photo, checked
    by its content. Replacing or removing it is told in the agreement's history; the
    scan's change comes first there, which is how services.latest_agreement_change
    tells it from a change of the text."""

    KEPT = KeptFile(
        field="signed_scan",
        type_field="signed_scan_type",
        remove="remove_scan",
        stem="scan",
        suffixes=models.Agreement.SUFFIXES,
        history_label=_("scan van de getekende overeenkomst"),
        one=_("een scan"),
        new=_("een nieuwe scan"),
        other=_("Andere scan"),
        help_first=_("Een pdf of een foto (jpg, png of webp), hoogstens %(limit)s MB."),
        help_other=_(
            "Er is al een scan. Kies een ander bestand om hem te vervangen: een pdf of "
            "een foto (jpg, png of webp), hoogstens %(limit)s MB."
        ),
        refusal=_(
            "Dit bestand kunnen we niet bewaren. Kies een pdf of een foto (jpg, png of "
            "webp) van de getekende overeenkomst."
        ),
        required=_("Kies het bestand met de scan."),
    )

    remove_scan = forms.BooleanField(label=_("De scan weghalen"), required=False)

    class Meta:
        model = models.Agreement
        fields = ["signed_scan"]
        # No "current file" link: files have no public address (see views.agreement_scan).
        widgets = {"signed_scan": forms.FileInput(attrs={"accept": SCAN_ACCEPT})}


class SuitabilityForm(StyledFormMixin, forms.Form):
    criteria = forms.MultipleChoiceField(
        label=_("Welke kenmerken heeft het vraagstuk?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, criteria: list[ChecklistItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria_items = criteria
        self.fields["criteria"].choices = [(item.code, item.question) for item in criteria]

    def criteria_options(self):
        return list(zip(self["criteria"], self.criteria_items, strict=True))
