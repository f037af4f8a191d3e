"""Demo sessions for the running network: one held six weeks ago, one ten weeks ahead,
each with its preparation tasks (the older ones ticked off)."""

from datetime import date, time, timedelta

from django.utils import timezone

from liso import demo
from liso.method import Phase
from liso.models import User
from networks.models import Network
from phases import services
from phases.models import DraaiboekBlock, Session
from werkvormen.models import Werkvorm


@demo.register
def demo_sessions() -> None:
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    if network is None or network.sessions.exists():
        return
    procesbegeleider = User.objects.get(email="procesbegeleider@example.org")
    today = date.today()
    held = Session.objects.create(
        network=network, theme="Wat werkt er in de wijk?", date=today - timedelta(weeks=6),
        start_time=time(13, 30), place="Wijkcentrum De Brug, Rivierstad",
        phase=Phase.SAMEN_DOORGRONDEN, version=1, updated_by=procesbegeleider,
    )  # fmt: skip
    upcoming = Session.objects.create(
        network=network, theme="Experimenten kiezen en plannen",
        date=today + timedelta(weeks=10), start_time=time(13, 30),
        place="Gemeentehuis Heuvelland, raadszaal", online_link="https://meet.example.org/jhd",
        phase=Phase.SAMEN_DOORGRONDEN, capacity=20, version=1, updated_by=procesbegeleider,
    )  # fmt: skip
    for session in (held, upcoming):
        services.tasks_generate(session=session)
    _demo_draaiboek(upcoming, network)
    # What was due before today has been done, except the latest one (to show "te laat").
    open_before_today = held.tasks.filter(due_on__lt=today).order_by("due_on")
    held_done = list(open_before_today)[:-1]
    held.tasks.filter(pk__in=[t.pk for t in held_done]).update(
        done_at=timezone.now(), done_by=procesbegeleider
    )


# (werkvorm code or free kind, title for a free block, minutes)
DRAAIBOEK = [
    ("welkom", "Inloop met koffie", 15),
    ("verankeren", "", 15),
    ("successen-delen", "", 20),
    ("aan-de-slag-met-experimenten", "", 60),
    ("pauze", "Pauze", 15),
    ("effecten-monitoren", "", 30),
    ("reflectie", "", 15),
    ("mededelingen", "Mededelingen en afspraken", 10),
]


def _demo_draaiboek(session, network) -> None:
    werkvormen = {w.code: w for w in Werkvorm.objects.filter(code__in=[r[0] for r in DRAAIBOEK])}
    facilitator = network.memberships.filter(user__email="procesbegeleider@example.org").first()
    for position, (code, title, minutes) in enumerate(DRAAIBOEK):
        werkvorm = werkvormen.get(code)
        DraaiboekBlock.objects.create(
            session=session, position=position, werkvorm=werkvorm, minutes=minutes,
            kind=DraaiboekBlock.Kind.WERKVORM if werkvorm else code,
            title=werkvorm.name if werkvorm else title,
            materials="\n".join(werkvorm.materials) if werkvorm else "",
            responsible=facilitator if werkvorm else None,
        )  # fmt: skip
