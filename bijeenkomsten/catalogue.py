"""Loads the default preparation timeline of a session from fixtures/."""

from bijeenkomsten.models import PreparationStep
from liso import catalogue, method


def _preparation():
    entries = catalogue.read_entries("voorbereiding.toml", "taak")
    for where, entry in entries:
        catalogue.check_keys(
            entry,
            where,
            required=["code", "titel", "weken", "rol"],
            optional=["toelichting"],
            sourced=True,
        )
        catalogue.check_codes([entry["rol"]], method.Role.values, where, "rol")
        if not isinstance(entry["weken"], int) or entry["weken"] == 0:
            raise catalogue.CatalogueError(f"{where}: weken must be a whole number, not 0")
    return entries


def check() -> None:
    _preparation()


def load(report: catalogue.LoadReport) -> None:
    for order, (where, entry) in enumerate(_preparation(), 1):
        catalogue.sync(
            PreparationStep,
            report,
            lookup={"code": entry["code"]},
            values={
                "title": entry["titel"],
                "explanation": entry.get("toelichting", "").strip(),
                "weeks": entry["weken"],
                "role": entry["rol"],
                "order": order,
                **catalogue.source_values(entry, where),
            },
        )
