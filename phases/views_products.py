"""Opbrengsten: the kennisproducten (list, page, writing them with history, their file,
barriers and adoption by the member organisations) and the wall of successes.

Every member reads them and, while the network is not archived, adds and edits them;
deleting a product, or someone else's success, is for those who lead the learning."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liso import uploads
from liso.spreadsheet import csv_response
from networks import permissions as P
from networks.editing import edit_page, save_form
from phases import products
from phases.forms_products import AdoptionForms, BarrierForm, KennisproductForm, SuccessForm
from phases.models import Adoption, Barrier, Kennisproduct, Success
from phases.sections import results_crumb


def _product(request, pk) -> Kennisproduct:
    return P.object_in_network(request, Kennisproduct, pk)


def _detail_url(request, product) -> str:
    return reverse("product_detail", args=[request.network.slug, product.pk])


def _page(request, queryset):
    return Paginator(queryset, products.PAGE_SIZE).get_page(request.GET.get("pagina"))


# --- kennisproducten ------------------------------------------------------------------------


@P.network_permission_required(P.NETWORK_VIEW)
def product_list(request):
    network = request.network
    page = _page(request, products.products_of(network))
    context = {
        "network": network,
        "page": page,
        "title": _("Kennisproducten"),
        "organisations": products.organisation_count(network),
    }
    return render(request, "phases/product_list.html", context)


@P.network_permission_required(P.NETWORK_VIEW)
def product_detail(request, pk):
    network = request.network
    product = P.object_in_network(request, Kennisproduct, pk, "goal", "updated_by")
    rows = products.adoption_rows(product)
    context = {
        "network": network,
        "product": product,
        "title": product.title,
        "experiments": list(product.experiments.all()),
        "barriers": list(product.barriers.all()),
        "rows": rows,
        "in_use": sum(row.in_use and row.is_member for row in rows),
        "organisations": sum(row.is_member for row in rows),
        "is_image": product.file_type.startswith("image/"),
        **results_crumb(request),
    }
    return render(request, "phases/product_detail.html", context)


def _product_form_page(request, product, title, *, intro=""):
    old_file = product.file if product.pk else None
    form = KennisproductForm(
        request.POST or None, request.FILES or None, instance=product, network=request.network
    )

    def after_save(saved):
        if old_file and saved.file.name != old_file.name:
            uploads.forget_on_commit(old_file)
        return _detail_url(request, saved)

    may_delete = product.pk and P.LEARNING_MANAGE in request.network_perms
    delete_url = (
        reverse("product_delete", args=[request.network.slug, product.pk]) if (may_delete) else None
    )
    back_url = (
        _detail_url(request, product)
        if product.pk
        else reverse("product_list", args=[request.network.slug])
    )
    return edit_page(
        request,
        form=form,
        title=title,
        intro=intro,
        back_url=back_url,
        crumb=results_crumb(request),
        delete_url=delete_url,
        after_save=after_save,
        success=_("Het kennisproduct is opgeslagen."),
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def product_add(request):
    intro = _(
        "Beschrijf wat het netwerk heeft gemaakt, voor wie het is en waar het uit "
        "voortkomt. Belemmeringen en welke organisaties het gebruiken, vul je daarna in."
    )
    return _product_form_page(
        request, Kennisproduct(network=request.network), _("Kennisproduct toevoegen"), intro=intro
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def product_edit(request, pk):
    return _product_form_page(request, _product(request, pk), _("Kennisproduct wijzigen"))


@require_POST
@P.network_permission_required(P.LEARNING_MANAGE)
def product_delete(request, pk):
    product = _product(request, pk)
    products.product_delete(product=product, by=request.user)
    messages.success(request, _("“%(title)s” is verwijderd.") % {"title": product.title})
    return redirect("product_list", request.network.slug)


@P.network_permission_required(P.NETWORK_VIEW)
def product_file(request, pk):
    """The product's file, only for the network's members (there is no public media URL):
    an image to look at, a PDF to download."""
    product = _product(request, pk)
    if not product.file or product.file_type not in Kennisproduct.SUFFIXES:
        raise Http404
    try:
        handle = product.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"{slugify(product.title) or 'kennisproduct'}{Kennisproduct.SUFFIXES[product.file_type]}"
    return FileResponse(
        handle,
        content_type=product.file_type,
        filename=name,
        as_attachment=not product.file_type.startswith("image/"),
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def product_adoption(request, pk):
    """Which organisations use the product, and since when: one form for all of them,
    saved all together or, when something is not right, not at all."""
    product = _product(request, pk)
    forms = AdoptionForms(products.adoption_rows(product), request.POST or None)
    if request.method == "POST" and forms.is_valid():
        products.adoption_save(product=product, choices=forms.choices)
        messages.success(request, _("Het gebruik is opgeslagen."))
        return redirect(_detail_url(request, product))
    context = {
        "network": request.network,
        "product": product,
        "forms": forms,
        "has_errors": request.method == "POST",
        "title": _("Wie gebruikt het?"),
        **results_crumb(request),
    }
    return render(request, "phases/product_adoption.html", context)


# --- barriers -------------------------------------------------------------------------------


def _barrier(request, pk, barrier) -> Barrier:
    barriers = Barrier.objects.filter(product__network=request.network, product_id=pk)
    return get_object_or_404(barriers.select_related("product"), pk=barrier)


def _barrier_page(request, barrier, title):
    form = BarrierForm(request.POST or None, instance=barrier)
    if saved := save_form(
        request,
        form,
        next_url=_detail_url(request, barrier.product),
        success=_("De belemmering is opgeslagen."),
    ):
        return saved
    product = barrier.product
    delete_url = (
        reverse("barrier_delete", args=[request.network.slug, product.pk, barrier.pk])
        if barrier.pk
        else None
    )
    context = {
        "network": request.network,
        "form": form,
        "title": title,
        "lead": _("Bij het kennisproduct “%(title)s”.") % {"title": product.title},
        "back_url": _detail_url(request, product),
        "delete_url": delete_url,
        **results_crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


@P.network_permission_required(P.LEARNING_TAKE_PART)
def barrier_add(request, pk):
    return _barrier_page(
        request, Barrier(product=_product(request, pk)), _("Belemmering toevoegen")
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def barrier_edit(request, pk, barrier):
    return _barrier_page(request, _barrier(request, pk, barrier), _("Belemmering wijzigen"))


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def barrier_delete(request, pk, barrier):
    instance = _barrier(request, pk, barrier)
    instance.delete()
    messages.success(request, _("“%(what)s” is verwijderd.") % {"what": instance.barrier})
    return redirect(_detail_url(request, instance.product))


# --- successes ------------------------------------------------------------------------------


def _wall(request, form=None, status=200):
    network = request.network
    page = _page(request, network.successes.select_related("author__user"))
    for success in page.object_list:
        success.may_delete = P.may_remove_learning_item(request, success.author_id)
    context = {
        "network": network,
        "page": page,
        "title": _("Successen"),
        "form": form or SuccessForm(),
        **results_crumb(request),
    }
    return render(request, "phases/success_list.html", context, status=status)


@P.network_permission_required(P.NETWORK_VIEW)
def success_list(request):
    return _wall(request)


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def success_add(request):
    form = SuccessForm(
        request.POST, instance=Success(network=request.network, author=request.membership)
    )
    saved = save_form(
        request,
        form,
        next_url=reverse("success_list", args=[request.network.slug]),
        success=_("Je succes staat op de muur. Goed gedaan!"),
    )
    return saved or _wall(request, form)


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def success_delete(request, pk):
    """Its author takes a success away, or a trekker or procesbegeleider does."""
    success = P.object_in_network(request, Success, pk)
    if not P.may_remove_learning_item(request, success.author_id):
        raise PermissionDenied
    success.delete()
    messages.success(request, _("Het succes is weggehaald."))
    return redirect("success_list", request.network.slug)


@P.network_permission_required(P.REPORTS_EXPORT)
def adoption_csv(request):
    """Which organisation uses which kennisproduct, and since when: one row each."""
    adoptions = (
        Adoption.objects.filter(product__network=request.network)
        .select_related("product", "organisation")
        .order_by("product__title", "organisation__name")
    )
    header = [_("Kennisproduct"), _("Soort"), _("Organisatie"), _("Stand"), _("Sinds")]
    rows = (
        [
            adoption.product.title,
            adoption.product.get_kind_display(),
            adoption.organisation.name,
            adoption.get_status_display(),
            adoption.since,
        ]
        for adoption in adoptions
    )
    return csv_response(f"gebruik-kennisproducten-{request.network.slug}.csv", header, rows)
