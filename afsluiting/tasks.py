"""The mail that tells the members their network was closed."""

from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _

from afsluiting.models import Closing
from networks.tasks import mail_network_news


@task
def send_closed_mail(*, network_id: int, membership_ids: list[int], base_url: str) -> None:
    closing = Closing.objects.select_related("network").get(network_id=network_id)
    network = closing.network
    mail_network_news(
        network=network,
        membership_ids=membership_ids,
        base_url=base_url,
        subject=_("Leernetwerk %(name)s is afgesloten") % {"name": network.name},
        template="afsluiting/mail/closed.txt",
        extra=lambda base: {
            "closing": closing,
            "story_url": base + reverse("closing_story_pdf", args=[network.slug]),
        },
    )
