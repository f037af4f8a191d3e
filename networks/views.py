from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from networks.models import ChecklistItem, PerspectiveProfile, RoleProfile


@login_not_required
def guide_roles(request):
    context = {
        "roles": RoleProfile.objects.all(),
        "perspectives": PerspectiveProfile.objects.all(),
        "title": _("Rollen en perspectieven"),
    }
    return render(request, "networks/guide_roles.html", context)


@login_not_required
def guide_checklists(request):
    """Before starting: is a learning network the right form? When closing: is what the
    network achieved anchored?"""
    items = list(ChecklistItem.objects.all())
    context = {
        "start": [item for item in items if item.checklist == ChecklistItem.Checklist.START],
        "closing": [item for item in items if item.checklist == ChecklistItem.Checklist.AFSLUITING],
        "title": _("Starten en afsluiten"),
    }
    return render(request, "networks/guide_checklists.html", context)
