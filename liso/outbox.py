"""Every mail the product sends goes through here: written down first, sent by the worker.

`queue()` stores a mail per recipient (OutgoingMail) and hands its delivery to the task
queue, so a request never waits for the mail server and no mail is lost when that server
is slow or away. `deliver` sends one stored mail; when the server refuses, it records why
and tries again later, waiting longer each time, until it gives up after MAX_ATTEMPTS
(status FAILED, with the reason). A planner can then send it again (`resend`). Pages say
what the record says: "staat klaar" until the server took the mail, never "verstuurd"
before that.

The worker also calls `send_due()` every minute (liso/schedule.py): it picks up mails
whose delivery task was lost (a worker stopped mid-task).
"""

import base64
import logging
from datetime import timedelta
from smtplib import SMTPException

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from liso.models import OutgoingMail

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status

MAX_ATTEMPTS = 10
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
# A queued mail whose time has come this long ago has lost its delivery task.
STALE_AFTER = timedelta(minutes=10)


def queue(message: EmailMessage, *, topic: str = "", user=None) -> list[OutgoingMail]:
    """Store `message` as one mail per recipient and queue each for delivery. With the
    database task queue, the delivery task is written in the same transaction as the
    mail: both are kept, or neither."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    mails = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            topic=topic,
            user=user,
            to=address,
            subject=str(message.subject)[:300],
            body=message.body,
            html=html,
            reply_to=message.reply_to[0] if message.reply_to else "",
            attachments=[_stored_attachment(item) for item in message.attachments],
        )
        for address in message.to
    )
    for mail in mails:
        deliver.enqueue(mail_id=mail.pk)
    return mails


def _stored_attachment(item) -> dict:
    filename, content, mimetype = item
    data = content.encode() if isinstance(content, str) else content
    return {
        "filename": filename,
        "mimetype": mimetype,
        "content": base64.b64encode(data).decode(),
    }


def _message(mail: OutgoingMail) -> EmailMessage:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for item in mail.attachments:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message


def wait_before(attempt: int) -> timedelta:
    """How long to wait after the `attempt`th failed try: doubling, at most an hour."""
    return min(FIRST_WAIT * 2 ** (attempt - 1), LONGEST_WAIT)


@task
def deliver(*, mail_id: int) -> str:
    """Send one stored mail, once: a mail already sent (or being sent by another worker)
    is left alone. Returns the mail's status."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=Status.QUEUED)
            .first()
        )
        if mail is None:
            return ""
        try:
            _message(mail).send()
        except (OSError, SMTPException) as refused:
            logger.warning(
                "Mail %s to %s not sent (try %s): %s", mail.pk, mail.to, mail.attempts + 1, refused
            )
            _record_failure(mail, refused)
        else:
            _record_sent(mail)
    if mail.status == Status.QUEUED:
        _retry_later(mail)
    return mail.status


def _record_sent(mail: OutgoingMail) -> None:
    """Keep that it went out, not what it said: a sent mail's text (a link to set a
    password, say) has no business staying in the database."""
    mail.status, mail.sent_at, mail.last_error = Status.SENT, timezone.now(), ""
    mail.attempts += 1
    mail.body, mail.html, mail.attachments = "", "", []
    mail.save()


def _record_failure(mail: OutgoingMail, error: Exception) -> None:
    mail.attempts += 1
    mail.last_error = (str(error) or type(error).__name__)[:300]
    if mail.attempts >= MAX_ATTEMPTS:
        mail.status = Status.FAILED
    else:
        mail.next_attempt_at = timezone.now() + wait_before(mail.attempts)
    mail.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def _retry_later(mail: OutgoingMail) -> None:
    """Queue the next try for its time. A queue that cannot wait (the one tests use runs
    every task at once) leaves it to `tick()`."""
    if deliver.get_backend().supports_defer:
        deliver.using(run_after=mail.next_attempt_at).enqueue(mail_id=mail.pk)


def resend(mails) -> int:
    """Try these failed mails (a queryset) again from the start: a planner's "opnieuw
    versturen". Returns how many were queued anew."""
    with transaction.atomic():
        failed = list(
            mails.select_for_update(of=("self",))
            .filter(status=Status.FAILED)
            .values_list("pk", flat=True)
        )
        OutgoingMail.objects.filter(pk__in=failed).update(
            status=Status.QUEUED, attempts=0, last_error="", next_attempt_at=timezone.now()
        )
    for pk in failed:
        deliver.enqueue(mail_id=pk)
    return len(failed)


def withdraw(*, topic: str, to: str) -> None:
    """Drop the mails about `topic` to this address that did not go out, waiting or
    failed (a guest taken off a session's list gets nothing more about it, not even by
    "opnieuw versturen")."""
    not_sent = [Status.QUEUED, Status.FAILED]
    OutgoingMail.objects.filter(topic=topic, to__iexact=to, status__in=not_sent).delete()


def latest_by_topic(topics: list[str]) -> dict[str, OutgoingMail]:
    """The newest mail per topic, in one query."""
    mails = OutgoingMail.objects.filter(topic__in=topics).order_by("created_at", "pk")
    return {mail.topic: mail for mail in mails}


def send_due(now=None) -> int:
    """Deliver the queued mails whose next try is due and whose task was lost (or which
    the queue could not schedule); returns how many were tried."""
    now = now or timezone.now()
    due = OutgoingMail.objects.filter(
        status=Status.QUEUED, next_attempt_at__lte=now - _lost_after()
    )
    ids = list(due.values_list("pk", flat=True)[:500])
    for pk in ids:
        deliver.call(mail_id=pk)
    return len(ids)


def _lost_after() -> timedelta:
    # A queue that cannot schedule retries leaves them all to the tick, at their time.
    return STALE_AFTER if deliver.get_backend().supports_defer else timedelta(0)
