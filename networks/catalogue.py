"""Loads roles, perspectives and the start and closing checklists from fixtures/."""

from liso import catalogue, method
from networks.models import ChecklistItem, PerspectiveProfile, RoleProfile


def _roles():
    entries = catalogue.read_entries("rollen.toml", "rol")
    for where, entry in entries:
        catalogue.check_keys(
            entry,
            where,
            required=["code", "samenvatting", "taken", "uren_per_week"],
            optional=["toelichting_uren"],
            sourced=True,
        )
        catalogue.check_codes([entry["code"]], method.Role.values, where, "rol")
        catalogue.check_text_list(entry["taken"], where, "taken")
    catalogue.check_codes(
        method.Role.values, [e["code"] for _, e in entries], "rollen.toml", "missing rol"
    )
    return entries


def _perspectives():
    entries = catalogue.read_entries("perspectieven.toml", "perspectief")
    for where, entry in entries:
        catalogue.check_keys(
            entry, where, required=["code", "samenvatting", "waarom", "voorbeelden"], sourced=True
        )
        catalogue.check_codes([entry["code"]], method.Perspective.values, where, "perspectief")
        catalogue.check_text_list(entry["voorbeelden"], where, "voorbeelden")
    return entries


def _checklists():
    items = []
    for checklist in ChecklistItem.Checklist.values:
        for order, (where, entry) in enumerate(
            catalogue.read_entries("checklists.toml", checklist), 1
        ):
            catalogue.check_keys(
                entry, where, required=["code", "vraag", "toelichting"], sourced=True
            )
            items.append((checklist, order, entry, catalogue.source_values(entry, where)))
    return items


def check() -> None:
    _roles()
    _perspectives()
    _checklists()


def load(report: catalogue.LoadReport) -> None:
    for order, (where, entry) in enumerate(_roles(), 1):
        catalogue.sync(
            RoleProfile,
            report,
            lookup={"code": entry["code"]},
            values={
                "summary": entry["samenvatting"],
                "tasks": entry["taken"],
                "min_hours_per_week": entry["uren_per_week"],
                "hours_note": entry.get("toelichting_uren", ""),
                "order": order,
                **catalogue.source_values(entry, where),
            },
        )
    for order, (where, entry) in enumerate(_perspectives(), 1):
        catalogue.sync(
            PerspectiveProfile,
            report,
            lookup={"code": entry["code"]},
            values={
                "summary": entry["samenvatting"],
                "why": entry["waarom"].strip(),
                "examples": entry["voorbeelden"],
                "order": order,
                **catalogue.source_values(entry, where),
            },
        )
    for checklist, order, entry, source in _checklists():
        catalogue.sync(
            ChecklistItem,
            report,
            lookup={"code": entry["code"]},
            values={
                "checklist": checklist,
                "order": order,
                "question": entry["vraag"],
                "explanation": entry["toelichting"].strip(),
                **source,
            },
        )
