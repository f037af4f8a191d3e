"""Forms of the health section: opening a scan round and answering one, the struikelblokken
log, the besluitenlijst and the yearly review."""

from datetime import date, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Session
from kernelements import review, scans
from kernelements.models import (
    Decision,
    ScanRound,
    Struikelblok,
    StruikelblokEntry,
    YearlyReview,
)
from liso import method, ranges
from liso.forms import DATE, FastCheckboxes, StyledFormMixin, offer, text_area
from networks.editing import VersionedForm
from networks.models import Organisation

DONT_KNOW = "?"
FINDING_MAX = 4000


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
        help_text=_(
            "Daarna sluit de ronde en verschijnen de uitkomsten. Je kunt hem ook eerder sluiten."
        ),
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


class DecisionForm(VersionedForm):
    """A line of the besluitenlijst."""

    # A proposal may be dated up to a year ahead; a decision taken not after today (clean).
    DATE_RANGES = {"decided_on": ranges.DateRange(years_back=None, years_ahead=1)}

    heard_perspectives = forms.MultipleChoiceField(
        label=_("Wie zijn er gehoord?"),
        choices=method.Perspective.choices,
        widget=FastCheckboxes,
        required=False,
        help_text=_("De perspectieven die hun zegje deden voordat het besluit viel."),
    )

    class Meta:
        model = Decision
        fields = [
            "title",
            "decided_on",
            "status",
            "session",
            "heard_perspectives",
            "heard_organisations",
            "alternatives",
            "minority",
        ]
        widgets = {
            "decided_on": DATE,
            "heard_organisations": FastCheckboxes,
            "alternatives": text_area(4),
            "minority": text_area(3),
        }
        help_texts = {
            "alternatives": _("Welke andere mogelijkheden waren er, en waarom vielen ze af?"),
            "minority": _("Wat vond een minderheid? Ook dat hoort in het verslag."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        network = self.network
        sessions = network.sessions.order_by("-date")
        self.fields["session"].queryset = sessions
        self.fields["session"].empty_label = _("(niet in een bijeenkomst)")
        offer(self.fields["session"], sessions.values_list("pk", "theme"))
        chosen = self.instance.heard_organisations.all() if self.instance.pk else []
        organisations = (
            Organisation.objects.filter(
                Q(memberships__network=network, memberships__left_on=None) | Q(pk__in=chosen)
            )
            .distinct()
            .order_by("name")
        )
        self.fields["heard_organisations"].queryset = organisations
        offer(self.fields["heard_organisations"], organisations.values_list("pk", "name"))
        self.fields["heard_organisations"].label = _("Welke organisaties zijn gehoord?")
        # A new item's fields are in `initial` already, empty: fill in today.
        self.initial["decided_on"] = self.initial.get("decided_on") or date.today()

    def clean(self):
        cleaned = super().clean()
        decided_on = cleaned.get("decided_on")
        if (
            decided_on
            and decided_on > date.today()
            and cleaned.get("status") != Decision.Status.VOORGESTELD
        ):
            self.add_error("decided_on", _("Een genomen besluit ligt niet in de toekomst."))
        return cleaned


class YearlyReviewForm(VersionedForm):
    """The yearly review: when, where and with whom, and per kernelement what goes well and
    what must change (kept together in `findings`)."""

    EDITS_ALSO = {"findings"}
    DATE_RANGES = {"held_on": ranges.PAST}
    SIDE_LABELS = {"goed": _("Wat gaat goed?"), "anders": _("Wat moet anders?")}

    class Meta:
        model = YearlyReview
        fields = ["held_on", "session", "participants"]
        widgets = {"held_on": DATE}
        help_texts = {
            "participants": _(
                "Bijvoorbeeld: de trekker en de procesbegeleider, of het hele netwerk."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        held = self.network.sessions.filter(date__lte=date.today()).exclude(
            status=Session.Status.AFGELAST
        )
        self.fields["session"].queryset = held.order_by("-date")
        self.fields["session"].empty_label = _("(niet in een bijeenkomst)")
        offer(self.fields["session"], held.order_by("-date").values_list("pk", "theme"))
        self.initial["held_on"] = self.initial.get("held_on") or date.today()
        questions = review.questions_by_kernelement()
        for kernelement in method.Kernelement:
            for side, label in self.SIDE_LABELS.items():
                self.fields[self.finding_name(kernelement.value, side)] = forms.CharField(
                    label=f"{kernelement.label}: {label.lower()}",
                    required=False,
                    max_length=FINDING_MAX,
                    widget=text_area(3),
                    initial=self.instance.finding(kernelement.value, side),
                )
            if asked := questions.get(kernelement.value):
                self.fields[self.finding_name(kernelement.value, "goed")].help_text = _(
                    "Vragen die helpen (van dit platform, niet uit de methode): %(questions)s"
                ) % {"questions": " ".join(asked)}

    @staticmethod
    def finding_name(kernelement: str, side: str) -> str:
        return f"{side}_{kernelement}"

    def kernelement_rows(self):
        """Per kernelement: its label and its two fields, for a fieldset each."""
        return [
            (kernelement, [self[self.finding_name(kernelement.value, s)] for s in self.SIDE_LABELS])
            for kernelement in method.Kernelement
        ]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        others = self.network.yearly_reviews.exclude(pk=self.instance.pk)
        if others.filter(held_on=held_on).exists():
            raise forms.ValidationError(_("Op deze datum staat al een terugblik."))
        return held_on

    def clean(self):
        cleaned = super().clean()
        findings = {}
        for kernelement in method.Kernelement:
            texts = {
                side: cleaned.get(self.finding_name(kernelement.value, side), "").strip()
                for side in self.SIDE_LABELS
            }
            if any(texts.values()):
                findings[kernelement.value] = texts
        self.instance.findings = findings
        session, held_on = cleaned.get("session"), cleaned.get("held_on")
        if session and held_on and session.date != held_on:
            self.add_error(
                "session",
                _("Die bijeenkomst was op %(date)s, niet op de datum van de terugblik.")
                % {"date": date_format(session.date, "j F Y")},
            )
        return cleaned
