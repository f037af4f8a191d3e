"""The network's organogram as SVG geometry, computed from the memberships: the network at
the top, the people who lead and support it below, then one box per organisation with its
members (kernteam and tweede schil told apart). The template only draws what this returns,
so the same picture serves the page and, later, a report."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from liso import method
from networks.models import Membership

WIDTH = 720
MARGIN = 16
GAP = 16
COLUMNS = 2
HEADER = 40  # an organisation box's title band
LINE = 22  # one member line
PADDING = 12
CHARS_PER_LINE = 40  # at 14px in a box half the width wide
LEAD_ROLES = (
    method.Role.TREKKER,
    method.Role.PROCESBEGELEIDER,
    method.Role.PROJECTASSISTENT,
    method.Role.COMMUNICATIEADVISEUR,
)


def _fit(text: str, limit: int = CHARS_PER_LINE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Line:
    text: str
    y: int
    outer: bool  # tweede schil


@dataclass
class Box:
    x: int
    y: int
    width: int
    height: int
    title: str
    note: str = ""
    lines: list[Line] = field(default_factory=list)
    lead: bool = False

    @property
    def centre(self) -> int:
        return self.x + self.width // 2

    @property
    def title_y(self) -> int:
        return self.y + 26


@dataclass
class Organogram:
    height: int
    boxes: list[Box]
    connectors: list[str]  # SVG path data

    @property
    def width(self) -> int:
        return WIDTH


def _member_line(membership: Membership) -> str:
    roles = ", ".join(str(method.Role(code).label).lower() for code in membership.role_codes())
    return _fit(f"{membership.user.full_name} · {roles}")


def _grid(items: list, top: int, heights) -> tuple[list[tuple[int, int, int]], int]:
    """Place items in rows of COLUMNS; returns (x, y, width) per item and the bottom."""
    width = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
    places, y = [], top
    for start in range(0, len(items), COLUMNS):
        row = items[start : start + COLUMNS]
        for column, _item in enumerate(row):
            places.append((MARGIN + column * (width + GAP), y, width))
        y += max(heights(item) for item in row) + GAP
    return places, y


def organogram(network, members: list[Membership], penvoerder_id: int | None) -> Organogram:
    boxes, connectors = [], []
    top = Box(WIDTH // 2 - 180, MARGIN, 360, 52, _fit(network.name, 40), lead=True)
    boxes.append(top)
    y = top.y + top.height + 40

    leads = [m for m in members if set(m.role_codes()) & set(LEAD_ROLES)]
    if leads:
        places, bottom = _grid(leads, y, lambda m: 58)
        for membership, (x, box_y, width) in zip(leads, places, strict=True):
            roles = [str(method.Role(c).label) for c in membership.role_codes() if c in LEAD_ROLES]
            boxes.append(
                Box(
                    x,
                    box_y,
                    width,
                    58,
                    _fit(membership.user.full_name),
                    note=_fit(", ".join(roles)),
                    lead=True,
                )
            )
        y = bottom + 24

    groups: dict[str, list[Membership]] = {}
    for membership in members:
        name = membership.organisation.name if membership.organisation else _("Zonder organisatie")
        groups.setdefault(name, []).append(membership)
    penvoerder_name = next(
        (
            m.organisation.name
            for m in members
            if penvoerder_id and m.organisation_id == penvoerder_id
        ),
        None,
    )

    def header(name):  # the penvoerder's box says so under its name
        return HEADER + (18 if name == penvoerder_name else 0)

    def height(name):
        return header(name) + LINE * len(groups[name]) + PADDING

    names = list(groups)
    places, bottom = _grid(names, y, height)
    bus_y = y - 12
    for name, (x, box_y, width) in zip(names, places, strict=True):
        box = Box(
            x,
            box_y,
            width,
            height(name),
            _fit(name, 36),
            note=_("penvoerder") if name == penvoerder_name else "",
        )
        box.lines = [
            Line(
                _member_line(m),
                box_y + header(name) + 15 + i * LINE,
                m.ring == Membership.Ring.TWEEDE_SCHIL,
            )
            for i, m in enumerate(groups[name])
        ]
        boxes.append(box)
        if box_y == y:  # the first row hangs from the bus line
            connectors.append(f"M{box.centre} {bus_y} V{box_y}")
    if names:
        first_row = [b for b in boxes if b.y == y]
        left, right = first_row[0].centre, first_row[-1].centre
        connectors.append(f"M{top.centre} {top.y + top.height} V{bus_y}")
        connectors.append(f"M{min(left, top.centre)} {bus_y} H{max(right, top.centre)}")
    return Organogram(height=max(bottom, y) + 40, boxes=boxes, connectors=connectors)
