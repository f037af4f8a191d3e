"""Every form, sent empty, with silly values and with what hypothesis draws, on PostgreSQL.

The forms are not listed by hand: each page of the access matrix is opened as a role that
may use it, every form on it that posts is read from the HTML, and its fields are sent back
emptied and with values that once broke pages (NUL bytes, a reading-direction override,
line breaks, far too much text, dates in the year 1 and 9999, numbers beyond any column,
impossible times). Whatever the form thinks of them, the answer is below 500. The public
forms (login, sign-up, password reset) are sent by an anonymous visitor. A new page with a
form joins by being in tests/access.py.
"""

import os
import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liso.method import Role
from networks.permissions import ROLE_PERMISSIONS
from tests import machine
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
                    "maxlength": int(attrs.get("maxlength") or 0),
                }
            )
        elif tag == "textarea":
            self._form["fields"].append(
                {
                    "name": attrs["name"],
                    "kind": "textarea",
                    "value": "",
                    "maxlength": int(attrs.get("maxlength") or 0),
                }
            )
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


def open_forms(client, test_world, name) -> tuple[str, list[dict]]:
    """Log in as who may use the page, open it and read its forms (without the log-out)."""
    route = ROUTES[name]
    if route.access == NETWORK:
        client.force_login(test_world.user(_acting_role(route)))
        url = reverse(name, kwargs=test_world.kwargs(route.kwargs))
    else:
        if route.access == LOGGED_IN:
            client.force_login(test_world.user(Role.DEELNEMER))
        url = reverse(name, kwargs=route.kwargs)
    page = client.get(url)
    assert page.status_code == 200
    reader = FormReader()
    reader.feed(page.content.decode())
    forms = []
    for form in reader.forms:
        target = urljoin(url, form["action"]) if form["action"] else url
        if not target.startswith(reverse("logout")):
            forms.append({**form, "target": target})
    return url, forms


@pytest.mark.parametrize("name", FORM_PAGES)
def test_no_form_gives_a_server_error_whatever_is_sent(client, world, db, name):  # noqa: F811
    _url, forms = open_forms(client, world, name)
    for form in forms:
        for data in variants(form["fields"]):
            response = client.post(form["target"], data)
            assert response.status_code < 500, (form["target"], data.keys())


# --- Property-based: hypothesis draws what is sent ----------------------------------------
# The sweep above sends a fixed handful of values. Here hypothesis draws each field's value
# from a strategy for its kind (mostly nonsense, sometimes sensible), a bounded number of
# times per form, and three things must hold for every draw: no server error; a refused
# submit says what is wrong beside the field, in Dutch; and a refused submit leaves every
# table as it was (nothing half-saved). Each draw runs in a savepoint that is rolled back,
# so an accepted submit does not change what the next draw meets. In CI the draws are the
# same on every run (derandomize); elsewhere they differ from run to run.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=machine.IN_CI,
    database=None,
    suppress_health_check=list(HealthCheck),
)

_text = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(["   ", "\x00", "\u202e", "\r\n\r\n", "0", "-1", SILLY_TEXT]),
)
STRATEGIES = {
    "date": st.one_of(st.dates().map(date.isoformat), st.sampled_from(SILLY["date"]), _text),
    "number": st.one_of(
        st.integers().map(str),
        st.floats().map(str),
        st.sampled_from(SILLY["number"]),
        _text,
    ),
    "time": st.one_of(
        st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(SILLY["time"]), _text
    ),
    "email": st.one_of(st.emails(), st.sampled_from(SILLY["email"]), _text),
    "url": st.one_of(st.sampled_from(SILLY["url"]), _text),
}


def field_strategies(fields: list[dict]) -> dict:
    """A strategy per field name; choices (select, radio, checkbox) draw from the page's own
    options and from values that are not among them."""
    by_name: dict[str, list[dict]] = {}
    for field in fields:
        if field["kind"] not in SKIPPED_KINDS:
            by_name.setdefault(field["name"], []).append(field)
    strategies = {}
    for name, group in by_name.items():
        kind = group[0]["kind"]
        if kind == "hidden":
            strategies[name] = st.just(group[0]["value"])
        elif kind == "select":
            foreign = ["", "0", "-1", "999999999", "x"]
            strategies[name] = st.sampled_from([*group[0]["options"], *foreign])
        elif kind in ("checkbox", "radio"):
            values = [f["value"] for f in group]
            if kind == "checkbox" and len(values) > 1:
                strategies[name] = st.lists(st.sampled_from(values), unique=True)
            else:
                strategies[name] = st.one_of(st.none(), st.sampled_from([*values, "999999999"]))
        else:
            strategies[name] = STRATEGIES.get(kind, _text)
    return strategies


