"""Signing up for an account of one's own, confirmed by a link mailed to the address.

Until the link is opened the account is inactive and marked `awaiting_confirmation`, so
nobody logs in with an address they cannot read. What the visitor sees never tells whether
an address has an account: a new address gets the link, an address that is waiting for
its confirmation gets a new link (with the name and password of this latest sign-up), and
an address with an account gets a mail that someone tried to sign up with it, with the
way to log in or choose a new password. Each of those takes about as long (a password is
hashed in every case) and sends one mail.

The link carries the account and a fingerprint of its password hash, signed, and works
for three days. It works once: opening it ends the wait. A later sign-up for the same
address changes the password and so makes earlier links void; a link from a mail somebody
else caused cannot confirm the password chosen after it.

Platform staff open and close signing up in the admin (PlatformSettings); invitations
work either way.
"""

from datetime import UTC, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liso import notifications, outbox, signed_links
from liso.models import PlatformSettings, User

SALT = "liso.signup"
MAX_AGE = 60 * 60 * 24 * 3
# Accounts whose address was never confirmed are removed by the daily job after this many
# days (the link stopped working long before).
FORGET_AFTER_DAYS = 14


class SignupError(signed_links.LinkError):
    """A confirmation link that cannot be used; the message says why, in Dutch."""

    expired = gettext_lazy("Deze link is verlopen: hij werkt drie dagen. Meld je opnieuw aan.")
    bad = gettext_lazy("Deze link klopt niet. Gebruik de link uit de mail, helemaal.")


def signup_open() -> bool:
    return PlatformSettings.signup_is_open()


def _fingerprint(user) -> str:
    return salted_hmac(SALT, user.password, algorithm="sha256").hexdigest()[:20]


ALREADY_USED = _("Deze link is al gebruikt. Je account werkt al: log in met je e-mailadres.")


def confirmation_token(user) -> str:
    return signing.dumps({"user": user.pk, "state": _fingerprint(user)}, salt=SALT)


def signup_request(*, full_name: str, email: str, password: str, base_url: str) -> None:
    """Handle a sign-up as the module docstring says. The mail is queued once the account
    is stored, so a worker never looks for an account that is not there yet."""
    user, confirm = _signup_record(full_name=full_name, email=email, password=password)
    if confirm:
        token = confirmation_token(user)
        send_confirmation.enqueue(user_id=user.pk, token=token, base_url=base_url)
    else:
        send_signup_notice.enqueue(user_id=user.pk, base_url=base_url)


@transaction.atomic
def _signup_record(*, full_name: str, email: str, password: str) -> tuple[User, bool]:
    """The account the sign-up is about, and whether it waits for confirmation (False: the
    address has an account already, which is left as it is)."""
    email = User.objects.normalize_email(email)
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                return User.objects.create_user(
                    email, full_name, password, is_active=False, awaiting_confirmation=True
                ), True
        except IntegrityError:
            # A double click: the first request made the account; this one waits for it.
            existing = User.objects.select_for_update().get(email__iexact=email)
    if not existing.awaiting_confirmation:
        make_password(password)  # the same work as the other cases, so no time tells
        return existing, False
    existing.full_name = full_name
    existing.set_password(password)
    existing.date_joined = timezone.now()
    existing.save(update_fields=["full_name", "password", "date_joined"])
    return existing, True


def _mail(*, user, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, {"user": user, **context})
    outbox.queue(EmailMessage(subject=subject, body=body, to=[user.email]), user=user)


@task
def send_confirmation(*, user_id: int, token: str, base_url: str) -> None:
    user = User.objects.get(pk=user_id)
    link = notifications.site_base(base_url) + reverse("signup_confirm", args=[token])
    _mail(
        user=user,
        subject=_("Bevestig je aanmelding bij LISO Leernetwerken"),
        template="liso/mail/signup_confirm.txt",
        context={"link": link},
    )


@task
def send_signup_notice(*, user_id: int, base_url: str) -> None:
    """To the owner of an address that has an account already: someone signed up with it."""
    user = User.objects.get(pk=user_id)
    base = notifications.site_base(base_url)
    context = {"login": base + reverse("login"), "reset": base + reverse("password_reset")}
    _mail(
        user=user,
        subject=_("Iemand wilde zich aanmelden met jouw e-mailadres"),
        template="liso/mail/signup_notice.txt",
        context=context,
    )


def confirmable(*, token: str):
    """The account behind a confirmation link that may still be confirmed, or SignupError
    with the reason. Opening the link changes nothing (a mail scanner that follows links
    must not use it up): confirming is a POST with the password (signup_confirm)."""
    data = signed_links.load(token, salt=SALT, max_age=MAX_AGE, error=SignupError)
    user = User.objects.filter(pk=data.get("user")).first()
    if user is None:
        raise SignupError(_("Deze link werkt niet meer. Meld je opnieuw aan."))
    if not user.awaiting_confirmation:
        raise SignupError(ALREADY_USED)
    if not constant_time_compare(data.get("state", ""), _fingerprint(user)):
        raise SignupError(
            _(
                "Deze link werkt niet meer: daarna is er opnieuw aangemeld met dit "
                "e-mailadres. Gebruik de link uit de nieuwste mail."
            )
        )
    return user


def signup_confirm(user) -> None:
    """Activate an account that `confirmable` returned and whose owner gave the password
    chosen at sign-up. Asking for it means that someone who signed up with another
    person's address cannot hand them an account whose password they know, and that
    nobody is logged in to someone else's account by opening that person's link."""
    # Only one request ends the wait, however many send the form at the same moment.
    activated = User.objects.filter(
        pk=user.pk, awaiting_confirmation=True, password=user.password
    ).update(awaiting_confirmation=False, is_active=True)
    if not activated:
        raise SignupError(ALREADY_USED)
    user.refresh_from_db()


@transaction.atomic
def account_create(*, email: str, full_name: str, password: str):
    """An account for someone who proved the address another way (an invitation's link):
    made new, or the one waiting for confirmation of that address, which this confirms."""
    waiting = (
        User.objects.select_for_update()
        .filter(email__iexact=email, awaiting_confirmation=True)
        .first()
    )
    if waiting is None:
        return User.objects.create_user(email, full_name, password)
    waiting.full_name = full_name
    waiting.set_password(password)
    waiting.is_active, waiting.awaiting_confirmation = True, False
    waiting.save(update_fields=["full_name", "password", "is_active", "awaiting_confirmation"])
    return waiting


def forget_unconfirmed(day) -> int:
    """The daily job: remove the accounts whose address was never confirmed, FORGET_AFTER_DAYS
    after their last sign-up; returns how many. One that something refers to (an imported
    network found its address) stays, for its owner to confirm."""
    since = datetime.combine(day - timedelta(days=FORGET_AFTER_DAYS), time.min, tzinfo=UTC)
    forgotten = 0
    for user in User.objects.filter(awaiting_confirmation=True, date_joined__lt=since):
        try:
            with transaction.atomic():
                user.delete()
        except (ProtectedError, RestrictedError):
            continue
        forgotten += 1
    return forgotten
