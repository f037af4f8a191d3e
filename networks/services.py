"""Use cases of the networks app that span models or have side effects."""

import hashlib
import secrets
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from liso.account import AccountRemovalRefused, removed_address
from liso.method import Role
from networks import tasks
from networks.models import (
    OPEN_INVITATION,
    Invitation,
    Membership,
    MembershipRole,
    Network,
    Organisation,
    PastPeriod,
    Revision,
)


class InvitationError(Exception):
    """An invitation link that cannot be used; the message is for the person holding it."""


class MembershipError(Exception):
    """A change to the members that the network cannot take; the message says why."""


# Addresses under /netwerken/ that a network's slug must not take.
RESERVED_SLUGS = {"nieuw"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "netwerk"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def organisation_named(*, name: str, perspective: str, kind: str = "") -> Organisation:
    """The organisation with this name (whatever its case), made when the install does not
    know it yet. Someone who types a name another network uses gets that organisation, and
    learns nothing about the other network."""
    found = Organisation.objects.filter(name__iexact=name).first()
    if found:
        return found
    return Organisation.objects.create(
        name=name, perspective=perspective, kind=kind or Organisation.Kind.PUBLIEK
    )


@transaction.atomic
def network_create(*, creator, perspective: str, organisation=None, **fields) -> Network:
    """Create a network; its creator becomes its first member, as trekker."""
    network = Network.objects.create(
        slug=_unique_slug(fields["name"]), created_by=creator, **fields
    )
    membership = Membership.objects.create(
        network=network,
        user=creator,
        perspective=perspective,
        organisation=organisation,
        joined_on=date.today(),
        hours_per_week=8,
    )
    MembershipRole.objects.create(membership=membership, role=Role.TREKKER)
    return network


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


@transaction.atomic
def invitation_create(*, network, invited_by, **fields) -> tuple[Invitation, str]:
    """Store an invitation and return it with the raw token for the link in the mail
    (only its hash is kept, so the link cannot be read back from the database). An
    address with an open invitation gets no second one (InvitationError)."""
    token, token_hash = _new_token()
    now = timezone.now()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                network=network,
                invited_by=invited_by,
                token_hash=token_hash,
                sent_at=now,
                expires_at=now + timedelta(days=Invitation.VALID_DAYS),
                **fields,
            )
    except IntegrityError:
        # Someone invited the same address a moment ago (one open invitation each).
        raise InvitationError(OPEN_INVITATION) from None
    return invitation, token


@transaction.atomic
def invitation_renew(*, invitation) -> str:
    """A fresh link and a fresh fortnight for an open invitation (resend). The old link
    stops working."""
    token, token_hash = _new_token()
    now = timezone.now()
    invitation.token_hash = token_hash
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=Invitation.VALID_DAYS)
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
    return token


def invitation_for_token(token: str) -> Invitation:
    """The open invitation behind a link, or an InvitationError saying why not."""
    invitation = (
        Invitation.objects.select_related("network", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise InvitationError(
            _("Deze uitnodigingslink klopt niet. Kopieer de link uit de mail in zijn geheel.")
        )
    if invitation.accepted_at is not None:
        raise InvitationError(
            _("Deze uitnodiging is al gebruikt. Log in om naar het netwerk te gaan.")
        )
    if invitation.revoked_at is not None:
        raise InvitationError(_("Deze uitnodiging is ingetrokken door het netwerk."))
    if invitation.expires_at < timezone.now():
        raise InvitationError(
            _("Deze uitnodiging is verlopen. Vraag de trekker om een nieuwe uitnodiging.")
        )
    if invitation.network.is_archived:
        raise InvitationError(
            _("Dit netwerk is gearchiveerd; je kunt er niet meer lid van worden.")
        )
    return invitation


def invitation_accepted_by(token: str, user) -> Invitation | None:
    """The invitation behind a link if `user` already accepted it, else None."""
    if not user.is_authenticated:
        return None
    return (
        Invitation.objects.select_related("network")
        .filter(token_hash=hash_token(token), accepted_by=user)
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation, user) -> Membership:
    """Turn an open invitation into a membership for `user` (rejoining if they left)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationError(_("Deze uitnodiging is al gebruikt."))
    earlier = Membership.objects.filter(
        network=invitation.network, user=user, left_on__isnull=False
    ).first()
    if earlier is not None:  # coming back: keep the earlier stretch
        PastPeriod.objects.create(
            membership=earlier, joined_on=earlier.joined_on, left_on=earlier.left_on
        )
    membership, _created = Membership.objects.update_or_create(
        network=invitation.network,
        user=user,
        defaults={
            "perspective": invitation.perspective,
            "organisation": invitation.organisation,
            "ring": invitation.ring,
            "hours_per_week": invitation.hours_per_week,
            "joined_on": date.today(),
            "left_on": None,
        },
    )
    membership.roles.all().delete()
    MembershipRole.objects.bulk_create(
        MembershipRole(membership=membership, role=role) for role in set(invitation.roles)
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def _other_active_trekkers(membership):
    return (
        MembershipRole.objects.filter(
            membership__network=membership.network,
            membership__left_on__isnull=True,
            role=Role.TREKKER,
        )
        .exclude(membership=membership)
        .exists()
    )


def _check_keeps_a_trekker(membership):
    if Role.TREKKER in membership.role_codes() and not _other_active_trekkers(membership):
        raise MembershipError(
            _(
                "Een netwerk heeft altijd een trekker nodig. Maak eerst iemand anders trekker "
                "voordat deze persoon die rol kwijtraakt of vertrekt."
            )
        )


@transaction.atomic
def membership_leave(*, membership, left_on: date) -> None:
    """End someone's membership on `left_on`; their history stays."""
    _check_keeps_a_trekker(membership)
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])


