from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """Who and what: networks, organisations, memberships and roles, per-network access,
    opstart, the three agendas, decisions, afsluiting and the network overview."""

    name = "networks"
    verbose_name = "Netwerken"

    def ready(self):
        from liso import catalogue
        from networks import catalogue as networks_catalogue

        catalogue.register("networks", check=networks_catalogue.check, load=networks_catalogue.load)

        from liso.home import register_section
        from networks import contributions, demo, panels  # noqa: F401 (demo registers itself)

        register_section(contributions.MY_NETWORKS)
        panels.register_panel(contributions.MEMBERS_PANEL)
        for step in contributions.NEXT_STEPS:
            panels.register_next_step(step)
