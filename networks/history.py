"""Editing with history, for everything a network writes together (`Versioned`).

Every save goes through `item_save`: it raises the version, records a `Revision` with
the fields that changed (old and new, as a person reads them), and refuses a save made
from an outdated copy when someone else changed the same fields in between. Deleting
goes through `item_delete`, so the history keeps that the item was there. The pages that
show a form with these rules are in networks/editing.py; the history page is
networks/views_history.py.
"""

from datetime import date, time
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.formats import date_format, number_format, time_format
from django.utils.translation import gettext as _

from networks.models import Network, Revision, VersionChecked, Versioned


class ConflictError(Exception):
    """Someone else saved the same thing after this person opened it."""

    def __init__(self, current: VersionChecked):
        super().__init__("conflicting save")
        self.current = current


def _shown(instance, model_field) -> str:
    """A field's value as a person reads it: labels for choices, Dutch dates and numbers."""
    value = getattr(instance, model_field.attname)
    if value is None or value == "":
        return ""
    if display := getattr(instance, f"get_{model_field.name}_display", None):
        return str(display())  # choices, and lists of choices that define one
    if model_field.is_relation:
        return str(getattr(instance, model_field.name))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if isinstance(value, time):
        return time_format(value, "H:i")
    if isinstance(value, Decimal):
        return number_format(value, force_grouping=True)
    return str(value)


def field_changes(before, after) -> list[dict]:
    """The fields whose shown value differs, each with its label, old and new text."""
    changes = []
    for model_field in type(after)._meta.concrete_fields:
        if model_field.name in type(after).HISTORY_SKIPS:
            continue
        old = _shown(before, model_field) if before is not None else ""
        new = _shown(after, model_field)
        if old != new:
            label = str(model_field.verbose_name)
            changes.append({"field": model_field.name, "label": label, "old": old, "new": new})
    return changes


def _listed(objects) -> str:
    return ", ".join(sorted(str(item) for item in objects))


def _form_changes(form, before) -> list[dict]:
    """Changes beside the object's own columns: the many-to-many fields the form edits
    (a session's facilitators), and what a form keeps elsewhere, which it reports in
    `extra_changes(before)` (a werkvorm's labels). Without these, a save that changed
    only such a field would look like no change at all and be dropped."""
    changes = []
    for model_field in type(form.instance)._meta.many_to_many:
        if model_field.name not in form.fields:
            continue
        old = _listed(getattr(before, model_field.name).all()) if before is not None else ""
        new = _listed(form.cleaned_data[model_field.name])
        if old != new:
            changes.append(
                {
                    "field": model_field.name,
                    "label": str(model_field.verbose_name),
                    "old": old,
                    "new": new,
                }
            )
    if extra := getattr(form, "extra_changes", None):
        changes += extra(before)
    return changes


def object_key(instance) -> str:
    """How the history names one item: "<model>:<pk>", as in `?item=` links."""
    return f"{type(instance)._meta.model_name}:{instance.pk}"


def record(*, network, instance, action, changes, by, version) -> Revision:
    """Write one line of history (for changes made outside a form, like a signature)."""
    return Revision.objects.create(
        network=network,
        object_type=str(type(instance)._meta.verbose_name),
        object_key=object_key(instance),
        object_label=str(instance)[:250],
        action=action,
        version=version,
        changes=changes,
        changed_by=by,
    )


def record_creation(*, network: Network, instance: Versioned, by) -> Revision:
    """Put an item made outside the forms (demo data, imports) in the history."""
    return record(
        network=network,
        instance=instance,
        action=Revision.Action.CREATED,
        changes=field_changes(None, instance),
        by=by,
        version=instance.version,
    )


def _changed_since(network, instance, version: int) -> set[str]:
    """The fields of `instance` that others saved after `version`."""
    later = network.revisions.filter(object_key=object_key(instance), version__gt=version)
    return {
        change["field"] for changes in later.values_list("changes", flat=True) for change in changes
    }


def fields_of(form) -> set[str]:
    """The model fields a form edits: its own, and those it fills from fields under other
    names (`EDITS_ALSO`: the yearly review's findings, typed per kernelement)."""
    return set(form.fields) | set(getattr(form, "EDITS_ALSO", ()))


def version_check(instance: VersionChecked, expected_version: int) -> None:
    """For what keeps no history: lock the stored row, refuse (ConflictError) when it is
    no longer the version this person opened, and raise the version for this save. Call
    inside the save's transaction."""
    if instance.pk is None:
        return
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    if current.version != expected_version:
        raise ConflictError(current)
    instance.version = current.version + 1


def item_save(*, form, network: Network, by, expected_version: int) -> Revision | None:
    """Save a valid ModelForm of a `Versioned` object, keeping its history.

    Raises ConflictError when someone else saved the fields of this form after it was
    opened, so nobody silently overwrites another. (Two forms may edit different fields
    of one object, like the communication plan and the governance: they do not collide.)
    Returns the revision, or None when nothing changed."""
    instance = form.instance
    model = type(instance)
    try:
        with transaction.atomic():
            before = None
            if instance.pk:
                before = model.objects.select_for_update().get(pk=instance.pk)
                if before.version != expected_version:
                    others = _changed_since(network, instance, expected_version)
                    # Without a history to tell which fields moved, assume they all did.
                    if not others or others & fields_of(form):
                        raise ConflictError(before)
            changes = field_changes(before, instance) + _form_changes(form, before)
            if before is not None and not changes:
                return None
            instance.version = (before.version if before else 0) + 1
            instance.updated_by = by
            form.save()
            action = Revision.Action.CHANGED if before else Revision.Action.CREATED
            return record(
                network=network,
                instance=instance,
                action=action,
                changes=changes,
                by=by,
                version=instance.version,
            )
    except IntegrityError:
        owner = _one_per_owner(model)
        if owner is None or instance.pk:
            raise
        # Two people creating the one document of a network (or a session) at once.
        current = model.objects.get(**{owner.attname: getattr(instance, owner.attname)})
        raise ConflictError(current) from None


def _one_per_owner(model):
    """The one-to-one field that makes this a single document of its owner (a network's
    startnotitie, a session's report), or None."""
    return next((field for field in model._meta.concrete_fields if field.one_to_one), None)


@transaction.atomic
def item_delete(*, instance: Versioned, network: Network, by) -> None:
    """Delete an item; the history keeps that it was there. An item that holds notes about
    a person (a talk) also takes away what its history said (AVG)."""
    if instance.HISTORY_ERASED_WITH_ITEM:
        network.revisions.filter(object_key=object_key(instance)).update(changes=[])
    record(
        network=network,
        instance=instance,
        action=Revision.Action.DELETED,
        changes=[],
        by=by,
        version=instance.version + 1,
    )
    instance.delete()


def readable_revisions(network: Network, perms):
    """The network's history as this member may read it: without the kinds whose history
    needs a permission they lack (the notes of verkennende gesprekken)."""
    revisions = network.revisions.select_related("changed_by")
    for kind in _restricted_kinds():
        if kind.HISTORY_PERMISSION not in perms:
            revisions = revisions.exclude(object_key__startswith=f"{kind._meta.model_name}:")
    return revisions


def _restricted_kinds() -> list[type[Versioned]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Versioned) and model.HISTORY_PERMISSION
    ]
