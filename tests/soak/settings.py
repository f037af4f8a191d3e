"""Settings for the soak: the test settings (plain static files, mail kept in memory, quick
password hashing) with the database from DATABASE_URL, kept and health-checked between
requests as in production (liso/settings.py)."""

import os

import dj_database_url

from tests.settings import *  # noqa: F403

DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
    )
}
