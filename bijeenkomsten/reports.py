"""The session's documents as PDF: the draaiboek for the facilitators, the invitation
with the programme for the participants, and the sessieverslag afterwards."""

import base64

from django.utils.text import slugify

from bijeenkomsten import draaiboek
from bijeenkomsten.models import Session, SessionReport
from liso.pdf import render_pdf


def context(session: Session) -> dict:
    """What both documents show: the session, its facilitators and its timed programme."""
    blocks = list(session.blocks.select_related("werkvorm", "responsible__user"))
    facilitators = list(session.facilitators.select_related("user"))
    return {
        "session": session,
        "network": session.network,
        "facilitators": facilitators,
        **draaiboek.programme(session, blocks),
    }


def _filename(kind: str, session: Session) -> str:
    return f"{kind}-{session.date:%Y-%m-%d}-{slugify(session.network.name)}.pdf"


def draaiboek_pdf(session: Session) -> tuple[bytes, str]:
    return render_pdf("pdf/draaiboek.html", context(session)), _filename("draaiboek", session)


def invitation_pdf(session: Session) -> tuple[bytes, str]:
    pdf = render_pdf("pdf/uitnodiging.html", context(session))
    return pdf, _filename("uitnodiging", session)


def _data_uri(photo) -> str:
    """A photo inside the PDF itself: WeasyPrint fetches nothing from outside."""
    with photo.file.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{photo.content_type};base64,{encoded}"


def report_context(session: Session) -> dict:
    """The sessieverslag: the programme as run, who was there (guests too), the minutes,
    the lessons learned, the action points and the photos."""
    registrations = list(
        session.registrations.filter(attended=True)
        .select_related("membership__user")
        .order_by("membership__user__full_name")
    )
    guests = list(session.guests.filter(attended=True))
    photos = list(session.photos.all())
    values = {
        **context(session),
        "report": SessionReport.objects.filter(session=session).first(),
        "present": [registration.membership for registration in registrations],
        "present_guests": guests,
        "present_count": len(registrations) + len(guests),
        "actions": list(session.actions.select_related("owner__user")),
        "images": [(photo, _data_uri(photo)) for photo in photos if photo.is_image],
        "documents": [photo for photo in photos if not photo.is_image],
    }
    return values


def report_pdf(session: Session) -> tuple[bytes, str]:
    pdf = render_pdf("pdf/sessieverslag.html", report_context(session))
    return pdf, _filename("sessieverslag", session)