# Tables that a refused submit rightly writes: Django's sessions (the session's own
# messages) and the throttle's counts, where a wrong password counts as a try (issue 18,
# part 2).
BOOKKEEPING = {"django_session", "liso_throttlecount"}


def table_fingerprint() -> dict[str, str]:
    """Per table of the product: its row count and a sum of its rows' hashes, in one query,
    so a refused submit that added, changed or removed a row is caught."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy
        }
        - BOOKKEEPING
    )
    columns = ", ".join(
        f"(SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) FROM {quoted} t)"
        for quoted in (connection.ops.quote_name(table) for table in tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


class ErrorReader(HTMLParser):
    """The ids on a re-rendered form page, whether it has an error alert, the links of its
    error summary, and the text of each error message beside a field."""

    MESSAGE_CLASSES = {"liso-error", "utrecht-form-field-error-message"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.has_alert = False
        self.summary_links: list[str] = []
        self.messages: list[str] = []
        self._in_summary = False
        self._message: list = []  # [tag, depth] while inside a message

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        self.has_alert |= "utrecht-alert--error" in classes
        if "liso-error-summary__list" in classes:
            self._in_summary = True
        if self._in_summary and tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.summary_links.append(attrs["href"][1:])
        if self._message and tag == self._message[0]:
            self._message[1] += 1
        elif not self._message and classes & self.MESSAGE_CLASSES:
            self._message = [tag, 1]
            self.messages.append("")

    def handle_endtag(self, tag):
        if self._in_summary and tag == "ul":
            self._in_summary = False
        if self._message and tag == self._message[0]:
            self._message[1] -= 1
            if not self._message[1]:
                self._message = []

    def handle_data(self, data):
        if self._message:
            self.messages[-1] += data


# Words of Django's own English messages; a Dutch message has none of them.
ENGLISH = re.compile(r"\b(this|field|enter|ensure|select|valid|required|please|must)\b", re.I)


def assert_told_beside_the_field(response):
    """A refused submit re-renders the form with an error alert above it; each link of the
    error summary leads to a control on the page that has its message beside it; every
    message is Dutch."""
    reader = ErrorReader()
    reader.feed(response.content.decode())
    assert reader.has_alert, "a refused submit says above the form that something is wrong"
    for anchor in reader.summary_links:
        assert anchor in reader.ids, f"the summary links to #{anchor}, which is not on the page"
        assert f"{anchor.removesuffix('_0')}_error" in reader.ids, f"no message beside #{anchor}"
    for message in reader.messages:
        assert message.strip() and not ENGLISH.search(message), message


def submit_and_check(client, target: str, data: dict):
    """One draw: sent in a savepoint that is rolled back afterwards."""
    data = {key: value for key, value in data.items() if value is not None}
    with transaction.atomic():
        before = table_fingerprint()
        response = client.post(target, data)
        assert response.status_code < 500, (target, data)
        if response.status_code == 200:
            assert_told_beside_the_field(response)
        if response.status_code not in (301, 302, 303):
            after = table_fingerprint()
            changed = [table for table, value in after.items() if before[table] != value]
            assert not changed, f"{target} refused {data} but changed {changed}"
        transaction.set_rollback(True)


def fuzz_form(client, form: dict):
    target = form["target"]

    @FUZZ_SETTINGS
    @given(st.fixed_dictionaries(field_strategies(form["fields"])))
    def holds(data):
        submit_and_check(client, target, data)

    holds()


@pytest.mark.parametrize("name", FORM_PAGES)
def test_every_form_holds_whatever_hypothesis_sends(client, world, db, name):  # noqa: F811
    _url, forms = open_forms(client, world, name)
    for form in forms:
        fuzz_form(client, form)
