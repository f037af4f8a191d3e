from django.urls import path

from phases import views

urlpatterns = [
    path("werkwijze/fasen/<int:number>/", views.guide_phase, name="guide_phase"),
]
