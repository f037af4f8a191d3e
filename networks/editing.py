"""The edit page for everything a network writes together (`Versioned`), one way for all
apps: the form with a Markdown preview, the save with history and conflict check
(networks/history.py), and on a conflict the other person's version beside this one's,
with nothing lost."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liso.forms import StyledFormMixin
from liso.markdown import MARKDOWN_HELP, render_markdown
from networks import history


class VersionedForm(StyledFormMixin, forms.ModelForm):
    """Carries the version the person opened, so a save can tell whether someone else
    saved in between (networks/history.py, item_save)."""

    version = forms.IntegerField(
        label=gettext_lazy("versie"), widget=forms.HiddenInput, min_value=0
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["version"].initial = self.instance.version

    def opened_version(self) -> int:
        return self.cleaned_data["version"]


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
                revision = history.item_save(
                    form=form,
                    network=network,
                    by=request.user,
                    expected_version=form.opened_version(),
                )
                if revision and on_change:
                    on_change(form.instance)
                next_url = after_save(form.instance) if after_save else None
        except history.ConflictError as error:
            conflict = _conflict(form, error.current)
        else:
            messages.success(request, success or _("Opgeslagen."))
            return redirect(next_url or back_url)
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
    form and let the next save knowingly replace the stored version."""
    form.data = form.data.copy()
    form.data["version"] = current.version
    form.add_error(
        None,
        _(
            "Iemand anders heeft dit intussen opgeslagen. Je wijzigingen zijn "
            "nog niet bewaard: ze staan hieronder nog."
        ),
    )
    return {
        "by": current.updated_by,
        "at": current.updated_at,
        "differences": history.field_changes(current, form.instance),
    }


def history_url(request, instance) -> str | None:
    """The page with this item's history, once it exists."""
    if not instance.pk:
        return None
    item = history.object_key(instance)
    return f"{reverse('network_history', args=[request.network.slug])}?item={item}"
