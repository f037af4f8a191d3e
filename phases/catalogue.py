"""Loads the three phases and the reflection prompts from fixtures/."""

from liso import catalogue, method
from phases.models import Phase, ReflectionPrompt
from werkvormen.models import Werkvorm


def _phases():
    entries = catalogue.read_entries("fasen.toml", "fase")
    werkvorm_codes = catalogue.folder_codes("werkvormen")
    for where, entry in entries:
        catalogue.check_keys(
            entry,
            where,
            required=["nummer", "doel", "beschrijving", "opbrengsten", "let_op", "werkvormen"],
            sourced=True,
        )
        catalogue.check_codes([entry["nummer"]], method.Phase.values, where, "fase")
        catalogue.check_codes(entry["werkvormen"], werkvorm_codes, where, "werkvorm")
        for name in ("opbrengsten", "let_op"):
            catalogue.check_text_list(entry[name], where, name)
    return entries


def _prompts():
    prompts = []
    for where, entry in catalogue.read_entries("reflectievragen.toml", "gelaagd"):
        catalogue.check_keys(entry, where, required=["code", "niveau", "vraag"], sourced=True)
        catalogue.check_codes([entry["niveau"]], method.ReflectionLevel.values, where, "niveau")
        prompts.append(
            {
                "code": entry["code"],
                "level": entry["niveau"],
                "kernelement": "",
                "question": entry["vraag"],
                **catalogue.source_values(entry, where),
            }
        )
    for where, entry in catalogue.read_entries("reflectievragen.toml", "jaarlijks"):
        catalogue.check_keys(entry, where, required=["code", "kernelement", "vraag"], sourced=True)
        catalogue.check_codes(
            [entry["kernelement"]], method.Kernelement.values, where, "kernelement"
        )
        prompts.append(
            {
                "code": entry["code"],
                "level": "",
                "kernelement": entry["kernelement"],
                "question": entry["vraag"],
                **catalogue.source_values(entry, where),
            }
        )
    return prompts


def check() -> None:
    _phases()
    _prompts()


def load(report: catalogue.LoadReport) -> None:
    werkvormen = {w.code: w for w in Werkvorm.objects.shared()}
    for where, entry in _phases():
        phase = catalogue.sync(
            Phase,
            report,
            lookup={"number": entry["nummer"]},
            values={
                "goal": entry["doel"],
                "description": entry["beschrijving"].strip(),
                "outputs": entry["opbrengsten"],
                "attention_points": entry["let_op"],
                **catalogue.source_values(entry, where),
            },
        )
        catalogue.sync_m2m(phase, "werkvormen", [werkvormen[c] for c in entry["werkvormen"]])
    for order, prompt in enumerate(_prompts(), 1):
        code = prompt.pop("code")
        catalogue.sync(
            ReflectionPrompt, report, lookup={"code": code}, values={**prompt, "order": order}
        )
