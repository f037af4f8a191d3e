from django.urls import path

from kernelements import views_guide as guide

werkwijze = "werkwijze/"

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
]
