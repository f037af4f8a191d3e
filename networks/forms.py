from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liso import method, once, ranges
from liso.compiled import EXAMPLE_ID, CompiledOnce
from liso.forms import NewAccountForm, StyledFormMixin, offer_read_once
from liso.models import User
from liso.once import OnceFormMixin
from networks.editing import VersionCheckMixin
from networks.models import (
    OPEN_INVITATION,
    ChecklistItem,
    Invitation,
    Membership,
    Network,
    Organisation,
    Suitability,
)

NETWORK_FIELDS = [
    "name",
    "vraagstuk",
    "why_network",
    "level",
    "start_date",
    "planned_years",
    "rhythm",
    "public_private",
    "core_values",
    "reason",
    "goals",
]
NETWORK_LABELS = {
    "name": _("Naam van het netwerk"),
    "vraagstuk": _("Het vraagstuk"),
    "why_network": _("Waarom een leernetwerk?"),
    "public_private": _("Er doen ook commerciële partijen mee (publiek-privaat)"),
}
NETWORK_HELP = {
    "vraagstuk": _("Beschrijf in een paar zinnen het maatschappelijke vraagstuk."),
    "why_network": _("Waarom past een leernetwerk beter dan een project of een werkgroep?"),
    "planned_years": _("De methode raadt minstens drie jaar aan."),
    "rhythm": _("De methode raadt minstens één bijeenkomst per kwartaal aan."),
    "core_values": _("Waar staan jullie voor? Deze waarden komen elke bijeenkomst terug."),
    "reason": _("Wat was de aanleiding om te beginnen?"),
    "goals": _("Wat willen jullie samen bereiken?"),
}
NETWORK_WIDGETS = {
    "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    "vraagstuk": forms.Textarea(attrs={"rows": 4}),
    "why_network": forms.Textarea(attrs={"rows": 3}),
    "core_values": forms.Textarea(attrs={"rows": 3}),
    "reason": forms.Textarea(attrs={"rows": 3}),
    "goals": forms.Textarea(attrs={"rows": 3}),
}


# The organisations a person may pick, as (id, name) options: one shape for everyone, so
# compiled once (liso/compiled.py) and run with the person's id.
_known_options = CompiledOnce(
    lambda user_id: Organisation.objects.known_to(user_id).values_list("pk", "name"),
    user_id=EXAMPLE_ID,
)


def choose_from_known_organisations(field, user) -> None:
    """Offer the organisations of the person's networks (`Organisation.known_to`), by
    name; choosing still checks against the field's queryset."""
    field.queryset = Organisation.objects.known_to(user)
    offer_read_once(field, lambda: _known_options(user_id=user.pk))


