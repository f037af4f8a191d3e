"""The production set-up as the README describes it: collectstatic with the manifest, and
gunicorn with whitenoise serving pages and compressed static files."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests import machine
from tests.liso.test_security import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory, django_db_setup, django_db_blocker):
    from django.db import connection

    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
        f"/{settings_dict['NAME']}"
    )
    env = {
        "PATH": os.environ["PATH"],
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_TLS_PROXY": "true",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return env


@pytest.fixture(scope="module")
def gunicorn(production_env):
    port = machine.free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "liso.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=production_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def _get(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    return urllib.request.urlopen(request, timeout=5)


def test_collectstatic_writes_a_manifest_with_hashed_names(production_env):
    manifest = Path(production_env["STATIC_ROOT"]) / "staticfiles.json"
    assert "liso/theme.css" in manifest.read_text()


def test_gunicorn_serves_the_landing_page_with_security_headers(gunicorn):
    response = _get(gunicorn + "/")
    assert response.status == 200
    assert "Eén plek voor je leernetwerk" in response.read().decode()
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https(gunicorn):
    request = urllib.request.Request(gunicorn + "/", headers={"X-Forwarded-Proto": "http"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as redirect:
        urllib.request.build_opener(NoRedirect).open(request, timeout=5)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"].startswith("https://")


def test_static_files_are_served_compressed_and_cached_for_long(gunicorn):
    html = _get(gunicorn + "/").read().decode()
    css_path = next(
        part.split('"')[0]
        for part in html.split('href="')
        if part.startswith("/static/liso/theme.")
    )
    response = _get(gunicorn + css_path, **{"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] in {"gzip", "br"}
    assert "max-age=315360000" in response.headers["Cache-Control"]
