"""Opbrengsten: kennisproducten and successes (under /netwerken/<slug>/opbrengsten/)."""

from django.urls import path

from phases import views_products as views

results = "netwerken/<slug:slug>/opbrengsten/"
product = results + "kennisproducten/<int:pk>/"
barrier = product + "belemmeringen/<int:barrier>/"

urlpatterns = [
    path(results, views.product_list, name="product_list"),
    path(results + "gebruik.csv", views.adoption_csv, name="adoption_csv"),
    path(results + "kennisproducten/nieuw/", views.product_add, name="product_add"),
    path(product, views.product_detail, name="product_detail"),
    path(product + "wijzigen/", views.product_edit, name="product_edit"),
    path(product + "verwijderen/", views.product_delete, name="product_delete"),
    path(product + "bestand/", views.product_file, name="product_file"),
    path(product + "gebruik/", views.product_adoption, name="product_adoption"),
    path(product + "belemmeringen/nieuw/", views.barrier_add, name="barrier_add"),
    path(barrier, views.barrier_edit, name="barrier_edit"),
    path(barrier + "verwijderen/", views.barrier_delete, name="barrier_delete"),
    path(results + "successen/", views.success_list, name="success_list"),
    path(results + "successen/nieuw/", views.success_add, name="success_add"),
    path(results + "successen/<int:pk>/verwijderen/", views.success_delete, name="success_delete"),
]
