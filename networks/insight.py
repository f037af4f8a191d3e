"""Who is in the network and what is missing: perspective coverage and plain warnings."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from liso import method
from liso.compiled import EXAMPLE_ID, CompiledOnce
from networks.models import Membership, RoleProfile

KERNTEAM_MIN, KERNTEAM_MAX = 5, 20


@dataclass
class PerspectiveRow:
    perspective: method.Perspective
    kernteam: list = field(default_factory=list)
    tweede_schil: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.kernteam) + len(self.tweede_schil)

    @property
    def missing(self) -> bool:
        return not self.total


@dataclass
class Insight:
    members: list
    rows: list[PerspectiveRow]
    warnings: list[str]

    @property
    def kernteam_size(self) -> int:
        return sum(len(row.kernteam) for row in self.rows)


def _active(network_id: int, related: tuple[str, ...]):
    return (
        Membership.objects.with_roles()
        .filter(network_id=network_id, left_on__isnull=True)
        .select_related(*related)
        .order_by("user__full_name")
    )


# The member list and the overview read every member: the query is compiled once per
# shape (liso/compiled.py) and run with the network's id.
_ACTIVE = {  # with their organisation, or without
    True: CompiledOnce(
        lambda network_id: _active(network_id, ("user", "organisation")), network_id=EXAMPLE_ID
    ),
    False: CompiledOnce(lambda network_id: _active(network_id, ("user",)), network_id=EXAMPLE_ID),
}


def active_members(network, *, with_organisation: bool = True):
    """The current members, with what the pages show about them and their roles, in one
    query. The perspective overview does without their organisation: a model instance fewer
    per member."""
    members = _ACTIVE[with_organisation](network_id=network.pk)
    return [member.keep_role_list() for member in members]


def network_insight(network) -> Insight:
    members = active_members(network, with_organisation=False)
    rows = {p: PerspectiveRow(p) for p in method.Perspective}
    for member in members:
        row = rows[method.Perspective(member.perspective)]
        in_core = member.ring == Membership.Ring.KERNTEAM
        (row.kernteam if in_core else row.tweede_schil).append(member)
    insight = Insight(members, list(rows.values()), [])
    insight.warnings = _warnings(insight)
    return insight


def _warnings(insight: Insight) -> list[str]:
    warnings = [
        _("Het perspectief %(name)s ontbreekt nog. Wie kan het inbrengen?")
        % {"name": str(row.perspective.label).lower()}
        for row in insight.rows
        if row.missing
    ]
    size = insight.kernteam_size
    if size < KERNTEAM_MIN:
        warnings.append(
            ngettext(
                "Het kernteam heeft %(n)d lid; de methode raadt minstens 5 aan.",
                "Het kernteam heeft %(n)d leden; de methode raadt minstens 5 aan.",
                size,
            )
            % {"n": size}
        )
    elif size > KERNTEAM_MAX:
        warnings.append(
            _("Het kernteam heeft %(n)d leden; boven de 20 wordt samen leren lastig.") % {"n": size}
        )
    roles = {role for member in insight.members for role in member.role_codes()}
    if method.Role.PROCESBEGELEIDER not in roles:
        warnings.append(_("Er is nog geen procesbegeleider. Wie begeleidt de bijeenkomsten?"))
    warnings.extend(_hour_warnings(insight.members))
    return warnings


def _hour_warnings(members) -> list[str]:
    norms = {p.code: p.min_hours_per_week for p in RoleProfile.objects.all()}
    warnings = []
    for member in members:
        needed = max((norms.get(role, Decimal(0)) for role in member.role_codes()), default=0)
        if member.hours_per_week < needed:
            warnings.append(
                _(
                    "%(name)s heeft %(hours)s uur per week; voor %(roles)s raadt de methode "
                    "minstens %(needed)s uur aan."
                )
                % {
                    "name": member.user.full_name,
                    "hours": floatformat(member.hours_per_week, -1),
                    "roles": ", ".join(str(label).lower() for label in member.role_labels()),
                    "needed": floatformat(needed, -1),
                }
            )
    return warnings
