"""Loads the shipped werkvormen from fixtures/werkvormen/<code>.toml."""

from liso import catalogue, method
from werkvormen.models import LabelKind, Werkvorm, WerkvormLabel

FOLDER = "werkvormen"
REQUIRED = ["naam", "samenvatting", "wat", "wanneer", "opbrengst", "duur_minuten", "groepsgrootte"]
OPTIONAL = [
    "fasen",
    "kernelementen",
    "dimensie",
    "stadia",
    "materialen",
    "voorbereiding",
    "tijdens",
    "tussendoor",
]
TEXT_LISTS = ["materialen", "voorbereiding", "tijdens", "tussendoor"]


def _check_range(value, where, name, *, open_end=False):
    if not (isinstance(value, list) and len(value) == 2):
        raise catalogue.CatalogueError(f"{where}: {name} must be [from, to]")
    low, high = value
    if not isinstance(low, int) or low < 1:
        raise catalogue.CatalogueError(f"{where}: {name} must start at a whole number from 1")
    if open_end and high == 0:
        return
    if not isinstance(high, int) or high < low:
        raise catalogue.CatalogueError(f"{where}: {name} must end at or above where it starts")


def parse() -> list[dict]:
    items = []
    for code, data, path in catalogue.read_folder(FOLDER):
        catalogue.check_keys(data, path, required=REQUIRED, optional=OPTIONAL, sourced=True)
        for name in TEXT_LISTS:
            catalogue.check_text_list(data.get(name, []), path, name)
        _check_range(data["duur_minuten"], path, "duur_minuten")
        _check_range(
            data["groepsgrootte"], path, "groepsgrootte (0 at the end: no limit)", open_end=True
        )
        labels = [
            *((LabelKind.FASE, str(v)) for v in data.get("fasen", [])),
            *((LabelKind.KERNELEMENT, v) for v in data.get("kernelementen", [])),
            *((LabelKind.STADIUM, v) for v in data.get("stadia", [])),
        ]
        if "dimensie" in data:
            labels.append((LabelKind.DIMENSIE, data["dimensie"]))
        catalogue.check_codes(data.get("fasen", []), method.Phase.values, path, "fase")
        catalogue.check_codes(
            data.get("kernelementen", []), method.Kernelement.values, path, "kernelement"
        )
        catalogue.check_codes(data.get("stadia", []), method.Stage.values, path, "stadium")
        if "dimensie" in data:
            catalogue.check_codes([data["dimensie"]], method.Dimension.values, path, "dimensie")
        group_min, group_max = data["groepsgrootte"]
        items.append(
            {
                "code": code,
                "labels": sorted(set(labels)),
                "values": {
                    "name": data["naam"],
                    "summary": data["samenvatting"],
                    **catalogue.source_values(data, path),
                    "wat": data["wat"].strip(),
                    "wanneer": data["wanneer"].strip(),
                    "voorbereiding": data.get("voorbereiding", []),
                    "tijdens": data.get("tijdens", []),
                    "tussendoor": data.get("tussendoor", []),
                    "opbrengst": data["opbrengst"].strip(),
                    "duration_min": data["duur_minuten"][0],
                    "duration_max": data["duur_minuten"][1],
                    "group_min": group_min,
                    "group_max": group_max or None,
                    "materials": data.get("materialen", []),
                    "shipped": True,
                },
            }
        )
    return items


def check() -> None:
    parse()


def load(report: catalogue.LoadReport) -> None:
    _load_items(report)
    Werkvorm.objects.filter(shipped=True).update_search_vectors()


def _load_items(report: catalogue.LoadReport) -> None:
    for item in parse():
        werkvorm = catalogue.sync(
            Werkvorm, report, lookup={"code": item["code"]}, values=item["values"]
        )
        existing = {(label.kind, label.value) for label in werkvorm.labels.all()}
        wanted = set(item["labels"])
        if existing != wanted:
            werkvorm.labels.exclude(
                pk__in=[
                    label.pk
                    for label in werkvorm.labels.all()
                    if (label.kind, label.value) in wanted
                ]
            ).delete()
            WerkvormLabel.objects.bulk_create(
                WerkvormLabel(werkvorm=werkvorm, kind=kind, value=value)
                for kind, value in wanted - existing
            )
        search_text = werkvorm.search_text
        werkvorm.refresh_search_text()
        if werkvorm.search_text != search_text:
            werkvorm.save(update_fields=["search_text"])