class NetworkForm(StyledFormMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = Network
        fields = NETWORK_FIELDS
        labels = NETWORK_LABELS
        help_texts = NETWORK_HELP
        widgets = NETWORK_WIDGETS

    def clean_planned_years(self):
        years = self.cleaned_data["planned_years"]
        if not 1 <= years <= 20:
            raise forms.ValidationError(_("Kies een looptijd van 1 tot 20 jaar."))
        return years


class NetworkCreateForm(OnceFormMixin, NetworkForm):
    """A new network, after the suitability check, with the creator's own place in it."""

    criteria = forms.MultipleChoiceField(
        label=_("Welke kenmerken heeft het vraagstuk?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    go_on_anyway = forms.BooleanField(
        label=_("Ik weet het: ik wil toch een leernetwerk starten"), required=False
    )
    my_perspective = forms.ChoiceField(
        label=_("Jouw perspectief"), choices=method.Perspective.choices
    )
    my_organisation = forms.ModelChoiceField(
        label=_("Jouw organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("(geen of nog niet bekend)"),
    )
    my_new_organisation = forms.CharField(
        label=_("Of: je organisatie staat niet in de lijst"),
        required=False,
        max_length=150,
        help_text=_("Vul de naam in; de organisatie krijgt jouw perspectief."),
    )

    def __init__(self, *args, criteria: list[ChecklistItem], user, **kwargs):
        super().__init__(*args, **kwargs)
        choose_from_known_organisations(self.fields["my_organisation"], user)
        self.criteria_items = criteria
        self.fields["criteria"].choices = [(item.code, item.question) for item in criteria]

    def criteria_options(self):
        """Each criterion's checkbox with its checklist item, for the explanation."""
        return list(zip(self["criteria"], self.criteria_items, strict=True))

    @property
    def suitability(self) -> Suitability:
        codes = self.cleaned_data.get("criteria", []) if hasattr(self, "cleaned_data") else []
        return Suitability.of(self.criteria_items, codes)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("my_new_organisation") and cleaned.get("my_organisation"):
            self.add_error("my_new_organisation", ONE_ORGANISATION)
        suitability = Suitability.of(self.criteria_items, cleaned.get("criteria", []))
        if cleaned.get("go_on_anyway"):
            return cleaned
        if suitability.stop:
            self.add_error(
                "go_on_anyway",
                _(
                    "Misschien pakt iemand anders dit vraagstuk al aan. Zoek dat eerst uit, "
                    "of vink aan dat je toch wilt doorgaan."
                ),
            )
        if suitability.advise_other_form:
            self.add_error(
                "go_on_anyway",
                _(
                    "Het vraagstuk heeft weinig kenmerken van een vraagstuk voor een "
                    "leernetwerk. Kijk of een projectgroep of een training beter past, of vink "
                    "aan dat je toch wilt doorgaan."
                ),
            )
        return cleaned


ONE_ORGANISATION = _("Kies een organisatie uit de lijst óf vul een nieuwe in, niet allebei.")


class OrganisationForm(StyledFormMixin, OnceFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "perspective", "kind"]
        labels = {"name": _("Naam van de organisatie")}


class MembershipFieldsMixin(forms.Form):
    """What an invitation and a membership share: roles, ring, perspective, organisation,
    hours."""

    roles = forms.MultipleChoiceField(
        label=_("Rol(len)"),
        choices=method.Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één rol.")},
    )

    # The member's roles this person may not give or take away: they stay as they are.
    kept_roles: list[str] = []

    def clean_roles(self):
        return sorted(set(self.cleaned_data["roles"]) | set(self.kept_roles))

    def limit_roles(self, grantable: list[str], kept: list[str] = ()) -> None:
        """Offer only the roles this person may grant (permissions.grantable_roles); the
        member's other roles are kept and named beside the choice."""
        self.fields["roles"].choices = [
            (code, label) for code, label in method.Role.choices if code in grantable
        ]
        self.kept_roles = list(kept)
        if self.kept_roles:
            self.fields["roles"].required = False
            names = ", ".join(str(method.Role(code).label).lower() for code in self.kept_roles)
            self.fields["roles"].help_text = _(
                "Blijft ook: %(roles)s. Dat kun jij niet geven of afnemen."
            ) % {"roles": names}

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours < 0 or hours > 40:
            raise forms.ValidationError(_("Vul een aantal uren tussen 0 en 40 in."))
        return hours


class InvitationForm(StyledFormMixin, MembershipFieldsMixin, OnceFormMixin, forms.ModelForm):
    new_organisation = forms.CharField(
        label=_("Of: een organisatie die nog niet in de lijst staat"),
        required=False,
        max_length=150,
        help_text=_("Vul de naam in; de organisatie krijgt het perspectief van deze persoon."),
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("Soort nieuwe organisatie"),
        choices=Organisation.Kind.choices,
        required=False,
        initial=Organisation.Kind.PUBLIEK,
    )

    field_order = [
        "full_name",
        "email",
        "roles",
        "ring",
        "perspective",
        "organisation",
        "new_organisation",
        "new_organisation_kind",
        "hours_per_week",
    ]

    class Meta:
        model = Invitation
        fields = [
            "full_name",
            "email",
            "roles",
            "ring",
            "perspective",
            "organisation",
            "hours_per_week",
        ]
        help_texts = {
            "ring": _("Het kernteam komt naar de bijeenkomsten; de tweede schil leest mee."),
            "hours_per_week": _(
                "Wat de methode aanraadt: deelnemer 4, trekker, "
                "procesbegeleider en verbindingsfunctionaris 8."
            ),
        }

    def __init__(self, *args, network, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        choose_from_known_organisations(self.fields["organisation"], user)

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if Membership.objects.filter(
            network=self.network, user__email__iexact=email, left_on__isnull=True
        ).exists():
            raise forms.ValidationError(_("Deze persoon is al lid van het netwerk."))
        if self.network.invitations.filter(
            email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ).exists():
            raise forms.ValidationError(OPEN_INVITATION)
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_organisation") and cleaned.get("organisation"):
            self.add_error("new_organisation", ONE_ORGANISATION)
        return cleaned

    def invitation_fields(self) -> dict:
        """The cleaned data that belongs on the invitation itself."""
        extra = {"new_organisation", "new_organisation_kind", once.FIELD}
        return {key: value for key, value in self.cleaned_data.items() if key not in extra}


class MembershipForm(StyledFormMixin, MembershipFieldsMixin, VersionCheckMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = [
            "roles",
            "ring",
            "perspective",
            "organisation",
            "hours_per_week",
            "support_needed",
            "compensation",
        ]
        widgets = {
            "support_needed": forms.Textarea(attrs={"rows": 2}),
            "compensation": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("roles", self.instance.role_codes() if self.instance.pk else [])
        # The organisations of one's own networks, and the member's own in any case.
        current = Q(pk=self.instance.organisation_id)
        known = Organisation.objects.known_to(user)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(pk__in=known.values("pk")) | current
        ).order_by("name")


class LeaveForm(StyledFormMixin, forms.Form):
    left_on = forms.DateField(
        label=_("Vertrokken op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    DATE_RANGES = {"left_on": ranges.PAST}

    def __init__(self, *args, joined_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.joined_on = joined_on

    def clean_left_on(self):
        left_on = self.cleaned_data["left_on"]
        if self.joined_on and left_on < self.joined_on:
            raise forms.ValidationError(_("Die dag ligt vóór de dag waarop het lid begon."))
        return left_on


class AcceptNewAccountForm(NewAccountForm):
    """For someone who has no account yet: their name and a password of their own, for
    the address the invitation was sent to."""

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def account_email(self) -> str:
        return self.email
