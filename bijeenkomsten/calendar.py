"""Sessions in people's own calendars: one session as an .ics file (a download, a mail
attachment) and a private feed per person with all sessions of their networks.

A session keeps one UID for life, and its `sequence` rises with every change a calendar
shows (Session.CALENDAR_FIELDS), so calendar programs replace what they had instead of
adding a second event; a cancelled session is sent as CANCELLED. Times are written in UTC,
which every calendar program turns into the reader's own time, Amsterdam included.

The feed's address carries a signed (user, version) pair instead of a stored secret:
nothing to leak from the database, and resetting the version (CalendarKey) makes every
older address worthless.
"""

from datetime import UTC, datetime, timedelta
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.models import CalendarKey, Session

PRODID = "-//LISO Leernetwerken//Bijeenkomsten//NL"
UID_DOMAIN = "liso-leernetwerken"
# A namespace for the feed's signed addresses; it keeps the app's earlier name, so the
# addresses people put in their calendars stay valid.
FEED_SALT = "phases.calendar.feed"
FEED_PAST = timedelta(days=183)  # the feed shows half a year back, and everything ahead


def session_uid(session: Session) -> str:
    return f"bijeenkomst-{session.pk}@{UID_DOMAIN}"


def _times(session: Session) -> tuple[datetime, datetime]:
    # Real elapsed minutes, in UTC: a session over a daylight-saving change ends right.
    starts = session.starts_at.astimezone(UTC)
    return starts, starts + timedelta(minutes=session.planned_minutes)


def _location(session: Session) -> str:
    venue = session.venue
    parts = [venue.name if venue else "", venue.address if venue else "", session.place]
    return ", ".join(part for part in parts if part)


def _description(session: Session, url: str) -> str:
    lines = [_("Bijeenkomst van %(network)s.") % {"network": session.network.name}]
    if session.online_link:
        lines.append(_("Online meedoen: %(link)s") % {"link": session.online_link})
    lines.append(_("Programma en aanmelden: %(url)s") % {"url": url})
    return "\n".join(lines)


def session_event(session: Session, *, url: str) -> icalendar.Event:
    """One session as a calendar event; `url` is the session's page (absolute)."""
    starts, ends = _times(session)
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", f"{session.theme} ({session.network.name})")
    event.add("description", _description(session, url))
    event.add("url", url)
    if location := _location(session):
        event.add("location", location)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return event


def calendar_bytes(
    sessions, *, absolute, method: str | None = None, attendee: str = "", organizer: str = ""
) -> bytes:
    """A calendar with these sessions. `absolute` turns a path into a full URL (the
    request's build_absolute_uri). A mailed invitation or cancellation has a METHOD, an
    organiser and its reader as attendee, so mail programs offer to add or remove it. The
    organiser is the platform's address, or `organizer`: a guest's calendar answers the
    planner who invited them, as their mail says, not a mailbox nobody reads."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Bijeenkomsten"))
    if method:
        calendar.add("method", method)
    for session in sessions:
        url = absolute(reverse("session_detail", args=[session.network.slug, session.pk]))
        event = session_event(session, url=url)
        if method:
            _address_event(event, attendee, organizer)
        calendar.add_component(event)
    return calendar.to_ical()


def _address_event(event: icalendar.Event, attendee: str, organizer: str = "") -> None:
    """Who sends the invitation (our mail address, or the given organiser's) and to whom,
    as RFC 5546 asks."""
    name, address = parseaddr(organizer or settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = icalendar.vText(name or address)
    event.add("organizer", organizer)
    if attendee:
        guest = icalendar.vCalAddress(f"mailto:{attendee}")
        guest.params.update(
            {"role": icalendar.vText("REQ-PARTICIPANT"), "rsvp": icalendar.vText("FALSE")}
        )
        event.add("attendee", guest)


def session_method(session: Session) -> str:
    return "CANCEL" if session.is_cancelled else "REQUEST"


# --- the private feed ---------------------------------------------------------------------


def _version(user) -> int:
    key = CalendarKey.objects.filter(user=user).first()
    return key.version if key else 0


def feed_token(user) -> str:
    return signing.dumps([user.pk, _version(user)], salt=FEED_SALT)


def feed_token_reset(user) -> None:
    """A new address for the feed; every earlier one stops working."""
    key, _created = CalendarKey.objects.get_or_create(user=user)
    CalendarKey.objects.filter(pk=key.pk).update(version=F("version") + 1)


def feed_sessions(token: str):
    """The sessions the token's owner may see, or None when the token is not (or no
    longer) valid."""
    try:
        user_id, version = signing.loads(token, salt=FEED_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    owner = get_user_model().objects.filter(pk=user_id, is_active=True)
    owner = owner.select_related("calendar_key").first()
    key = getattr(owner, "calendar_key", None) if owner else None
    if owner is None or (key.version if key else 0) != version:
        return None
    since = timezone.localdate() - FEED_PAST
    return (
        Session.objects.filter(
            network__memberships__user=owner,
            network__memberships__left_on__isnull=True,
            date__gte=since,
        )
        .exclude(status=Session.Status.CONCEPT)
        .select_related("network", "venue")
        .order_by("date", "start_time")
    )
