"""The trekker's export page and download (/netwerken/<slug>/export/), and the import page
for platform staff (/beheer/netwerk-importeren/)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from networks import permissions
from transfer import graph
from transfer.export import network_zip
from transfer.forms import ImportForm
from transfer.importer import ImportRefused, network_import


@permissions.network_permission_required(permissions.NETWORK_EXPORT)
def export_page(request):
    context = {
        "network": request.network,
        "title": _("Netwerk exporteren"),
        "left_out": [rule.why for rule in graph.RULES.values()],
    }
    return render(request, "transfer/export.html", context)


@permissions.network_permission_required(permissions.NETWORK_EXPORT)
def export_download(request):
    name = f"netwerk-{request.network.slug}-{timezone.localdate().isoformat()}.zip"
    return FileResponse(
        network_zip(request.network),
        as_attachment=True,
        filename=name,
        content_type="application/zip",
    )


@staff_member_required
def import_page(request):
    # A post without a file is still a post: bound, so the form says what is missing.
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        try:
            result = network_import(package=form.package, slug=form.cleaned_data["adres"] or None)
        except ImportRefused as error:
            form.add_error("bestand", str(error))
        else:
            return render(request, "transfer/imported.html", {"result": result})
    return render(request, "transfer/import.html", {"form": form})
