"""What the worker does by the clock, so an install needs no cron: once a minute `tick()`
queues the daily mail once its hour has come (once a day, however many workers run) and
sends the mails whose delivery task was lost. A day the worker was away is made up for
when it is back: the daily jobs look back (see bijeenkomsten' reminders) and the daily
mail sends what was kept for it."""

import logging
import threading
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections
from django.tasks import default_task_backend, task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from liso import notifications, outbox

logger = logging.getLogger(__name__)

TICK_SECONDS = 60
FINISHED_KEPT = timedelta(days=1)


@task
def send_daily_mail(*, day: str) -> int:
    return notifications.send_daily_mail(day=date.fromisoformat(day))


def tick(now=None) -> None:
    now = timezone.localtime(now)
    today = now.date()
    # cache.add is atomic in the database cache: one worker of many queues the day's run.
    if now.hour >= settings.DAILY_MAIL_HOUR and cache.add(f"daily-mail:{today}", 1, 2 * 86400):
        send_daily_mail.enqueue(day=today.isoformat())
    outbox.send_due(now)
    _forget_finished_tasks(now)


def _forget_finished_tasks(now) -> None:
    """Finished tasks of the database queue after a day: their arguments (an invitation's
    link) need not stay."""
    if isinstance(default_task_backend, DatabaseBackend):
        finished = DBTaskResult.objects.finished().filter(finished_at__lte=now - FINISHED_KEPT)
        finished.delete()


def keep_ticking(stop: threading.Event) -> None:
    """Run `tick()` every TICK_SECONDS until `stop` is set; a failing tick (the database
    away) is logged and tried again a minute later."""
    while not stop.is_set():
        try:
            close_old_connections()
            tick()
        except Exception:
            logger.exception("The worker's minute failed; trying again in a minute")
        finally:
            close_old_connections()
        stop.wait(TICK_SECONDS)
