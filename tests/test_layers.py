"""The apps depend one way: each imports only the apps listed before it in INSTALLED_APPS
(liso, networks, opstart, werkvormen, bijeenkomsten, phases, kernelements, rapportage,
afsluiting, transfer). A lower app that needs something from a higher one offers a
registry instead (liso/contributions.py).
This test reads every module's imports, also those inside functions."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _layers() -> list[str]:
    """The project's own apps, lowest first, in the order INSTALLED_APPS gives them."""
    ours = [config for config in apps.get_app_configs() if Path(config.path).parent == ROOT]
    return [config.name for config in ours]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _upward_imports() -> list[str]:
    layers = _layers()
    problems = []
    for level, app in enumerate(layers):
        higher = set(layers[level + 1 :])
        for path in sorted((ROOT / app).rglob("*.py")):
            for module in sorted(_imported_modules(path)):
                if module.split(".")[0] in higher:
                    problems.append(f"{path.relative_to(ROOT)} imports {module}")
    return problems


def test_the_apps_are_layered_as_the_readme_says():
    assert _layers() == [
        "liso",
        "networks",
        "opstart",
        "werkvormen",
        "bijeenkomsten",
        "phases",
        "kernelements",
        "rapportage",
        "afsluiting",
        "transfer",
    ]


def test_no_app_imports_an_app_above_it():
    assert _upward_imports() == []


def test_the_layer_check_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def ready():\n    from phases.models import Reflection\n")
    assert _imported_modules(module) == {"phases.models"}
