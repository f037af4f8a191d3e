from django.urls import path

from phases import views

urlpatterns = [
    path("werkwijze/fasen/<int:number>/", views.guide_phase, name="guide_phase"),
    path("werkwijze/bijeenkomsten/", views.guide_sessions, name="guide_sessions"),
]
