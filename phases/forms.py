"""Forms of the journey's learning part: moving between phases, experiments (plan,
outcome, joint assessment), observations and reflections."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.forms import choose_from_members
from liso import method, ranges, uploads
from liso.forms import DATE, StyledFormMixin, offer, text_area
from liso.once import OnceFormMixin
from networks.editing import VersionCheckMixin, VersionedForm
from networks.models import Organisation
from phases.models import Experiment, Observation, Reflection
from phases.products import current_organisation_ids


class PhaseChangeForm(StyledFormMixin, forms.Form):
    to_phase = forms.TypedChoiceField(
        label=_("Naar welke fase?"),
        choices=method.Phase.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Waarom nu?"),
        widget=text_area(4),
        max_length=2000,
        help_text=_(
            "Bijvoorbeeld: de experimenten van ronde 2 zijn besproken en we weten "
            "genoeg om te gaan vertalen. Teruggaan mag ook."
        ),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network

    def clean_to_phase(self):
        to_phase = self.cleaned_data["to_phase"]
        if to_phase == self.network.current_phase:
            raise forms.ValidationError(_("Het netwerk zit al in deze fase. Kies een andere."))
        return to_phase


class ExperimentForm(VersionedForm):
    """The plan of an experiment; who is in the group is chosen from the current members."""

    DATE_RANGES = {"starts_on": ranges.NEAR}

    class Meta:
        model = Experiment
        fields = [
            "title",
            "leervraag",
            "expectation",
            "change",
            "needs",
            "group",
            "organisation",
            "starts_on",
            "weeks",
            "monitoring",
            "round",
        ]
        widgets = {
            "starts_on": DATE,
            "expectation": text_area(3),
            "change": text_area(3),
            "needs": text_area(2),
            "monitoring": text_area(2),
            "group": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "group": _(
                "Een goede groep mengt ervaringskennis, kennis uit de "
                "praktijk en kennis uit onderzoek."
            )
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, network=network, **kwargs)
        # The choices are the network as it is now, plus what the experiment already has
        # (a member who left, a closed round): saving an old experiment loses nothing.
        instance = self.instance
        kept = set(instance.group.values_list("pk", flat=True)) if instance.pk else set()
        group = self.fields["group"]
        choose_from_members(group, network, also=kept)
        # With their perspective, so the group can be mixed while it is chosen.
        perspectives = {value: str(label) for value, label in method.Perspective.choices}
        offer(
            group,
            group.queryset.values_list("pk", "user__full_name", "perspective"),
            lambda name, perspective: f"{name} · {perspectives.get(perspective, perspective)}",
        )
        leervragen = network.leervragen.filter(Q(owner__left_on=None) | Q(pk=instance.leervraag_id))
        self.fields["leervraag"].queryset = leervragen
        self.fields["leervraag"].empty_label = _("(geen)")
        offer(
            self.fields["leervraag"],
            leervragen.values_list("pk", "owner__user__full_name", "question"),
            lambda name, question: f"{name}: {question[:90]}",
        )
        current = Q(pk__in=current_organisation_ids(network.pk))
        organisations = Organisation.objects.filter(current | Q(pk=instance.organisation_id))
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("(geen)")
        offer(self.fields["organisation"], organisations.values_list("pk", "name"))
        # New experiments go into the open round; a closed round's results stay as judged.
        self.fields["round"].queryset = network.rounds.filter(
            Q(closed_on=None) | Q(pk=instance.round_id)
        )
        self.fields["round"].empty_label = _("(nog geen ronde)")

    def clean_weeks(self):
        weeks = self.cleaned_data["weeks"]
        if weeks is not None and not 1 <= weeks <= 104:
            raise forms.ValidationError(_("Kies een duur van 1 tot 104 weken."))
        return weeks

    def clean_group(self):
        group = self.cleaned_data["group"]
        if not group:
            raise forms.ValidationError(_("Kies wie er meedoen: minstens één persoon."))
        return group


class OutcomeForm(VersionedForm):
    """Closing an experiment: did the expectation hold?"""

    class Meta:
        model = Experiment
        fields = ["outcome", "outcome_note"]
        widgets = {"outcome": forms.RadioSelect, "outcome_note": text_area(4)}
        labels = {"outcome": _("Wat bleek?"), "outcome_note": _("Wat zag je gebeuren?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = Experiment.Outcome.choices

    def clean(self):
        cleaned = super().clean()
        # Done, with its outcome: set before the save compares, so the history shows it.
        self.instance.status = Experiment.Status.KLAAR
        return cleaned


class AssessmentForm(VersionedForm):
    """The participants' shared judgement of what an outcome means, usually made in a
    session; any of them (or those who lead the learning) writes it down."""

    class Meta:
        model = Experiment
        fields = ["assessment", "assessment_session"]
        widgets = {"assessment": text_area(5)}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, network=network, **kwargs)
        self.fields["assessment"].required = True
        self.fields["assessment"].label = _("Jullie gezamenlijke oordeel")
        self.fields["assessment"].help_text = _(
            "Wat betekent de uitkomst volgens jullie samen, de deelnemers aan dit experiment? "
            "Schrijf op waar jullie samen op uitkwamen, ook als niet iedereen het eens was."
        )
        sessions = network.sessions.filter(date__lte=timezone.localdate()).order_by("-date")
        self.fields["assessment_session"].queryset = sessions
        self.fields["assessment_session"].empty_label = _("(niet in een bijeenkomst)")
        offer(
            self.fields["assessment_session"],
            sessions.values_list("pk", "date", "theme"),
            lambda day, theme: f"{day:%d-%m-%Y} · {theme}",
        )


class StartForm(VersionedForm):
    """Starting an experiment: only its status changes (through the history)."""

    class Meta:
        model = Experiment
        fields = ["status"]
        widgets = {"status": forms.HiddenInput}


class ObservationForm(StyledFormMixin, OnceFormMixin, forms.ModelForm):
    """What someone noticed: a few words, and if it helps a number or a photo."""

    class Meta:
        model = Observation
        fields = ["noted_on", "text", "value", "unit", "photo"]
        labels = {"unit": _("Waar staat het getal voor?")}
        widgets = {
            "noted_on": DATE,
            "text": text_area(3),
            "photo": forms.ClearableFileInput(attrs={"accept": uploads.IMAGE_ACCEPT}),
        }

    DATE_RANGES = {"noted_on": ranges.PAST}
    CONDITIONS = {"value": _("nodig als je zegt waar het getal voor staat")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["noted_on"].initial = timezone.localdate()
        self.fields["photo"].help_text = _(
            "Een foto (jpg, png of webp), hoogstens %(limit)s MB."
        ) % {"limit": uploads.limit_mb()}

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload
            photo, self.instance.photo_type = uploads.kept(
                photo,
                pdf_allowed=False,
                refusal=_("Dit bestand kunnen we niet bewaren. Kies een foto (jpg, png of webp)."),
            )
        return photo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("unit") and cleaned.get("value") is None:
            self.add_error("value", _("Vul ook het getal in, of laat leeg waar het voor staat."))
        return cleaned


class ReflectionForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    """A reflection: the level, the text, and whether to share it (not by default)."""

    share = forms.BooleanField(
        label=_("Deel deze reflectie met het netwerk"),
        required=False,
        help_text=_("Niet aangevinkt: alleen jij kunt hem lezen. Ook de procesbegeleider niet."),
    )

    class Meta:
        model = Reflection
        fields = ["level", "text"]
        widgets = {"level": forms.RadioSelect, "text": text_area(5)}
        labels = {"level": _("Op welk niveau reflecteer je?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["share"].initial = self.instance.is_shared
        self.fields["level"].choices = method.ReflectionLevel.choices

    def save(self, commit=True):
        reflection = super().save(commit=False)
        if not self.cleaned_data["share"]:
            reflection.shared_at = None
        elif reflection.shared_at is None:
            reflection.shared_at = timezone.now()
        if commit:
            reflection.save()
        return reflection
