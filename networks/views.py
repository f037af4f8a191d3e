from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from networks.models import PerspectiveProfile, RoleProfile


@login_not_required
def guide_roles(request):
    context = {
        "roles": RoleProfile.objects.all(),
        "perspectives": PerspectiveProfile.objects.all(),
        "title": _("Rollen en perspectieven"),
    }
    return render(request, "networks/guide_roles.html", context)
