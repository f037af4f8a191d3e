"""Settings for the LISO product, read from environment variables.

Every setting an operator may change is read here through the small typed helpers
below, so the README's configuration table and this file tell the same story.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """Addresses or networks (10.0.0.5, 10.0.0.0/24, 2001:db8::/32), comma-separated."""
    networks = []
    for item in env_list(name):
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name} holds addresses or networks such as 10.0.0.5 or 10.0.0.0/24, not {item!r}"
            ) from error
    return networks


DEBUG = env_bool("DEBUG", default=False)

# Without DEBUG an explicit key is required: a guessable key would make sessions and
# password-reset links forgeable.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "liso",
    "networks",
    "opstart",
    "werkvormen",
    "bijeenkomsten",
    "phases",
    "kernelements",
    "rapportage",
    "afsluiting",
    "transfer",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "liso.middleware.PrivatePages",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "liso.urls"
WSGI_APPLICATION = "liso.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORM_RENDERER = "liso.forms.FormRenderer"

AUTH_USER_MODEL = "liso.User"
# Django's four rules, in the product's own Dutch (liso/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {
        # Our user has one name field, not Django's first and last name.
        "NAME": "liso.passwords.LikeYourDetails",
        "OPTIONS": {"user_attributes": ["full_name", "email"]},
    },
    {"NAME": "liso.passwords.MinimumLength"},
    {"NAME": "liso.passwords.NotCommon"},
    {"NAME": "liso.passwords.NotOnlyDigits"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # three days: long enough to find the mail

# The proxies in front of the app servers (the TLS proxy), whose X-Forwarded-For names the
# real client (liso/throttle.py client_address). Empty: the header is ignored, as anyone
# can send it, and every request counts as coming from REMOTE_ADDR.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
# Failed logins per e-mail address and per client, counted in the database so that every
# app server behind a load balancer sees the same count (liso/throttle.py). A client may
# fail more often than one address: a whole office may share one address.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_CLIENT_FAILURE_LIMIT = env_int("LOGIN_CLIENT_FAILURE_LIMIT", 20)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
# Mails with a link for a new password per e-mail address and per client; a request over
# the limit gets the same page, and no mail goes out.
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 3)
PASSWORD_RESET_CLIENT_LIMIT = env_int("PASSWORD_RESET_CLIENT_LIMIT", 10)
PASSWORD_RESET_WINDOW_SECONDS = env_int("PASSWORD_RESET_WINDOW_SECONDS", 60 * 60)
# Sign-ups (each one sends a mail) per e-mail address and per client address, likewise.
SIGNUP_LIMIT = env_int("SIGNUP_LIMIT", 5)
SIGNUP_WINDOW_SECONDS = env_int("SIGNUP_WINDOW_SECONDS", 60 * 60)
# Guests from outside a network that one planner may invite to sessions per window.
GUEST_INVITE_LIMIT = env_int("GUEST_INVITE_LIMIT", 100)
GUEST_INVITE_WINDOW_SECONDS = env_int("GUEST_INVITE_WINDOW_SECONDS", 24 * 60 * 60)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "liso_cache",
    },
    # Rendered parts that are the same on every page (the layout's assets and footer): kept
    # in each process's memory, since they change only with a deploy, which restarts it.
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploads are served only through views that check access: MEDIA_URL stays unset and no
# URL pattern serves MEDIA_ROOT.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10) * 1024 * 1024

# Mail: the console by default (a local demo prints mail to the terminal); production
# sets EMAIL_BACKEND=smtp and the server's details. `check --deploy` refuses the console.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email_backend = EMAIL_BACKENDS.get(env_str("EMAIL_BACKEND", "console"), env_str("EMAIL_BACKEND"))
_email_options = {}
if _email_backend == EMAIL_BACKENDS["smtp"]:
    _email_options = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", default=True),
        "timeout": env_int("EMAIL_TIMEOUT", 20),
    }
MAILERS = {"default": {"BACKEND": _email_backend, "OPTIONS": _email_options}}
# Background work (all mail, for one) waits in the database until the worker
# (`manage.py worker`) does it: no other server is needed, and nothing is lost when the
# web server or the mail server stops. Tests run each task at once (tests/settings.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The hour (local time) from which the worker sends the day's daily mail.
DAILY_MAIL_HOUR = env_int("DAILY_MAIL_HOUR", 7)
# Where the product lives, for links in mail sent outside a request (the daily mail).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "LISO Leernetwerken <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address the footer's contact page shows; none until the install sets one.
CONTACT_EMAIL = env_str("CONTACT_EMAIL")

# Content-Security-Policy: everything from our own origin, nothing inline, no eval.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# Production hardening: on unless DEBUG, each one can be switched off for a setup that
# terminates TLS elsewhere and proxies plain HTTP without the forwarded header.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
