"""The closing of the large test network: every kennisproduct and organisation answered
for borging, every shared reflection chosen for the reisverslag."""

from afsluiting.closing import member_organisations
from afsluiting.models import ChosenReflection, Closing, Safeguard
from phases.models import Reflection


def grow_closing(network) -> None:
    members = list(network.memberships.filter(left_on=None))
    Closing.objects.update_or_create(
        network=network,
        # No story yet: the edit page drafts one from the whole (large) history.
        defaults={
            "reason": Closing.Reason.NORMAL_PRACTICE,
            "version": 1,
            "lessons": {"praktijk": "Eerst luisteren."},
            "last_session": network.sessions.order_by("-date").first(),
        },
    )
    subjects = [{"product": product} for product in network.products.all()]
    subjects += [{"organisation": o} for o in member_organisations(network)]
    Safeguard.objects.bulk_create(
        Safeguard(
            network=network,
            question=question,
            state=Safeguard.State.DONE,
            caretaker=members[n % len(members)],
            kept_where="Kennisbank",
            **subject,
        )
        for n, subject in enumerate(subjects)
        for question in Safeguard.Question.values
    )
    ChosenReflection.objects.bulk_create(
        ChosenReflection(reflection=reflection)
        for reflection in Reflection.objects.shared().filter(network=network)
    )
