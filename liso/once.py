"""Creation forms that create once, however often the same form is sent.

A creation form carries a one-time token (`OnceFormMixin`, a hidden field). The view saves
inside one transaction that first claims the token (`claim`: a row with a unique
constraint) and at the end notes where the new thing is (`finish`). A second request with
the same token waits for the first one's transaction at the constraint, then creates
nothing and raises `Repeated` with where the first one led; `repeated` turns that into
the same redirect, with a word about it. Six identical POSTs at once make one thing. A
repeat that arrives after the first was saved may fail its own checks because of what the
first made (the address has an open invitation now): `repeat_of` answers it the same way.
"""

import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from liso.models import Submission

FIELD = "submission"
# How long a used token is remembered: a form sent again later than this (a page kept open
# for a week, then its POST resent) creates again.
KEPT = timedelta(days=7)


class Repeated(Exception):
    """This form was sent before and made its thing then; `url` is where that led."""

    def __init__(self, url: str):
        super().__init__("form sent again")
        self.url = url


class OnceFormMixin(forms.Form):
    """A hidden one-time token, fresh each time the empty form is shown. Not required: a
    form sent without it (an old page) still works, only without the guard."""

    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            del self.fields[FIELD]  # only a form that creates something carries one
        else:
            self.fields[FIELD].initial = secrets.token_hex(16)


def _token(form) -> str:
    return (getattr(form, "cleaned_data", {}) or {}).get(FIELD, "") if FIELD in form.fields else ""


def claim(request, form) -> Submission | None:
    """Claim the form's token inside the creation's transaction (the caller's atomic
    block), or raise Repeated when it was used before. None when the form has no token."""
    token = _token(form)
    if not token:
        return None
    assert transaction.get_connection().in_atomic_block, "claim inside the creation's transaction"
    try:
        with transaction.atomic():
            return Submission.objects.create(user=request.user, token=token)
    except IntegrityError:
        first = Submission.objects.filter(user=request.user, token=token).first()
        raise Repeated(first.url if first else "") from None


def finish(submission: Submission | None, url: str) -> None:
    """Note where the creation led, for a repeat of the same form."""
    if submission is not None:
        submission.url = url
        submission.save(update_fields=["url"])


def repeat_of(request, form, fallback: str):
    """For a posted creation form that did not validate: when its token was used before,
    the answer to a repeat. The first submission may have made what this one's checks
    now refuse (an invitation to the same address), so its person is not shown an error
    about their own first click. None otherwise."""
    if FIELD not in form.fields:
        return None
    token = form.data.get(form.add_prefix(FIELD), "")
    first = Submission.objects.filter(user=request.user, token=token[:64]).first()
    if not token or first is None:
        return None
    return repeated(request, Repeated(first.url), fallback)


def repeated(request, error: Repeated, fallback: str):
    """The answer to a form sent again: where the first one led, and why nothing new."""
    messages.info(
        request,
        _("Dit formulier was al verstuurd. We hebben het één keer bewaard, niet twee keer."),
    )
    return redirect(error.url or fallback)


def forget_old(day) -> None:
    """Daily: forget the tokens used longer ago than KEPT."""
    Submission.objects.filter(created_at__lt=timezone.now() - KEPT).delete()
