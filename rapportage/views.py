"""The report page of a network (/netwerken/<slug>/rapportage/): choose a period, download
the voortgangsrapportage as a PDF."""

from datetime import date

from django.shortcuts import render
from django.utils.translation import gettext as _

from liso.pdf import pdf_response
from networks import permissions
from rapportage.forms import PeriodForm
from rapportage.progress import progress_pdf


def _page(request, form, status=200):
    context = {"network": request.network, "form": form, "title": _("Rapportage")}
    return render(request, "rapportage/report.html", context, status=status)


@permissions.network_permission_required(permissions.REPORTS_EXPORT)
def report_page(request):
    return _page(request, PeriodForm(initial=PeriodForm.default(date.today())))


@permissions.network_permission_required(permissions.REPORTS_EXPORT)
def progress_report_pdf(request):
    # Without a period: the last twelve months.
    form = PeriodForm(request.GET or PeriodForm.default(date.today()))
    if not form.is_valid():
        return _page(request, form, status=400)
    return pdf_response(*progress_pdf(request.network, form.period()))
