"""The draaiboek of a session: its blocks in order, their start times, the changes a
planner makes (each one checked against the version they saw), and the health check."""

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bijeenkomsten import registrations
from bijeenkomsten.models import DraaiboekBlock, Session
from liso.method import Stage
from networks.history import field_changes, record
from networks.models import Revision
from werkvormen.models import Werkvorm

# Werkvormen the health check suggests by code (fixtures/werkvormen/), per stage of the
# network as the public-private factsheet pairs them: a starting network opens by
# brainstorming on what it values and closes with a reflection; a running one opens by
# anchoring its why (Verankeren) and closes with a reflective dialogue.


@dataclass(frozen=True)
class Suggestion:
    code: str
    advice: str
    link_text: str


OPENINGS = {
    Stage.BIJ_START: Suggestion(
        "brainstormen",
        gettext_lazy(
            "Open met de werkvorm Brainstormen: in een netwerk dat net begint, maakt dat "
            "zichtbaar wat ieder belangrijk vindt, zodat jullie samen ontdekken wat jullie "
            "verbindt."
        ),
        gettext_lazy("Over Brainstormen"),
    ),
    Stage.LOPEND: Suggestion(
        "verankeren",
        gettext_lazy(
            "Open met de werkvorm Verankeren: herhaal kort het waarom van het netwerk, "
            "zodat iedereen weet waar het om draait."
        ),
        gettext_lazy("Over Verankeren"),
    ),
}
CLOSINGS = {
    Stage.BIJ_START: Suggestion(
        "reflectie",
        gettext_lazy(
            "Sluit af met een reflectie: wat ging goed, en wat heb je nodig voor de volgende stap?"
        ),
        gettext_lazy("Over Reflectie"),
    ),
    Stage.LOPEND: Suggestion(
        "reflectieve-dialoog",
        gettext_lazy(
            "Sluit af met een reflectieve dialoog: kijk samen terug op wat jullie leerden "
            "en wat dat zegt over de volgende stap."
        ),
        gettext_lazy("Over Reflectieve dialoog"),
    ),
}
CLOSING_REFLECTIONS = ("reflectie", "gelaagd-leren", "reflectieve-dialoog", "successen-delen")
MINUTES_MIN = 15  # the shortest session (Session.planned_minutes)
BLOCK_MINUTES_MAX = 480  # the longest block (DraaiboekBlock.minutes)
# Blocks the health check offers to fill the time left at the end: (kind, title).
GAP_FILLERS = (
    (DraaiboekBlock.Kind.ANDERS, gettext_lazy("Afsluiting")),
    (DraaiboekBlock.Kind.PAUZE, gettext_lazy("Vrije tijd om na te praten")),
)
STRUIKELBLOK = "overvolle-sessies"
# Below this share of learning time a session is mostly logistics.
LEARNING_SHARE_ADVICE = 0.6


class DraaiboekConflict(Exception):
    """Someone else changed the draaiboek after this person loaded it."""


@dataclass
class TimedBlock:
    block: DraaiboekBlock
    starts: datetime
    ends: datetime


def timed(session: Session, blocks) -> list[TimedBlock]:
    """Each block with its start and end, counted from the session's start in real time:
    the arithmetic happens in UTC, so a session across a daylight-saving change still
    lasts as long as its blocks (and shows the local clock times)."""
    zone = timezone.get_current_timezone()
    moment = session.starts_at.astimezone(UTC)
    result = []
    for block in blocks:
        end = moment + timedelta(minutes=block.minutes)
        result.append(TimedBlock(block, moment.astimezone(zone), end.astimezone(zone)))
        moment = end
    return result


def _claim(session: Session, seen_version: int) -> None:
    """Take the next draaiboek version, or raise when it moved since `seen_version`."""
    claimed = Session.objects.filter(pk=session.pk, draaiboek_version=seen_version).update(
        draaiboek_version=F("draaiboek_version") + 1
    )
    if not claimed:
        raise DraaiboekConflict
    session.draaiboek_version = seen_version + 1


def _renumber(blocks: list[DraaiboekBlock]) -> None:
    for position, block in enumerate(blocks):
        block.position = position
    DraaiboekBlock.objects.bulk_update(blocks, ["position"])


@transaction.atomic
def block_add(
    *,
    session: Session,
    seen_version: int,
    werkvorm: Werkvorm | None = None,
    kind: str = DraaiboekBlock.Kind.WERKVORM,
    title: str = "",
    minutes: int | None = None,
) -> DraaiboekBlock:
    """Add a block at the end: a library werkvorm (its name, shortest duration and
    materials) or a free block."""
    _claim(session, seen_version)
    last = session.blocks.order_by("-position").values_list("position", flat=True).first()
    if werkvorm is not None:
        return DraaiboekBlock.objects.create(
            session=session,
            position=(last or 0) + 1,
            kind=DraaiboekBlock.Kind.WERKVORM,
            werkvorm=werkvorm,
            title=werkvorm.name,
            minutes=minutes or werkvorm.duration_min,
            materials="\n".join(werkvorm.materials),
        )
    return DraaiboekBlock.objects.create(
        session=session,
        position=(last or 0) + 1,
        kind=kind,
        title=title or DraaiboekBlock.Kind(kind).label,
        minutes=minutes or 10,
    )


