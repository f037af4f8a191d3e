from django.core.management.base import BaseCommand
from django.utils import timezone

from liso import notifications


class Command(BaseCommand):
    help = (
        "Send today's reminders and everyone's daily mail (due and overdue tasks, news kept "
        "for the daily mail). Run it once a day from cron or a worker; running it again the "
        "same day sends nothing twice."
    )

    def handle(self, *args, **options):
        sent = notifications.send_daily_mail(day=timezone.localdate())
        self.stdout.write(f"Daily mail sent to {sent} people.")
