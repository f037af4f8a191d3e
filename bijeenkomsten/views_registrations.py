"""Who comes: a member's answer on the session page, the planner's overview of the
answers with invitations and reminders, calling a session off, and the session in one's
own calendar (an .ics download, and a private feed of all one's sessions)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bijeenkomsten import calendar, registrations
from bijeenkomsten.forms import AnswerForm, InvitationForm
from bijeenkomsten.models import Registration
from bijeenkomsten.tasks import mail_topic
from bijeenkomsten.views_sessions import crumb, session_of
from liso import outbox, throttle
from liso.models import OutgoingMail
from liso.notifications import base_url_of
from liso.spreadsheet import csv_response
from networks import permissions as P


def _to_session(request, session):
    return redirect("session_detail", request.network.slug, session.pk)


@require_POST
@P.network_permission_required(P.SESSIONS_TAKE_PART)
def session_answer(request, pk):
    """A member says whether they come; shown again on the session page."""
    session = session_of(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of je komt, misschien komt of niet komt."))
        return _to_session(request, session)
    try:
        registration = registrations.registration_answer(
            session=session,
            membership=request.membership,
            base_url=base_url_of(request),
            **form.cleaned_data,
        )
    except registrations.RegistrationError:
        raise PermissionDenied from None
    messages.success(request, _answer_message(registration))
    if request.POST.get("terug") == "home":  # answered from the home page: back there
        return redirect("home")
    return _to_session(request, session)


def _answer_message(registration: Registration) -> str:
    if registration.waiting:
        return _(
            "De bijeenkomst is vol. Je staat op de wachtlijst; komt er een plek vrij, "
            "dan krijg je bericht."
        )
    return {
        Registration.Answer.KOMT: _("Fijn dat je komt! Je antwoord is bewaard."),
        Registration.Answer.MISSCHIEN: _("Je antwoord is bewaard: misschien."),
        Registration.Answer.KOMT_NIET: _("Jammer dat je niet kunt. Je antwoord is bewaard."),
    }[registration.answer]


def _registrations_page(request, session, form):
    groups = registrations.answers(session)
    mails = list(registrations.mails(session))
    context = {
        "network": request.network,
        "session": session,
        "groups": groups,
        "guests": list(session.guests.all()),
        "mails": mails,
        "failed_mails": sum(mail.status == OutgoingMail.Status.FAILED for mail in mails),
        "form": form,
        "title": _("Aanmeldingen: %(theme)s") % {"theme": session.theme},
        "open_count": len(groups["open"]),
        **crumb(request),
    }
    return render(request, "bijeenkomsten/registrations.html", context)


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_registrations(request, pk):
    session = session_of(request, pk)
    return _registrations_page(request, session, InvitationForm(network=request.network))


def _planner_action(view):
    """A POST from the registrations page, back to it with a message."""
    return require_POST(P.network_permission_required(P.SESSIONS_CHANGE)(view))


def _invited_message(invited) -> str:
    members = ngettext("%(n)s lid", "%(n)s leden", len(invited.members)) % {
        "n": len(invited.members)
    }
    if not invited.guests:
        return _(
            "Uitgenodigd: %(members)s. De uitnodigingen staan klaar om te versturen; onder "
            "‘Mail over deze bijeenkomst’ zie je of ze zijn aangekomen."
        ) % {"members": members}
    guests = ngettext("%(n)s gast", "%(n)s gasten", len(invited.guests)) % {
        "n": len(invited.guests)
    }
    return _(
        "Uitgenodigd: %(members)s en %(guests)s. De uitnodigingen staan klaar om te versturen; "
        "onder ‘Mail over deze bijeenkomst’ zie je of ze zijn aangekomen."
    ) % {"members": members, "guests": guests}


@_planner_action
def session_invite(request, pk):
    """Invite groups, chosen members and guests; nobody chosen is told beside the form."""
    session = session_of(request, pk)
    if session.is_cancelled:
        raise PermissionDenied
    form = InvitationForm(request.POST, network=request.network)
    guests = form.cleaned_data["guests"] if form.is_valid() else []
    if guests and not throttle.GUESTS.allows(request, request.user.email, len(guests)):
        form.add_error(
            "guests",
            _(
                "Je hebt vandaag al veel gasten uitgenodigd. Nodig deze gasten morgen uit, of "
                "vraag een andere planner van het netwerk."
            ),
        )
    if not form.is_valid():
        return _registrations_page(request, session, form)
    invited = registrations.session_invite(
        session=session,
        rings=form.cleaned_data["ring"],
        members=form.cleaned_data["members"],
        guests=form.cleaned_data["guests"],
        base_url=base_url_of(request),
        reply_to=request.user.email,
    )
    throttle.GUESTS.count(request, request.user.email, len(invited.guests))
    if not invited:
        messages.success(request, _("Wie je koos, was al uitgenodigd."))
    else:
        messages.success(request, _invited_message(invited))
    return redirect("session_registrations", request.network.slug, session.pk)


@_planner_action
def session_remind(request, pk):
    session = session_of(request, pk)
    count = registrations.registration_remind(session=session, base_url=base_url_of(request))
    messages.success(
        request,
        ngettext(
            "Een herinnering voor %(n)s lid staat klaar om te versturen.",
            "Herinneringen voor %(n)s leden staan klaar om te versturen.",
            count,
        )
        % {"n": count},
    )
    return redirect("session_registrations", request.network.slug, session.pk)


@_planner_action
def session_guest_remove(request, pk, guest):
    """Take a guest off the list, for instance when they ask for no more mail: they get
    none about this session from then on."""
    session = session_of(request, pk)
    guest = get_object_or_404(session.guests, pk=guest)
    with transaction.atomic():
        guest.delete()
        outbox.withdraw(topic=mail_topic(session), to=guest.email)
    messages.success(
        request,
        _("%(name)s staat niet meer op de lijst en krijgt geen mail meer over deze bijeenkomst.")
        % {"name": guest.name},
    )
    return redirect("session_registrations", request.network.slug, session.pk)


@_planner_action
def session_mail_resend(request, pk):
    """Send the failed mails about the session again: one (`mail`) or all of them."""
    session = session_of(request, pk)
    failed = registrations.mails(session).filter(status=OutgoingMail.Status.FAILED)
    chosen = request.POST.get("mail", "")
    if chosen != "alle":
        failed = failed.filter(pk=int(chosen) if chosen.isdigit() else 0)
    count = registrations.mails_resend(session, list(failed.values_list("pk", flat=True)))
    if count:
        messages.success(
            request,
            ngettext(
                "%(n)s mail staat weer klaar om te versturen.",
                "%(n)s mails staan weer klaar om te versturen.",
                count,
            )
            % {"n": count},
        )
    else:
        messages.info(request, _("Er was geen mislukte mail om opnieuw te versturen."))
    return redirect("session_registrations", request.network.slug, session.pk)


@_planner_action
def session_cancel(request, pk):
    session = session_of(request, pk)
    if session.is_cancelled:
        return _to_session(request, session)
    told = registrations.session_cancel(
        session=session, base_url=base_url_of(request), reply_to=request.user.email
    )
    messages.success(
        request,
        _(
            "De bijeenkomst is afgelast. We sturen %(n)s mensen bericht, met "
            "de afzegging voor hun agenda."
        )
        % {"n": told},
    )
    return _to_session(request, session)


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_attendance(request, pk):
    """After the session: who was there, ticked in advance from the answers."""
    session = session_of(request, pk)
    not_yet = session.date > date.today() or session.is_cancelled
    if not_yet and request.method == "POST":
        raise PermissionDenied
    members = request.network.memberships.filter(left_on__isnull=True).select_related("user")
    members = members.order_by("ring", "user__full_name")
    guests = list(session.guests.all())
    if request.method == "POST":
        chosen = {int(v) for v in request.POST.getlist("aanwezig") if v.isdigit()}
        present = chosen & {member.pk for member in members}
        chosen_guests = {int(v) for v in request.POST.getlist("gast") if v.isdigit()}
        present_guests = chosen_guests & {guest.pk for guest in guests}
        registrations.attendance_record(
            session=session, present=present, present_guests=present_guests
        )
        messages.success(
            request,
            _("De aanwezigheid is bewaard: %(n)s mensen waren er.")
            % {"n": len(present) + len(present_guests)},
        )
        return _to_session(request, session)
    by_member = {r.membership_id: r for r in session.registrations.all()}
    rows = [
        (
            member,
            by_member.get(member.pk),
            registrations.attendance_expected(by_member.get(member.pk)),
        )
        for member in members
    ]
    context = {
        "network": request.network,
        "session": session,
        "rows": rows,
        "guests": guests,
        "not_yet": not_yet,
        "title": _("Wie was er?"),
        **crumb(request),
    }
    return render(request, "bijeenkomsten/attendance.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@P.network_permission_required(P.SESSIONS_VIEW)
def session_ics(request, pk):
    session = session_of(request, pk)
    content = calendar.calendar_bytes([session], absolute=request.build_absolute_uri)
    return _ics_response(content, f"bijeenkomst-{session.date:%Y-%m-%d}.ics")


@login_not_required
def calendar_feed(request, token):
    """The private feed a calendar program subscribes to: no login, the address is the
    key. A wrong or reset address finds nothing (404)."""
    sessions = calendar.feed_sessions(token)
    if sessions is None:
        raise Http404
    content = calendar.calendar_bytes(sessions, absolute=request.build_absolute_uri)
    return _ics_response(content, "bijeenkomsten.ics")


def calendar_settings(request):
    """The person's own calendar address, to copy into their calendar program; a new
    address on request (when the old one was shared by mistake)."""
    if request.method == "POST":
        calendar.feed_token_reset(request.user)
        messages.success(request, _("Je hebt een nieuw agenda-adres. Het oude werkt niet meer."))
        return redirect("calendar_settings")
    path = reverse("calendar_feed", args=[calendar.feed_token(request.user)])
    context = {
        "title": _("Bijeenkomsten in je eigen agenda"),
        "feed_url": request.build_absolute_uri(path),
    }
    return render(request, "bijeenkomsten/calendar_settings.html", context)


@P.network_permission_required(P.REPORTS_EXPORT)
def attendance_csv(request):
    """One row per member, one column per session with recorded attendance, and how often
    each was there."""
    sessions, rows = registrations.attendance_table(request.network)
    header = [_("Naam")] + [f"{s.date.isoformat()} {s.theme}" for s in sessions]
    header.append(_("Aanwezig (keer)"))
    lines = (
        [member.user.full_name, *marks, sum(1 for mark in marks if mark)] for member, marks in rows
    )
    return csv_response(f"aanwezigheid-{request.network.slug}.csv", header, lines)
