"""The draaiboek of a session: its blocks in order, their start times, the changes a
planner makes (each one checked against the version they saw), and the health check."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.models import DraaiboekBlock, Session
from werkvormen.models import Werkvorm

# Werkvormen the health check suggests by code (fixtures/werkvormen/).
OPENING = "verankeren"
CLOSING_REFLECTIONS = ("reflectie", "gelaagd-leren", "reflectieve-dialoog", "successen-delen")
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


# --- the health check ------------------------------------------------------------------------


@dataclass
class Finding:
    level: str  # "warning" or "advice"
    text: str
    link: str = ""
    link_text: str = ""


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


def health(session: Session, blocks: list[DraaiboekBlock]) -> Health:
    """What the method would say about this draaiboek: does it fit in the time, is there
    room for learning together, are the announcements at the end, does it open with the
    network's why and close with a reflection?"""
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
    if blocks and OPENING not in codes[:2]:
        findings.append(
            Finding(
                "advice",
                _(
                    "Open met de werkvorm Verankeren: herhaal kort het waarom van het netwerk, "
                    "zodat iedereen weet waar het om draait."
                ),
                reverse("werkvorm_detail", args=[OPENING]),
                _("Over Verankeren"),
            )
        )
    if blocks and not any(code in CLOSING_REFLECTIONS for code in codes[-2:]):
        findings.append(
            Finding(
                "advice",
                _(
                    "Sluit af met een reflectie: wat ging goed, en wat heb je nodig voor de "
                    "volgende stap?"
                ),
                reverse("werkvorm_detail", args=["reflectie"]),
                _("Over Reflectie"),
            )
        )
    return Health(total, session.planned_minutes, learning, findings)
