"""Counting attempts per e-mail address and per client, to refuse more after a limit
(failed logins, password-reset mail, sign-ups, guests invited).

The counts are rows of ThrottleCount in the database, so every app server behind a load
balancer sees the same ones. An attempt is counted first, in one statement that adds to the
count and returns the new value (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), and judged
by that value: of thirty attempts at once, exactly the limit gets through. A read followed
by a write would let every attempt that reads before the others write through.

django-axes was considered and not taken: it checks a lock-out before authenticating and
counts the failure afterwards, the same read-then-write race; it knows logins only, while
sign-ups, reset mail and guest invitations need the same counting; and it would bring a
second way of finding the client's address beside the one below.
"""

import ipaddress
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from liso.models import ThrottleCount

# What refused an attempt: too many for the e-mail address, or from the client.
ADDRESS = "address"
CLIENT = "client"


@cache
def _networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _ip(text: str):
    """The address in `text`, an IPv4 address written as IPv6 as itself; None if it is none."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def client_address(request) -> str:
    """The address of the computer (or the office network) a request comes from: the one
    place that decides it.

    REMOTE_ADDR is whoever opened the connection; behind a proxy that is the proxy, for
    everyone. A proxy in TRUSTED_PROXIES appends the address it saw to X-Forwarded-For, so
    only when the request comes from one is that header read: from the right, passing over
    the trusted proxies themselves, and the first address that is not one is the client.
    What a client writes in the header itself stands further left and is never reached.
    Without TRUSTED_PROXIES the header is ignored, for anyone can send it."""
    if request is None:
        return "unknown"
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(settings.TRUSTED_PROXIES))
    client = _ip(remote)
    if client is None:
        return remote or "unknown"
    if not any(client in network for network in trusted):
        return str(client)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _ip(hop)
        if address is None:  # not written by a proxy we trust: stop at the last one that was
            break
        client = address
        if not any(address in network for network in trusted):
            break
    return str(client)


def _digest(text: str) -> str:
    # A key of fixed length whatever was typed (an address of 300 characters once broke the
    # count), and no address kept in the table: keyed with SECRET_KEY, so the table alone
    # cannot be turned back into addresses by trying them all.
    return salted_hmac("liso.throttle", text, algorithm="sha256").hexdigest()[:40]


def _add(key: str, amount: int, window: int) -> int:
    """Add `amount` to the count under `key` and return the new count, atomically; a count
    whose window is over starts afresh."""
    now = timezone.now()
    table = connection.ops.quote_name(ThrottleCount._meta.db_table)
    key_, count, expires = (connection.ops.quote_name(c) for c in ("key", "count", "expires_at"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {count}, {expires}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_}) DO UPDATE SET "
            f"{count} = CASE WHEN {table}.{expires} <= %s THEN EXCLUDED.{count} "
            f"ELSE {table}.{count} + EXCLUDED.{count} END, "
            f"{expires} = CASE WHEN {table}.{expires} <= %s THEN EXCLUDED.{expires} "
            f"ELSE {table}.{expires} END "
            f"RETURNING {count}",
            [key, amount, now + timedelta(seconds=window), now, now],
        )
        return cursor.fetchone()[0]


def _take_back(keys: list[str], amount: int) -> None:
    ThrottleCount.objects.filter(key__in=keys, count__gte=amount).update(count=F("count") - amount)


@dataclass(frozen=True)
class Throttle:
    # The start of each count's key, e.g. "login-failures".
    prefix: str
    # The names of the settings that hold the limit per address and the window in seconds,
    # read on every use, so a test may change them.
    limit_setting: str
    window_setting: str
    # Count per client too (failed logins, sign-ups), against this setting's limit, or the
    # address's when empty; a count of what a logged-in person does counts per account only.
    per_client: bool = True
    client_limit_setting: str = ""

    def address_key(self, email: str) -> str:
        return f"{self.prefix}:email:{_digest(email.strip().lower())}"

    def client_key(self, request) -> str:
        return f"{self.prefix}:ip:{_digest(client_address(request))}"

    def _limits(self, request, email: str) -> list[tuple[str, str, int]]:
        """Each count that judges an attempt: what it is, its key and its limit."""
        limits = [(ADDRESS, self.address_key(email), getattr(settings, self.limit_setting))]
        if self.per_client:
            setting = self.client_limit_setting or self.limit_setting
            limits.append((CLIENT, self.client_key(request), getattr(settings, setting)))
        return limits

    def attempt(self, request, email: str) -> str | None:
        """Count one attempt and judge it: None when it stays within every limit (it stays
        counted), else what it is over, ADDRESS or CLIENT (and it is taken back, so a
        refused attempt does not lengthen anyone's wait)."""
        window = getattr(settings, self.window_setting)
        counted = []
        for kind, key, limit in self._limits(request, email):
            counted.append(key)
            if _add(key, 1, window) > limit:
                _take_back(counted, 1)
                return kind
        return None

    def forgive(self, request, email: str) -> None:
        """An attempt that went well: the address starts afresh and the client's count
        loses this attempt (colleagues behind one office address log in all day)."""
        ThrottleCount.objects.filter(key=self.address_key(email)).delete()
        if self.per_client:
            _take_back([self.client_key(request)], 1)

    def forget_address(self, email: str) -> None:
        """Start the address's count afresh (its owner proved who they are)."""
        ThrottleCount.objects.filter(key=self.address_key(email)).delete()

    def allows(self, request, email: str, amount: int = 1) -> bool:
        """Whether `amount` more stays within the limits: a count at a limit allows none.
        For a number known only afterwards (guests invited); `count` then adds them."""
        now = timezone.now()
        limits = self._limits(request, email)
        counts = dict(
            ThrottleCount.objects.filter(
                key__in=[key for _kind, key, _limit in limits], expires_at__gt=now
            ).values_list("key", "count")
        )
        return all(
            counts.get(key, 0) + amount <= limit and counts.get(key, 0) < limit
            for _kind, key, limit in limits
        )

    def count(self, request, email: str, amount: int = 1) -> None:
        window = getattr(settings, self.window_setting)
        for _kind, key, _limit in self._limits(request, email):
            _add(key, amount, window)


def forget_expired(day) -> int:
    """The daily job: remove the counts whose window is over; returns how many."""
    deleted, _kinds = ThrottleCount.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


LOGIN = Throttle(
    "login-failures",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_FAILURE_WINDOW_SECONDS",
    client_limit_setting="LOGIN_CLIENT_FAILURE_LIMIT",
)
PASSWORD_RESETS = Throttle(
    "password-resets",
    "PASSWORD_RESET_LIMIT",
    "PASSWORD_RESET_WINDOW_SECONDS",
    client_limit_setting="PASSWORD_RESET_CLIENT_LIMIT",
)
SIGNUP = Throttle("signups", "SIGNUP_LIMIT", "SIGNUP_WINDOW_SECONDS")
# Guests from outside a network get mail in the platform's name: a planner invites a
# bounded number a day, so an account made to send mail cannot send much.
GUESTS = Throttle(
    "guest-invitations", "GUEST_INVITE_LIMIT", "GUEST_INVITE_WINDOW_SECONDS", per_client=False
)
