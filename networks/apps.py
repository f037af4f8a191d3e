from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """Who and what: networks, organisations, memberships and roles, per-network access and
    every "whose object is it" rule, editing with history, and the network overview."""

    name = "networks"
    verbose_name = "Netwerken"

    def ready(self):
        from liso.contributions import contribute_all
        from networks import contributions

        contribute_all(contributions.CONTRIBUTIONS)
