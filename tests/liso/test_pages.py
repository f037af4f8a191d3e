import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_visitor_sees_what_the_product_does_for_each_role(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    for role in ("Als trekker", "Als procesbegeleider", "Als deelnemer"):
        assert role in response.text
    assert reverse("login") in response.text


def test_logged_in_user_without_networks_gets_a_helpful_empty_state(client, deelnemer):
    client.force_login(deelnemer)
    response = client.get(reverse("home"))
    assert "Mijn netwerken" in response.text
    assert "nog geen lid van een leernetwerk" in response.text
    assert deelnemer.email in response.text


def test_pages_are_in_dutch(client):
    response = client.get(reverse("login"))
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.text


def test_unknown_page_gets_the_dutch_not_found_page(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "bestaat niet" in response.text


def test_server_error_page_renders_without_a_request():
    # Django renders 500.html with an empty context: the layout must not depend on one.
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Er ging iets mis" in html
    assert 'href="/"' in html
