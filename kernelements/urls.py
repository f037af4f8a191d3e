from django.urls import path

from kernelements import views_guide as guide
from kernelements import views_health as health

werkwijze = "werkwijze/"
gezondheid = "netwerken/<slug:slug>/gezondheid/"

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
]
