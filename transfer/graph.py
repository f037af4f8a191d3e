"""Which models belong to a network, found from the models themselves: every model of the
project's own apps that reaches `Network` through a chain of foreign keys (Network <-
Session <- Registration). A new app's models join the export without a line here.

What a network's rows point at outside it is named by a natural key instead of a number:
people by e-mail address and organisations by name (both made on import when missing),
the catalogue by its code (it must be there already: every install loads it).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import Network, Organisation


@dataclass(frozen=True)
class Owned:
    """A model whose rows belong to a network, and the lookup from it to the network."""

    model: type[models.Model]
    path: str  # "" for Network itself

    @property
    def label(self) -> str:
        return self.model._meta.label

    def rows(self, network):
        manager = self.model._base_manager
        if not self.path:
            return manager.filter(pk=network.pk)
        return manager.filter(**{self.path: network})


@dataclass(frozen=True)
class Rule:
    """What of a model does not travel, and why (said on the export page)."""

    why: str
    keep: Q | None = None  # only these rows travel
    none: bool = False  # no row travels
    blank: tuple[str, ...] = ()  # these fields travel empty


# Person-private things never travel in a trekker's export.
RULES = {
    "phases.Reflection": Rule(
        why=_(
            "Reflecties die de schrijver niet heeft gedeeld. Die zijn alleen van de schrijver. "
            "Gedeelde reflecties gaan wel mee."
        ),
        keep=Q(shared_at__isnull=False),
    ),
    "kernelements.ScanResponse": Rule(
        why=_(
            "Wie een zelfscan invulde. De antwoorden gaan mee zonder naam, net als na het "
            "sluiten van een ronde."
        ),
        blank=("membership",),
    ),
    "bijeenkomsten.Terugblik": Rule(
        why=_(
            "Terugblikken op bijeenkomsten. Deelnemers gaven ze zonder naam; in het bestand "
            "zou de naam erbij staan."
        ),
        none=True,
    ),
    "bijeenkomsten.SessionGuest": Rule(
        why=_(
            "Gasten van buiten het netwerk die voor een bijeenkomst zijn uitgenodigd. Hun "
            "naam en e-mailadres gaven ze alleen voor die bijeenkomst."
        ),
        none=True,
    ),
    "bijeenkomsten.WerkvormRating": Rule(
        why=_("Hoe deelnemers werkvormen waardeerden, om dezelfde reden."),
        none=True,
    ),
}


def project_models() -> list[type[models.Model]]:
    """The models of the project's own apps, in the order of INSTALLED_APPS."""
    root = Path(settings.BASE_DIR)
    found = []
    for config in apps.get_app_configs():
        if Path(config.path).parent == root:
            found.extend(config.get_models())
    return found


def foreign_keys(model) -> list[models.Field]:
    """Its links to one other row (foreign keys and one-to-one fields)."""
    return [
        f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)
    ]


def file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def plain_fields(model) -> list[models.Field]:
    """The fields that hold a value (not the primary key, not a link)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation]


def _paths() -> dict[type, str]:
    """The shortest lookup from each network-owned model to the network, preferring
    chains that cannot be empty."""
    paths: dict[type, tuple] = {Network: ((False, 0), "")}
    candidates = [m for m in project_models() if m is not Network]
    changed = True
    while changed:
        changed = False
        for model in candidates:
            for field in foreign_keys(model):
                target = field.related_model
                if target is model or target not in paths:
                    continue
                (nullable, depth), path = paths[target]
                rank = (nullable or field.null, depth + 1)
                full = f"{field.name}__{path}" if path else field.name
                if model not in paths or rank < paths[model][0]:
                    paths[model] = (rank, full)
                    changed = True
    return {model: path for model, (_rank, path) in paths.items()}


@cache
def owned_models() -> tuple[Owned, ...]:
    """Every network-owned model, each after the models it points at."""
    paths = _paths()
    waiting = [m for m in project_models() if m in paths]
    ordered: list[type] = []
    while waiting:
        ready = [m for m in waiting if all(d in ordered for d in depends_on(m, paths))]
        if not ready:
            raise ImproperlyConfigured(f"Network models point at each other in a circle: {waiting}")
        ordered.extend(ready)
        waiting = [m for m in waiting if m not in ready]
    return tuple(Owned(model, paths[model]) for model in ordered)


def depends_on(model, owned) -> set[type]:
    """The other network-owned models `model` points at (a model pointing at itself is
    linked up after its rows exist)."""
    return {
        f.related_model
        for f in foreign_keys(model)
        if f.related_model in owned and f.related_model is not model
    }


def is_owned(model) -> bool:
    return any(o.model is model for o in owned_models())


def natural_key(model) -> str:
    """The field that names a row of `model` in another install."""
    if model is get_user_model():
        return model.EMAIL_FIELD
    if model is Organisation:
        return "name"
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key and not field.is_relation:
            return field.name
    raise ImproperlyConfigured(f"{model._meta.label} has no natural key to export it by")


def made_when_missing(model) -> bool:
    """People and organisations are made on import; catalogue rows must exist."""
    return model in (get_user_model(), Organisation)
