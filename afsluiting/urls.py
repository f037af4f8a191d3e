from django.urls import path

from afsluiting import views

prefix = "netwerken/<slug:slug>/afsluiten/"

urlpatterns = [
    path(prefix, views.closing_path, name="closing_path"),
    path(prefix + "moment/", views.closing_moment, name="closing_moment"),
    path(prefix + "borging/", views.closing_safeguards, name="closing_safeguards"),
    path(
        prefix + "borging/<str:kind>/<int:pk>/",
        views.closing_safeguard_edit,
        name="closing_safeguard_edit",
    ),
    path(prefix + "reisverslag/", views.closing_story, name="closing_story"),
    path(prefix + "reisverslag/schrijven/", views.closing_story_edit, name="closing_story_edit"),
    path(prefix + "reisverslag/pdf/", views.closing_story_pdf, name="closing_story_pdf"),
    path(
        prefix + "reisverslag/reflecties/<int:pk>/",
        views.closing_reflection_choose,
        name="closing_reflection_choose",
    ),
    path(prefix + "laatste-bijeenkomst/", views.closing_last_session, name="closing_last_session"),
    path(prefix + "afronden/", views.closing_close, name="closing_close"),
    path(prefix + "heropenen/", views.closing_reopen, name="closing_reopen"),
]
