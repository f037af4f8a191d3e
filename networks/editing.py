"""The edit page for everything a network writes together (`Versioned`), one way for all
apps: the form with a Markdown preview, the save with history and conflict check
(networks/history.py), and on a conflict the other person's version beside this one's,
with nothing lost."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liso import once, uploads
from liso.forms import StyledFormMixin
from liso.markdown import MARKDOWN_HELP, render_markdown
from liso.once import OnceFormMixin
from networks import history


class VersionCheckMixin(forms.Form):
    """For a ModelForm of a `VersionChecked` object: carries the version the person
    opened, so a save can tell whether someone else saved in between (`save_form`,
    or `history.item_save` for what keeps a history)."""

    version = forms.IntegerField(
        label=gettext_lazy("versie"), widget=forms.HiddenInput, min_value=0, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        # Something new has no version to check yet (a quick form may leave it out).
        self.fields["version"].required = self.instance.pk is not None

    def opened_version(self) -> int:
        return self.cleaned_data.get("version") or 0


class VersionedForm(StyledFormMixin, OnceFormMixin, VersionCheckMixin, forms.ModelForm):
    """The form of something a network writes together (`Versioned`): the version check,
    and when it creates, a one-time token so that sending it twice creates once."""

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network


@dataclass(frozen=True)
class KeptFile:
    """A file a form keeps with its object (a kennisproduct's file, the agreement's scan):
    the model's names for it and the words a person reads about it."""

    field: str  # the model's FileField
    type_field: str  # the model field that keeps the type its content was checked as
    remove: str  # the form's checkbox that removes the file
    stem: str  # the stored name before its suffix; the uploader's name is not kept
    suffixes: dict  # content type -> suffix, the model's
    history_label: str  # "bestand", in the history
    one: str  # "een bestand"
    new: str  # "een nieuw bestand"
    other: str  # the field's label once there is a file: "Ander bestand"
    help_first: str  # the field's help before there is a file; %(limit)s is the size in MB
    help_other: str  # and once there is one
    refusal: str  # for content of another type
    required: str = ""  # when set, the form demands a file and says this without one


class KeptFileForm(VersionedForm):
    """A versioned form with one file that is checked by its content (a PDF or an image)
    and kept as liso/uploads.py rewrites it, stored under a neutral name, replaced or
    removed, and told in words in the history. Subclasses name their file in KEPT and list
    its field and the KEPT.remove checkbox."""

    KEPT: KeptFile

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kept, field = self.KEPT, self.fields[self.KEPT.field]
        limit = {"limit": uploads.limit_mb()}
        if getattr(self.instance, kept.field):
            field.label = kept.other
            field.help_text = kept.help_other % limit
        else:
            del self.fields[kept.remove]
            field.help_text = kept.help_first % limit
            if kept.required:
                field.required = True
                field.error_messages["required"] = kept.required
        self.kept_type = None

    def clean(self):
        cleaned = super().clean()
        kept = self.KEPT
        upload = cleaned.get(kept.field)
        if isinstance(upload, UploadedFile):
            try:
                stored, self.kept_type = uploads.kept(
                    upload, pdf_allowed=True, refusal=kept.refusal
                )
            except forms.ValidationError as refused:
                self.add_error(kept.field, refused)
                return cleaned
            stored.name = f"{kept.stem}{kept.suffixes[self.kept_type]}"
            cleaned[kept.field] = stored
        if cleaned.get(kept.remove) and not self.kept_type:
            cleaned[kept.field] = False  # the model field then forgets its file
        return cleaned

    def extra_changes(self, before) -> list[dict]:
        """The file in words for the history: its stored name says nothing to a reader
        (the model leaves the column out of the history). The file's change comes first."""
        kept = self.KEPT
        had = bool(before is not None and getattr(before, kept.field))
        change = {"field": kept.field, "label": str(kept.history_label)}
        if self.kept_type:
            return [{**change, "old": str(kept.one) if had else "", "new": str(kept.new)}]
        if had and self.cleaned_data.get(kept.field) is False:
            return [{**change, "old": str(kept.one), "new": ""}]
        return []

    def save(self, commit=True):
        # The upload path takes its suffix from the type, so set it before the file is stored.
        if self.kept_type:
            setattr(self.instance, self.KEPT.type_field, self.kept_type)
        elif not getattr(self.instance, self.KEPT.field):
            setattr(self.instance, self.KEPT.type_field, "")
        return super().save(commit)


def _markdown_fields(form) -> list[str]:
    model_meta = form._meta.model._meta
    return [
        name for name in form._meta.fields if model_meta.get_field(name).help_text == MARKDOWN_HELP
    ]


