"""Mails about a session, sent as tasks: the invitation, a reminder, a freed place and a
cancellation. Each names the date, time and place in the mail itself and carries the
session as an .ics attachment, so it lands in the reader's calendar."""

from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bijeenkomsten import calendar, reports
from bijeenkomsten.models import Session, SessionGuest
from liso import notifications, outbox
from networks.models import Membership

SUBJECTS = {
    "uitnodiging": _("Uitnodiging: %(theme)s op %(date)s"),
    "herinnering": _("Herinnering: kom je naar %(theme)s op %(date)s?"),
    "plek": _("Er is plek voor je: %(theme)s op %(date)s"),
    "afgelast": _("Afgelast: %(theme)s op %(date)s"),
    "binnenkort": _("Binnenkort: %(theme)s op %(date)s"),
    "gewijzigd": _("Gewijzigd: %(theme)s, nu op %(date)s"),
}


def mail_topic(session: Session) -> str:
    """What a session's mails are filed under, so its registrations page lists them."""
    return f"bijeenkomst-{session.pk}"


@task
def send_session_mail(
    *, session_id: int, membership_ids: list[int], kind: str, base_url: str
) -> None:
    session = Session.objects.select_related("network", "venue").get(pk=session_id)
    base = notifications.site_base(base_url)

    def absolute(path):
        return base + path

    method = calendar.session_method(session)
    context = {
        **reports.context(session),
        "kind": kind,
        "url": absolute(reverse("session_detail", args=[session.network.slug, session.pk])),
    }
    subject = SUBJECTS[kind] % {"theme": session.theme, "date": date_format(session.date, "j F Y")}
    context["footer"] = notifications.footer(base)
    members = Membership.objects.filter(pk__in=membership_ids, left_on__isnull=True)
    for membership in members.select_related("user"):
        message = EmailMessage(
            subject=subject,
            body=render_to_string(
                "bijeenkomsten/mail/session.txt", {**context, "name": membership.user.full_name}
            ),
            to=[membership.user.email],
        )
        ics = calendar.calendar_bytes(
            [session], absolute=absolute, method=method, attendee=membership.user.email
        )
        message.attach("bijeenkomst.ics", ics, f"text/calendar; method={method}")
        notifications.deliver(
            user=membership.user,
            kind="bijeenkomsten",
            message=message,
            summary=f"{subject}\n{context['url']}",
            topic=mail_topic(session),
        )


@task
def send_guest_mail(
    *, session_id: int, guest_ids: list[int], kind: str, base_url: str, reply_to: str
) -> None:
    """A session mail to guests from outside the network: the same text and .ics as
    members get, but with no link to a page they cannot open; they answer by replying
    (to `reply_to`). Whether each mail reached the mail server is kept with the mail
    (liso/outbox.py), so the planner sees it."""
    session = Session.objects.select_related("network", "venue").get(pk=session_id)
    method = calendar.session_method(session)
    base = notifications.site_base(base_url)
    context = {**reports.context(session), "kind": kind, "guest": True, "reply_to": reply_to}
    subject = SUBJECTS[kind] % {"theme": session.theme, "date": date_format(session.date, "j F Y")}
    for guest in SessionGuest.objects.filter(pk__in=guest_ids, session=session):
        message = EmailMessage(
            subject=subject,
            body=render_to_string(
                "bijeenkomsten/mail/session.txt", {**context, "name": guest.name}
            ),
            to=[guest.email],
            reply_to=[reply_to] if reply_to else None,
        )
        ics = calendar.calendar_bytes(
            [session],
            absolute=lambda path: base + path,
            method=method,
            attendee=guest.email,
            organizer=reply_to,
        )
        message.attach("bijeenkomst.ics", ics, f"text/calendar; method={method}")
        outbox.queue(message, topic=mail_topic(session))


@task
def send_report_mail(*, session_id: int, membership_ids: list[int], base_url: str) -> None:
    """The shared report: its lessons and action points in the mail, the rest behind the
    link."""
    session = Session.objects.select_related("network", "report").get(pk=session_id)
    base = notifications.site_base(base_url)
    url = base + reverse("session_report", args=[session.network.slug, session.pk])
    context = {
        "session": session,
        "report": session.report,
        "url": url,
        "actions": list(session.actions.select_related("owner__user")),
        "footer": notifications.footer(base),
    }
    subject = _("Verslag: %(theme)s") % {"theme": session.theme}
    notifications.mail_members(
        memberships=Membership.objects.filter(pk__in=membership_ids, left_on__isnull=True),
        kind="verslagen",
        subject=subject,
        template="bijeenkomsten/mail/report.txt",
        context=context,
        summary=f"{subject}\n{url}",
    )
