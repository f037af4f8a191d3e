"""The network's search page (/netwerken/<slug>/zoeken/?q=...): networks/search.py finds,
the apps contribute what can be found."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from networks import permissions
from networks.search import MAX_RESULTS, search

MAX_QUERY = 200


@permissions.network_permission_required(permissions.NETWORK_VIEW)
def network_search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    found = search(request.network, request.membership, query) if query else []
    context = {
        "network": request.network,
        "query": query,
        "results": found,
        "more": len(found) >= MAX_RESULTS,
        "title": _("Zoeken in dit netwerk"),
    }
    return render(request, "networks/search.html", context)
