"""The sessions part of the test world: one planned session with its preparation tasks."""

import io
from datetime import date, time, timedelta

from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfWriter

from bijeenkomsten import services
from bijeenkomsten.models import (
    ActionPoint,
    DraaiboekBlock,
    Registration,
    Session,
    SessionGuest,
    SessionPhoto,
)
from liso.method import Role
from werkvormen.models import Werkvorm


def build_sessions(network, members: dict) -> dict:
    """A session ten weeks ahead with its tasks; one task is the deelnemer's own."""
    session = Session.objects.create(
        network=network,
        theme="Experimenten kiezen",
        date=date.today() + timedelta(weeks=10),
        start_time=time(13, 30),
        place="Stadhuis",
        version=1,
    )
    services.tasks_generate(session=session)
    task = session.tasks.order_by("pk").first()
    task.assignee = members[Role.DEELNEMER]
    task.save(update_fields=["assignee"])
    block = DraaiboekBlock.objects.create(
        session=session, kind="welkom", title="Welkom", minutes=15
    )
    step = network.preparation_steps.order_by("pk").first()
    action = ActionPoint.objects.create(
        session=session, what="Zaal vastleggen", owner=members[Role.DEELNEMER]
    )
    photo = SessionPhoto(session=session, caption="De flap", content_type="image/png")
    photo.file.save("flap.png", ContentFile(png_bytes()), save=False)
    photo.size = photo.file.size
    photo.save()
    return {
        "<session>": session.pk,
        "<task>": task.pk,
        "<block>": block.pk,
        "<step>": step.pk,
        "<action>": action.pk,
        "<photo>": photo.pk,
    }


def png_bytes(size: tuple[int, int] = (4, 3)) -> bytes:
    """A small real PNG, as a phone photo of a flip-over would be (only smaller)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 108, 128)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    """A small real PDF of blank A4 pages, as a scan would be (only emptier)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def grow_sessions(network, n: int = 30) -> None:
    """Many sessions, past and future, each with its tasks and action points; a draaiboek
    of 40 blocks and an answer from every member for the world's session: the large
    network."""
    first = network.sessions.order_by("pk").first()
    werkvormen = list(Werkvorm.objects.all()[:5])
    DraaiboekBlock.objects.bulk_create(
        DraaiboekBlock(
            session=first,
            position=i + 1,
            kind="werkvorm",
            title=f"Blok {i}",
            minutes=5,
            werkvorm=werkvormen[i % len(werkvormen)] if werkvormen else None,
        )
        for i in range(39)
    )
    answers = Registration.Answer.values
    Registration.objects.bulk_create(
        Registration(
            session=first,
            membership=membership,
            answer=answers[i % len(answers)],
            note="Ik kom wat later" if i % 3 else "",
        )
        for i, membership in enumerate(network.memberships.filter(left_on__isnull=True))
    )
    SessionGuest.objects.bulk_create(
        SessionGuest(session=first, name=f"Gast {i}", email=f"gast{i}@example.org")
        for i in range(5)
    )
    for i in range(n):
        session = Session.objects.create(
            network=network,
            theme=f"Bijeenkomst {i}",
            place="Zaal",
            date=date.today() + timedelta(weeks=6 * (i - n // 2)),
            start_time=time(13, 30),
        )
        services.tasks_generate(session=session)
        ActionPoint.objects.bulk_create(
            ActionPoint(
                network=network,
                session=session,
                agreed_on=session.date,
                what=f"Actie {i}.{n}",
                owner=membership,
            )
            for n, membership in enumerate(network.memberships.all()[:2])
        )