@transaction.atomic
def block_move(*, session: Session, seen_version: int, block_id: int, steps: int) -> None:
    """Move a block up (steps < 0) or down (steps > 0) in the order."""
    _claim(session, seen_version)
    blocks = list(session.blocks.all())
    index = next(i for i, block in enumerate(blocks) if block.pk == block_id)
    target = max(0, min(len(blocks) - 1, index + steps))
    blocks.insert(target, blocks.pop(index))
    _renumber(blocks)


@transaction.atomic
def blocks_reorder(*, session: Session, seen_version: int, order: list[int]) -> None:
    """Put the blocks in the given order (from dragging). The list must name each block
    of the session once."""
    blocks = {block.pk: block for block in session.blocks.all()}
    if sorted(order) != sorted(blocks):
        raise DraaiboekConflict  # the page showed other blocks than there are now
    _claim(session, seen_version)
    _renumber([blocks[pk] for pk in order])


@transaction.atomic
def blocks_copy(*, session: Session, seen_version: int, source: Session) -> int:
    """Add a copy of another session's blocks at the end (who leads each block stays, as
    long as that person is still a member). Returns how many were copied."""
    _claim(session, seen_version)
    last = session.blocks.order_by("-position").values_list("position", flat=True).first()
    start = (last or 0) + 1
    copies = [
        DraaiboekBlock(
            session=session,
            position=start + i,
            kind=block.kind,
            werkvorm_id=block.werkvorm_id,
            title=block.title,
            minutes=block.minutes,
            responsible=block.responsible
            if block.responsible and block.responsible.left_on is None
            else None,
            materials=block.materials,
            notes=block.notes,
        )
        for i, block in enumerate(source.blocks.select_related("responsible"))
    ]
    DraaiboekBlock.objects.bulk_create(copies)
    return len(copies)


@transaction.atomic
def block_delete(*, session: Session, seen_version: int, block_id: int) -> None:
    _claim(session, seen_version)
    session.blocks.filter(pk=block_id).delete()


@transaction.atomic
def block_save(*, session: Session, seen_version: int, form) -> None:
    _claim(session, seen_version)
    form.save()


@transaction.atomic
def session_end_with_programme(*, session: Session, seen_version: int, by, base_url: str) -> None:
    """Let the session end when its programme ends. It is a change of the session like
    any other: it shows in the history, and those invited get the new time for their
    calendar."""
    _claim(session, seen_version)
    total = sum(session.blocks.values_list("minutes", flat=True))
    if not MINUTES_MIN <= total < session.planned_minutes:
        raise ValueError("the programme does not end before the session")
    before = copy.copy(session)
    session.planned_minutes = total
    session.sequence += 1
    session.version += 1
    session.updated_by = by
    session.save(
        update_fields=["planned_minutes", "sequence", "version", "updated_at", "updated_by"]
    )
    record(
        network=session.network,
        instance=session,
        action=Revision.Action.CHANGED,
        changes=field_changes(before, session),
        by=by,
        version=session.version,
    )
    registrations.session_changed(
        session=session, calendar_changed=True, base_url=base_url, reply_to=by.email
    )


@dataclass
class Gap:
    """Time at the end of a session that its programme does not fill."""

    starts: datetime
    ends: datetime
    minutes: int


def gap_at_end(session: Session, timed_blocks: list[TimedBlock]) -> Gap | None:
    """The time between the end of the programme and the end of the session, if any."""
    if not timed_blocks:
        return None
    programme_end = timed_blocks[-1].ends
    minutes = session.planned_minutes - sum(item.block.minutes for item in timed_blocks)
    session_end = programme_end + timedelta(minutes=minutes)
    return Gap(programme_end, session_end, minutes) if minutes > 0 else None


def programme(session: Session, blocks) -> dict:
    """The timed programme as participants read it, with how it ends beside the session's
    own end: `gap` (time left without programme) or `over_minutes` (it runs over), so a
    programme and an end time never disagree without saying so."""
    items = timed(session, blocks)
    total = sum(item.block.minutes for item in items)
    return {
        "programme": items,
        "gap": gap_at_end(session, items),
        "over_minutes": max(0, total - session.planned_minutes) if items else 0,
    }


# --- the health check ------------------------------------------------------------------------