@transaction.atomic
def membership_set_roles(*, membership, roles: list[str]) -> None:
    current = set(membership.role_codes())
    wanted = set(roles)
    if Role.TREKKER in current and Role.TREKKER not in wanted:
        _check_keeps_a_trekker(membership)
    membership.roles.filter(role__in=current - wanted).delete()
    MembershipRole.objects.bulk_create(
        MembershipRole(membership=membership, role=role) for role in wanted - current
    )


@transaction.atomic
def network_archive(*, network: Network, base_url: str) -> int:
    """Archive the network (read-only; nothing is deleted) and, once that is saved, tell
    its members by mail. Returns how many members will hear of it."""
    network.archived_at = timezone.now()
    network.save(update_fields=["archived_at"])
    ids = list(network.memberships.filter(left_on__isnull=True).values_list("pk", flat=True))
    transaction.on_commit(
        lambda: tasks.send_archived_mail.enqueue(
            network_id=network.pk, membership_ids=ids, base_url=base_url
        )
    )
    return len(ids)


# --- removing an account (liso/account.py) ----------------------------------------------------


def sole_trekker_networks(user):
    """The networks, not archived, that would be left without a trekker if `user` went
    (one query)."""
    other_trekkers = MembershipRole.objects.filter(
        membership__network=OuterRef("pk"), membership__left_on__isnull=True, role=Role.TREKKER
    ).exclude(membership__user=user)
    return (
        Network.objects.filter(
            archived_at__isnull=True,
            memberships__user=user,
            memberships__left_on__isnull=True,
            memberships__roles__role=Role.TREKKER,
        )
        .exclude(Exists(other_trekkers))
        .distinct()
        .order_by("name")
    )


def account_removal_refusals(user) -> list[str]:
    return [
        _(
            "Je bent de enige trekker van %(network)s. Een netwerk heeft altijd een trekker "
            "nodig. Maak eerst iemand anders trekker; daarna kun je je account verwijderen."
        )
        % {"network": network.name}
        for network in sole_trekker_networks(user)
    ]


def _anonymised_history(user, network_ids) -> None:
    """Histories name members in the text of a change ("Anna de Vries in Jeugdhulp"):
    say "oud-lid" there too, as the pages do."""
    old_name = user.full_name
    named = {
        network.pk: (f"{old_name} in {network.name}", f"{user.REMOVED_NAME} in {network.name}")
        for network in Network.objects.filter(pk__in=network_ids)
    }

    def cleaned(text, network_id):
        if text == old_name:
            return user.REMOVED_NAME
        return text.replace(*named[network_id])

    revisions = Revision.objects.filter(network_id__in=network_ids).only("network", "changes")
    for revision in revisions.iterator():
        changes = [
            {
                **change,
                "old": cleaned(change.get("old", ""), revision.network_id),
                "new": cleaned(change.get("new", ""), revision.network_id),
            }
            for change in revision.changes
        ]
        if changes != revision.changes:
            revision.changes = changes
            revision.save(update_fields=["changes"])


@transaction.atomic
def account_removal(user) -> None:
    """The networks' part of removing an account: every membership ends today (the last
    trekker of a running network cannot go), what was agreed with the person about
    support and compensation is cleared, their invitations forget their name and address
    (open ones are withdrawn), and histories call them "oud-lid"."""
    active = Membership.objects.filter(user=user, left_on__isnull=True)
    # Lock the networks, so two trekkers who leave at the same moment cannot both go.
    list(Network.objects.select_for_update(of=("self",)).filter(pk__in=active.values("network_id")))
    if reasons := account_removal_refusals(user):
        raise AccountRemovalRefused(reasons)
    today = date.today()
    for membership in active.select_related("network"):
        if membership.network.is_archived:  # read-only: it needs no trekker any more
            membership.left_on = today
            membership.save(update_fields=["left_on"])
        else:
            membership_leave(membership=membership, left_on=today)
    memberships = Membership.objects.filter(user=user)
    memberships.update(support_needed="", compensation="", hours_per_week=0)
    theirs = Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user))
    theirs.filter(accepted_at=None, revoked_at=None).update(revoked_at=timezone.now())
    theirs.update(email=removed_address(user), full_name=user.REMOVED_NAME)
    _anonymised_history(user, set(memberships.values_list("network_id", flat=True)))
