from django.urls import path

from transfer import views

export = "netwerken/<slug:slug>/export/"

urlpatterns = [
    path(export, views.export_page, name="network_export"),
    path(export + "netwerk.zip", views.export_download, name="network_export_zip"),
    path("beheer/netwerk-importeren/", views.import_page, name="network_import"),
]