@dataclass
class Finding:
    level: str  # "warning" or "advice"
    text: str
    link: str = ""
    link_text: str = ""
    # Changes the planner can make right here: (button text, fields posted with it).
    actions: list[tuple[str, dict]] = field(default_factory=list)


@dataclass
class Health:
    total_minutes: int
    planned_minutes: int
    learning_minutes: int
    findings: list[Finding]

    @property
    def learning_percent(self) -> int:
        return round(100 * self.learning_minutes / self.total_minutes) if self.total_minutes else 0


def _struikelblok_link() -> str:
    return reverse("guide_struikelblok", args=[STRUIKELBLOK])


def _gap_finding(gap: Gap, total: int) -> Finding:
    """Unplanned time at the end, named, with the ways to settle it: end earlier, or make
    the time explicit with a block (also when the gap is deliberate)."""
    ends, session_ends = time_format(gap.starts, "H:i"), time_format(gap.ends, "H:i")
    text = _(
        "Het programma eindigt om %(ends)s, de bijeenkomst pas om %(session_ends)s: "
        "%(minutes)s minuten zonder programma aan het eind. Laat de bijeenkomst eerder "
        "eindigen, of zet in het programma wat er in die tijd gebeurt, ook als die vrij is."
    ) % {"ends": ends, "session_ends": session_ends, "minutes": gap.minutes}
    actions = []
    if total >= MINUTES_MIN:
        actions.append(
            (_("Bijeenkomst om %(ends)s laten eindigen") % {"ends": ends}, {"actie": "inkorten"})
        )
    minutes = min(gap.minutes, BLOCK_MINUTES_MAX)
    for kind, title in GAP_FILLERS:
        label = _("“%(title)s” toevoegen (%(minutes)s minuten)") % {
            "title": title,
            "minutes": minutes,
        }
        fields = {"actie": "vrij", "soort": kind, "titel": str(title), "minuten": minutes}
        actions.append((label, fields))
    return Finding("advice", text, actions=actions)


def health(session: Session, blocks: list[DraaiboekBlock]) -> Health:
    """What the method would say about this draaiboek: does it fit in the time (no more,
    and no unnamed time left at the end), is there room for learning together, are the
    announcements at the end, does it open and close with the werkvormen that suit the
    network's stage?"""
    total = sum(block.minutes for block in blocks)
    learning = sum(block.minutes for block in blocks if block.is_learning)
    findings = []
    overflow = _("Lees meer over overvolle sessies")
    if total > session.planned_minutes:
        findings.append(
            Finding(
                "warning",
                _(
                    "Het draaiboek duurt %(total)s minuten, %(over)s minuten langer dan de "
                    "geplande %(planned)s. Schrap of kort iets in: een te vol programma laat "
                    "geen ruimte om samen te leren."
                )
                % {
                    "total": total,
                    "over": total - session.planned_minutes,
                    "planned": session.planned_minutes,
                },
                _struikelblok_link(),
                overflow,
            )
        )
    if total and learning / total < LEARNING_SHARE_ADVICE:
        findings.append(
            Finding(
                "advice",
                _(
                    "Maar %(percent)s%% van de tijd gaat naar samen leren; de rest is welkom, "
                    "pauze en mededelingen. Kan een deel van de mededelingen per mail?"
                )
                % {"percent": round(100 * learning / total)},
                _struikelblok_link(),
                overflow,
            )
        )
    gap = gap_at_end(session, timed(session, blocks))
    if gap is not None:
        findings.append(_gap_finding(gap, total))
    kinds = [block.kind for block in blocks]
    if DraaiboekBlock.Kind.MEDEDELINGEN in kinds:
        first_news = kinds.index(DraaiboekBlock.Kind.MEDEDELINGEN)
        if DraaiboekBlock.Kind.WERKVORM in kinds[first_news + 1 :]:
            findings.append(
                Finding(
                    "advice",
                    _(
                        "Zet de mededelingen aan het eind. Dan begint de bijeenkomst met de inhoud "
                        "en loopt een uitloop niet ten koste van het leren."
                    ),
                )
            )
    codes = [block.werkvorm.lineage_code if block.werkvorm else "" for block in blocks]
    suggestions = []
    if blocks and not {s.code for s in OPENINGS.values()} & set(codes[:2]):
        suggestions.append(OPENINGS[session.network.stage])
    if blocks and not any(code in CLOSING_REFLECTIONS for code in codes[-2:]):
        suggestions.append(CLOSINGS[session.network.stage])
    findings += [
        Finding(
            "advice",
            str(s.advice),
            reverse("werkvorm_detail", args=[s.code]),
            str(s.link_text),
        )
        for s in suggestions
    ]
    return Health(total, session.planned_minutes, learning, findings)
