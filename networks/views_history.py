"""The network's history: every edit of everything the network writes together, newest
first, or one item's (?item=<model>:<pk>). Each app links here from its own pages."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from networks import history
from networks import permissions as P

PER_PAGE = 50


@P.network_permission_required(P.NETWORK_VIEW)
def network_history(request):
    revisions = history.readable_revisions(request.network, request.network_perms)
    item = request.GET.get("item", "")
    if item:
        revisions = revisions.filter(object_key=item)
    page = Paginator(revisions, PER_PAGE).get_page(request.GET.get("pagina"))
    label = page[0].object_label if item and page.object_list else ""
    title = _("Geschiedenis van “%(item)s”") % {"item": label} if label else _("Geschiedenis")
    context = {
        "network": request.network,
        "title": title,
        "page": page,
        "item": item,
        "query": urlencode({"item": item}) if item else "",
    }
    return render(request, "networks/history.html", context)
