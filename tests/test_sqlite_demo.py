"""`make run` keeps its data in SQLite, the tests in PostgreSQL: the demo on SQLite, as
`make run` sets it up, answers the network's pages as the demo trekker. (Found missing when
the membership query used an ordered aggregate, which SQLite does not support.)"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in the SQLite process: every page of the demo network that needs only its slug.
PAGES_SCRIPT = """
import django
django.setup()
from django.test import Client
from django.urls import get_resolver, reverse
from liso.models import User
from tests.access import ROUTES, THE_NETWORK

NO_FILE = {"opstart_agreement_scan"}
client = Client()
client.force_login(User.objects.get(email="trekker@example.org"))
failed = []
for name, route in ROUTES.items():
    # Pages, fragments and downloads; not the file of a scan the demo never uploaded.
    if route.method != "get" or route.kwargs != {"slug": THE_NETWORK} or name in NO_FILE:
        continue
    url = reverse(name, kwargs={"slug": "jeugdhulp-dichtbij"})
    status = client.get(url, {"q": "bijeenkomst"} if name == "network_search" else {}).status_code
    if status >= 400 and status != 403:
        failed.append((name, status))
    print(name, status)
assert not failed, failed
"""


def test_the_demo_on_sqlite_answers_the_network_pages(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "liso.settings",
        "ALLOWED_HOSTS": "testserver",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    for command in (["migrate", "--no-input"], ["load_catalogue"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300
        )
    pages = subprocess.run(
        [sys.executable, "-c", PAGES_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pages.returncode == 0, pages.stdout[-2000:] + pages.stderr[-4000:]
    assert "network_overview 200" in pages.stdout
