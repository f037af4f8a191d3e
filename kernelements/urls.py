from django.urls import path

from kernelements import views_decisions as decisions
from kernelements import views_guide as guide
from kernelements import views_health as health
from kernelements import views_log as log
from kernelements import views_review as review

werkwijze = "werkwijze/"
gezondheid = "netwerken/<slug:slug>/gezondheid/"
logboek = gezondheid + "struikelblokken/"
terugblik = gezondheid + "terugblik/"

urlpatterns = [
    path(werkwijze, guide.guide, name="guide"),
    path(werkwijze + "fasen/<int:number>/", guide.guide_phase, name="guide_phase"),
    path(
        werkwijze + "kernelementen/<slug:code>/", guide.guide_kernelement, name="guide_kernelement"
    ),
    path(werkwijze + "struikelblokken/", guide.guide_struikelblokken, name="guide_struikelblokken"),
    path(
        werkwijze + "struikelblokken/<slug:code>/",
        guide.guide_struikelblok,
        name="guide_struikelblok",
    ),
    path(werkwijze + "bijeenkomsten/", guide.guide_sessions, name="guide_sessions"),
    path(werkwijze + "rollen/", guide.guide_roles, name="guide_roles"),
    path(werkwijze + "starten-en-afsluiten/", guide.guide_checklists, name="guide_checklists"),
    path(werkwijze + "publiek-privaat/", guide.guide_dimensions, name="guide_dimensions"),
    path(gezondheid, health.health_home, name="health_home"),
    path(gezondheid + "paneel/", health.health_panel, name="health_panel"),
    path(gezondheid + "signalen/paneel/", health.signals_panel, name="signals_panel"),
    path(gezondheid + "scans/nieuw/", health.scan_open, name="scan_open"),
    path(gezondheid + "scans/<int:pk>/", health.scan_detail, name="scan_detail"),
    path(gezondheid + "scans/<int:pk>/invullen/", health.scan_answer, name="scan_answer"),
    path(gezondheid + "scans/<int:pk>/sluiten/", health.scan_close, name="scan_close"),
    path(gezondheid + "besluiten/", decisions.decision_list, name="decision_list"),
    path(gezondheid + "besluiten.csv", decisions.decision_csv, name="decision_csv"),
    path(gezondheid + "besluiten/nieuw/", decisions.decision_add, name="decision_add"),
    path(gezondheid + "besluiten/<int:pk>/", decisions.decision_edit, name="decision_edit"),
    path(terugblik, review.review_list, name="review_list"),
    path(terugblik + "nieuw/", review.review_add, name="review_add"),
    path(terugblik + "<int:pk>/", review.review_detail, name="review_detail"),
    path(terugblik + "<int:pk>/bijwerken/", review.review_edit, name="review_edit"),
    path(terugblik + "<int:pk>/terugblik.pdf", review.review_pdf, name="review_pdf"),
    path(
        terugblik + "<int:pk>/afspraken/nieuw/",
        review.review_agreement_add,
        name="review_agreement_add",
    ),
    path(
        terugblik + "<int:pk>/afspraken/<int:action>/",
        review.review_agreement_edit,
        name="review_agreement_edit",
    ),
    path(
        terugblik + "<int:pk>/afspraken/<int:action>/verwijderen/",
        review.review_agreement_delete,
        name="review_agreement_delete",
    ),
    path(logboek + "nieuw/", log.entry_add, name="struikelblok_entry_add"),
    path(logboek + "<int:pk>/", log.entry_edit, name="struikelblok_entry_edit"),
    path(logboek + "<int:pk>/afronden/", log.entry_close, name="struikelblok_entry_close"),
    path(logboek + "oppakken/<slug:code>/", log.signal_take_up, name="signal_take_up"),
    path(logboek + "opzij/<slug:code>/", log.signal_dismiss, name="signal_dismiss"),
]
