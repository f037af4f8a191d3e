"""Reference content: the method's texts as readable TOML files in `fixtures/`, loaded
into the database by `manage.py load_catalogue`.

Each app contributes a `Part` (CATALOGUE_PARTS in liso/contributions.py, whose ORDER
runs them so that a part can link to what an earlier one loaded). Items
are matched on a stable `code`: a shipped item is brought up to date on every load, an
item the platform added itself (`shipped=False`) is never touched, and loading twice
changes nothing.

The catalogue has a version (`version()`): a token that changes whenever reference content
does, through a load or an edit by the platform's staff. Pages made of reference content
only (the guide) keep their rendered content per version.
"""

import tomllib
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from liso.contributions import CATALOGUE_PARTS, contributions
from liso.sources import METHOD, Addition, Source, Sourced


class CatalogueError(Exception):
    """A fixture file that cannot be loaded; the message names the file and the problem."""


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)

    def record(self, model, outcome: str) -> None:
        self.counts[(model._meta.verbose_name_plural, outcome)] += 1

    @property
    def changed(self) -> int:
        return sum(n for (_, outcome), n in self.counts.items() if outcome != "unchanged")


@dataclass(frozen=True)
class Part:
    name: str
    check: Callable[[], None]
    load: Callable[[LoadReport], None]


def parts() -> list[Part]:
    """What the apps contribute (CATALOGUE_PARTS), in the order they must load."""
    return contributions(CATALOGUE_PARTS)


def fixtures_dir() -> Path:
    return Path(settings.BASE_DIR) / "fixtures"


def read_file(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise CatalogueError(f"{path}: file not found") from error
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{path}: not valid TOML ({error})") from error


def read(relative: str) -> dict:
    return read_file(fixtures_dir() / relative)


def read_folder(relative: str) -> list[tuple[str, dict, Path]]:
    """Every `*.toml` in a folder as (code, data, path); the file name is the code."""
    folder = fixtures_dir() / relative
    return [(path.stem, read_file(path), path) for path in sorted(folder.glob("*.toml"))]


def read_entries(relative: str, table: str) -> list[tuple[str, dict]]:
    """The `[[table]]` entries of one file, each with a label for error messages."""
    data = read(relative)
    entries = data.get(table)
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{relative}: expected one or more [[{table}]] entries")
    return [(f"{relative} [[{table}]] #{n}", entry) for n, entry in enumerate(entries, 1)]


def folder_codes(relative: str) -> set[str]:
    return {path.stem for path in (fixtures_dir() / relative).glob("*.toml")}


# Every item names its source (liso/sources.py): `bron` always, where in it and what the
# platform added when known.
SOURCE_REQUIRED = ("bron",)
SOURCE_OPTIONAL = ("bron_detail", "aanvulling")


def check_keys(
    data: dict,
    where,
    *,
    required: Iterable[str],
    optional: Iterable[str] = (),
    sourced: bool = False,
):
    required, optional = set(required), set(optional)
    if sourced:
        required |= set(SOURCE_REQUIRED)
        optional |= set(SOURCE_OPTIONAL)
    missing = sorted(required - data.keys())
    unknown = sorted(data.keys() - required - optional)
    if missing:
        raise CatalogueError(f"{where}: missing {', '.join(missing)}")
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if sourced:
        source_values(data, where)


def check_codes(values: Iterable, allowed: Iterable, where, what: str) -> None:
    allowed = set(allowed)
    wrong = [value for value in values if value not in allowed]
    if wrong:
        raise CatalogueError(
            f"{where}: unknown {what} {', '.join(map(str, wrong))} "
            f"(choose from {', '.join(sorted(map(str, allowed)))})"
        )


def source_values(data: dict, where) -> dict:
    """The item's source as model values; an unknown source or addition stops the load.
    A network's own werkvormen are never shipped, so `netwerk` is no fixture's source."""
    allowed = [value for value in Source.values if value != Source.NETWERK]
    check_codes([data.get("bron")], allowed, where, "bron")
    detail = data.get("bron_detail", "")
    if not isinstance(detail, str):
        raise CatalogueError(f"{where}: bron_detail must be a text")
    additions = data.get("aanvulling", [])
    if not isinstance(additions, list):
        raise CatalogueError(f"{where}: aanvulling must be a list of codes")
    check_codes(additions, Addition.values, where, "aanvulling")
    if additions and data["bron"] not in METHOD:
        raise CatalogueError(f"{where}: aanvulling only goes with a bron from the method")
    return {"source": data["bron"], "source_detail": detail.strip(), "additions": additions}


def check_text_list(value, where, name: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogueError(f"{where}: {name} must be a list of texts")


def sync(model, report: LoadReport, *, lookup: dict, values: dict):
    """Create or bring up to date one shipped item, saving only what changed."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values)
        report.record(model, "created")
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
        report.record(model, "updated")
    else:
        report.record(model, "unchanged")
    return instance


def sync_m2m(instance, field_name: str, targets: list) -> None:
    """Make a many-to-many relation hold exactly `targets`, touching nothing if it does."""
    relation = getattr(instance, field_name)
    if {t.pk for t in relation.all()} != {t.pk for t in targets}:
        relation.set(targets)


def load_all() -> LoadReport:
    from django.db import transaction

    report = LoadReport()
    with transaction.atomic():
        for part in parts():
            part.load(report)
        # Labels are written in bulk, which sends no signal: say it once for the load.
        changed()
    return report


def check_all() -> None:
    for part in parts():
        part.check()


# The catalogue's version lives in the shared cache (the database), so that every process
# serving pages sees the same one.
VERSION_KEY = "catalogue-version"


def version() -> str:
    """The catalogue's current version (one cache read)."""
    return cache.get_or_set(VERSION_KEY, _new_version, timeout=None)


def _new_version() -> str:
    return uuid.uuid4().hex


def changed() -> None:
    """Reference content changed: a new version once the change is committed, and once per
    transaction however many items it changed (a load saves hundreds). Made after the
    commit, the new version is never paired with a page rendered from the old content."""
    connection = transaction.get_connection()
    pending = getattr(connection, "catalogue_version_pending", None)
    # Still waiting for this transaction's commit? (A rollback empties Django's list of
    # waiting callbacks; a commit runs them, and ours clears the mark.)
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        return

    def set_new_version() -> None:
        connection.catalogue_version_pending = None
        cache.set(VERSION_KEY, _new_version(), timeout=None)

    connection.catalogue_version_pending = set_new_version
    transaction.on_commit(set_new_version)


def _is_reference(instance) -> bool:
    # A network's own werkvorm names its source too, but only its network sees it.
    return getattr(instance, "network_id", None) is None


def _on_save_or_delete(sender, instance, **kwargs) -> None:
    if _is_reference(instance):
        changed()


def _on_links_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and _is_reference(instance):
        changed()


def watch_changes() -> None:
    """Give the catalogue a new version on every save or delete of reference content (the
    models that name their source, liso.sources.Sourced) and every change of their
    many-to-many links (liso/apps.py calls this once). Connected model by model: a receiver
    for every model would cost Django its fast deletes and many-to-many adds."""
    from django.apps import apps

    for model in apps.get_models():
        if not issubclass(model, Sourced):
            continue
        label = model._meta.label
        post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=f"catalogue-save-{label}")
        post_delete.connect(
            _on_save_or_delete, sender=model, dispatch_uid=f"catalogue-delete-{label}"
        )
        for relation in model._meta.many_to_many:
            m2m_changed.connect(
                _on_links_changed,
                sender=relation.remote_field.through,
                dispatch_uid=f"catalogue-links-{label}-{relation.name}",
            )
