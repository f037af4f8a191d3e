"""How people hear about things: per kind of news, right away, in one mail a day, or not.

Apps send their mail through `deliver()`, which looks at the person's setting: right away
the mail is queued as it is (liso/outbox.py sends it); for the daily mail only its short
summary is kept (QueuedNotice); "off" sends nothing. The kinds of news, the daily mail's sections (a
person's due and overdue preparation tasks, say) and the jobs that run with it (reminders
a few days before a session) are contributed by the apps (liso/contributions.py). The
`send_daily_mail` command runs it all; a second run on the same day sends nothing twice
(DailyMail).

Every mail ends with a link to the settings page, where each kind can be changed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liso import outbox
from liso.contributions import DAILY_JOBS, DAILY_MAIL_SECTIONS, MAIL_KINDS, contributions
from liso.models import DailyMail, NotificationSetting, QueuedNotice, User

DIRECT, DAILY, OFF = "direct", "dagelijks", "uit"
FREQUENCY_LABELS = {DIRECT: _("Meteen"), DAILY: _("In één mail per dag"), OFF: _("Niet")}


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    default: str
    choices: tuple[str, ...] = (DIRECT, DAILY, OFF)


@dataclass(frozen=True)
class DailySection:
    """A part of the daily mail: who has something in it, and their text."""

    kind: str
    recipients: Callable[[object], set[int]]  # day -> user ids
    text: Callable[[object, object], str]  # (user, day) -> text, "" for nothing


def kinds() -> list[Kind]:
    """The kinds of news apps contribute (MAIL_KINDS), as the settings page lists them."""
    return contributions(MAIL_KINDS)


def _kind(code: str) -> Kind:
    return next(kind for kind in kinds() if kind.code == code)


def settings_of(user) -> dict[str, str]:
    """The person's frequency per kind, defaults filled in (one query)."""
    chosen = dict(user.notification_settings.values_list("kind", "frequency"))
    return {kind.code: chosen.get(kind.code, kind.default) for kind in kinds()}


def settings_save(*, user, frequencies: dict[str, str]) -> None:
    for code, frequency in frequencies.items():
        kind = _kind(code)
        if frequency in kind.choices:
            NotificationSetting.objects.update_or_create(
                user=user, kind=code, defaults={"frequency": frequency}
            )


def base_url_of(request) -> str:
    """Where the product lives, as the request that sends a mail sees it."""
    return request.build_absolute_uri("/")


def site_base(base_url: str = "") -> str:
    """The address links in a mail start with: the request's, or SITE_URL outside one."""
    return (base_url or settings.SITE_URL).rstrip("/")


def settings_url(base_url: str = "") -> str:
    return site_base(base_url) + reverse("notification_settings")


def footer(base_url: str = "") -> str:
    """The last lines of every mail: where to change what one receives."""
    return render_to_string("liso/mail/footer.txt", {"url": settings_url(base_url)}).strip()


def deliver(*, user, kind: str, message: EmailMessage, summary: str, topic: str = "") -> None:
    """Queue `message` now (liso/outbox.py), keep `summary` for the daily mail, or drop
    it: as the person chose for this kind. A removed (inactive) account gets nothing: its
    address is not a person's any more. `topic` lets a page find the mail again."""
    if not user.is_active:
        return
    frequency = settings_of(user)[kind]
    if frequency == DIRECT:
        outbox.queue(message, topic=topic, user=user)
    elif frequency == DAILY:
        QueuedNotice.objects.create(user=user, kind=kind, text=summary)


def mail_members(*, memberships, kind: str, subject: str, template: str, context, summary):
    """The same mail to each of these memberships, addressed by name, as each chose for
    this kind (`deliver`)."""
    for membership in memberships.select_related("user"):
        user = membership.user
        body = render_to_string(template, {**context, "name": user.full_name})
        message = EmailMessage(subject=subject, to=[user.email], body=body)
        deliver(user=user, kind=kind, message=message, summary=summary)


def _recipients(day) -> set[int]:
    users = set(QueuedNotice.objects.filter(sent_at=None).values_list("user_id", flat=True))
    for section in contributions(DAILY_MAIL_SECTIONS):
        users |= section.recipients(day)
    return users


def _daily_text(user, day) -> tuple[str, list[int]]:
    """The daily mail's text, and the queued notices it includes (only those are marked
    sent: one queued while this mail was being made waits for tomorrow's)."""
    chosen = settings_of(user)
    parts = [
        section.text(user, day)
        for section in contributions(DAILY_MAIL_SECTIONS)
        if chosen[section.kind] == DAILY
    ]
    notices = [
        notice
        for notice in QueuedNotice.objects.filter(user=user, sent_at=None)
        if chosen.get(notice.kind) == DAILY
    ]
    parts += [notice.text for notice in notices]
    text = "\n\n".join(part.strip() for part in parts if part.strip())
    return text, [notice.pk for notice in notices]


def send_daily_mail(*, day) -> int:
    """Run the daily jobs, then queue each person's daily mail of `day`, once (the
    outbox sends it, and tries again while the mail server refuses). Returns how many
    mails were queued."""
    for job in contributions(DAILY_JOBS):
        job(day)
    sent = 0
    for user in User.objects.filter(pk__in=_recipients(day), is_active=True):
        try:
            sent += _send_daily(user, day)
        except IntegrityError:
            continue  # already sent today
    return sent


@transaction.atomic
def _send_daily(user, day) -> int:
    DailyMail.objects.create(user=user, day=day)
    text, notice_ids = _daily_text(user, day)
    if not text:
        transaction.set_rollback(True)
        return 0
    body = render_to_string(
        "liso/mail/daily.txt", {"name": user.full_name, "text": text, "footer": footer()}
    )
    message = EmailMessage(subject=str(_("Je overzicht van vandaag")), body=body, to=[user.email])
    outbox.queue(message, topic=f"dagmail-{day}", user=user)
    QueuedNotice.objects.filter(pk__in=notice_ids).update(sent_at=timezone.now())
    return 1
