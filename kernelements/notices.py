"""The trekkers' daily mail from the health section: each hears of a new struikelblok
signal in their networks once (again only when its reason, the data behind it, changes),
and once when a network's yearly review falls due."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from kernelements import review, signals
from kernelements.models import ReviewReminder, SignalNotice
from liso.method import Role
from liso.notifications import DAILY, OFF, DailySection, Kind
from networks.models import Membership, Network

SIGNALS = Kind(
    "signalen",
    _("Nieuwe signalen van struikelblokken in netwerken waar je trekker bent"),
    DAILY,
    choices=(DAILY, OFF),
)

# Worked out once per run of the daily mail: recipients() comes first, then text() per person.
_pending: dict = {}


def _new_signals(network, day) -> list:
    log = list(network.struikelblok_log.all())
    fired = signals.signals_for(network, today=day, log=log)
    mailed = set(
        SignalNotice.objects.filter(network=network).values_list("struikelblok_id", "reason")
    )
    return [s for s in fired if (s.struikelblok.pk, s.reason) not in mailed]


def _recipients(day) -> set[int]:
    _pending.clear()
    for network in Network.objects.filter(archived_at=None):
        new = _new_signals(network, day)
        if not new:
            continue
        trekkers = Membership.objects.filter(
            network=network, left_on=None, roles__role=Role.TREKKER
        ).values_list("user_id", flat=True)
        for user_id in trekkers:
            _pending.setdefault(user_id, []).append((network, new))
    return set(_pending)


def _text(user, day) -> str:
    found = _pending.get(user.pk, [])
    if not found:
        return ""
    for network, new in found:
        for signal in new:
            try:
                with transaction.atomic():
                    SignalNotice.objects.create(
                        network=network,
                        struikelblok=signal.struikelblok,
                        reason=signal.reason,
                        mailed_on=day,
                    )
            except IntegrityError:
                pass  # another trekker of the network got it in this same run
    return render_to_string("kernelements/mail/daily_signals.txt", {"found": found})


SIGNALS_SECTION = DailySection(SIGNALS.code, _recipients, _text)


REVIEWS = Kind(
    "terugblik",
    _("Herinnering aan de jaarlijkse terugblik van netwerken waar je trekker bent"),
    DAILY,
    choices=(DAILY, OFF),
)

_due_reviews: dict = {}


def _review_recipients(day) -> set[int]:
    """Trekkers of networks whose yearly review fell due and was not yet reminded of."""
    _due_reviews.clear()
    closed = [Network.Status.AFGEROND, Network.Status.GESTOPT]
    networks = (
        Network.objects.filter(archived_at=None)
        .exclude(status__in=closed)
        .annotate(last_review_on=Max("yearly_reviews__held_on"))
    )
    due = {}
    for network in networks:
        upcoming = review.next_review(network, network.last_review_on, today=day)
        if upcoming.due:
            due[network.pk] = (network, upcoming.on)
    reminded = set(
        ReviewReminder.objects.filter(network__in=due).values_list("network_id", "due_on")
    )
    due = {pk: found for pk, found in due.items() if (pk, found[1]) not in reminded}
    trekkers = Membership.objects.filter(
        network__in=due, left_on=None, roles__role=Role.TREKKER
    ).values_list("user_id", "network_id")
    for user_id, network_id in trekkers:
        _due_reviews.setdefault(user_id, []).append(due[network_id])
    return set(_due_reviews)


def _review_text(user, day) -> str:
    found = _due_reviews.get(user.pk, [])
    if not found:
        return ""
    for network, due_on in found:
        ReviewReminder.objects.get_or_create(
            network=network, due_on=due_on, defaults={"mailed_on": day}
        )
    return render_to_string("kernelements/mail/daily_review.txt", {"found": found})


REVIEWS_SECTION = DailySection(REVIEWS.code, _review_recipients, _review_text)
