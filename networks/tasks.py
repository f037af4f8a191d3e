"""Mails about a network, written by tasks on the worker and sent through the outbox
(liso/outbox.py)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from liso import notifications, outbox
from networks.models import Invitation, Membership, Network
from networks.notices import NETWORK


@task
def send_invitation(*, invitation_id: int, link: str) -> None:
    invitation = Invitation.objects.select_related("network", "invited_by").get(pk=invitation_id)
    context = {"invitation": invitation, "network": invitation.network, "link": link}
    message = EmailMultiAlternatives(
        subject=_("Uitnodiging voor leernetwerk %(name)s") % {"name": invitation.network.name},
        body=render_to_string("networks/mail/invitation.txt", context),
        to=[invitation.email],
        # A removed account's address receives nothing, replies neither.
        reply_to=[invitation.invited_by.email] if invitation.invited_by.is_active else [],
    )
    message.attach_alternative(
        render_to_string("networks/mail/invitation.html", context), "text/html"
    )
    outbox.queue(message, topic=invitation_topic(invitation))


def invitation_topic(invitation: Invitation) -> str:
    """What an invitation's mails are filed under, so the member list can tell them."""
    return f"uitnodiging-{invitation.pk}"


def mail_network_news(*, network, membership_ids, base_url, subject, template, extra=None):
    """Tell the members (those still in the network) news about the network itself, with
    a link to its overview; `extra` adds to the mail's context (given the site's base)."""
    base = notifications.site_base(base_url)
    url = base + reverse("network_overview", args=[network.slug])
    context = {"network": network, "url": url, "footer": notifications.footer(base)}
    context |= extra(base) if extra else {}
    notifications.mail_members(
        memberships=Membership.objects.filter(pk__in=membership_ids, left_on__isnull=True),
        kind=NETWORK.code,
        subject=subject,
        template=template,
        context=context,
        summary=f"{subject}\n{url}",
    )


@task
def send_archived_mail(*, network_id: int, membership_ids: list[int], base_url: str) -> None:
    """Tell the members that their network was archived, and what that means for them."""
    network = Network.objects.get(pk=network_id)
    mail_network_news(
        network=network,
        membership_ids=membership_ids,
        base_url=base_url,
        subject=_("Leernetwerk %(name)s is gearchiveerd") % {"name": network.name},
        template="networks/mail/archived.txt",
    )
