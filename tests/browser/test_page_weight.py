"""First visit at most 200 KB (gzip) for HTML, CSS, JS and fonts together, a later page at
most 30 KB, and no request leaving the server's own origin (quality.md)."""

import gzip
from urllib.parse import urlparse

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_VISIT_LIMIT = 200 * 1024
LATER_PAGE_LIMIT = 30 * 1024
ALREADY_COMPRESSED = (".woff2", ".png", ".jpg", ".webp")


def _transfer_size(response) -> int:
    body = response.body()
    if response.url.endswith(ALREADY_COMPRESSED):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def _visit(page, url):
    responses = []

    def record(response):
        responses.append(response)

    page.on("response", record)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return responses


@pytest.mark.parametrize("width", [360, 1280])
def test_first_visit_is_light_and_stays_on_our_own_origin(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    responses = _visit(page, live_server.url + reverse("home"))
    origin = urlparse(live_server.url).netloc
    assert {urlparse(r.url).netloc for r in responses} == {origin}
    kinds = {r.request.resource_type for r in responses}
    assert {"document", "stylesheet", "script", "font"} <= kinds
    total = sum(_transfer_size(r) for r in responses)
    assert total <= FIRST_VISIT_LIMIT, f"first visit transfers {total / 1024:.0f} KB"


def test_a_later_page_transfers_little_beyond_its_html(page, live_server, deelnemer, log_in):
    log_in(deelnemer)
    _visit(page, live_server.url + reverse("home"))
    responses = _visit(page, live_server.url + reverse("profile"))
    document = next(r for r in responses if r.request.resource_type == "document")
    assert _transfer_size(document) <= LATER_PAGE_LIMIT
