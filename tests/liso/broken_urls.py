"""A URLconf with one view that fails, to see the project's 500 page (its handler500)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from liso.urls import handler500  # noqa: F401 (the project's, used by Django from here)
from liso.urls import urlpatterns as project_urls


@login_not_required
def broken(request):
    raise RuntimeError("a bug, not the database")


urlpatterns = [path("kapot/", broken), *project_urls]
