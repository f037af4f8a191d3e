"""Changing one's e-mail address takes effect only when the new address confirms it.

The address is how people log in and how invitations find them, so nobody may take on an
address they cannot read. The link carries a signed (user, new address) pair and works
for three days.
"""

from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liso import signed_links
from liso.models import User

SALT = "liso.email-change"
MAX_AGE = 60 * 60 * 24 * 3


class EmailChangeError(signed_links.LinkError):
    """A confirmation link that cannot be used; the message says why, in Dutch."""

    expired = gettext_lazy("Deze link is verlopen. Wijzig je e-mailadres opnieuw.")
    bad = gettext_lazy("Deze link klopt niet. Gebruik de link uit de mail.")


def email_change_request(*, request, user, new_email: str) -> None:
    token = signing.dumps({"user": user.pk, "email": new_email}, salt=SALT)
    link = request.build_absolute_uri(reverse("email_confirm", args=[token]))
    context = {"user": user, "new_email": new_email, "link": link}
    send_mail(
        subject=_("Bevestig je nieuwe e-mailadres voor LISO Leernetwerken"),
        message=render_to_string("liso/mail/email_change.txt", context),
        from_email=None,
        recipient_list=[new_email],
    )


@transaction.atomic
def email_change_confirm(*, user, token: str) -> str:
    """Apply the change behind a confirmation link for `user`; returns the new address.
    A sign-up that never confirmed this address gives way: whoever opened this link has
    just proved the address is theirs (so nobody keeps an address by signing up with it)."""
    data = signed_links.load(token, salt=SALT, max_age=MAX_AGE, error=EmailChangeError)
    if data.get("user") != user.pk:
        raise EmailChangeError(_("Deze link hoort bij een ander account."))
    email = data["email"]
    others = User.objects.select_for_update().filter(email__iexact=email).exclude(pk=user.pk)
    taken = EmailChangeError(_("Er is inmiddels al een account met dit e-mailadres."))
    if any(not other.awaiting_confirmation for other in others):
        raise taken
    try:
        others.delete()
    except (ProtectedError, RestrictedError) as kept:  # records of its own keep it
        raise taken from kept
    user.email = email
    user.save(update_fields=["email"])
    return email
