"""Settings for the test suite: production settings with what a test machine needs changed.

The environment is filled in before the project settings are read, so the suite runs with
DEBUG off, as production does; only what plain-HTTP test servers need is relaxed.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-real-use-0123456789")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ["SECURE_SSL_REDIRECT"] = "false"  # test servers speak plain HTTP
os.environ["SECURE_COOKIES"] = "false"  # a browser drops secure cookies over HTTP

from liso.settings import *  # noqa: F403

# Tests run on PostgreSQL: tests/conftest.py starts a throwaway cluster and fills in
# where it listens.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "liso",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "",
    }
}

# Hashing passwords slowly protects real accounts; in tests it only costs time.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No manifest needed: tests do not run collectstatic.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Each task runs at once, inside the request that queues it; the tests about the queue
# itself switch to the database backend and run the real worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
# Uploads go to a folder of this test run, never into the project.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="liso-test-media-"))
