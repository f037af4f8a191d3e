"""A whole network as one zip: `manifest.json` (what the file is), `data.json` (every row of
every network-owned model, links between them by their old numbers, links outside by
natural key) and `files/` (the uploads). One query per model, however big the network."""

import json
import tempfile
import tomllib
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.duration import duration_iso_string

from networks.models import Organisation
from transfer import graph

FORMAT_NAME = "liso-netwerk"
FORMAT_VERSION = 1
FILES = "files/"


def app_version() -> str:
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def plain(value):
    """A field's value as JSON can hold it (read back with the field's `to_python`)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


class _Collector:
    """Gathers the rows, then names what they point at outside the network."""

    def __init__(self, network):
        self.network = network
        self.rows: dict[type, list[dict]] = {}
        self.outside: dict[type, set[int]] = {}  # model -> pks pointed at, named later
        self.files: dict[str, object] = {}  # path in the zip -> (storage, name)

    def gather(self):
        for owned in graph.owned_models():
            self.rows[owned.model] = self._rows(owned)
        for owned in graph.owned_models():
            self._m2m(owned)

    def _rows(self, owned) -> list[dict]:
        rule = graph.RULES.get(owned.label)
        if rule and rule.none:
            return []
        queryset = owned.rows(self.network)
        if rule and rule.keep is not None:
            queryset = queryset.filter(rule.keep)
        fields = [f for f in owned.model._meta.concrete_fields if not f.primary_key]
        blank = set(rule.blank) if rule else set()
        rows = []
        for values in queryset.order_by("pk").values("pk", *(f.attname for f in fields)):
            row = {}
            for field in fields:
                value = None if field.name in blank else values[field.attname]
                row[field.name] = value
            rows.append({"pk": values["pk"], "fields": row})
        return rows

    def _m2m(self, owned):
        exported = {row["pk"]: row for row in self.rows[owned.model]}
        for field in owned.model._meta.many_to_many:
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            path = f"{source}__{owned.path}" if owned.path else f"{source}"
            pairs = through._base_manager.filter(**{path: self.network}).order_by("pk")
            for row in exported.values():
                row.setdefault("m2m", {})[field.name] = []
            for source_id, target_id in pairs.values_list(f"{source}_id", f"{target}_id"):
                if source_id in exported:
                    exported[source_id]["m2m"][field.name].append((field, target_id))

    def encode(self) -> list[dict]:
        exported = {model: {row["pk"] for row in rows} for model, rows in self.rows.items()}
        for model, rows in self.rows.items():
            for row in rows:
                for field in model._meta.concrete_fields:
                    if field.primary_key or field.name not in row["fields"]:
                        continue
                    value = row["fields"][field.name]
                    row["fields"][field.name] = self._encode(field, value, exported)
                for name, targets in row.get("m2m", {}).items():
                    row["m2m"][name] = [
                        self._link(f.related_model, pk, exported) for f, pk in targets
                    ]
        keys = self._natural_keys()
        for rows in self.rows.values():
            for row in rows:
                linked = [v for values in row.get("m2m", {}).values() for v in values]
                for value in [*row["fields"].values(), *linked]:
                    if isinstance(value, dict) and "key" in value:
                        value["key"] = keys[value.pop("model")][value["key"]]
        return [{"model": model._meta.label, "rows": rows} for model, rows in self.rows.items()]

    def _encode(self, field, value, exported):
        if value is None:
            return None
        if field.is_relation:
            return self._link(field.related_model, value, exported)
        if isinstance(field, models.FileField):
            return self._file(field, value)
        return plain(value)

    def _link(self, model, pk, exported):
        """A link to a row of the network (its old number) or outside it (named later)."""
        if model in exported and pk in exported[model]:
            return pk
        self.outside.setdefault(model, set()).add(pk)
        return {"model": model, "key": pk}

    def _file(self, field, name):
        if not name:
            return ""
        if not field.storage.exists(name):
            return ""  # the upload is gone; the row travels without it
        self.files[FILES + name] = (field.storage, name)
        return FILES + name

    def _natural_keys(self) -> dict[type, dict[int, object]]:
        keys = {}
        self.people, self.organisations = [], []
        for model, pks in self.outside.items():
            key = graph.natural_key(model)
            rows = model._base_manager.filter(pk__in=pks)
            if model is get_user_model():
                self.people = list(rows.order_by(key).values(key, "full_name"))
            elif model is Organisation:
                self.organisations = list(rows.order_by(key).values(key, "perspective", "kind"))
            keys[model] = {pk: plain(value) for pk, value in rows.values_list("pk", key)}
        return keys


def network_package(network) -> tuple[dict, dict, dict]:
    """(manifest, data, files): what goes into the zip."""
    collector = _Collector(network)
    collector.gather()
    tables = collector.encode()
    data = {
        "network": {"slug": network.slug, "name": network.name},
        "people": collector.people,
        "organisations": collector.organisations,
        "models": tables,
    }
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "app_version": app_version(),
        "network": data["network"],
        "counts": {table["model"]: len(table["rows"]) for table in tables},
        "files": len(collector.files),
    }
    return manifest, data, collector.files


def write_zip(network, target) -> dict:
    """Write the network's zip to `target` (a path or a file); returns the manifest."""
    manifest, data, files = network_package(network)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False))
        for path, (storage, name) in files.items():
            with storage.open(name, "rb") as source, archive.open(path, "w") as sink:
                while chunk := source.read(1024 * 1024):
                    sink.write(chunk)
    return manifest


def network_zip(network):
    """The zip in a temporary file, rewound, for a download."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    write_zip(network, file)
    file.seek(0)
    return file
