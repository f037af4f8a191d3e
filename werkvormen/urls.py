from django.urls import path

from werkvormen import views

urlpatterns = [
    path("werkvormen/", views.werkvorm_list, name="werkvorm_list"),
    path("werkvormen/<slug:code>/", views.werkvorm_detail, name="werkvorm_detail"),
    path("werkwijze/publiek-privaat/", views.dimensions, name="guide_dimensions"),
]
