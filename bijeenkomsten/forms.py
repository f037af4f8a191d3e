import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import (
    ActionPoint,
    DraaiboekBlock,
    NetworkPreparationStep,
    PreparationTask,
    Registration,
    Session,
    SessionGuest,
    SessionPhoto,
    SessionReport,
)
from liso import ranges, uploads
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.forms import (
    DATE,
    TIME,
    FastCheckboxes,
    StyledFormMixin,
    offer,
    offer_read_once,
    text_area,
)
from liso.once import OnceFormMixin
from networks.editing import VersionCheckMixin, VersionedForm
from networks.models import Membership

MAX_FACILITATORS = 2  # one, or two for co-facilitatie


def _member_options(network_id: int, also=()):
    members = Membership.objects.filter(Q(network_id=network_id), Q(left_on=None) | Q(pk__in=also))
    return members.select_related("user").order_by("user__full_name")


# The current members as (id, name) options: the same query for every network without
# `also`, so it is compiled once (liso/compiled.py) and run with the network's id.
_current_member_options = CompiledOnce(
    lambda network_id: _member_options(network_id).values_list("pk", "user__full_name"),
    network_id=EXAMPLE_ID,
)


def choose_from_members(field, network, *, empty_label=None, also=()) -> None:
    """Offer the network's current members, by name, in a select or checkbox group; with
    `also`, those memberships too (already chosen, though they have left since). The
    options are read as (id, name) rows (liso.forms.offer); choosing still checks against
    the field's queryset."""
    field.queryset = _member_options(network.pk, also)
    field.label_from_instance = lambda membership: membership.user.full_name
    if empty_label is not None:
        field.empty_label = empty_label
    if also:
        offer(field, field.queryset.values_list("pk", "user__full_name"))
    else:
        offer_read_once(field, lambda: _current_member_options(network_id=network.pk))


class SessionForm(VersionedForm):
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitator(s)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Eén persoon, of twee bij co-facilitatie. Het mag elke keer iemand anders "
            "zijn (roulerende facilitator)."
        ),
    )

    class Meta:
        model = Session
        fields = [
            "theme",
            "date",
            "start_time",
            "planned_minutes",
            "phase",
            "venue",
            "place",
            "online_link",
            "facilitators",
            "capacity",
            "status",
        ]
        widgets = {"date": DATE, "start_time": TIME}

    DATE_RANGES = {"date": ranges.NEAR}
    # Where it is: any one of the three will do.
    CONDITIONS = dict.fromkeys(
        ["venue", "place", "online_link"], _("een van locatie, plaats of link is nodig")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choose_from_members(self.fields["facilitators"], self.network)
        self.fields["venue"].queryset = self.network.venues.all()
        # Calling a session off has its own button (it tells the people who come), and a
        # cancelled session stays cancelled: people and calendars were told so.
        cancelled = self.instance.is_cancelled
        self.fields["status"].choices = [
            choice
            for choice in self.fields["status"].choices
            if (choice[0] == Session.Status.AFGELAST) == cancelled
        ]

    def clean_facilitators(self):
        chosen = self.cleaned_data["facilitators"]
        if len(chosen) > MAX_FACILITATORS:
            raise forms.ValidationError(_("Kies één of twee facilitatoren."))
        return chosen

    def clean_planned_minutes(self):
        minutes = self.cleaned_data["planned_minutes"]
        if not 30 <= minutes <= 600:
            raise forms.ValidationError(_("Kies een duur tussen 30 minuten en 10 uur."))
        return minutes

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("venue") or cleaned.get("place") or cleaned.get("online_link")):
            self.add_error(
                "place",
                _(
                    "Waar is de bijeenkomst? Kies een locatie, vul een plaats "
                    "in of geef een link om online mee te doen."
                ),
            )
        return cleaned

    def save(self, commit=True):
        # Calendars that hold the session update it when what they show has changed.
        if self.instance.pk and set(self.changed_data) & Session.CALENDAR_FIELDS:
            self.instance.sequence += 1
        return super().save(commit)


class AnswerForm(forms.Form):
    """A member's answer to a session."""

    # In the member's own voice; the planner's overview says "Komt", "Komt niet".
    answer = forms.ChoiceField(
        choices=[
            (Registration.Answer.KOMT, _("Ik kom")),
            (Registration.Answer.MISSCHIEN, _("Misschien")),
            (Registration.Answer.KOMT_NIET, _("Ik kan niet")),
        ]
    )
    note = forms.CharField(required=False, max_length=300)


# A guest line: a name, then the address between angle brackets ("Naam <adres>").
GUEST_LINE = re.compile(r"^(?P<name>[^<>]+?)\s*<(?P<email>[^<>\s]+)>$")
MAX_GUESTS = 50


