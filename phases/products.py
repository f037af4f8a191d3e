"""Opbrengsten: the kennisproducten a network makes in phase 3 (where they come from, what
may stand in the way of their use, which member organisations use them), the successes
its members share along the way, and the two panels the network overview shows of them.

"The organisations of the network" are those of its current members: the parties that
can take a product into use. An organisation that left keeps what it recorded."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Window

from liso import uploads
from liso.compiled import EXAMPLE_ID, CompiledOnce
from networks import history
from networks.models import Membership, Network, Organisation
from phases.models import Adoption, Kennisproduct, Success

PAGE_SIZE = 20
PANEL_PRODUCTS = 5
PANEL_SUCCESSES = 6


# --- reading --------------------------------------------------------------------------------


def current_organisation_ids(network_id: int) -> QuerySet:
    """The organisations of the network's current members, as a subquery of ids."""
    return Membership.objects.filter(
        network_id=network_id, left_on__isnull=True, organisation__isnull=False
    ).values("organisation_id")


def _in_use(network_id: int) -> Count:
    """How many of the network's organisations use the product (annotated per product)."""
    return Count(
        "adoptions",
        filter=Q(
            adoptions__status=Adoption.Status.IN_GEBRUIK,
            adoptions__organisation_id__in=current_organisation_ids(network_id),
        ),
    )


def products_of(network: Network) -> QuerySet:
    """The network's products, newest first, each with `in_use`: the number of the
    network's organisations that use it. One query, however many products."""
    # A query with GROUP BY leaves out the model's ordering: say it again.
    return network.products.annotate(in_use=_in_use(network.pk)).order_by("-created_at", "-pk")


def organisation_count(network: Network) -> int:
    """How many organisations the network's current members come from."""
    return Organisation.objects.filter(pk__in=current_organisation_ids(network.pk)).count()


@dataclass
class AdoptionRow:
    """One organisation and whether it uses a product."""

    organisation: Organisation
    status: str
    since: date | None
    # False for an organisation that has no current member any more but did record
    # something for this product.
    is_member: bool

    @property
    def status_label(self) -> str:
        return Adoption.Status(self.status).label

    @property
    def in_use(self) -> bool:
        return self.status == Adoption.Status.IN_GEBRUIK


def adoption_rows(product: Kennisproduct) -> list[AdoptionRow]:
    """Every organisation of the network, plus any other that has a row for the product,
    with its status (none recorded: "Nog niet"). One query."""
    network_id = product.network_id
    current = current_organisation_ids(network_id)
    adoption = Adoption.objects.filter(product=product, organisation=OuterRef("pk"))
    organisations = (
        Organisation.objects.filter(
            Q(pk__in=current) | Q(pk__in=product.adoptions.values("organisation_id"))
        )
        .annotate(
            adoption_status=Subquery(adoption.values("status")[:1]),
            adoption_since=Subquery(adoption.values("since")[:1]),
            is_member=Exists(current.filter(organisation_id=OuterRef("pk"))),
        )
        .order_by("name", "pk")
    )
    return [
        AdoptionRow(
            organisation,
            organisation.adoption_status or Adoption.Status.NEE,
            organisation.adoption_since,
            organisation.is_member,
        )
        for organisation in organisations
    ]


# --- changing -------------------------------------------------------------------------------


@transaction.atomic
def product_delete(*, product: Kennisproduct, by) -> None:
    """Delete a product with its barriers and adoption; the history keeps that it was
    there, and the file goes once the deletion is committed."""
    history.item_delete(instance=product, network=product.network, by=by)
    uploads.forget_on_commit(product.file)


@transaction.atomic
def adoption_save(*, product: Kennisproduct, choices: dict[int, tuple[str, date | None]]) -> int:
    """Record, per organisation (by id), its status and since when, all at once or not at
    all. An organisation that does not use the product and never did gets no row. Returns
    how many organisations changed."""
    # One save at a time per product, so two people adding the same organisation at once
    # do not collide.
    Kennisproduct.objects.select_for_update().filter(pk=product.pk).first()
    existing = {a.organisation_id: a for a in product.adoptions.all()}
    new, changed = [], []
    for organisation_id, (status, since) in choices.items():
        if status == Adoption.Status.NEE:
            since = None
        adoption = existing.get(organisation_id)
        if adoption is None:
            if status != Adoption.Status.NEE:
                new.append(
                    Adoption(
                        product=product, organisation_id=organisation_id, status=status, since=since
                    )
                )
        elif (adoption.status, adoption.since) != (status, since):
            adoption.status, adoption.since = status, since
            changed.append(adoption)
    Adoption.objects.bulk_create(new)
    Adoption.objects.bulk_update(changed, ["status", "since"])
    return len(new) + len(changed)


# --- panels on the network overview ---------------------------------------------------------


def _latest_with_totals(network_id: int) -> QuerySet:
    totals = {
        f"n_{value}": Window(Count("pk", filter=Q(status=value)))
        for value in Kennisproduct.Status.values
    }
    products = Kennisproduct.objects.filter(network_id=network_id)
    return products.annotate(
        in_use=_in_use(network_id), n_all=Window(Count("pk")), **totals
    ).order_by("-created_at", "-pk")[:PANEL_PRODUCTS]


# The panels' queries have one shape for every network: each is compiled once
# (liso/compiled.py) and run with the network's id.
_latest_products = CompiledOnce(_latest_with_totals, network_id=EXAMPLE_ID)
_latest_successes = CompiledOnce(
    lambda network_id: Success.objects.filter(network_id=network_id).select_related("author__user")[
        :PANEL_SUCCESSES
    ],
    network_id=EXAMPLE_ID,
)


def products_panel(network: Network) -> dict | None:
    """The latest products, each with the number of organisations that use it, and how
    many products the network has in each status. One query: the totals come along on
    every row as window counts."""
    latest = _latest_products(network_id=network.pk)
    first = latest[0] if latest else None
    statuses = [
        (value, label, getattr(first, f"n_{value}", 0))
        for value, label in Kennisproduct.Status.choices
    ]
    return {
        "network": network,
        "products": latest,
        "statuses": statuses,
        "total": first.n_all if first else 0,
        "more": first is not None and first.n_all > len(latest),
    }


def successes_panel(network: Network) -> dict | None:
    """The latest successes with who shared them. One query."""
    return {"network": network, "successes": _latest_successes(network_id=network.pk)}
