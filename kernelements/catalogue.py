"""Loads the kernelementen with their aandachtspunten, and the struikelblokken."""

from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from liso import catalogue, method
from werkvormen.models import Werkvorm

AANDACHTSPUNT_KEYS = [
    "code",
    "stelling",
    "beschrijving",
    "werkzame_elementen",
    "tips",
    "werkvormen",
]


def _kernelementen():
    items = catalogue.read_folder("kernelementen")
    werkvorm_codes = catalogue.folder_codes("werkvormen")
    catalogue.check_codes(
        [code for code, _, _ in items],
        method.Kernelement.values,
        "fixtures/kernelementen",
        "kernelement (file name)",
    )
    for code, data, path in items:
        catalogue.check_keys(
            data,
            path,
            required=["volgorde", "kernzin", "beschrijving", "aandachtspunt"],
            sourced=True,
        )
        expected = [str(a) for a in method.AANDACHTSPUNTEN[method.Kernelement(code)]]
        found = [entry.get("code") for entry in data["aandachtspunt"]]
        if sorted(found) != sorted(expected):
            raise catalogue.CatalogueError(
                f"{path}: needs exactly the aandachtspunten {', '.join(expected)}"
            )
        for entry in data["aandachtspunt"]:
            where = f"{path} [[aandachtspunt]] {entry['code']}"
            catalogue.check_keys(entry, where, required=AANDACHTSPUNT_KEYS, sourced=True)
            catalogue.check_text_list(entry["werkzame_elementen"], where, "werkzame_elementen")
            catalogue.check_text_list(entry["tips"], where, "tips")
            catalogue.check_codes(entry["werkvormen"], werkvorm_codes, where, "werkvorm")
    return items


def _struikelblokken():
    items = catalogue.read_folder("struikelblokken")
    werkvorm_codes = catalogue.folder_codes("werkvormen")
    for _code, data, path in items:
        catalogue.check_keys(
            data,
            path,
            required=[
                "nummer",
                "titel",
                "situatie",
                "aanpak",
                "tips",
                "kernelementen",
                "werkvormen",
            ],
            sourced=True,
        )
        catalogue.check_text_list(data["tips"], path, "tips")
        catalogue.check_codes(data["kernelementen"], method.Kernelement.values, path, "kernelement")
        catalogue.check_codes(data["werkvormen"], werkvorm_codes, path, "werkvorm")
    return items


def check() -> None:
    _kernelementen()
    _struikelblokken()


def load(report: catalogue.LoadReport) -> None:
    werkvormen = {w.code: w for w in Werkvorm.objects.shared()}
    kernelementen = {}
    for code, data, path in _kernelementen():
        kernelement = catalogue.sync(
            Kernelement,
            report,
            lookup={"code": code},
            values={
                "order": data["volgorde"],
                "tagline": data["kernzin"],
                "description": data["beschrijving"].strip(),
                **catalogue.source_values(data, path),
            },
        )
        kernelementen[code] = kernelement
        for order, entry in enumerate(data["aandachtspunt"], 1):
            aandachtspunt = catalogue.sync(
                Aandachtspunt,
                report,
                lookup={"code": entry["code"]},
                values={
                    "kernelement": kernelement,
                    "order": order,
                    "statement": entry["stelling"].strip(),
                    "description": entry["beschrijving"].strip(),
                    "werkzame_elementen": entry["werkzame_elementen"],
                    "tips": entry["tips"],
                    **catalogue.source_values(entry, path),
                },
            )
            catalogue.sync_m2m(
                aandachtspunt, "werkvormen", [werkvormen[c] for c in entry["werkvormen"]]
            )
    for code, data, path in _struikelblokken():
        struikelblok = catalogue.sync(
            Struikelblok,
            report,
            lookup={"code": code},
            values={
                "number": data["nummer"],
                "title": data["titel"],
                "situation": data["situatie"].strip(),
                "approach": data["aanpak"].strip(),
                "tips": data["tips"],
                "shipped": True,
                **catalogue.source_values(data, path),
            },
        )
        catalogue.sync_m2m(
            struikelblok, "kernelementen", [kernelementen[c] for c in data["kernelementen"]]
        )
        catalogue.sync_m2m(struikelblok, "werkvormen", [werkvormen[c] for c in data["werkvormen"]])
