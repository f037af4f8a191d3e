"""The one-time token of creation forms (liso/once.py): fresh for every empty form, absent
when editing, claimed once per person, forgotten after a week by the daily job."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django import forms
from django.db import transaction
from django.utils import timezone

from liso import once
from liso.models import Submission
from liso.notifications import send_daily_mail
from phases.forms_products import BarrierForm
from phases.models import Barrier
from tests.liso.factories import UserFactory

pytestmark = pytest.mark.django_db


class NoteForm(once.OnceFormMixin, forms.Form):
    text = forms.CharField()


def _sent(user, token):
    form = NoteForm({"text": "x", "submission": token})
    assert form.is_valid()
    return SimpleNamespace(user=user), form


def test_every_empty_creation_form_has_a_token_of_its_own_and_an_edit_has_none():
    first, second = NoteForm(), NoteForm()
    assert first["submission"].value() != second["submission"].value()
    assert len(first["submission"].value()) == 32
    assert "submission" in BarrierForm(instance=Barrier()).fields
    assert "submission" not in BarrierForm(instance=Barrier(pk=1)).fields


def test_a_token_is_claimed_once_per_person():
    anna, bert = UserFactory(), UserFactory()
    with transaction.atomic():
        once.finish(once.claim(*_sent(anna, "abc")), "/eerste/")
    with pytest.raises(once.Repeated) as repeated, transaction.atomic():
        once.claim(*_sent(anna, "abc"))
    assert repeated.value.url == "/eerste/"
    with transaction.atomic():  # someone else's form that happens to carry the same token
        assert once.claim(*_sent(bert, "abc")) is not None
    with transaction.atomic():  # a form without a token is not guarded
        assert once.claim(*_sent(anna, "")) is None


def test_the_daily_job_forgets_tokens_after_a_week():
    user = UserFactory()
    old = Submission.objects.create(user=user, token="oud", url="/")
    recent = Submission.objects.create(user=user, token="nieuw", url="/")
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    send_daily_mail(day=timezone.localdate())
    assert list(Submission.objects.values_list("pk", flat=True)) == [recent.pk]
