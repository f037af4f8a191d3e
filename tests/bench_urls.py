"""The product's URLs plus the floor page: the reference every page is measured against."""

from django.template import engines
from django.urls import path

from liso.urls import urlpatterns as product_urlpatterns

_floor_template = engines["django"].from_string("<p>{{ request.user.email }}</p>")


def floor(request):
    """A minimal logged-in page on the same stack: session, user, one tiny template."""
    from django.http import HttpResponse

    return HttpResponse(_floor_template.render({}, request))


urlpatterns = [path("__floor__/", floor, name="floor"), *product_urlpatterns]
