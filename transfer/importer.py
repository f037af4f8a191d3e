"""Reading a network's zip back into this install, all or nothing.

The file is checked first (a zip, a manifest of our format, a version this install reads);
then every row is made in one transaction, with new numbers: links between the network's
rows follow them, people are matched by e-mail address (or made inactive, without a
password), organisations by name (or made), the catalogue by code (it must be there).
Anything that does not fit refuses the whole file, and the uploads already stored are
removed again.
"""

import json
import re
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext as _

from networks.models import Network, Organisation
from transfer import graph
from transfer.export import FORMAT_NAME, FORMAT_VERSION


class ImportRefused(Exception):
    """The file cannot be imported; the message says why, in plain Dutch."""


@dataclass
class Package:
    manifest: dict
    data: dict
    archive: zipfile.ZipFile


@dataclass
class ImportResult:
    network: Network
    counts: dict[str, int]
    people_matched: list[str] = field(default_factory=list)
    people_made: list[str] = field(default_factory=list)


def _json(archive, name: str, missing: str):
    try:
        return json.loads(archive.read(name))
    except KeyError as error:
        raise ImportRefused(missing) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefused(_("%(name)s in het bestand is onleesbaar.") % {"name": name}) from error


def read_package(file) -> Package:
    """Open and check the zip; refuse anything that is not an export this install reads."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRefused(
            _("Dit is geen zipbestand. Kies het bestand van een export.")
        ) from error
    manifest = _json(
        archive,
        "manifest.json",
        _("In het bestand ontbreekt manifest.json. Het is geen export van een netwerk."),
    )
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ImportRefused(_("Dit bestand is geen export van een netwerk uit LISO Leernetwerken."))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(
            _("Het bestand heeft een onbekende formaatversie (%(version)s).") % {"version": version}
        )
    if version > FORMAT_VERSION:
        raise ImportRefused(
            _(
                "Het bestand komt uit een nieuwere versie van LISO Leernetwerken (formaatversie "
                "%(version)s). Deze installatie leest tot en met versie %(known)s. Werk deze "
                "installatie eerst bij."
            )
            % {"version": version, "known": FORMAT_VERSION}
        )
    data = _json(archive, "data.json", _("In het bestand ontbreekt data.json."))
    return Package(manifest, data, archive)


def network_import(*, package: Package, slug: str | None = None) -> ImportResult:
    """Make the network of `package` in this install, under `slug` if given."""
    importer = _Importer(package)
    try:
        with transaction.atomic():
            return importer.run(slug)
    except ImportRefused:
        importer.forget_files()
        raise
    except (
        DatabaseError,
        ValidationError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
    ) as error:
        importer.forget_files()
        raise ImportRefused(
            _("De gegevens in het bestand passen niet (%(where)s). Er is niets ingelezen.")
            % {"where": importer.where or "-"}
        ) from error


def _object_key(value: str, ids: dict) -> str:
    """A history line names its item "<model>:<pk>"; the item has a new number now. An
    item that is gone keeps a number that can never be taken (negative)."""
    name, _sep, pk = value.partition(":")
    model = next((m for m in ids if m._meta.model_name == name), None)
    if model is not None and pk.isdigit() and int(pk) in ids[model]:
        return f"{name}:{ids[model][int(pk)]}"
    return f"{name}:-{pk.lstrip('-')}"


# Values that name another row of the network by its old number, in the file's own words.
REWRITES = {"networks.Revision": {"object_key": _object_key}}


class _Importer:
    def __init__(self, package: Package):
        self.package = package
        self.data = package.data
        self.ids: dict[type, dict[int, int]] = {}  # model -> old pk -> new pk
        self.keys: dict[type, dict] = {}  # model -> natural key -> row
        self.stored: list[tuple] = []  # (storage, name) of uploads written
        self.where = ""
        self.result = None

    def run(self, slug: str | None) -> ImportResult:
        slug = self._slug(slug)
        self._people()
        self._organisations()
        tables = dict(self._tables())
        counts = {}
        for owned in graph.owned_models():
            rows = tables.get(owned.label, [])
            self._catalogue(owned.model, rows)
            counts[owned.label] = len(self._create(owned.model, rows, slug))
        unknown = set(tables) - {owned.label for owned in graph.owned_models()}
        if unknown:
            raise ImportRefused(
                _("Het bestand bevat gegevens die deze installatie niet kent: %(models)s.")
                % {"models": ", ".join(sorted(unknown))}
            )
        for owned in graph.owned_models():
            self._m2m(owned.model, tables.get(owned.label, []))
        self._rewrite(tables)
        network = Network.objects.get(pk=next(iter(self.ids[Network].values())))
        self.result.network, self.result.counts = network, counts
        return self.result

    def _tables(self):
        try:
            return [(table["model"], table["rows"]) for table in self.data["models"]]
        except (KeyError, TypeError) as error:
            raise ImportRefused(_("data.json in het bestand is onvolledig.")) from error

    def _slug(self, slug):
        slug = slug or self.data["network"]["slug"]
        if slugify(slug) != slug:
            raise ImportRefused(
                _("Het adres %(slug)s kan niet: gebruik kleine letters, cijfers en streepjes.")
                % {"slug": slug}
            )
        if Network.objects.filter(slug=slug).exists():
            raise ImportRefused(
                _(
                    "Er is al een netwerk met het adres %(slug)s. Kies een ander adres voor "
                    "het ingelezen netwerk."
                )
                % {"slug": slug}
            )
        return slug

    # --- outside the network: people, organisations, the catalogue --------------------------

    def _people(self):
        User = get_user_model()
        people = {p["email"].lower(): p for p in self.data["people"]}
        found = {
            user.email.lower(): user
            for user in User.objects.annotate(lower=Lower("email")).filter(lower__in=people)
        }
        made = []
        for email, person in people.items():
            if email not in found:
                user = User(email=person["email"], full_name=person["full_name"], is_active=False)
                user.set_unusable_password()
                made.append(user)
        User.objects.bulk_create(made)
        self.result = ImportResult(
            network=None,
            counts={},
            people_matched=sorted(found),
            people_made=sorted(u.email for u in made),
        )
        self.keys[User] = {**found, **{u.email.lower(): u for u in made}}

    def _organisations(self):
        wanted = {o["name"].lower(): o for o in self.data["organisations"]}
        found = {
            o.name.lower(): o
            for o in Organisation.objects.annotate(lower=Lower("name")).filter(lower__in=wanted)
        }
        made = [Organisation(**o) for name, o in wanted.items() if name not in found]
        Organisation.objects.bulk_create(made)
        self.keys[Organisation] = {**found, **{o.name.lower(): o for o in made}}

    def _catalogue(self, model, rows):
        """Look up, in one query per model, the catalogue rows these rows name."""
        wanted: dict[type, set] = {}
        for field_ in self._links(model):
            for row in rows:
                for value in self._values(row, field_):
                    if isinstance(value, dict):
                        wanted.setdefault(field_.related_model, set()).add(value["key"])
        for target, keys in wanted.items():
            if graph.made_when_missing(target):
                continue
            key = graph.natural_key(target)
            known = self.keys.setdefault(target, {})
            todo = keys - set(known)
            known.update(
                {getattr(r, key): r for r in target.objects.filter(**{f"{key}__in": todo})}
            )
            if missing := sorted(map(str, todo - set(known))):
                raise ImportRefused(
                    _(
                        "In deze installatie ontbreekt uit de catalogus: %(kind)s %(keys)s. "
                        "Laad eerst de catalogus (manage.py load_catalogue), of voeg het toe "
                        "in het beheer."
                    )
                    % {"kind": target._meta.verbose_name, "keys": ", ".join(missing)}
                )

    @staticmethod
    def _links(model):
        return [*graph.foreign_keys(model), *model._meta.many_to_many]

    @staticmethod
    def _values(row, field_):
        if field_.many_to_many:
            return row.get("m2m", {}).get(field_.name, [])
        return [row["fields"].get(field_.name)]

    def _resolve(self, target, value):
        """The new row (or its pk) that `value` from the file names."""
        if value is None:
            return None
        if isinstance(value, dict):
            key = value["key"]
            if graph.made_when_missing(target):
                key = key.lower()
            return self.keys[target][key].pk
        return self.ids[target][value]

    # --- the network's own rows -------------------------------------------------------------

    def _create(self, model, rows, slug):
        self.where = model._meta.verbose_name_plural
        later = [f for f in graph.foreign_keys(model) if f.related_model is model]
        objects = [self._build(model, row, later) for row in rows]
        if model is Network:
            if len(objects) != 1:
                raise ImportRefused(_("Het bestand bevat niet precies één netwerk."))
            objects[0].slug = slug
        self._unique(model, objects)
        model._base_manager.bulk_create(objects)
        self.ids[model] = {row["pk"]: obj.pk for row, obj in zip(rows, objects, strict=True)}
        # bulk_create stamps "now" on auto_now fields: give them back their own moments.
        stamped = [
            f.name
            for f in model._meta.concrete_fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        for obj, row in zip(objects, rows, strict=True):
            for name in stamped:
                setattr(obj, name, model._meta.get_field(name).to_python(row["fields"][name]))
            for f in later:
                setattr(obj, f.attname, self._resolve(model, row["fields"].get(f.name)))
        if objects and (stamped or later):
            model._base_manager.bulk_update(
                objects, [*stamped, *(f.name for f in later)], batch_size=500
            )
        return objects

    def _build(self, model, row, later):
        obj = model()
        values = row["fields"]
        for field_ in model._meta.concrete_fields:
            if field_.primary_key or field_.name not in values:
                continue
            value = values[field_.name]
            if field_.is_relation:
                target = field_.related_model
                value = None if field_ in later else self._resolve(target, value)
                setattr(obj, field_.attname, value)
            elif isinstance(field_, models.FileField):
                setattr(obj, field_.attname, self._store(field_, value))
            else:
                setattr(obj, field_.attname, field_.to_python(value))
        return obj

    def _unique(self, model, objects):
        """A unique value already taken in this install (an own werkvorm's code, an
        invitation's link) gets a suffix; the network's address is chosen, not changed."""
        for field_ in model._meta.concrete_fields:
            if not field_.unique or field_.primary_key or field_.is_relation or model is Network:
                continue
            if not isinstance(field_, models.CharField):
                continue
            values = [getattr(obj, field_.attname) for obj in objects]
            taken = set(
                model._base_manager.filter(**{f"{field_.name}__in": values}).values_list(
                    field_.name, flat=True
                )
            )
            for obj in objects:
                value = getattr(obj, field_.attname)
                if value in taken:
                    value = _free(value, taken, model._base_manager, field_)
                    setattr(obj, field_.attname, value)
                taken.add(value)

    def _store(self, field_, path):
        if not path:
            return ""
        if not path.startswith("files/"):
            raise ValueError(path)
        try:
            content = self.package.archive.read(path)
        except KeyError as error:
            raise ImportRefused(
                _("In het bestand ontbreekt een geüpload bestand: %(path)s.") % {"path": path}
            ) from error
        name = field_.storage.save(path.removeprefix("files/"), ContentFile(content))
        self.stored.append((field_.storage, name))
        return name

    def _m2m(self, model, rows):
        for field_ in model._meta.many_to_many:
            through = field_.remote_field.through
            source, target = field_.m2m_field_name(), field_.m2m_reverse_field_name()
            pairs = [
                through(
                    **{
                        f"{source}_id": self.ids[model][row["pk"]],
                        f"{target}_id": self._resolve(field_.related_model, value),
                    }
                )
                for row in rows
                for value in row.get("m2m", {}).get(field_.name, [])
            ]
            through._base_manager.bulk_create(pairs)

    def _rewrite(self, tables):
        for label, rewrites in REWRITES.items():
            model = next(o.model for o in graph.owned_models() if o.label == label)
            objects = list(model._base_manager.filter(pk__in=self.ids[model].values()))
            for obj in objects:
                for name, rewrite in rewrites.items():
                    setattr(obj, name, rewrite(getattr(obj, name), self.ids))
            model._base_manager.bulk_update(objects, list(rewrites), batch_size=500)

    def forget_files(self):
        for storage, name in self.stored:
            storage.delete(name)
        self.stored.clear()


def _free(value: str, taken: set, manager, field_) -> str:
    """`value` with the first number after it that is not taken here yet."""
    stem, length = re.sub(r"-\d+$", "", value), field_.max_length
    for n in range(2, 10_000):
        suffix = f"-{n}"
        candidate = (stem[: length - len(suffix)] if length else stem) + suffix
        if candidate not in taken and not manager.filter(**{field_.name: candidate}).exists():
            return candidate
    raise ValueError(value)
