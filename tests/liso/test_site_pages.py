"""The footer's public pages: contact, privacy, accessibility statement and colofon. Their
text is the install's (the admin's SitePage) or the product's own default."""

import pytest
from django.urls import reverse

from liso.method import Role
from liso.models import SitePage
from tests.liso.factories import UserFactory
from tests.networks.world import build_world

pytestmark = pytest.mark.django_db

FOOTER_PAGES = {
    "contact": "Contact",
    "privacy": "Privacyverklaring",
    "accessibility_statement": "Toegankelijkheidsverklaring",
    "colofon": "Colofon",
}


@pytest.mark.parametrize("name", FOOTER_PAGES)
def test_footer_page_is_readable_without_logging_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert f'<h1 class="utrecht-heading-1">{FOOTER_PAGES[name]}</h1>' in response.text


@pytest.mark.parametrize("name", FOOTER_PAGES)
def test_footer_page_is_readable_for_a_member(client, deelnemer, name):
    client.force_login(deelnemer)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert FOOTER_PAGES[name] in response.text


# What each default says: true of the product, and asking the install for the rest.
DEFAULT_TEXTS = {
    # what the platform keeps, private reflections, the download and account removal
    "privacy": [
        "<h2>Wat we bewaren</h2>",  # the text's headings start at h2, under the h1
        "Je reflecties zijn privé",
        "download je alles wat we over je bewaren",
        "account verwijderen",
    ],
    # the aim and how it is tested; the install fills in its own organisation
    "accessibility_statement": [
        "WCAG 2.1 op niveau AA",
        "axe-core",
        "Vul hier in welke organisatie deze omgeving aanbiedt",
    ],
    # the product, the method and who made it, the free parts it is built with
    "colofon": [
        "Leren en Innoveren in het Sociaal Domein",
        "Noortje Pannebakker",
        "vrij beschikbare onderdelen",
        "WeasyPrint",
    ],
}


@pytest.mark.parametrize("name", DEFAULT_TEXTS)
def test_a_default_says_what_is_true_of_the_product(client, name):
    text = client.get(reverse(name)).text
    assert [phrase for phrase in DEFAULT_TEXTS[name] if phrase not in text] == []


def test_the_installs_text_replaces_the_default(client):
    SitePage.objects.create(
        key="privacy", title="Privacy bij Gemeente Rivierstad", body="Wij zijn **Rivierstad**."
    )
    response = client.get(reverse("privacy"))
    assert '<h1 class="utrecht-heading-1">Privacy bij Gemeente Rivierstad</h1>' in response.text
    assert "<p>Wij zijn <strong>Rivierstad</strong>.</p>" in response.text
    assert "Wat we bewaren" not in response.text
    assert "Bijgewerkt op" in response.text


def test_a_script_in_the_installs_text_is_shown_as_text_not_run(client):
    SitePage.objects.create(
        key="colofon",
        title="Colofon",
        body='<script>alert("x")</script>\n\n[klik](javascript:alert(1))',
    )
    text = client.get(reverse("colofon")).text
    assert '<script>alert("x")</script>' not in text
    assert "&lt;script&gt;" in text
    assert 'href="javascript:' not in text


def test_staff_see_that_a_page_shows_the_default_and_where_to_change_it(client):
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True))
    text = client.get(reverse("privacy")).text
    assert "Standaardtekst." in text
    assert reverse("admin:liso_sitepage_add") + "?key=privacy" in text


def test_others_do_not_see_the_staff_note(client, deelnemer):
    assert "Standaardtekst" not in client.get(reverse("privacy")).text
    client.force_login(deelnemer)
    assert "Standaardtekst" not in client.get(reverse("privacy")).text


def test_contact_page_shows_the_installs_address(client, settings):
    settings.CONTACT_EMAIL = "leernetwerken@rivierstad.example"
    text = client.get(reverse("contact")).text
    assert 'href="mailto:leernetwerken@rivierstad.example"' in text


def test_contact_page_without_an_address_shows_none_and_tells_staff(client, settings):
    settings.CONTACT_EMAIL = ""
    text = client.get(reverse("contact")).text
    assert "mailto:" not in text
    assert "trekker van je netwerk" in text
    assert "CONTACT_EMAIL" not in text
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True))
    assert "Er is nog geen contactadres ingesteld" in client.get(reverse("contact")).text


def test_a_new_page_in_the_admin_starts_from_the_default_text(client):
    client.force_login(UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:liso_sitepage_add") + "?key=toegankelijkheid")
    form = response.context["adminform"].form
    assert form.initial["title"] == "Toegankelijkheidsverklaring"
    assert "WCAG 2.1" in form.initial["body"]


def _footer_links(text):
    return [reverse(name) for name in FOOTER_PAGES if f'href="{reverse(name)}"' in text]


def test_the_footer_links_to_the_four_pages_on_the_landing_and_login_pages(client):
    expected = [reverse(name) for name in FOOTER_PAGES]
    assert _footer_links(client.get(reverse("home")).text) == expected
    assert _footer_links(client.get(reverse("login")).text) == expected


def test_the_footer_links_to_the_four_pages_inside_a_network(client):
    world = build_world()
    client.force_login(world.user(Role.DEELNEMER))
    response = client.get(reverse("network_overview", args=[world.network.slug]))
    assert response.status_code == 200
    assert _footer_links(response.text) == [reverse(name) for name in FOOTER_PAGES]
