"""Stored scripts: a corpus of script-injection vectors put into every free-text field of
every form, then every page opened in Chromium; nothing of it may run or become markup.

The forms are found as the fuzz test finds them (tests/test_form_fuzz.py: every page of the
access matrix, read as HTML) and sent by a role that may use them, with sensible values in
the other fields so that they are saved. Each multi-line text gets the whole corpus; each
one-line field as many vectors as fit. Then the pages of the matrix are opened in Chromium
as the trekker and as the deelnemer (who sees their own reflections and leervraag), with the
Content-Security-Policy switched off for the browser: the CSP would stop an inline script
that got through, and this test is about the escaping beneath it. A page fails when a
dialog opens, `window.__xss` is set, the console reports an error, an injected element
(every vector's carries `data-xss`) is in the document, or a link or source points to a
`javascript:` address.

Forms that end something (delete, archive, close, leave, cancel, remove) are left out, so
that the pages stay there to be opened. It opens some 200 pages and takes two or three
minutes, so it runs in `make soak` (marked `soak`), not in `make test`.
"""

from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import resolve

from liso.method import Role
from tests.access import NETWORK, ROUTES
from tests.browser.test_accessibility import _pages_for, _url
from tests.networks.world import build_world
from tests.test_form_fuzz import FORM_PAGES, _acting_role, open_forms

pytestmark = [pytest.mark.browser, pytest.mark.soak, pytest.mark.usefixtures("catalogue")]

RUN = "window.__xss=1"
CORPUS = [
    f"<script data-xss>{RUN}</script>",
    f'<img data-xss src="x" onerror="{RUN}">',
    f'<svg data-xss onload="{RUN}"></svg>',
    f'<a data-xss href="javascript:{RUN}">klik</a>',
    f"[klik hier](javascript:{RUN})",
    f'![plaatje](x" onerror="{RUN})',
    f"[link](<javascript:{RUN}>)",
    f'"><script data-xss>{RUN}</script>',
    f"'><img data-xss src=x onerror={RUN}>",
    f'" autofocus onfocus="{RUN}" x="',
    f'<details data-xss open ontoggle="{RUN}">',
    '<iframe data-xss srcdoc="<script>parent.__xss=1</script>"></iframe>',
    f'<div data-xss hx-get="/" hx-trigger="load" hx-on::after-request="{RUN}">x</div>',
    f"<math><mtext><table><mglyph><style><img data-xss src=x onerror={RUN}>",
    '<div data-xss style="width: expression(window.__xss=1)">css</div>',
    "{{ request.user.email }} {% debug %} {{ 7|add:7 }}",
    f'<a data-xss href="data:text/html,&lt;script&gt;{RUN}&lt;/script&gt;">data</a>',
    f'<object data-xss data="javascript:{RUN}"></object>',
]
ENDINGS = ("delete", "archive", "close", "leave", "cancel", "remove", "logout", "withdraw")
# Sensible values for the fields that are not free text and not filled in already, so
# that the form is saved.
VALID = {
    "date": (date.today() + timedelta(days=7)).isoformat(),
    "number": "1",
    "time": "10:00",
    "email": "stored.script@example.org",
    "url": "https://example.org/",
}


def _one_line(maxlength: int, index: int) -> str:
    """As many vectors as fit in the field, starting at a different one for each field."""
    vectors = CORPUS[index % len(CORPUS) :] + CORPUS[: index % len(CORPUS)]
    text = vectors[0]
    for vector in vectors[1:]:
        if maxlength and len(text) + 1 + len(vector) > maxlength:
            break
        text += " " + vector
    return text[:maxlength] if maxlength else text


def filled(fields: list[dict]) -> tuple[dict, int]:
    """The form's data with the corpus in its free-text fields; and how many there are."""
    data, texts, choices = {}, 0, set()
    for index, field in enumerate(fields):
        kind, name = field["kind"], field["name"]
        if kind == "hidden":
            data[name] = field["value"]
        elif kind == "textarea":
            data[name] = "\n\n".join(CORPUS)[: field["maxlength"] or None]
            texts += 1
        elif kind in ("text", ""):
            data[name] = _one_line(field["maxlength"], index)
            texts += 1
        elif kind in VALID:
            given = field["value"] if field["value"] != "on" else ""
            data[name] = given or VALID[kind]
        elif kind == "select":
            data[name] = next((value for value in field["options"] if value), "")
        elif kind in ("checkbox", "radio") and name not in choices:
            choices.add(name)
            data[name] = field["value"]
    return data, texts


def store_the_corpus(world) -> tuple[int, int]:
    """Send every form that has free text, as a role that may; count fields and saves. All
    forms are read before any is sent, as people open pages before others change them."""
    found = []
    for name in FORM_PAGES:
        if ROUTES[name].access != NETWORK:
            continue  # the public and account forms hold no text that others read
        client = Client()
        for form in open_forms(client, world, name)[1]:
            target_name = resolve(urlsplit(form["target"]).path).url_name
            if not any(word in target_name for word in ENDINGS):
                found.append((client, form))
    fields = saved = 0
    for client, form in found:
        data, texts = filled(form["fields"])
        if texts:
            response = client.post(form["target"], data)
            assert response.status_code < 500, form["target"]
            fields += texts
            saved += response.status_code == 302
    return fields, saved


def _injected(page) -> list[str]:
    return page.evaluate(
        """() => {
            const found = [];
            if (window.__xss !== undefined) found.push("window.__xss was set");
            for (const el of document.querySelectorAll("[data-xss]"))
                found.push("injected element <" + el.tagName.toLowerCase() + ">");
            for (const el of document.querySelectorAll("[href],[src],[data],[action]")) {
                for (const attr of ["href", "src", "data", "action"]) {
                    const value = (el.getAttribute(attr) || "").trim().toLowerCase();
                    if (value.startsWith("javascript:") || value.startsWith("data:text/html"))
                        found.push(attr + "=" + value.slice(0, 40));
                }
            }
            return found;
        }"""
    )


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def test_no_stored_script_runs_on_any_page(page, live_server, log_in):
    world = build_world()
    fields, saved = store_the_corpus(world)
    # So that the test cannot pass by storing nothing: most forms take the corpus.
    assert fields >= 100 and saved >= 40, (fields, saved)
    problems: dict[str, list[str]] = {}
    current: list[str] = []
    page.on("dialog", lambda dialog: (current.append("a dialog opened"), dialog.dismiss()))
    page.on("console", lambda msg: current.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: current.append(str(error)))
    for persona in (Role.TREKKER, Role.DEELNEMER):
        log_in(world.user(persona))
        for name in _pages_for(persona):
            if name == "invitation_accept" or (
                persona == Role.DEELNEMER and name not in _own_pages()
            ):
                continue
            current.clear()
            page.goto(live_server.url + _url(name, world))
            page.wait_for_load_state("networkidle")
            if found := [*current, *_injected(page)]:
                problems[f"{name} ({persona})"] = found
    assert problems == {}


def _own_pages() -> set[str]:
    """What the deelnemer sees that the trekker does not: their own pages."""
    return {
        name
        for name, route in ROUTES.items()
        if route.access == NETWORK and Role.TREKKER in route.not_theirs | route.not_found_for
    } | {name for name in FORM_PAGES if _acting_role(ROUTES[name]) == Role.DEELNEMER}
