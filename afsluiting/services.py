"""Changes on the closing path: each in one transaction, with history where the network
writes together (networks/history.py)."""

from django.db import transaction
from django.utils import timezone

from afsluiting import tasks
from afsluiting.models import ChosenReflection, Safeguard
from networks import history
from networks.models import Network


def closing_save(*, form, network: Network, by) -> None:
    """Save a form of the closing (the moment, the reisverslag, the last session)."""
    history.item_save(form=form, network=network, by=by, expected_version=form.opened_version())


@transaction.atomic
def network_close(*, form, network: Network, by, base_url: str) -> int:
    """Close the network with its final status and date: it becomes a read-only archive,
    and once that is saved its members hear of it. Returns how many will."""
    closing_save(form=form, network=network, by=by)
    network.status = form.instance.final_status
    network.archived_at = timezone.now()
    network.save(update_fields=["status", "archived_at"])
    ids = list(network.memberships.filter(left_on__isnull=True).values_list("pk", flat=True))
    transaction.on_commit(
        lambda: tasks.send_closed_mail.enqueue(
            network_id=network.pk, membership_ids=ids, base_url=base_url
        )
    )
    return len(ids)


@transaction.atomic
def network_reopen(*, form, network: Network, by) -> None:
    """Open a closed network again; the reason stays in the history."""
    form.instance.closed_on = None
    form.instance.final_status = ""
    closing_save(form=form, network=network, by=by)
    network.status = Network.Status.LOPEND
    network.archived_at = None
    network.save(update_fields=["status", "archived_at"])


@transaction.atomic
def safeguards_save(*, network: Network, subject: dict, answers: dict, by) -> None:
    """Keep the three borging answers of one product or organisation. `subject` is
    {"product": p} or {"organisation": o}; `answers` maps each question to its fields."""
    for question, fields in answers.items():
        Safeguard.objects.update_or_create(
            network=network, question=question, **subject, defaults={**fields, "updated_by": by}
        )


def reflection_choose(*, reflection, chosen: bool) -> None:
    """Put a shared reflection in the reisverslag, or take it out (by its author)."""
    if chosen:
        ChosenReflection.objects.get_or_create(reflection=reflection)
    else:
        ChosenReflection.objects.filter(reflection=reflection).delete()