class InvitationForm(StyledFormMixin, forms.Form):
    """Whom a session's invitation goes to: whole groups, members chosen one by one and
    guests from outside the network; together, each person once."""

    ring = forms.MultipleChoiceField(
        label=_("Groepen"),
        choices=Membership.Ring.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Leden apart kiezen"),
        queryset=Membership.objects.none(),
        widget=FastCheckboxes,
        required=False,
        help_text=_("Ook naast een groep: wie in beide staat, krijgt één uitnodiging."),
    )
    guests = forms.CharField(
        label=_("Gasten van buiten het netwerk"),
        widget=text_area(3),
        required=False,
        help_text=_(
            "Eén gast per regel: de naam en dan het e-mailadres tussen punthaken, zo: "
            "Sanne de Vries <sanne@example.org>. Een gast krijgt dezelfde uitnodiging met de "
            "bijlage voor de agenda, en laat weten of hij of zij komt door de mail te "
            "beantwoorden; dat antwoord komt bij jou."
        ),
    )
    mark_optional = False

    def __init__(self, *args, network, **kwargs):
        kwargs.setdefault("initial", {"ring": [Membership.Ring.KERNTEAM]})
        super().__init__(*args, **kwargs)
        choose_from_members(self.fields["members"], network)

    def clean_guests(self) -> list[tuple[str, str]]:
        """The guests as (name, address), each address once; every line that cannot be
        read is named in the message."""
        found, problems = {}, []
        lines = [line.strip() for line in self.cleaned_data["guests"].splitlines()]
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            match = GUEST_LINE.match(line)
            email = match["email"].lower() if match else ""
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    _(
                        "Regel %(n)s (“%(line)s”) kunnen we niet lezen: schrijf de naam en dan "
                        "het e-mailadres tussen punthaken, zo: Sanne de Vries "
                        "<sanne@example.org>."
                    )
                    % {"n": number, "line": line[:80]}
                )
                continue
            name = match["name"].strip()[: SessionGuest._meta.get_field("name").max_length]
            found.setdefault(email, name)
        if problems:
            raise ValidationError(problems)
        if len(found) > MAX_GUESTS:
            raise ValidationError(_("Nodig hooguit %(n)s gasten tegelijk uit.") % {"n": MAX_GUESTS})
        return [(name, email) for email, name in found.items()]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (
            cleaned.get("ring") or cleaned.get("members") or cleaned.get("guests")
        ):
            raise ValidationError(
                _(
                    "Er is niemand uitgenodigd: kies een groep, leden of gasten van buiten "
                    "het netwerk."
                )
            )
        return cleaned


class TaskForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = PreparationTask
        fields = ["title", "due_on", "assignee", "explanation"]
        widgets = {"due_on": DATE, "explanation": forms.Textarea(attrs={"rows": 3})}

    DATE_RANGES = {"due_on": ranges.NEAR}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        choose_from_members(self.fields["assignee"], network, empty_label=_("(nog niemand)"))


class ActionPointForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = ActionPoint
        fields = ["what", "owner", "due_on"]
        widgets = {"due_on": DATE}

    DATE_RANGES = {"due_on": ranges.NEAR}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        choose_from_members(self.fields["owner"], network, empty_label=_("(nog niemand)"))


class PhotoForm(StyledFormMixin, OnceFormMixin, forms.ModelForm):
    """A photo of a flip-over or a drawing (JPEG, PNG, WebP) or a PDF, within the size
    limit. The content decides, not the name: a renamed file is refused; what is kept is
    the file as liso/uploads.py rewrites it."""

    class Meta:
        model = SessionPhoto
        fields = ["file", "caption"]
        labels = {"file": _("Foto of pdf")}
        help_texts = {"caption": _("Bijvoorbeeld: de flap met de ideeën voor experimenten.")}
        widgets = {
            "file": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Een foto (jpg, png of webp) of een pdf, hoogstens %(limit)s MB."
        ) % {"limit": uploads.limit_mb()}

    def clean_file(self):
        stored, self.content_type = uploads.kept(
            self.cleaned_data["file"],
            pdf_allowed=True,
            refusal=_(
                "Dit bestand kunnen we niet bewaren. Kies een foto (jpg, png of webp) of een pdf."
            ),
        )
        return stored

    def save(self, commit=True):
        photo = super().save(commit=False)
        photo.content_type, photo.size = self.content_type, photo.file.size
        if commit:
            photo.save()
        return photo


class SessionReportForm(VersionedForm):
    class Meta:
        model = SessionReport
        fields = ["minutes", "lessons"]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 14}),
            "lessons": forms.Textarea(attrs={"rows": 6}),
        }


class PreparationStepForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = NetworkPreparationStep
        fields = ["title", "weeks", "role", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "weeks": _("Bijvoorbeeld -4: vier weken vóór de bijeenkomst; 1: een week erna.")
        }

    def clean_weeks(self):
        weeks = self.cleaned_data["weeks"]
        if not -26 <= weeks <= 12:
            raise forms.ValidationError(_("Kies tussen 26 weken ervoor en 12 weken erna."))
        return weeks


class BlockForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = DraaiboekBlock
        fields = ["title", "minutes", "responsible", "materials", "notes"]
        widgets = {
            "materials": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        choose_from_members(self.fields["responsible"], network, empty_label=_("(nog niemand)"))

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if not 1 <= minutes <= 480:
            raise forms.ValidationError(_("Kies een duur van 1 tot 480 minuten."))
        return minutes
