"""Mail goes out as a task: immediately by default, on a worker once one is configured."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from networks.models import Invitation


@task
def send_invitation(*, invitation_id: int, link: str) -> None:
    invitation = Invitation.objects.select_related("network", "invited_by").get(pk=invitation_id)
    context = {"invitation": invitation, "network": invitation.network, "link": link}
    message = EmailMultiAlternatives(
        subject=_("Uitnodiging voor leernetwerk %(name)s") % {"name": invitation.network.name},
        body=render_to_string("networks/mail/invitation.txt", context),
        to=[invitation.email],
        reply_to=[invitation.invited_by.email],
    )
    message.attach_alternative(
        render_to_string("networks/mail/invitation.html", context), "text/html"
    )
    message.send()
