"""A clean checkout installs from the locks with the pip that Python itself bundles.

CI and a developer's `.venv` hide a rotting install: they keep the pip they already have.
This check copies what the install reads into an empty folder and runs the Makefile's own
`make install` there with a new virtual environment, made by the oldest Python of each
supported minor release found on the machine, so it starts with that release's bundled pip
(23.2.1 for Python 3.12.0 and 3.12.1). The day a lock stops installing, this test fails.
"""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests import machine

ROOT = Path(__file__).resolve().parent.parent

# Everything `make install` reads; a new input to the install belongs here too.
INSTALL_INPUTS = [
    "Makefile",
    "pyproject.toml",
    "requirements-pip.in",
    "requirements-pip.txt",
    "requirements.txt",
    "requirements-dev.txt",
]

RELEASE_DIR = re.compile(r"^3\.(\d+)\.(\d+)$")


def oldest_supported_minor() -> int:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    return int(re.fullmatch(r">=3\.(\d+)", requires).group(1))


def interpreters() -> dict[int, Path]:
    """The oldest Python of each minor release the project supports, by minor number.

    pyenv keeps one folder per release; a python3.X on the PATH counts too, when pyenv
    has none of that minor release.
    """
    oldest = oldest_supported_minor()
    found: dict[int, tuple[int, Path]] = {}
    pyenv_versions = Path(machine.pyenv_root()) / "versions"
    for folder in sorted(pyenv_versions.glob("3.*")) if pyenv_versions.is_dir() else []:
        match = RELEASE_DIR.match(folder.name)
        python = folder / "bin" / "python3"
        if match and python.exists():
            minor, patch = int(match.group(1)), int(match.group(2))
            if minor >= oldest and (minor not in found or patch < found[minor][0]):
                found[minor] = (patch, python)
    for minor in range(oldest, oldest + 10):
        on_path = shutil.which(f"python3.{minor}")
        if on_path and minor not in found:
            found[minor] = (0, Path(on_path))
    return {minor: python for minor, (_, python) in found.items()}


def bundled_pip(python: Path) -> str:
    return subprocess.run(
        [python, "-c", "import ensurepip; print(ensurepip.version())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def pinned_pip() -> str:
    return re.search(r"^pip==(\S+)", (ROOT / "requirements-pip.txt").read_text(), re.M).group(1)


def test_a_clean_checkout_installs_the_locks_with_the_bundled_pip(tmp_path):
    """Every supported minor release the machine has, the oldest one always."""
    pythons = interpreters()
    oldest = oldest_supported_minor()
    if oldest not in pythons:
        reason = f"needs Python 3.{oldest} (pyenv or python3.{oldest} on the PATH)"
        if machine.IN_CI:
            pytest.fail(f"CI=true and the install check {reason}", pytrace=False)
        pytest.skip(reason)  # outside CI, like a missing PostgreSQL (tests/conftest.py)
    for minor, python in sorted(pythons.items()):
        _install_from_a_clean_checkout(python, tmp_path / f"3.{minor}")


def _install_from_a_clean_checkout(python, folder):
    checkout = folder / "checkout"
    checkout.mkdir(parents=True)
    for name in INSTALL_INPUTS:
        shutil.copy2(ROOT / name, checkout / name)

    result = subprocess.run(
        ["make", "--no-print-directory", "install", f"PYTHON={python}", "VENV=venv"],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=900,
    )

    started_with = bundled_pip(python)
    assert result.returncode == 0, (
        f"`make install` failed with {python} (bundled pip {started_with}):\n"
        + result.stdout[-3000:]
        + result.stderr[-6000:]
    )
    venv_python = checkout / "venv" / "bin" / "python"
    pip_version = subprocess.run(
        [venv_python, "-m", "pip", "--version"], check=True, capture_output=True, text=True
    ).stdout
    assert pip_version.startswith(f"pip {pinned_pip()} "), pip_version
    consistent = subprocess.run([venv_python, "-m", "pip", "check"], capture_output=True, text=True)
    assert consistent.returncode == 0, consistent.stdout + consistent.stderr
    subprocess.run(
        [venv_python, "-c", "import django, weasyprint, psycopg, playwright, pytest_django"],
        check=True,
    )
