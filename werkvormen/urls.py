from django.urls import path

from werkvormen import views, views_own

own = "netwerken/<slug:slug>/werkvormen/"

urlpatterns = [
    path("werkvormen/", views.werkvorm_list, name="werkvorm_list"),
    path("werkvormen/<slug:code>/", views.werkvorm_detail, name="werkvorm_detail"),
    path(own, views_own.own_werkvorm_list, name="own_werkvorm_list"),
    path(own + "nieuw/", views_own.own_werkvorm_create, name="own_werkvorm_create"),
    path(own + "<slug:code>/wijzigen/", views_own.own_werkvorm_edit, name="own_werkvorm_edit"),
    path(
        own + "<slug:code>/verwijderen/", views_own.own_werkvorm_delete, name="own_werkvorm_delete"
    ),
]
