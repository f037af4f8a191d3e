"""A network's own werkvormen: its list, and making one (new, or an adapted copy of a
werkvorm from the library), changing and deleting it. Saving goes through the start-up's
editing kit, so every change has its history and two editors never overwrite each other.
The werkvormen themselves are read on the library's own pages, by members only."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liso.sources import Source
from networks import history
from networks import permissions as P
from networks.editing import edit_page
from werkvormen.forms import OwnWerkvormForm, copy_of
from werkvormen.models import Werkvorm


def crumb(request) -> dict:
    """The own werkvormen as the breadcrumb's level between the network and the page."""
    return {
        "section_label": _("Eigen werkvormen"),
        "section_url": reverse("own_werkvorm_list", args=[request.network.slug]),
    }


@P.network_permission_required(P.NETWORK_VIEW)
def own_werkvorm_list(request):
    werkvormen = request.network.werkvormen.select_related("based_on", "updated_by")
    context = {
        "network": request.network,
        "title": _("Eigen werkvormen"),
        "werkvormen": werkvormen.prefetch_related("labels"),
    }
    return render(request, "werkvormen/own_list.html", context)


def _show(werkvorm) -> str:
    return reverse("werkvorm_detail", args=[werkvorm.code])


def _form_page(request, form, title, *, intro="", delete_url=None):
    return edit_page(
        request,
        form=form,
        title=title,
        intro=intro,
        delete_url=delete_url,
        back_url=reverse("own_werkvorm_list", args=[request.network.slug]),
        crumb=crumb(request),
        after_save=_show,
    )


@P.network_permission_required(P.WERKVORMEN_CHANGE)
def own_werkvorm_create(request):
    """A new werkvorm; with ?van=<code>, a copy of that werkvorm to adapt. Nothing is
    stored until the form is saved."""
    network = request.network
    source, copy, intro = None, {}, ""
    if code := request.GET.get("van"):
        # Another network's own werkvorm never travels: its members' work stays theirs.
        werkvormen = Werkvorm.objects.of_network(network).select_related("based_on")
        source = get_object_or_404(werkvormen.prefetch_related("labels"), code=code)
        copy = copy_of(source)
        intro = _(
            "Je maakt een eigen versie van “%(name)s”. Pas aan wat in jullie netwerk "
            "anders gaat; het origineel blijft zoals het is."
        ) % {"name": source.name}
    # A copy of a copy still points at the library werkvorm it came from.
    based_on = source.based_on if source and source.network_id else source
    instance = Werkvorm(network=network, based_on=based_on, source=Source.NETWERK)
    form = OwnWerkvormForm(request.POST or None, network=network, instance=instance, **copy)
    return _form_page(request, form, _("Eigen werkvorm maken"), intro=intro)


@P.network_permission_required(P.WERKVORMEN_CHANGE)
def own_werkvorm_edit(request, code):
    werkvorm = get_object_or_404(request.network.werkvormen.prefetch_related("labels"), code=code)
    form = OwnWerkvormForm(request.POST or None, instance=werkvorm, network=request.network)
    delete_url = reverse("own_werkvorm_delete", args=[request.network.slug, code])
    return _form_page(request, form, _("Eigen werkvorm wijzigen"), delete_url=delete_url)


@require_POST
@P.network_permission_required(P.WERKVORMEN_CHANGE)
def own_werkvorm_delete(request, code):
    werkvorm = get_object_or_404(request.network.werkvormen, code=code)
    history.item_delete(instance=werkvorm, network=request.network, by=request.user)
    messages.success(
        request,
        _(
            "“%(name)s” is verwijderd. Draaiboeken waarin hij stond, houden "
            "het blok met zijn titel en tijd."
        )
        % {"name": werkvorm.name},
    )
    return redirect("own_werkvorm_list", request.network.slug)
