"""After a session: the report page (minutes, lessons learned, visual minutes, action
points), writing it, sharing it with the members, the uploaded files (served only
through the session's permission check) and the action points themselves."""

from urllib.parse import unquote, urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten import followup, reports
from bijeenkomsten.forms import ActionPointForm, PhotoForm, SessionReportForm
from bijeenkomsten.models import ActionPoint, SessionPhoto
from bijeenkomsten.views_sessions import crumb, session_of
from liso.notifications import base_url_of
from liso.pdf import pdf_response
from networks import permissions as P
from networks.editing import edit_page, save_form


def _report_url(request, session) -> str:
    return reverse("session_report", args=[request.network.slug, session.pk])


def _report_page(request, session, photo_form=None):
    actions = list(session.actions.select_related("owner__user"))
    for action in actions:
        action.may_tick = P.may_tick_action(request, action)
    context = {
        "network": request.network,
        "session": session,
        "report": followup.report_of(session),
        "actions": actions,
        "photos": list(session.photos.all()),
        "photo_form": photo_form or PhotoForm(),
        "title": _("Verslag: %(theme)s") % {"theme": session.theme},
        **crumb(request),
    }
    return render(request, "bijeenkomsten/report.html", context)


@P.network_permission_required(P.SESSIONS_VIEW)
def session_report(request, pk):
    return _report_page(request, session_of(request, pk))


@P.network_permission_required(P.REPORTS_EXPORT)
def session_report_pdf(request, pk):
    return pdf_response(*reports.report_pdf(session_of(request, pk)))


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def photo_add(request, pk):
    """Visual minutes: a wrong type or a file over the limit is told beside the field."""
    session = session_of(request, pk)
    form = PhotoForm(
        request.POST,
        request.FILES,
        instance=SessionPhoto(session=session, uploaded_by=request.user),
    )
    saved = save_form(
        request,
        form,
        next_url=_report_url(request, session),
        success=_("Het bestand is bij het verslag gezet."),
    )
    return saved or _report_page(request, session, photo_form=form)


def _of_session(request, model, pk, item_pk):
    """An item (photo, action point) of the session `pk` of the request's network, or 404."""
    items = model.objects.filter(session__network=request.network, session_id=pk)
    return get_object_or_404(items.select_related("session"), pk=item_pk)


def _photo(request, pk, photo) -> SessionPhoto:
    return _of_session(request, SessionPhoto, pk, photo)


@P.network_permission_required(P.SESSIONS_VIEW)
def photo_file(request, pk, photo):
    """The file itself, only for the network's members (there is no public media URL)."""
    instance = _photo(request, pk, photo)
    try:
        handle = instance.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"verslag-{instance.session.date:%Y-%m-%d}-{instance.pk}"
    name += SessionPhoto.SUFFIXES[instance.content_type]
    return FileResponse(
        handle,
        content_type=instance.content_type,
        as_attachment=not instance.is_image,
        filename=name,
    )


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def photo_delete(request, pk, photo):
    instance = _photo(request, pk, photo)
    storage, name = instance.file.storage, instance.file.name
    with transaction.atomic():
        instance.delete()
        # The file goes once the row is surely gone, never the other way round.
        transaction.on_commit(lambda: storage.delete(name))
    messages.success(request, _("Het bestand is van het verslag gehaald."))
    return redirect(_report_url(request, instance.session))


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_report_edit(request, pk):
    session = session_of(request, pk)
    report = followup.report_of(session)
    form = SessionReportForm(request.POST or None, instance=report, network=request.network)
    return edit_page(
        request,
        form=form,
        title=_("Verslag schrijven"),
        back_url=_report_url(request, session),
        crumb=crumb(request),
        intro=_(
            "Schrijf op wat er besproken is en wat het netwerk heeft geleerd. "
            "Actiepunten voeg je daarna apart toe, met wie en wanneer."
        ),
        success=_("Het verslag is opgeslagen."),
    )


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def session_report_share(request, pk):
    session = session_of(request, pk)
    report = followup.report_of(session)
    if not report.pk or not report.minutes.strip():
        messages.error(request, _("Schrijf eerst het verslag; een leeg verslag delen we niet."))
        return redirect(_report_url(request, session))
    count = followup.report_share(report=report, base_url=base_url_of(request))
    messages.success(request, _("Het verslag is gedeeld met %(n)s leden.") % {"n": count})
    return redirect(_report_url(request, session))


def _action_form_page(request, session, form, title):
    if saved := save_form(
        request,
        form,
        next_url=_report_url(request, session),
        success=_("Het actiepunt is opgeslagen."),
    ):
        return saved
    instance = form.instance
    delete_url = (
        reverse("action_delete", args=[request.network.slug, session.pk, instance.pk])
        if instance.pk
        else None
    )
    context = {
        "network": request.network,
        "form": form,
        "title": title,
        "lead": _("Afgesproken bij “%(theme)s”.") % {"theme": session.theme},
        "back_url": _report_url(request, session),
        "delete_url": delete_url,
        **crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


@P.network_permission_required(P.SESSIONS_CHANGE)
def action_add(request, pk):
    session = session_of(request, pk)
    form = ActionPointForm(
        request.POST or None, instance=ActionPoint(session=session), network=request.network
    )
    return _action_form_page(request, session, form, _("Actiepunt toevoegen"))


def _action(request, pk, action) -> ActionPoint:
    return _of_session(request, ActionPoint, pk, action)


@P.network_permission_required(P.SESSIONS_CHANGE)
def action_edit(request, pk, action):
    instance = _action(request, pk, action)
    form = ActionPointForm(request.POST or None, instance=instance, network=request.network)
    return _action_form_page(request, instance.session, form, _("Actiepunt wijzigen"))


@require_POST
@P.network_permission_required(P.SESSIONS_VIEW)
def action_toggle(request, action):
    """Planners tick off any action point; a member their own. Back to where it was ticked:
    the home page, a page of this network that says so, or the session's report."""
    instance = get_object_or_404(
        ActionPoint.objects.filter(network=request.network).select_related("session"), pk=action
    )
    if not P.may_tick_action(request, instance):
        raise PermissionDenied
    followup.action_set_done(action=instance, done=request.POST.get("klaar") == "ja")
    back = request.POST.get("terug", "")
    if back == "home":
        return redirect("home")
    if _is_a_page_of_the_network(request, back):
        return redirect(back)
    if instance.session:
        return redirect(_report_url(request, instance.session))
    return redirect("network_overview", request.network.slug)


def _is_a_page_of_the_network(request, url: str) -> bool:
    """A plain path under the network's address: no other host, and no "." or ".." (also
    not %-encoded) that a browser would resolve to somewhere else."""
    network_home = reverse("network_overview", args=[request.network.slug])
    parts = urlsplit(url)
    path = unquote(parts.path)
    return (
        not parts.scheme
        and not parts.netloc
        and path.startswith(network_home)
        and "//" not in path
        and not {".", ".."} & set(path.split("/"))
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def action_delete(request, pk, action):
    instance = _action(request, pk, action)
    instance.delete()
    messages.success(request, _("“%(what)s” is verwijderd.") % {"what": instance.what})
    return redirect(_report_url(request, instance.session))
