import logging
import threading
import time

from django.db import InterfaceError, OperationalError, close_old_connections
from django_tasks_db.management.commands import db_worker

from liso import schedule

logger = logging.getLogger(__name__)

RECONNECT_SECONDS = 5


class Command(db_worker.Command):
    help = (
        "Run the background work: mail and other tasks from the database queue, and once a "
        "minute what runs by the clock (the daily mail). Start one beside the web server; "
        "`--batch` does what is waiting now (the minute's work first) and stops."
    )

    def handle(self, *args, **options):
        stop = threading.Event()
        if options["batch"]:
            schedule.tick()
        else:
            threading.Thread(target=schedule.keep_ticking, args=(stop,), daemon=True).start()
        try:
            self._run_through_outages(*args, **options)
        finally:
            stop.set()

    def _run_through_outages(self, *args, **options):
        """The queue lives in the database: when it is away (a restart), wait and go on
        instead of stopping, so the worker comes back by itself with the database."""
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError):
                logger.exception("Database away; the worker tries again in a moment")
                close_old_connections()
                time.sleep(RECONNECT_SECONDS)
