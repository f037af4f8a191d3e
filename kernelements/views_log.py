"""The network's struikelblokken log (/netwerken/<slug>/gezondheid/struikelblokken/): take up
a signal with what the network will do and when to look again, set aside one it does not
recognise, record a struikelblok by hand, and close it with what helped. Every change keeps
its history (networks/editing.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernelements import signals
from kernelements.forms import EntryCloseForm, EntryForm
from kernelements.models import Struikelblok, StruikelblokEntry
from kernelements.views_health import health_crumb
from networks import history
from networks import permissions as P
from networks.editing import edit_page


def _home(request) -> str:
    return reverse("health_home", args=[request.network.slug]) + "#logboek"


def _current_signal(request, code) -> signals.Signal | None:
    log = list(request.network.struikelblok_log.all())
    return next(iter(signals.signals_for(request.network, log=log, codes=[code])), None)


@P.network_permission_required(P.HEALTH_MANAGE)
def signal_take_up(request, code):
    """Take up a signal: it goes into the log with what it said, and stays quiet while
    the network works on it."""
    struikelblok = get_object_or_404(Struikelblok, code=code)
    signal = _current_signal(request, code)
    entry = StruikelblokEntry(
        network=request.network,
        struikelblok=struikelblok,
        signal_reason=signal.reason if signal else "",
    )
    form = EntryForm(request.POST or None, instance=entry, network=request.network, signal=True)
    gone = _("Dit signaal is er nu niet; je kunt het toch vastleggen.")
    return edit_page(
        request,
        form=form,
        title=_("Een struikelblok oppakken"),
        intro=f"{struikelblok}. {signal.reason if signal else gone}",
        back_url=_home(request),
        success=_("Het struikelblok staat in het logboek."),
        crumb=health_crumb(request),
    )


@require_POST
@P.network_permission_required(P.HEALTH_MANAGE)
def signal_dismiss(request, code):
    """Set aside a signal the network does not recognise; it stays quiet until the data
    behind it changes."""
    signal = _current_signal(request, code)
    if signal is None:
        messages.info(request, _("Dit signaal is er nu niet meer."))
        return redirect(_home(request))
    entry = StruikelblokEntry.objects.create(
        network=request.network,
        struikelblok=signal.struikelblok,
        status=StruikelblokEntry.Status.DISMISSED,
        signal_reason=signal.reason,
        updated_by=request.user,
        version=1,
    )
    history.record_creation(network=request.network, instance=entry, by=request.user)
    messages.success(
        request,
        _("Het signaal staat opzij. Het komt terug als de gegevens erachter veranderen."),
    )
    return redirect(_home(request))


@P.network_permission_required(P.HEALTH_MANAGE)
def entry_add(request):
    """Record a struikelblok the network runs into, without a signal."""
    entry = StruikelblokEntry(network=request.network)
    form = EntryForm(request.POST or None, instance=entry, network=request.network)
    return edit_page(
        request,
        form=form,
        title=_("Een struikelblok vastleggen"),
        back_url=_home(request),
        success=_("Het struikelblok staat in het logboek."),
        crumb=health_crumb(request),
    )


def _entry(request, pk) -> StruikelblokEntry:
    return get_object_or_404(request.network.struikelblok_log.select_related("struikelblok"), pk=pk)


@P.network_permission_required(P.HEALTH_MANAGE)
def entry_edit(request, pk):
    entry = _entry(request, pk)
    form = EntryForm(
        request.POST or None,
        instance=entry,
        network=request.network,
        signal=bool(entry.signal_reason),
    )
    return edit_page(
        request,
        form=form,
        title=_("Een struikelblok in het logboek"),
        intro=f"{entry.struikelblok}. {entry.signal_reason}".strip(),
        back_url=_home(request),
        crumb=health_crumb(request),
    )


@P.network_permission_required(P.HEALTH_MANAGE)
def entry_close(request, pk):
    entry = _entry(request, pk)
    if entry.status != StruikelblokEntry.Status.OPEN:
        raise Http404
    form = EntryCloseForm(request.POST or None, instance=entry, network=request.network)
    return edit_page(
        request,
        form=form,
        title=_("Een struikelblok afronden"),
        intro=_(
            "%(struikelblok)s. Wat hielp? Schrijf het op: een volgend netwerk heeft er "
            "misschien wat aan."
        )
        % {"struikelblok": entry.struikelblok},
        back_url=_home(request),
        success=_("Het struikelblok is afgerond."),
        crumb=health_crumb(request),
    )
