from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from liso import method, ranges
from liso.sources import Sourced


class VersionChecked(models.Model):
    """Something several people may edit in a form. Each save raises `version`, so a save
    from a copy that someone else changed in between is told, never silently written over
    it (networks/editing.py, `save_form`; `Versioned` adds a history)."""

    version = models.PositiveIntegerField(default=0, editable=False)

    # Fields a comparison of two versions leaves out (bookkeeping, not content).
    HISTORY_SKIPS = {"id", "version", "network"}

    class Meta:
        abstract = True


class RoleProfile(Sourced):
    """What the method says about a role: its tasks and the hours it takes (reference)."""

    code = models.CharField(_("rol"), max_length=30, choices=method.Role.choices, unique=True)
    summary = models.CharField(_("samenvatting"), max_length=300)
    tasks = models.JSONField(_("taken"), default=list)
    min_hours_per_week = models.DecimalField(
        _("minimaal uren per week"), max_digits=4, decimal_places=1
    )
    hours_note = models.CharField(_("toelichting uren"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("rolprofiel")
        verbose_name_plural = _("rolprofielen")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class PerspectiveProfile(Sourced):
    """Why the method wants a perspective at the table (reference content)."""

    code = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices, unique=True
    )
    summary = models.CharField(_("samenvatting"), max_length=300)
    why = models.TextField(_("waarom dit perspectief"))
    examples = models.JSONField(_("voorbeelden"), default=list)
    order = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("perspectief")
        verbose_name_plural = _("perspectieven")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class ChecklistItem(Sourced):
    """A question on one of the method's checklists: is the issue suited to a learning
    network (start), and is what the network achieved anchored (afsluiting)."""

    class Checklist(models.TextChoices):
        START = "start", _("Past een leernetwerk? (start)")
        AFSLUITING = "afsluiting", _("Borging bij het afsluiten")

    checklist = models.CharField(_("lijst"), max_length=20, choices=Checklist.choices)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    question = models.CharField(_("vraag"), max_length=300)
    explanation = models.TextField(_("toelichting"))

    class Meta:
        verbose_name = _("checklistvraag")
        verbose_name_plural = _("checklistvragen")
        ordering = ["checklist", "order"]

    def __str__(self):
        return self.question


# The start criterion that is no point to score: when someone else already tackles the
# issue, that is a reason to stop and look (who are they, can we join them?), whatever
# the other criteria say.
STOP_AND_LOOK = "nog-niet-aangepakt"
# Below this many of the criteria that count, the product advises another form of working.
SUITABLE_FROM = 3


@dataclass(frozen=True)
class Suitability:
    """The suitability check as the method weighs it: the criteria that count, those
    the issue has, and whether nobody else is known to tackle it already."""

    scored: list[ChecklistItem]
    met: list[ChecklistItem]
    stop_item: ChecklistItem | None
    # The stop-and-look criterion is not ticked: someone else may already tackle this.
    stop: bool

    @classmethod
    def of(cls, criteria: list[ChecklistItem], codes) -> "Suitability":
        codes = set(codes)
        scored = [item for item in criteria if item.code != STOP_AND_LOOK]
        stop_item = next((item for item in criteria if item.code == STOP_AND_LOOK), None)
        return cls(
            scored=scored,
            met=[item for item in scored if item.code in codes],
            stop_item=stop_item,
            stop=stop_item is not None and stop_item.code not in codes,
        )

    @property
    def advise_other_form(self) -> bool:
        return len(self.met) < SUITABLE_FROM


class OrganisationQuerySet(models.QuerySet):
    def known_to(self, user) -> "OrganisationQuerySet":
        """The organisations someone may see in a list: those of the people and the
        invitations in the networks they are in. One network does not learn which
        organisations another works with."""
        networks = Network.objects.of_user(user)
        invited = Invitation.objects.filter(network__in=networks).values("organisation")
        return self.filter(Q(memberships__network__in=networks) | Q(pk__in=invited)).distinct()


class Organisation(models.Model):
    """A member organisation, shared by all networks of an install (its name is unique);
    a person sees only those of their own networks (`known_to`)."""

    class Kind(models.TextChoices):
        PUBLIEK = "publiek", _("Publiek")
        PRIVAAT = "privaat", _("Privaat")

    name = models.CharField(_("naam"), max_length=150)
    perspective = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.PUBLIEK)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique_ignoring_case",
                violation_error_message=_("Er is al een organisatie met deze naam."),
            )
        ]

    def __str__(self):
        return self.name


class NetworkQuerySet(models.QuerySet):
    def of_user(self, user) -> "NetworkQuerySet":
        """The networks someone is a current member of."""
        return self.filter(memberships__user=user, memberships__left_on__isnull=True)


