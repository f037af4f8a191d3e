"""Every form, sent empty and with silly values, on PostgreSQL: never a server error.

The forms are not listed by hand: each page of the access matrix is opened as a role that
may use it, every form on it that posts is read from the HTML, and its fields are sent back
emptied and with values that once broke pages (NUL bytes, a reading-direction override,
line breaks, far too much text, dates in the year 1 and 9999, numbers beyond any column,
impossible times). Whatever the form thinks of them, the answer is below 500. The public
forms (login, sign-up, password reset) are sent by an anonymous visitor. A new page with a
form joins by being in tests/access.py.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from liso.method import Role
from networks.permissions import ROLE_PERMISSIONS
from tests.access import LOGGED_IN, NETWORK, PUBLIC, ROUTES
from tests.test_access_matrix import world  # noqa: F401 (the matrix's module-wide world)

LONG = "x" * 20_000  # twice the ordinary text limit, without a single space
SILLY_TEXT = "A\x00B\u202eC\r\nD" + LONG

# For each kind of <input>, the silly values to try, one variant each.
SILLY = {
    "date": ["0001-01-01", "9999-12-31", "31-02-2026"],
    "number": ["99999999999999999999", "-5", "1e400"],
    "time": ["25:99", "00:00"],
    "email": ["a@b\x00", "x" * 300 + "@example.org"],
    "url": ["javascript:alert(1)", "https://" + "x" * 3000 + ".nl"],
}
TEXT_KINDS = {"text", "search", "tel", "password", ""}
SKIPPED_KINDS = {"file", "submit", "button", "image", "reset"}


class FormReader(HTMLParser):
    """The forms that post on a page: their action and fields, as the browser would see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            posts = (attrs.get("method") or "get").lower() == "post"
            self._form = {"action": attrs.get("action") or "", "fields": []} if posts else None
            if posts:
                self.forms.append(self._form)
        elif self._form is None or ("name" not in attrs and tag != "option"):
            return
        elif tag == "input":
            self._form["fields"].append(
                {
                    "name": attrs["name"],
                    "kind": (attrs.get("type") or "text").lower(),
                    "value": attrs.get("value") or "on",
                }
            )
        elif tag == "textarea":
            self._form["fields"].append({"name": attrs["name"], "kind": "textarea", "value": ""})
        elif tag == "select":
            self._select = {"name": attrs["name"], "kind": "select", "value": "", "options": []}
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def variants(fields: list[dict]) -> list[dict]:
    """The data to send: everything empty, everything silly, and one variant per silly value
    of each kind (so a date in the year 1 is tried with the other fields sensible)."""
    kept = {f["name"]: f["value"] for f in fields if f["kind"] == "hidden"}
    empty = dict(kept)
    silly = dict(kept)
    for field in fields:
        kind, name = field["kind"], field["name"]
        if kind in SKIPPED_KINDS or kind == "hidden":
            continue
        if kind in ("checkbox", "radio"):
            silly[name] = field["value"]
        elif kind == "select":
            options = [value for value in field["options"] if value]
            silly[name] = options[-1] if options else "999999999"
        elif kind in SILLY:
            silly[name] = SILLY[kind][0]
        else:
            silly[name] = SILLY_TEXT
        if kind not in ("checkbox", "radio"):
            empty[name] = ""
    result = [empty, silly]
    for kind, values in SILLY.items():
        names = [f["name"] for f in fields if f["kind"] == kind]
        for value in values[1:] if names else []:
            result.append({**silly, **dict.fromkeys(names, value)})
    return result


def _acting_role(route) -> str | None:
    for role in Role.values:
        if (
            route.permission in ROLE_PERMISSIONS[role]
            and role not in route.not_theirs
            and role not in route.not_found_for
        ):
            return role
    return None


FORM_PAGES = [
    name
    for name, route in ROUTES.items()
    if route.page
    and route.method == "get"
    and route.status == 200
    and (route.access in (PUBLIC, LOGGED_IN) or (route.access == NETWORK and _acting_role(route)))
]


@pytest.mark.parametrize("name", FORM_PAGES)
def test_no_form_gives_a_server_error_whatever_is_sent(client, world, db, name):  # noqa: F811
    route = ROUTES[name]
    if route.access == NETWORK:
        client.force_login(world.user(_acting_role(route)))
        url = reverse(name, kwargs=world.kwargs(route.kwargs))
    else:
        # The public forms (login, sign-up, password reset) as the visitors they are for.
        if route.access == LOGGED_IN:
            client.force_login(world.user(Role.DEELNEMER))
        url = reverse(name, kwargs=route.kwargs)
    page = client.get(url)
    assert page.status_code == 200
    reader = FormReader()
    reader.feed(page.content.decode())
    for form in reader.forms:
        target = urljoin(url, form["action"]) if form["action"] else url
        if target.startswith(reverse("logout")):
            continue
        for data in variants(form["fields"]):
            response = client.post(target, data)
            assert response.status_code < 500, (target, data.keys())
