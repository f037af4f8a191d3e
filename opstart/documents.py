"""The start-up's documents, composed from the network's data: the startnotitie and the
samenwerkingsovereenkomst. The page and the PDF of a document share one context and one
body template, so what a trekker reads on screen is what the partners sign."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.text import slugify

from liso import method
from liso.pdf import render_pdf
from networks.models import Membership
from opstart import services
from opstart.models import Goal, Milestone, Startnotitie


def goals_by_agenda(network) -> list[tuple[method.Agenda, list[Goal]]]:
    goals = network.agenda_goals.prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk"))
    )
    grouped = defaultdict(list)
    for goal in goals:
        grouped[goal.agenda].append(goal)
    return [(agenda, grouped[agenda]) for agenda in method.Agenda]


@dataclass
class AgendaProgress:
    """How far an agenda has come: its goals' progress and its milestones."""

    goals: int
    average_percent: int | None  # over the goals whose progress can be told
    milestones: int
    reached: int
    late: int


def agenda_progress(goals: list[Goal], today: date) -> AgendaProgress:
    percents = [g.progress_percent for g in goals if g.progress_percent is not None]
    milestones = [m for goal in goals for m in goal.milestones.all()]
    return AgendaProgress(
        goals=len(goals),
        average_percent=round(sum(percents) / len(percents)) if percents else None,
        milestones=len(milestones),
        reached=sum(1 for m in milestones if m.status == Milestone.Status.BEHAALD),
        late=sum(1 for m in milestones if m.is_late(today)),
    )


def _members(network) -> list[Membership]:
    return services.members_with_signatures(network)


def members_by_role(members: list[Membership], roles: dict[int, dict[str, str]]) -> list:
    """Per role that someone holds: its label, its holders, and the summary of its
    profile (`roles` as services.role_summaries gives them)."""
    rows = []
    for role in method.Role:
        holders = [member for member in members if role in roles[member.pk]]
        if holders:
            rows.append((role.label, holders, roles[holders[0].pk][role]))
    return rows


def startnotitie_context(network) -> dict:
    # The parties as the agreement lists them (by name), without their signatures.
    organisations = services.participating_organisations(network, by_name=True)
    trekkers = services.active_memberships(network).filter(roles__role=method.Role.TREKKER)
    return {
        "network": network,
        "note": services.document_for(network, Startnotitie),
        "figures": list(network.figures.all()),
        "agendas": goals_by_agenda(network),
        "organisations": sorted(organisations, key=lambda org: org.name.lower()),
        "trekkers": list(trekkers.order_by("organisation__name", "user__full_name")),
    }


def agreement_context(network) -> dict:
    members = _members(network)
    signing = services.signing_from(members)
    agreement, infrastructure = services.agreement_documents(network)
    by_organisation = defaultdict(list)
    for membership in members:
        by_organisation[membership.organisation_id].append(membership)
    funders = list(network.funders.all())
    fees = list(network.fees.select_related("organisation"))
    return {
        "network": network,
        "agreement": agreement,
        "infrastructure": infrastructure,
        "parties": [
            (organisation, signature, by_organisation[organisation.pk])
            for organisation, signature in signing.parties
        ],
        "signing": signing,
        "agendas": goals_by_agenda(network),
        "roles": members_by_role(members, services.role_summaries(members)),
        "money": services.money_overview(
            network,
            funders=funders,
            fees=fees,
            lines=network.budget_lines.all(),
            members=members,
        ),
        "funders": funders,
        "fees": fees,
    }


def agreement_body(context: dict) -> tuple[SafeString, str]:
    """The agreement's articles as a page shows them, and their fingerprint: whoever signs
    online signs this text, and a text that changed after they opened it is not theirs
    to sign (it is composed from many parts, so the text itself is compared)."""
    html = render_to_string("opstart/_agreement_body.html", context)
    return html, hashlib.sha256(html.encode()).hexdigest()


def _filename(kind: str, network) -> str:
    return f"{kind}-{slugify(network.name)}.pdf"


def agreement_pdf_context(network) -> dict:
    """The agreement, and when what it says last changed (the draft's date)."""
    return {
        **agreement_context(network),
        "latest_change": services.latest_agreement_change(network),
    }


# Each document: its PDF template and the function that gathers its data.
PDF_DOCUMENTS = {
    "startnotitie": ("pdf/startnotitie.html", startnotitie_context),
    "samenwerkingsovereenkomst": ("pdf/samenwerkingsovereenkomst.html", agreement_pdf_context),
}


def document_pdf(kind: str, network) -> tuple[bytes, str]:
    """The document as PDF bytes, with a file name that says what and for which network."""
    template, context = PDF_DOCUMENTS[kind]
    return render_pdf(template, context(network)), _filename(kind, network)


def startnotitie_pdf(network) -> tuple[bytes, str]:
    return document_pdf("startnotitie", network)


def agreement_pdf(network) -> tuple[bytes, str]:
    return document_pdf("samenwerkingsovereenkomst", network)
