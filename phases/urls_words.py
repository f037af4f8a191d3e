"""Woordenlijst and leervragen (under /netwerken/<slug>/leren/)."""

from django.urls import path

from phases import views_words as views

learning = "netwerken/<slug:slug>/leren/"

urlpatterns = [
    path(learning + "woordenlijst/", views.term_list, name="term_list"),
    path(learning + "woordenlijst.pdf", views.term_pdf, name="term_pdf"),
    path(learning + "woordenlijst/nieuw/", views.term_add, name="term_add"),
    path(learning + "woordenlijst/<int:pk>/wijzigen/", views.term_edit, name="term_edit"),
    path(learning + "woordenlijst/<int:pk>/verwijderen/", views.term_delete, name="term_delete"),
    path(learning + "leervragen/", views.leervraag_list, name="leervraag_list"),
    path(learning + "leervragen/nieuw/", views.leervraag_add, name="leervraag_add"),
    path(learning + "leervragen/<int:pk>/wijzigen/", views.leervraag_edit, name="leervraag_edit"),
    path(
        learning + "leervragen/<int:pk>/verwijderen/",
        views.leervraag_delete,
        name="leervraag_delete",
    ),
]
