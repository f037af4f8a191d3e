from django.urls import path

from kernelements import views

urlpatterns = [
    path("werkwijze/", views.guide, name="guide"),
    path("werkwijze/kernelementen/<slug:code>/", views.guide_kernelement, name="guide_kernelement"),
    path("werkwijze/struikelblokken/", views.guide_struikelblokken, name="guide_struikelblokken"),
    path(
        "werkwijze/struikelblokken/<slug:code>/",
        views.guide_struikelblok,
        name="guide_struikelblok",
    ),
]
