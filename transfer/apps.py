from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Moving a network between installs: the trekker's export (one zip with the data as
    JSON and the uploaded files) and its import by platform staff. It reads every app's
    models, so it comes last."""

    name = "transfer"
    verbose_name = "Overdracht"
