"""Changing one's e-mail address takes effect only when the new address confirms it.

The address is how people log in and how invitations find them, so nobody may take on an
address they cannot read. The link carries a signed (user, new address) pair and works
for three days.

Whoever asks for a change is told the same whether or not the new address has an
account: a free address gets the link, a taken one a mail saying that someone tried to
move an account onto it (and no link), so only the owner of that address learns it is
in use.

A link works once: it is signed with a fingerprint of the account's address and of the
moment it last changed, and confirming changes both, so a used link (and any other
link for the same account) stops working, also after changing back. Once confirmed, the
old address is told what happened and what to do when it was not its owner.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liso import outbox, signed_links
from liso.models import User

SALT = "liso.email-change"
MAX_AGE = 60 * 60 * 24 * 3


class EmailChangeError(signed_links.LinkError):
    """A confirmation link that cannot be used; the message says why, in Dutch."""

    expired = gettext_lazy("Deze link is verlopen. Wijzig je e-mailadres opnieuw.")
    bad = gettext_lazy("Deze link klopt niet. Gebruik de link uit de mail.")


def _mail(to: str, subject: str, template: str, context: dict) -> None:
    """Every mail of this module leaves through here, queued (liso/outbox.py)."""
    message = EmailMessage(subject=subject, body=render_to_string(template, context), to=[to])
    outbox.queue(message)


def _state(user) -> str:
    """What a link is signed with and confirming changes: the account's address and when
    it last changed."""
    changed = user.email_changed_at.isoformat() if user.email_changed_at else ""
    value = f"{user.email.lower()}|{changed}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:20]


def _taken(user, email: str) -> bool:
    # A sign-up never confirmed does not hold the address (email_change_confirm says why).
    others = User.objects.filter(email__iexact=email, awaiting_confirmation=False)
    return others.exclude(pk=user.pk).exists()


def email_change_request(*, request, user, new_email: str) -> None:
    """Mail `new_email` as the module docstring says. The answer and the work are the
    same whether the address is taken or not."""
    context = {"user": user, "new_email": new_email}
    if _taken(user, new_email):
        _mail(
            new_email,
            _("Iemand wilde een account naar dit e-mailadres verhuizen"),
            "liso/mail/email_change_taken.txt",
            {**context, "login": request.build_absolute_uri(reverse("login"))},
        )
        return
    token = signing.dumps({"user": user.pk, "email": new_email, "state": _state(user)}, salt=SALT)
    link = request.build_absolute_uri(reverse("email_confirm", args=[token]))
    _mail(
        new_email,
        _("Bevestig je nieuwe e-mailadres voor LISO Leernetwerken"),
        "liso/mail/email_change.txt",
        {**context, "link": link},
    )


def email_change_confirm(*, request, user, token: str) -> str:
    """Apply the change behind a confirmation link for `user` and tell the old address;
    returns the new address."""
    old_email = user.email
    changed_at = _apply(user=user, token=token)
    context = {
        "user": user,
        "old_email": old_email,
        "new_email": user.email,
        "changed_at": timezone.localtime(changed_at),
        "contact_page": request.build_absolute_uri(reverse("contact")),
        "contact_email": settings.CONTACT_EMAIL,
        "reset": request.build_absolute_uri(reverse("password_reset")),
    }
    _mail(
        old_email,
        _("Het e-mailadres van je account bij LISO Leernetwerken is gewijzigd"),
        "liso/mail/email_changed.txt",
        context,
    )
    return user.email


@transaction.atomic
def _apply(*, user, token: str):
    """Make the link's address the account's; returns when. A sign-up that never
    confirmed this address gives way: whoever opened this link has just proved the
    address is theirs (so nobody keeps an address by signing up with it)."""
    data = signed_links.load(token, salt=SALT, max_age=MAX_AGE, error=EmailChangeError)
    if data.get("user") != user.pk:
        raise EmailChangeError(_("Deze link hoort bij een ander account."))
    locked = User.objects.select_for_update().get(pk=user.pk)  # two clicks: one wins
    if not constant_time_compare(data.get("state", ""), _state(locked)):
        raise EmailChangeError(
            _(
                "Deze link is al gebruikt, of je e-mailadres is daarna nog eens gewijzigd. "
                "Een link werkt maar één keer. Wil je je e-mailadres wijzigen? Doe dat dan "
                "opnieuw bij je gegevens."
            )
        )
    email = data["email"]
    others = User.objects.select_for_update().filter(email__iexact=email).exclude(pk=user.pk)
    taken = EmailChangeError(_("Er is inmiddels al een account met dit e-mailadres."))
    if any(not other.awaiting_confirmation for other in others):
        raise taken
    try:
        others.delete()
    except (ProtectedError, RestrictedError) as kept:  # records of its own keep it
        raise taken from kept
    user.email, user.email_changed_at = email, timezone.now()
    user.save(update_fields=["email", "email_changed_at"])
    return user.email_changed_at
