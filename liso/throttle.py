"""Counting attempts per e-mail address and per client address, to refuse more after a
limit (failed logins, sign-ups).

The counts live in the database cache, so that every app server behind a load balancer sees
the same ones; `cache.add` starts a count with the window as its lifetime and `cache.incr`
raises it, so a count ends by itself when its window is over.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown") if request else "unknown"


@dataclass(frozen=True)
class Throttle:
    # The start of each count's cache key, e.g. "login-failures".
    prefix: str
    # The names of the settings that hold the limit (per address and per client) and the
    # window in seconds, read on every use, so a test may change them.
    limit_setting: str
    window_setting: str
    # Count per client address too (failed logins, sign-ups); a count of what a logged-in
    # person does counts per account only.
    per_client: bool = True

    def keys(self, request, email: str) -> list[str]:
        """The address's count first, then the client's. The address goes in as a hash: a
        cache key has a length limit that a typed address need not keep to (an address of
        300 characters made the count fail), and the cache need not hold addresses."""
        address = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        keys = [f"{self.prefix}:email:{address}"]
        if self.per_client:
            keys.append(f"{self.prefix}:ip:{client_address(request)}")
        return keys

    def exceeded(self, request, email: str) -> bool:
        return not self.allows(request, email, 0)

    def allows(self, request, email: str, amount: int = 1) -> bool:
        """Whether `amount` more stays within the limit: a count at the limit allows none."""
        limit = getattr(settings, self.limit_setting)
        counts = (cache.get(key, 0) for key in self.keys(request, email))
        return all(count + amount <= limit and count < limit for count in counts)

    def count(self, request, email: str, amount: int = 1) -> None:
        window = getattr(settings, self.window_setting)
        for key in self.keys(request, email):
            if cache.add(key, amount, window):
                continue
            try:
                cache.incr(key, amount)
            except ValueError:  # the count's window ended just now: a new one starts
                cache.set(key, amount, window)

    def forget_address(self, request, email: str) -> None:
        """Start the address's count afresh (after a successful login); the client's stays."""
        cache.delete(self.keys(request, email)[0])


LOGIN = Throttle("login-failures", "LOGIN_FAILURE_LIMIT", "LOGIN_FAILURE_WINDOW_SECONDS")
SIGNUP = Throttle("signups", "SIGNUP_LIMIT", "SIGNUP_WINDOW_SECONDS")
# Guests from outside a network get mail in the platform's name: a planner invites a
# bounded number a day, so an account made to send mail cannot send much.
GUESTS = Throttle(
    "guest-invitations", "GUEST_INVITE_LIMIT", "GUEST_INVITE_WINDOW_SECONDS", per_client=False
)
