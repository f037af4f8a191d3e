from django.urls import path

from networks import views

urlpatterns = [
    path("werkwijze/rollen/", views.guide_roles, name="guide_roles"),
    path("werkwijze/starten-en-afsluiten/", views.guide_checklists, name="guide_checklists"),
]
