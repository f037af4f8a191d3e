"""Forms of the health section: opening a scan round, and answering one."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernelements import scans
from kernelements.models import ScanRound, Struikelblok, StruikelblokEntry
from liso.forms import DATE, StyledFormMixin, text_area
from networks.editing import VersionedForm

DONT_KNOW = "?"


class RoundOpenForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Welke scan?"),
        choices=ScanRound.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_("De publiek-private scan is voor netwerken met commerciële partners."),
    )
    closes_on = forms.DateField(
        label=_("Invullen kan tot en met"),
        widget=DATE,
        help_text=_("Daarna sluit de ronde vanzelf. Je kunt hem ook eerder sluiten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ScanRound.Kind.KERNELEMENTEN
        self.fields["closes_on"].initial = date.today() + timedelta(days=scans.DEFAULT_OPEN_DAYS)

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        today = date.today()
        if not today < closes_on <= today + timedelta(days=scans.MAX_OPEN_DAYS):
            raise forms.ValidationError(
                _("Kies een datum na vandaag en binnen %(days)s dagen."),
                params={"days": scans.MAX_OPEN_DAYS},
            )
        return closes_on


class ScanAnswerForm(forms.Form):
    """A score from 1 to 5, or "weet ik niet", for each statement of the round; every
    statement must get one of them. Rendered by hand (kernelements/health/answer.html):
    one fieldset per statement, which reads well on a phone."""

    remark = forms.CharField(
        label=_("Wil je nog iets kwijt?"), required=False, max_length=2000, strip=True
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        choices = [(str(score), str(score)) for score in scans.SCORES] + [(DONT_KNOW, "?")]
        for group in groups:
            for statement in group.statements:
                self.fields[statement.code] = forms.ChoiceField(
                    label=statement.text or statement.label,
                    choices=choices,
                    error_messages={"required": _("Kies een cijfer, of “weet ik niet”.")},
                )

    def scores(self) -> dict[str, int | None]:
        return {
            code: None if value == DONT_KNOW else int(value)
            for code, value in self.cleaned_data.items()
            if code != "remark"
        }


def _review_date(value):
    """A review within a year from tomorrow: the point is to look again soon."""
    if value is None:
        return value
    today = date.today()
    if not today < value <= today + timedelta(days=365):
        raise forms.ValidationError(_("Kies een datum na vandaag en binnen een jaar."))
    return value


class EntryForm(VersionedForm):
    """A struikelblok in the log: taken up from a signal, or recorded by hand."""

    class Meta:
        model = StruikelblokEntry
        fields = ["struikelblok", "description", "decision", "review_on"]
        widgets = {"description": text_area(3), "decision": text_area(4), "review_on": DATE}
        labels = {"description": _("Wat zien jullie?")}
        help_texts = {
            "decision": _("Wat spreken jullie af, en wie doet wat?"),
            "review_on": _("Wanneer kijken jullie of het helpt?"),
        }

    def __init__(self, *args, signal=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["struikelblok"].queryset = Struikelblok.objects.all()
        self.fields["struikelblok"].empty_label = _("(kies een struikelblok)")
        self.fields["decision"].required = True
        if signal:  # the signal says which struikelblok and what it saw
            del self.fields["struikelblok"]
            del self.fields["description"]

    def clean_review_on(self):
        return _review_date(self.cleaned_data["review_on"])


class EntryCloseForm(VersionedForm):
    """Closing a struikelblok: what helped (the next network may need it)."""

    class Meta:
        model = StruikelblokEntry
        fields = ["helped"]
        widgets = {"helped": text_area(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["helped"].required = True

    def _post_clean(self):
        super()._post_clean()
        self.instance.status = StruikelblokEntry.Status.CLOSED
        self.instance.closed_at = timezone.now()