def _preview(form) -> list[tuple[str, str]]:
    """The Markdown fields as they will look, from what was typed (saved or not)."""
    return [
        (form.fields[name].label, render_markdown(form.data.get(name, "")))
        for name in _markdown_fields(form)
        if form.data.get(name, "").strip()
    ]


def edit_page(
    request,
    *,
    form,
    title,
    back_url,
    intro="",
    template="networks/edit_form.html",
    delete_url=None,
    success=None,
    crumb=None,
    after_save=None,
    on_change=None,
):
    """Show the form; on POST preview it or save it with history and conflict check.

    `crumb` names the section for the breadcrumb (a dict with `section_label` and
    `section_url`; none by default); `after_save` is called with the saved object inside
    the same transaction, and may return the URL to go to next; `on_change` likewise, but
    only when the save changed something."""
    network = request.network
    conflict = None
    preview = None
    if request.method == "POST" and "voorbeeld" in request.POST:
        preview = _preview(form)
        if request.htmx:
            return render(request, f"{template}#preview", {"preview": preview})
    elif request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                submission = once.claim(request, form)
                revision = history.item_save(
                    form=form,
                    network=network,
                    by=request.user,
                    expected_version=form.opened_version(),
                )
                if revision and on_change:
                    on_change(form.instance)
                next_url = after_save(form.instance) if after_save else None
                once.finish(submission, next_url or back_url)
        except once.Repeated as repeated:
            return once.repeated(request, repeated, back_url)
        except history.ConflictError as error:
            conflict = _conflict(form, error.current)
        else:
            messages.success(request, success or _("Opgeslagen."))
            return redirect(next_url or back_url)
    elif request.method == "POST" and (repeat := once.repeat_of(request, form, back_url)):
        return repeat
    context = {
        "network": network,
        "form": form,
        "title": title,
        "intro": intro,
        "back_url": back_url,
        "delete_url": delete_url,
        "conflict": conflict,
        "preview": preview,
        "has_markdown": bool(_markdown_fields(form)),
        "history": history_url(request, form.instance),
        **(crumb or {}),
    }
    return render(request, template, context)


def _conflict(form, current) -> dict:
    """Tell who saved in between and what they saved; keep this person's text in the
    form and let the next save knowingly replace the stored version. The form shows it
    (components/conflict.html), whichever page it is on."""
    form.data = form.data.copy()
    form.data[form.add_prefix("version")] = current.version
    # What keeps no history does not know who saved: someone else, or this person in
    # another tab (their own reflection).
    by = getattr(current, "updated_by", None)
    form.add_error(
        None,
        _(
            "Iemand anders heeft dit intussen opgeslagen. Je wijzigingen zijn "
            "nog niet bewaard: ze staan hieronder nog."
        )
        if by
        else _(
            "Dit is intussen opgeslagen, door iemand anders of in een ander venster. "
            "Je wijzigingen zijn nog niet bewaard: ze staan hieronder nog."
        ),
    )
    edited = history.fields_of(form)
    form.conflict = {
        "by": by,
        "at": getattr(current, "updated_at", None),
        "differences": [
            change
            for change in history.field_changes(current, form.instance)
            if change["field"] in edited
        ],
    }
    return form.conflict


def save_form(request, form, *, next_url: str, success, save=None):
    """When the request posts a valid form of something that keeps no history (a member,
    a task, one's own reflection, a success): save it and go on to `next_url`, saying
    `success` (a text, or a function of the saved object that gives one). Returns that
    response, or None: show the form (again).

    An edit saved by someone else after this person opened it saves nothing: the form
    says so and shows what is stored now, with what this person typed kept (None). A new
    object is made once per form: the same form sent again goes where the first went
    (liso/once.py). `save` saves (the form's own save by default), in the same
    transaction as the checks."""
    if request.method != "POST":
        return None
    if not form.is_valid():
        return once.repeat_of(request, form, next_url)
    try:
        with transaction.atomic():
            submission = once.claim(request, form)
            if isinstance(form, VersionCheckMixin):
                history.version_check(form.instance, form.opened_version())
            (save or form.save)()
            once.finish(submission, next_url)
    except once.Repeated as repeated:
        return once.repeated(request, repeated, next_url)
    except history.ConflictError as error:
        _conflict(form, error.current)
        return None
    messages.success(request, success(form.instance) if callable(success) else success)
    return redirect(next_url)


def history_url(request, instance) -> str | None:
    """The page with this item's history, once it exists."""
    if not instance.pk:
        return None
    item = history.object_key(instance)
    return f"{reverse('network_history', args=[request.network.slug])}?item={item}"
