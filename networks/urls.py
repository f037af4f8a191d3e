from django.urls import path

from networks import views, views_history, views_search

network = "netwerken/<slug:slug>/"

urlpatterns = [
    path("netwerken/nieuw/", views.network_create, name="network_create"),
    path(network, views.network_overview, name="network_overview"),
    path(network + "instellingen/", views.network_edit, name="network_edit"),
    path(network + "geschiedenis/", views_history.network_history, name="network_history"),
    path(network + "archiveren/", views.network_archive, name="network_archive"),
    path(network + "zoeken/", views_search.network_search, name="network_search"),
    path(network + "leden/", views.member_list, name="member_list"),
    path(network + "leden/leden.csv", views.member_csv, name="member_csv"),
    path(network + "leden/uitnodigen/", views.member_invite, name="member_invite"),
    path(network + "leden/perspectieven/", views.member_coverage, name="member_coverage"),
    path(network + "leden/<int:pk>/", views.member_edit, name="member_edit"),
    path(network + "leden/<int:pk>/vertrek/", views.member_leave, name="member_leave"),
    path(
        network + "uitnodigingen/<int:pk>/opnieuw/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        network + "uitnodigingen/<int:pk>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(network + "organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
