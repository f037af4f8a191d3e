"""Demo sessions for the running network: one held six weeks ago, one ten weeks ahead
(the kernteam invited to it, most answered), each with its preparation tasks (the older
ones ticked off), and two earlier ones with their attendance, the first with its
minutes."""

from datetime import date, time, timedelta

from django.utils import timezone

from bijeenkomsten import registrations, services
from bijeenkomsten.models import DraaiboekBlock, Registration, Session, SessionReport
from liso.method import Phase
from liso.models import User
from networks.models import Membership, Network
from werkvormen.models import Werkvorm

Answer = Registration.Answer


def demo_sessions() -> None:
    network = Network.objects.filter(slug="jeugdhulp-dichtbij").first()
    if network is None or network.sessions.exists():
        return
    procesbegeleider = User.objects.get(email="procesbegeleider@example.org")
    today = date.today()
    held = Session.objects.create(
        network=network,
        theme="Wat werkt er in de wijk?",
        date=today - timedelta(weeks=6),
        start_time=time(13, 30),
        place="Wijkcentrum De Brug, Rivierstad",
        phase=Phase.SAMEN_DOORGRONDEN,
        version=1,
        updated_by=procesbegeleider,
    )
    upcoming = Session.objects.create(
        network=network,
        theme="Experimenten kiezen en plannen",
        date=today + timedelta(weeks=10),
        start_time=time(13, 30),
        place="Gemeentehuis Heuvelland, raadszaal",
        online_link="https://meet.example.org/jhd",
        phase=Phase.SAMEN_DOORGRONDEN,
        capacity=20,
        version=1,
        updated_by=procesbegeleider,
    )
    for session in (held, upcoming):
        services.tasks_generate(session=session)
    _demo_draaiboek(upcoming, network)
    _demo_invitations(network, upcoming)
    _demo_attendance(network, held, procesbegeleider)
    # What was due before today has been done, except the latest one (to show "te laat").
    open_before_today = held.tasks.filter(due_on__lt=today).order_by("due_on")
    held_done = list(open_before_today)[:-1]
    held.tasks.filter(pk__in=[t.pk for t in held_done]).update(
        done_at=timezone.now(), done_by=procesbegeleider
    )


def _demo_invitations(network, session) -> None:
    """The kernteam is invited to the next session (without mail: it is demo data). Most
    answered; the deelnemer did not yet, so her home page asks her."""
    now = timezone.now()
    members = network.memberships.filter(left_on__isnull=True, ring=Membership.Ring.KERNTEAM)
    answers = [Answer.KOMT, Answer.KOMT, Answer.KOMT_NIET, Answer.OPEN]
    invited = []
    for n, membership in enumerate(members.select_related("user").order_by("pk")):
        answer = answers[n % len(answers)]
        if membership.user.email == "deelnemer@example.org":
            answer = Answer.OPEN
        answered = None if answer == Answer.OPEN else now - timedelta(days=2)
        invited.append(
            Registration(
                session=session,
                membership=membership,
                invited_at=now - timedelta(days=3),
                answer=answer,
                answered_at=answered,
            )
        )
    Registration.objects.bulk_create(invited)


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
            session=session,
            position=position,
            werkvorm=werkvorm,
            minutes=minutes,
            kind=DraaiboekBlock.Kind.WERKVORM if werkvorm else code,
            title=werkvorm.name if werkvorm else title,
            materials="\n".join(werkvorm.materials) if werkvorm else "",
            responsible=facilitator if werkvorm else None,
        )


# Earlier sessions and how many came: fewer each time, so the overview shows the warning
# about struikelblok 1 (deelnemersbetrokkenheid).
EARLIER = [("Kennismaken met elkaars praktijk", 18), ("Het vraagstuk scherp krijgen", 12)]


def _demo_first_report(session, procesbegeleider) -> None:
    """The first session's minutes, shared; the latest one still waits for its report."""
    SessionReport.objects.create(
        session=session,
        minutes=(
            "Iedereen vertelde in drie minuten over een gezin dat vastliep. Opvallend: "
            "bijna elk verhaal begon bij een wachtlijst, en eindigde bij een buurvrouw "
            "of een leraar die wel bleef."
        ),
        lessons="- Kleine hulp dichtbij werkt vaak eerder dan de specialist.",
        shared_at=timezone.now() - timedelta(weeks=17),
        version=1,
        updated_by=procesbegeleider,
    )


def _demo_attendance(network, held, procesbegeleider) -> None:
    today = date.today()
    sessions = [
        Session.objects.create(
            network=network,
            theme=theme,
            date=today - timedelta(weeks=weeks),
            start_time=time(13, 30),
            place="Wijkcentrum De Brug, Rivierstad",
            phase=Phase.SAMEN_BEGRIJPEN,
            version=1,
            updated_by=procesbegeleider,
        )
        for theme, weeks in EARLIER
    ]
    _demo_first_report(sessions[0], procesbegeleider)
    members = list(network.memberships.filter(left_on__isnull=True).order_by("pk"))
    absent = [0, 2, 5]  # per session, oldest first: more stay away each time
    for session, away in zip([*sessions, held], absent, strict=True):
        Registration.objects.bulk_create(
            Registration(session=session, membership=membership, answer=Registration.Answer.KOMT)
            for membership in members
        )
        present = {membership.pk for membership in members[: len(members) - away]}
        registrations.attendance_record(session=session, present=present)
