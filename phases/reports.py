"""The session's documents as PDF: the draaiboek for the facilitators and the invitation
with the programme for the participants."""

from django.utils.text import slugify

from liso.pdf import render_pdf
from phases import draaiboek
from phases.models import Session


def context(session: Session) -> dict:
    """What both documents show: the session, its facilitators and its timed programme."""
    blocks = list(session.blocks.select_related("werkvorm", "responsible__user"))
    facilitators = list(session.facilitators.select_related("user"))
    return {"session": session, "network": session.network, "facilitators": facilitators,
            "programme": draaiboek.timed(session, blocks)}  # fmt: skip


def _filename(kind: str, session: Session) -> str:
    return f"{kind}-{session.date:%Y-%m-%d}-{slugify(session.network.name)}.pdf"


def draaiboek_pdf(session: Session) -> tuple[bytes, str]:
    return render_pdf("pdf/draaiboek.html", context(session)), _filename("draaiboek", session)


def invitation_pdf(session: Session) -> tuple[bytes, str]:
    pdf = render_pdf("pdf/uitnodiging.html", context(session))
    return pdf, _filename("uitnodiging", session)
