"""A network as plain values, to compare two installs' copies field by field: every
network-owned row in the order it was made, its own number left out, a link to another row
of the network as that row's place in its table, a link outside as what names it (e-mail
address, organisation name, catalogue code), an upload as its bytes."""

from django.db import models

from transfer import graph


def snapshot(network, *, as_exported: bool = False) -> dict:
    """`as_exported`: leave out what a trekker's export leaves out (graph.RULES)."""
    tables = {}
    for owned in graph.owned_models():
        rows = owned.rows(network).order_by("pk")
        rule = graph.RULES.get(owned.label) if as_exported else None
        if rule and rule.none:
            rows = rows.none()
        elif rule and rule.keep is not None:
            rows = rows.filter(rule.keep)
        tables[owned.model] = list(rows)
    places = {model: {obj.pk: n for n, obj in enumerate(objs)} for model, objs in tables.items()}

    def name(model, pk):
        if pk is None:
            return None
        if pk in places.get(model, {}):
            return (model._meta.label, places[model][pk])
        row = model._base_manager.get(pk=pk)
        return (model._meta.label, str(getattr(row, graph.natural_key(model))).lower())

    result = {}
    for model, objs in tables.items():
        rule = graph.RULES.get(model._meta.label) if as_exported else None
        blank = set(rule.blank) if rule else set()
        result[model._meta.label] = [_row(obj, name, blank, places) for obj in objs]
    return result


def _row(obj, name, blank, places) -> dict:
    values = {}
    for field in type(obj)._meta.concrete_fields:
        if field.primary_key:
            continue
        value = None if field.name in blank else getattr(obj, field.attname)
        if field.is_relation:
            value = name(field.related_model, value)
        elif isinstance(field, models.FileField):
            value = value.open("rb").read() if value else b""
        elif field.name == "object_key":
            value = _item(value, places)
        values[field.name] = value
    for field in type(obj)._meta.many_to_many:
        targets = getattr(obj, field.name).values_list("pk", flat=True)
        values[field.name] = sorted(name(field.related_model, pk) for pk in targets)
    return values


def _item(value, places):
    """A history line's "<model>:<pk>" as the item's place, or "gone"."""
    model_name, _sep, pk = value.partition(":")
    for model, place in places.items():
        if model._meta.model_name == model_name and pk.isdigit() and int(pk) in place:
            return f"{model_name}:{place[int(pk)]}"
    return f"{model_name}:gone"
