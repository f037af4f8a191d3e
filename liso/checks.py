"""Checks of an install: a database of an older layout, and a proxy whose clients all
look alike.

A database made by an older layout of the code is told, not half-migrated.

The migrations were started afresh when the apps were renamed (the sessions left
`phases` for `bijeenkomsten`, the journey left `journey` for `phases`). A development
database from before still records the old migrations, and some of their names (like
`phases 0001_initial`) now mean something else, so `migrate` would skip tables it never
made. This check runs with `migrate` (it is tagged for the database) and stops it with
what to do instead.

Behind a TLS proxy, every request comes from the proxy's address. Without TRUSTED_PROXIES
the throttles cannot tell one client from another, so a few wrong passwords from anyone
would hold up everyone's login; `check --deploy` warns.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

# Apps of this project that no longer exist under their label.
FORMER_APPS = {"journey"}


@register(Tags.database)
def database_matches_the_migrations(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or []:
        if unknown := _unknown_migrations(connections[alias]):
            errors.append(_error(alias, unknown))
    return errors


def _unknown_migrations(connection) -> list[tuple[str, str]]:
    """Applied migrations of this project's apps, present or former, that are not on disk.
    (Other packages' migrations are theirs to judge.)"""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    ours = {config.label for config in apps.get_app_configs() if _is_ours(config)}
    ours |= FORMER_APPS
    return sorted(
        (app, name)
        for app, name in recorder.applied_migrations()
        if app in ours and (app, name) not in on_disk
    )


def _is_ours(config) -> bool:
    """An app of this project: a folder at the project's root (a virtual environment may
    live under the root too, so a prefix match would take in Django's own apps)."""
    return Path(config.path).parent == Path(settings.BASE_DIR)


def _error(alias, unknown) -> Error:
    name = connections[alias].settings_dict["NAME"]
    listed = ", ".join(f"{app} {migration}" for app, migration in unknown[:6])
    more = f" and {len(unknown) - 6} more" if len(unknown) > 6 else ""
    return Error(
        f"The database {name} was made by an older layout of the code: it records "
        f"migrations that no longer exist ({listed}{more}).",
        hint=(
            "The migrations were started afresh, so this database cannot be upgraded. "
            "For the development database: remove it (rm db.sqlite3) and run `make run` "
            "again; the catalogue and the demo data are loaded anew."
        ),
        id="liso.E001",
    )


@register(Tags.security, deploy=True)
def proxy_names_the_client(app_configs=None, **kwargs):
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.TRUSTED_PROXIES:
        return [
            Warning(
                "BEHIND_TLS_PROXY is on but TRUSTED_PROXIES is empty: every request seems to "
                "come from the proxy, so the login throttle counts all clients as one.",
                hint=(
                    "Set TRUSTED_PROXIES to the proxy's address (or network), and let the "
                    "proxy append the client's address to X-Forwarded-For."
                ),
                id="liso.W001",
            )
        ]
    return []
