from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from afsluiting import closing as C
from afsluiting.models import Closing, Safeguard
from bijeenkomsten.models import Session
from liso import method, ranges
from liso.forms import DATE, StyledFormMixin, text_area
from networks.editing import VersionedForm

LESSON_MAX = 5000


class MomentForm(VersionedForm):
    class Meta:
        model = Closing
        fields = ["reason", "reason_notes"]
        widgets = {"reason": forms.RadioSelect, "reason_notes": text_area(5)}
        help_texts = {
            "reason_notes": _(
                "Wat maakt dat het nu tijd is? Stoppen jullie eerder, schrijf dan op wat "
                "jullie leerden en waarom het stopt: ook dat is de moeite waard om te bewaren."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        self.fields["reason"].choices = Closing.Reason.choices
        self.fields["reason"].error_messages["required"] = _("Kies waarom jullie afsluiten.")


class StoryForm(VersionedForm):
    """The reisverslag: the story (drafted from the network's history the first time),
    the crucial moments, and per perspective what it learned (kept in `lessons`)."""

    EDITS_ALSO = {"lessons"}

    class Meta:
        model = Closing
        fields = ["story", "crucial_moments"]
        widgets = {"story": text_area(16), "crucial_moments": text_area(6)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.story.strip():
            self.initial["story"] = C.draft_story(self.network)
        self.fields["crucial_moments"].help_text = _(
            "De momenten waarop het netwerk een andere kant op ging, of waarop het ineens "
            "begreep waar het om draaide."
        )
        for perspective in method.Perspective:
            self.fields[self.lesson_name(perspective.value)] = forms.CharField(
                label=_("Wat leerde het perspectief %(name)s?")
                % {"name": perspective.label.lower()},
                required=False,
                max_length=LESSON_MAX,
                widget=text_area(3),
                initial=self.instance.lesson(perspective.value),
            )

    @staticmethod
    def lesson_name(perspective: str) -> str:
        return f"les_{perspective}"

    def clean(self):
        cleaned = super().clean()
        self.instance.lessons = {
            perspective.value: text
            for perspective in method.Perspective
            if (text := cleaned.get(self.lesson_name(perspective.value), "").strip())
        }
        return cleaned


class LastSessionForm(VersionedForm):
    class Meta:
        model = Closing
        fields = ["last_session"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = self.network.sessions.exclude(status=Session.Status.AFGELAST)
        self.fields["last_session"].queryset = sessions.order_by("-date")
        self.fields["last_session"].empty_label = _("(nog geen gekozen)")
        self.fields["last_session"].label_from_instance = lambda session: (
            f"{date_format(session.date, 'j F Y')}: {session.theme}"
        )


class CloseForm(VersionedForm):
    DATE_RANGES = {"closed_on": ranges.PAST}

    class Meta:
        model = Closing
        fields = ["final_status", "closed_on"]
        widgets = {"final_status": forms.RadioSelect, "closed_on": DATE}
        help_texts = {
            "final_status": _(
                "Afgerond: het netwerk deed wat het wilde doen. Gestopt: het netwerk houdt "
                "eerder op. Allebei is eerlijk, en allebei is het vastleggen waard."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["final_status"].required = True
        self.fields["final_status"].choices = self.instance._meta.get_field("final_status").choices
        self.fields["final_status"].error_messages["required"] = _("Kies afgerond of gestopt.")
        self.fields["closed_on"].required = True
        self.initial["closed_on"] = self.initial.get("closed_on") or date.today()

    def clean_closed_on(self):
        closed_on = self.cleaned_data["closed_on"]
        if closed_on < self.network.start_date:
            raise forms.ValidationError(
                _("Het netwerk begon op %(date)s; afsluiten kan niet eerder.")
                % {"date": date_format(self.network.start_date, "j F Y")}
            )
        return closed_on


class ReopenForm(VersionedForm):
    class Meta:
        model = Closing
        fields = ["reopen_reason"]
        widgets = {"reopen_reason": text_area(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reopen_reason"].required = True
        self.fields["reopen_reason"].error_messages["required"] = _(
            "Schrijf op waarom het netwerk weer opengaat; dat blijft in de geschiedenis staan."
        )
        self.initial["reopen_reason"] = ""  # a new reason each time, not the last one


def _member_name(membership) -> str:
    return membership.user.full_name


class _ListedChoices(forms.models.ModelChoiceIterator):
    """The choices from a list fetched once for the whole form, not a query per field."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.field.listed:
            yield self.choice(instance)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)


class ListedChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose options come from `listed`, a list made once (the three
    caretaker fields share one query and one set of members); a submitted choice is still
    checked against the queryset."""

    iterator = _ListedChoices

    def __init__(self, *args, listed: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.listed = listed


class SafeguardForm(StyledFormMixin, forms.Form):
    """The three borging questions for one kennisproduct or organisation."""

    def __init__(self, *args, answers: list, caretakers, **kwargs):
        super().__init__(*args, **kwargs)
        members = list(caretakers)
        for question, answer in zip(Safeguard.Question, answers, strict=True):
            self.fields[f"{question.value}-state"] = forms.ChoiceField(
                label=_("Hoe staat het ervoor?"),
                choices=Safeguard.State.choices,
                initial=answer.state if answer else Safeguard.State.OPEN,
            )
            self.fields[f"{question.value}-caretaker"] = ListedChoiceField(
                label=_("Wie zorgt ervoor?"),
                queryset=caretakers,
                listed=members,
                required=False,
                empty_label=_("(nog niemand)"),
                initial=answer.caretaker_id if answer else None,
            )
            self.fields[f"{question.value}-caretaker"].label_from_instance = _member_name
            self.fields[f"{question.value}-kept_where"] = forms.CharField(
                label=_("Waar staat het, of waar is het geregeld?"),
                max_length=300,
                required=False,
                initial=answer.kept_where if answer else "",
                help_text=_("Bijvoorbeeld een link, een map of het overleg waar het thuishoort."),
            )

    def questions(self):
        """Per question: its label and its three fields, for a fieldset each."""
        return [
            (question.label, [self[f"{question.value}-{name}"] for name in self._names()])
            for question in Safeguard.Question
        ]

    @staticmethod
    def _names():
        return ["state", "caretaker", "kept_where"]

    def answers(self) -> dict:
        return {
            question.value: {
                name: self.cleaned_data[f"{question.value}-{name}"] for name in self._names()
            }
            for question in Safeguard.Question
        }
