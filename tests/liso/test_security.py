import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "liso.settings",
    "SECRET_KEY": "a-long-random-production-key-7f3a9c2e4b1d8f6a0c5e9b2d7f4a1c8e3b6d9f2",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "leernetwerken.example.org",
    "EMAIL_BACKEND": "smtp",
    "EMAIL_HOST": "smtp.example.org",
}


def test_deploy_check_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_behind_a_proxy_that_is_not_trusted_to_name_the_client():
    behind = {**PRODUCTION_ENV, "BEHIND_TLS_PROXY": "true"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **behind)
    assert result.returncode != 0
    assert "liso.W001" in result.stderr
    trusted = _manage(
        "check", "--deploy", "--fail-level", "WARNING", **behind, TRUSTED_PROXIES="10.0.0.1"
    )
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr


def test_a_trusted_proxy_that_is_not_an_address_stops_the_start():
    result = _manage("check", **{**PRODUCTION_ENV, "TRUSTED_PROXIES": "proxy.internal"})
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr


def test_deploy_check_refuses_the_console_mail_backend():
    result = _manage("check", "--deploy", **{**PRODUCTION_ENV, "EMAIL_BACKEND": "console"})
    assert result.returncode != 0
    assert "mail.E001" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_csp_forbids_inline_script_and_style(client):
    policy = client.get(reverse("home")).headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_templates_carry_no_inline_script_or_style(client, deelnemer):
    client.force_login(deelnemer)
    for name in ("home", "profile", "password_change"):
        html = client.get(reverse(name)).text
        assert "style=" not in html
        assert "<style" not in html
        assert "<script>" not in html and "onclick" not in html


@pytest.mark.django_db
def test_healthz_reports_a_reachable_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real, closed port: nothing listens on port 9 of this machine.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code, r.json())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            **PRODUCTION_ENV,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:9/liso?connect_timeout=2",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "503 {'status': 'error', 'database': 'unreachable'}", (
        result.stderr
    )
