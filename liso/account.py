"""Removing one's own account (AVG: the right to be forgotten), keeping the networks'
shared record readable.

The person's row stays, because sessions, minutes, experiments, decisions and histories
point at it; it is anonymised instead: the name becomes User.REMOVED_NAME ("oud-lid"), so
every page and PDF shows that, the e-mail address becomes a unique address that cannot
receive mail (which frees the real one for a new account later), the password unusable,
the account inactive. What only the person could read is deleted. Each app knows what it
keeps privately and contributes a RemovalPart (ACCOUNT_REMOVAL in liso/contributions.py):
the reasons it refuses, and what it deletes or clears.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from liso.contributions import ACCOUNT_REMOVAL, contributions
from liso.models import DailyMail, NotificationSetting, OutgoingMail, QueuedNotice, User

# A reserved top-level domain (RFC 2606): no mail to it can ever be delivered.
REMOVED_DOMAIN = "verwijderd.invalid"


def removed_address(user) -> str:
    """The removed account's e-mail address: unique, and no mail can reach it."""
    return f"oud-lid-{user.pk}@{REMOVED_DOMAIN}"


def _no_refusals(user) -> list[str]:
    return []


@dataclass(frozen=True)
class RemovalPart:
    # user -> delete or clear what this app keeps that only the person could read
    remove: Callable[[object], None]
    # user -> why the account cannot go yet, in Dutch (empty: nothing against it)
    refusals: Callable[[object], list[str]] = _no_refusals


class AccountRemovalRefused(Exception):
    """The account cannot be removed yet; `reasons` say why, for the person."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def removal_refusals(user) -> list[str]:
    """Why `user` cannot remove their account now (empty when they can)."""
    return [reason for part in contributions(ACCOUNT_REMOVAL) for reason in part.refusals(user)]


@transaction.atomic
def account_remove(*, user) -> None:
    """Remove `user`'s account: every app deletes what is private to them, then the
    account is anonymised and closed. Refused, with nothing changed, while an app says no
    (AccountRemovalRefused). Removing an account twice changes nothing the second time."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.is_removed:
        return
    if reasons := removal_refusals(locked):
        raise AccountRemovalRefused(reasons)
    for part in contributions(ACCOUNT_REMOVAL):
        part.remove(locked)  # before the name changes: some rewrite texts that hold it
    NotificationSetting.objects.filter(user=locked).delete()
    QueuedNotice.objects.filter(user=locked).delete()
    DailyMail.objects.filter(user=locked).delete()
    # Mail to them: the record of what went out holds their address, and what waits
    # must not go out any more.
    OutgoingMail.objects.filter(Q(user=locked) | Q(to__iexact=locked.email)).delete()
    locked.groups.clear()
    locked.user_permissions.clear()
    locked.full_name = User.REMOVED_NAME
    locked.email = removed_address(locked)
    locked.email_changed_at = None
    locked.set_unusable_password()
    locked.is_active = False
    locked.is_staff = False
    locked.is_superuser = False
    locked.removed_at = timezone.now()
    locked.save()
