from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """Who and what: networks, organisations, memberships and roles, per-network access,
    opstart, the three agendas, decisions, afsluiting and the network overview."""

    name = "networks"
    verbose_name = "Netwerken"
