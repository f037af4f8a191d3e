"""Struikelblok signals in the daily mail: each trekker hears of a new signal in their
networks once; a signal comes again only when its reason (the data behind it) changes."""

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from kernelements import signals
from kernelements.models import SignalNotice
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
