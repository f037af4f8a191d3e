from django.urls import path

from networks import views

urlpatterns = [
    path("werkwijze/rollen/", views.guide_roles, name="guide_roles"),
]