class Network(VersionChecked):
    """A leernetwerk: people from several perspectives working on one vraagstuk for years."""

    class Status(models.TextChoices):
        VERKENNING = "verkenning", _("Verkenning")
        OPSTART = "opstart", _("Opstart")
        LOPEND = "lopend", _("Lopend")
        AFGEROND = "afgerond", _("Afgerond")
        GESTOPT = "gestopt", _("Gestopt")

    class Level(models.TextChoices):
        ORGANISATIE = "organisatie", _("Binnen één organisatie")
        GEMEENTEN = "gemeenten", _("Tussen gemeenten")
        WIJK = "wijk", _("Wijk")
        REGIO = "regio", _("Regionaal")
        LANDELIJK = "landelijk", _("Landelijk")

    class Rhythm(models.TextChoices):
        MAANDELIJKS = "maandelijks", _("Elke maand")
        ZESWEKELIJKS = "zeswekelijks", _("Elke zes weken")
        KWARTAAL = "kwartaal", _("Elk kwartaal")
        HALFJAARLIJKS = "halfjaarlijks", _("Elk half jaar")

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("adres"), max_length=80, unique=True)
    vraagstuk = models.TextField(_("vraagstuk"))
    why_network = models.TextField(_("waarom een leernetwerk"))
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    start_date = models.DateField(_("startdatum"))
    planned_years = models.PositiveSmallIntegerField(
        _("geplande looptijd (jaren)"), default=3, validators=ranges.between(1, 20)
    )
    rhythm = models.CharField(
        _("ritme van bijeenkomsten"), max_length=20, choices=Rhythm.choices, default=Rhythm.KWARTAAL
    )
    public_private = models.BooleanField(_("publiek-privaat"), default=False)
    core_values = models.TextField(_("kernwaarden"), blank=True)
    reason = models.TextField(_("aanleiding"), blank=True)
    goals = models.TextField(_("doelen"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VERKENNING
    )
    current_phase = models.PositiveSmallIntegerField(
        _("huidige fase"), choices=method.Phase.choices, null=True, blank=True
    )
    suitability = models.JSONField(
        _("criteria waaraan het vraagstuk voldoet"), default=list, blank=True
    )
    archived_at = models.DateTimeField(_("gearchiveerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("leernetwerk")
        verbose_name_plural = _("leernetwerken")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def status_label(self) -> str:
        """The status as members should read it: an archived network says so, whatever
        its status was (a closed one says afgerond or gestopt)."""
        if self.is_archived and not self.is_closed:
            return str(_("Gearchiveerd"))
        return self.get_status_display()

    @property
    def is_closed(self) -> bool:
        """Closed through the afsluiting (and so archived): reopening goes that way too."""
        return self.status in {self.Status.AFGEROND, self.Status.GESTOPT}

    @property
    def stage(self) -> str:
        """Whether werkvormen for a starting or for a running network suit it now."""
        starting = {self.Status.VERKENNING, self.Status.OPSTART}
        return method.Stage.BIJ_START if self.status in starting else method.Stage.LOPEND


ROLE_SEPARATOR = ","
ROLE_LABELS = dict(method.Role.choices)


class MembershipQuerySet(models.QuerySet):
    def with_roles(self) -> "MembershipQuerySet":
        """Each membership's roles as one text (`role_list`), read in the same query where
        `prefetch_related("roles")` makes a second; `Membership.keep_role_list()` keeps
        them for `role_codes()` and `role_labels()`."""
        roles = (
            MembershipRole.objects.filter(membership=OuterRef("pk"))
            .values("membership")
            .annotate(codes=StringAgg("role", Value(ROLE_SEPARATOR)))
            .values("codes")
        )
        return self.annotate(role_list=Subquery(roles))


class Membership(VersionChecked):
    """Someone's place in a network. Leaving sets `left_on`; nothing is deleted, so the
    history stays and turnover can be measured."""

    class Ring(models.TextChoices):
        KERNTEAM = "kernteam", _("Kernteam")
        TWEEDE_SCHIL = "tweede-schil", _("Tweede schil")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisatie"),
    )
    perspective = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices
    )
    ring = models.CharField(_("ring"), max_length=20, choices=Ring.choices, default=Ring.KERNTEAM)
    hours_per_week = models.DecimalField(
        _("uren per week"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=ranges.HOURS_PER_WEEK,
    )
    joined_on = models.DateField(_("lid sinds"))
    left_on = models.DateField(_("vertrokken op"), null=True, blank=True)
    support_needed = models.TextField(
        _("praktische ondersteuning nodig"),
        blank=True,
        help_text=_("Bijvoorbeeld vervoer, een laptop of hulp bij het lezen van stukken."),
    )
    compensation = models.TextField(
        _("afgesproken vergoeding"),
        blank=True,
        help_text=_("Voor ervaringsdeskundigen: wat is er afgesproken over een vergoeding?"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="one_membership_per_network")
        ]

    def __str__(self):
        return f"{self.user} in {self.network}"

    @property
    def is_active(self) -> bool:
        return self.left_on is None

    def keep_role_list(self) -> "Membership":
        """Keep the roles of `with_roles()`'s `role_list`, in the method's order of roles
        (SQLite cannot order inside an aggregate)."""
        codes = set(self.role_list.split(ROLE_SEPARATOR)) if self.role_list else set()
        self.set_roles_read([role for role in method.Role.values if role in codes])
        return self

    def set_roles_read(self, codes: list[str]) -> None:
        """Keep roles read along with the membership: `role_codes()` and `role_labels()`
        answer from them without a query. (A faked prefetch of `roles` did the same at
        about 15 µs a member: a related manager, a queryset and an instance per role.)"""
        self._roles_read = codes

    def role_codes(self) -> list[str]:
        if hasattr(self, "_roles_read"):
            return list(self._roles_read)
        return [role.role for role in self.roles.all()]

    def role_labels(self) -> list[str]:
        return [ROLE_LABELS.get(code, code) for code in self.role_codes()]


class PastPeriod(models.Model):
    """An earlier stretch of membership of someone who left and later came back, so that
    rejoining keeps the history that turnover is measured from."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="past_periods"
    )
    joined_on = models.DateField(_("lid sinds"))
    left_on = models.DateField(_("vertrokken op"))

    class Meta:
        verbose_name = _("eerdere periode")
        verbose_name_plural = _("eerdere periodes")
        ordering = ["joined_on"]

    def __str__(self):
        return f"{self.membership}: {self.joined_on} – {self.left_on}"


class MembershipRole(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("rol"), max_length=30, choices=method.Role.choices)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(fields=["membership", "role"], name="role_once_per_membership")
        ]

    def __str__(self):
        return self.get_role_display()


OPEN_INVITATION = _(
    "Deze persoon heeft al een open uitnodiging. Stuur die opnieuw als dat nodig is."
)


class Invitation(models.Model):
    """An invitation by e-mail to join a network with the given role(s). The link holds a
    random token; only its hash is stored, it works once and expires."""

    VALID_DAYS = 14

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    full_name = models.CharField(_("naam"), max_length=150)
    roles = models.JSONField(_("rollen"), default=list)
    ring = models.CharField(
        _("ring"), max_length=20, choices=Membership.Ring.choices, default=Membership.Ring.KERNTEAM
    )
    perspective = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    hours_per_week = models.DecimalField(
        _("uren per week"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=ranges.HOURS_PER_WEEK,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd op"))
    expires_at = models.DateTimeField(_("verloopt op"))
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per address: a second would mean a second mail and
            # two links. An expired one still counts (it is sent again, not replaced).
            models.UniqueConstraint(
                "network",
                Lower("email"),
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
                violation_error_message=OPEN_INVITATION,
            )
        ]

    def __str__(self):
        return f"{self.email} voor {self.network}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None

    def role_labels(self) -> list[str]:
        return [str(method.Role(role).label) for role in self.roles]


class Versioned(VersionChecked):
    """Something a network writes together and edits over time. Each save raises
    `version` and leaves a `Revision` (networks/history.py), so the history shows who
    changed what, and a save from an outdated copy is told instead of overwriting."""

    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("laatst gewijzigd door"),
    )

    # Fields that the history leaves out (bookkeeping, not content).
    HISTORY_SKIPS = VersionChecked.HISTORY_SKIPS | {"updated_at", "updated_by"}
    # A kind whose history only some may read names that permission (notes about people).
    HISTORY_PERMISSION = ""
    # A kind that holds personal notes: deleting an item also empties its history (AVG).
    HISTORY_ERASED_WITH_ITEM = False

    class Meta:
        abstract = True


class Revision(models.Model):
    """One save of a `Versioned` document or item: who, when, and which fields changed
    (old and new text), so the history reads like a changelog."""

    class Action(models.TextChoices):
        CREATED = "aangemaakt", _("aangemaakt")
        CHANGED = "gewijzigd", _("gewijzigd")
        DELETED = "verwijderd", _("verwijderd")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="revisions")
    object_type = models.CharField(max_length=60)  # the model's verbose name, as shown
    object_key = models.CharField(max_length=80)  # "<model>:<pk>", to show one item's history
    object_label = models.CharField(max_length=250)
    action = models.CharField(max_length=12, choices=Action.choices)
    version = models.PositiveIntegerField()
    changes = models.JSONField(default=list)  # [{"field", "label", "old", "new"}]
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["network", "object_key"])]

    def __str__(self):
        return f"{self.object_label} {self.action}"
