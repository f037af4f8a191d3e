from django.urls import path

from opstart import editing, views

prefix = "netwerken/<slug:slug>/opstart/"

urlpatterns = [
    path(prefix, views.path, name="opstart_path"),
    path(prefix + "stap/<str:step>/", views.step_mark, name="opstart_step_mark"),
    path(prefix + "geschiktheid/", views.suitability, name="opstart_suitability"),
    path(prefix + "gesprekken/", views.talks, name="opstart_talks"),
    path(prefix + "startnotitie/", views.startnotitie, name="opstart_startnotitie"),
    path(
        prefix + "startnotitie/bewerken/", views.startnotitie_edit, name="opstart_startnotitie_edit"
    ),
    path(prefix + "startnotitie/pdf/", views.startnotitie_pdf, name="opstart_startnotitie_pdf"),
    path(prefix + "agendas/", views.agendas, name="opstart_agendas"),
    path(prefix + "geld/", views.money, name="opstart_money"),
    path(prefix + "kennisinfrastructuur/", views.infrastructure, name="opstart_infrastructure"),
    path(
        prefix + "kennisinfrastructuur/communicatie/",
        views.communication_edit,
        name="opstart_communication_edit",
    ),
    path(
        prefix + "kennisinfrastructuur/besluitvorming/",
        views.governance_edit,
        name="opstart_governance_edit",
    ),
    path(prefix + "overeenkomst/", views.agreement, name="opstart_agreement"),
    path(prefix + "overeenkomst/tekst/", views.agreement_text, name="opstart_agreement_text"),
    path(prefix + "overeenkomst/bewerken/", views.agreement_edit, name="opstart_agreement_edit"),
    path(prefix + "overeenkomst/pdf/", views.agreement_pdf, name="opstart_agreement_pdf"),
    path(prefix + "overeenkomst/ondertekenen/<int:organisation>/", views.sign, name="opstart_sign"),
    path(
        prefix + "overeenkomst/ondertekenen/<int:organisation>/online/",
        views.sign_online,
        name="opstart_sign_online",
    ),
    path(
        prefix + "overeenkomst/scan/", views.agreement_scan_edit, name="opstart_agreement_scan_edit"
    ),
    path(
        prefix + "overeenkomst/scan/bestand/", views.agreement_scan, name="opstart_agreement_scan"
    ),
    path(
        prefix + "overeenkomst/ondertekenen/<int:organisation>/intrekken/",
        views.sign_withdraw,
        name="opstart_sign_withdraw",
    ),
    path(prefix + "status/", views.status, name="opstart_status"),
    path(prefix + "geschiedenis/", views.history, name="opstart_history"),
    *editing.item_urls(prefix, editing.KINDS),
]
