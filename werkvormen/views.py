from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from networks import permissions
from werkvormen import registry
from werkvormen.forms import WerkvormFilterForm
from werkvormen.models import Werkvorm

PAGE_SIZE = 20


@vary_on_headers("HX-Request")
def werkvorm_list(request):
    """The library: search and filters in the URL, so a result can be shared and Back
    works; with htmx only the results are swapped in."""
    form = WerkvormFilterForm(request.GET or None)
    visible = Werkvorm.objects.visible_in(permissions.networks_of(request.user))
    visible = visible.select_related("network")
    werkvormen = form.filter(visible.prefetch_related("labels"))
    page = Paginator(werkvormen, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    for key, value in list(query.items()):
        if key == "pagina" or not value:
            del query[key]
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "werkvormen/werkvorm_list.html#results", context)
        # The address bar shows only the filters in use: short enough to share.
        return push_url(response, f"{request.path}?{query.urlencode()}" if query else request.path)
    return render(request, "werkvormen/werkvorm_list.html", context)


def werkvorm_detail(request, code):
    """One werkvorm; a network's own only for its members (404 for anyone else). Those who
    make werkvormen in a network may adapt it there, or change it if it is their own."""
    visible = Werkvorm.objects.visible_in(permissions.networks_of(request.user))
    visible = visible.select_related("network", "based_on").prefetch_related("labels")
    werkvorm = get_object_or_404(visible, code=code)
    makers = permissions.networks_with(request.user, permissions.WERKVORMEN_CHANGE)
    may_change = werkvorm.network in makers
    context = {
        "werkvorm": werkvorm,
        "related": registry.related_sections(werkvorm),
        "notes": registry.related_notes(werkvorm),
        # A network's own werkvorm is adapted only within that network.
        "copy_to": [werkvorm.network] if may_change else [] if werkvorm.network else makers,
        "may_change": may_change,
    }
    return render(request, "werkvormen/werkvorm_detail.html", context)
