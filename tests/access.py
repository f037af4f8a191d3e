"""Who may reach each URL of the product: the declaration that the access matrix test and
the accessibility sweep read. A URL pattern that is not declared here fails the suite, so
no view escapes the checks.

Levels: PUBLIC (anyone, also without logging in), LOGGED_IN (any logged-in user), NETWORK
(a permission in the network of the URL, from networks/permissions.py; checked for all six
roles, a member of another network, a member who left and an anonymous visitor) and STAFF.

Arguments of a network URL may name objects of the test world instead of values: NETWORK
for the network's slug, MEMBER for a membership's pk, INVITATION for an open invitation's.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = "public"
LOGGED_IN = "logged-in"
STAFF = "staff"  # platform staff (user.is_staff): the Django admin and the import page
NETWORK = "network"

# Placeholders in kwargs, replaced by objects of the test world (tests/networks/world.py).
THE_NETWORK, A_MEMBER, AN_INVITATION = "<network>", "<member>", "<invitation>"


@dataclass(frozen=True)
class Route:
    access: str
    method: str = "get"
    # Sample values for the pattern's arguments.
    kwargs: dict = field(default_factory=dict)
    # A page a person reads (swept for accessibility) rather than an endpoint.
    page: bool = True
    # For NETWORK routes: the permission the view must demand.
    permission: str | None = None
    # What an allowed visitor gets (a form that was not filled in answers 200; an action 302).
    status: int = 200
    # For a PUBLIC page only for visitors without an account: what a logged-in person gets
    # instead (302: the login and sign-up pages send them on to their home page).
    logged_in_status: int | None = None
    # Roles that hold the permission but still get 403, because the view also asks whose
    # object it is (e.g. only planners and the task's own assignee may tick a task off).
    not_theirs: frozenset = frozenset()
    # Roles that hold the permission but must not even learn the object exists (404):
    # someone else's private reflection.
    not_found_for: frozenset = frozenset()
    # For a write (POST) in an archived network, what a role whose permission survives
    # archiving gets, when the view also asks whose object it is: nobody ticks off a task
    # in an archived network, though everyone may still read the sessions (403).
    archived_status: int | None = None


# The start-up's list items: (kind, permission, extra kwargs of its "add" URL).
STARTUP_ITEMS = [
    ("talk", "startup.talks", {}),
    ("figure", "startup.change", {}),
    ("goal", "agendas.change", {}),
    ("milestone", "agendas.change", {"goal": "<goal>"}),
    ("funder", "money.change", {}),
    ("fee", "money.change", {}),
    ("budget", "money.change", {}),
    ("venue", "planning.change", {}),
    ("planned", "planning.change", {}),
]


def item_routes(kind: str, permission: str, add_kwargs: dict) -> dict[str, "Route"]:
    item = {"slug": THE_NETWORK, "pk": f"<{kind}>"}
    return {
        "add": Route(NETWORK, kwargs={"slug": THE_NETWORK, **add_kwargs}, permission=permission),
        "edit": Route(NETWORK, kwargs=item, permission=permission),
        "delete": Route(
            NETWORK, method="post", page=False, kwargs=item, permission=permission, status=302
        ),
    }


ROUTES = {
    "home": Route(PUBLIC),
    "healthz": Route(PUBLIC, page=False),
    "login": Route(PUBLIC, logged_in_status=302),
    "logout": Route(LOGGED_IN, method="post", page=False),
    "password_reset": Route(PUBLIC),
    "password_reset_done": Route(PUBLIC),
    "password_reset_confirm": Route(PUBLIC, kwargs={"uidb64": "MQ", "token": "verlopen-link"}),
    "password_reset_complete": Route(PUBLIC),
    "password_change": Route(LOGGED_IN),
    "password_change_done": Route(LOGGED_IN),
    "profile": Route(LOGGED_IN),
    "personal_data": Route(LOGGED_IN, page=False),
    "account_remove": Route(LOGGED_IN),
    "calendar_settings": Route(LOGGED_IN),
    "notification_settings": Route(LOGGED_IN),
    # The private calendar feed: the address is the key (tests/bijeenkomsten/test_registrations.py).
    "calendar_feed": Route(PUBLIC, kwargs={"token": "geen-geldig-adres"}, page=False, status=404),
    "email_confirm": Route(
        LOGGED_IN, kwargs={"token": "geen-geldige-link"}, page=False, status=400
    ),
    # Signing up (liso/signup.py): for visitors; the link in the mail works for anyone who
    # has it (a link that does not work answers 400 with the reason).
    "signup": Route(PUBLIC, logged_in_status=302),
    "signup_done": Route(PUBLIC, logged_in_status=302),
    "signup_confirm": Route(PUBLIC, kwargs={"token": "geen-geldige-link"}, page=False, status=400),
    # The footer's pages about the install: for everyone.
    "contact": Route(PUBLIC),
    "privacy": Route(PUBLIC),
    "accessibility_statement": Route(PUBLIC),
    "colofon": Route(PUBLIC),
    # The method catalogue: the library for members, the guide for everyone.
    "werkvorm_list": Route(LOGGED_IN),
    "werkvorm_detail": Route(LOGGED_IN, kwargs={"code": "speeddaten"}),
    "guide": Route(PUBLIC),
    "guide_phase": Route(PUBLIC, kwargs={"number": 2}),
    "guide_kernelement": Route(PUBLIC, kwargs={"code": "synergie-in-samenwerking"}),
    "guide_struikelblokken": Route(PUBLIC),
    "guide_struikelblok": Route(PUBLIC, kwargs={"code": "overvolle-sessies"}),
    "guide_roles": Route(PUBLIC),
    "guide_checklists": Route(PUBLIC),
    "guide_sessions": Route(PUBLIC),
    "guide_dimensions": Route(PUBLIC),
    # Networks and their members.
    "network_create": Route(LOGGED_IN),
    "invitation_accept": Route(PUBLIC, kwargs={"token": "een-link-die-niet-bestaat"}, status=410),
    "network_overview": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.view"),
    "network_edit": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.change"),
    "network_history": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.view"),
    "network_archive": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK},
        permission="network.archive",
        status=302,
    ),
    "member_list": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="members.view"),
    "network_search": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.view"),
    # Reports for financiers and boards (rapportage); the PDF of the last twelve months.
    "report_page": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="reports.export"),
    "progress_pdf": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="reports.export", page=False
    ),
    # The whole network as one file, for another install: the trekker's (also when archived).
    "network_export": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.export"),
    "network_export_zip": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.export", page=False
    ),
    # Platform staff read such a file into this install (others: to the admin's login).
    "network_import": Route(STAFF),
    # Lists for a spreadsheet: for those who may export documents.
    "member_csv": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="reports.export", page=False
    ),
    "member_invite": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="members.manage"),
    "member_coverage": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="insight.view"),
    "member_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": A_MEMBER}, permission="members.manage"
    ),
    "member_leave": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": A_MEMBER},
        permission="members.manage",
        status=302,
    ),
    "invitation_resend": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": AN_INVITATION},
        permission="members.manage",
        status=302,
    ),
    "invitation_revoke": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": AN_INVITATION},
        permission="members.manage",
        status=302,
    ),
    "organisation_create": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="members.manage"
    ),
    # The start-up (opstart).
    **{
        name: Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.view")
        for name in (
            "opstart_path",
            "opstart_suitability",
            "opstart_startnotitie",
            "opstart_agendas",
            "opstart_money",
            "opstart_infrastructure",
            "opstart_agreement",
            "opstart_agreement_text",
            "opstart_history",
        )
    },
    "opstart_talks": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.talks"),
    "opstart_step_mark": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "step": "gesprekken"},
        permission="startup.change",
    ),
    "opstart_startnotitie_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.change"
    ),
    "opstart_startnotitie_pdf": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, page=False, permission="reports.export"
    ),
    "opstart_communication_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="communication.change"
    ),
    "opstart_governance_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.change"
    ),
    "opstart_agreement_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.change"
    ),
    "opstart_agreement_pdf": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, page=False, permission="reports.export"
    ),
    "opstart_sign": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "organisation": "<party>"},
        permission="startup.change",
    ),
    # Online, only for one's own organisation: of the world's roles only the trekker
    # represents the unsigned party (the deelnemer's organisation has signed already).
    "opstart_sign_online": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "organisation": "<party>"},
        permission="startup.sign",
        not_theirs=frozenset(
            {
                "procesbegeleider",
                "projectassistent",
                "communicatieadviseur",
                "verbindingsfunctionaris",
                "deelnemer",
            }
        ),
    ),
    "opstart_agreement_scan_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="startup.change"
    ),
    # The scan of the signed paper: every member reads the agreement (the world has one).
    "opstart_agreement_scan": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, page=False, permission="startup.view"
    ),
    "opstart_sign_withdraw": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "organisation": "<signed-party>"},
        permission="startup.change",
    ),
    "opstart_status": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK},
        permission="startup.change",
    ),
    # Sessions (bijeenkomsten).
    "session_list": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="sessions.view"),
    "attendance_csv": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="reports.export", page=False
    ),
    "session_create": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="sessions.change"),
    "sessions_from_planning": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK},
        permission="sessions.change",
    ),
    "session_detail": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.view"
    ),
    "session_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    "session_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.change",
    ),
    "draaiboek": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    # Who comes: everyone answers (without a choice: told so, back to the session page).
    "session_answer": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.take_part",
    ),
    "session_registrations": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    **{
        name: Route(
            NETWORK,
            method="post",
            page=False,
            status=302,
            kwargs={"slug": THE_NETWORK, "pk": "<session>"},
            permission="sessions.change",
        )
        for name in ("session_remind", "session_cancel", "session_mail_resend")
    },
    "session_guest_remove": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "guest": "<guest>"},
        permission="sessions.change",
    ),
    # An empty invitation (the matrix posts nothing) is shown again with its message.
    "session_invite": Route(
        NETWORK,
        method="post",
        page=False,
        status=200,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.change",
    ),
    # After the session: the report and its action points.
    "session_report": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.view"
    ),
    # Looking back: everyone answers (before the session the page says it is not yet
    # time); the planners read the answers.
    "session_terugblik": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.view"
    ),
    "session_terugblikken": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    "session_report_pdf": Route(
        NETWORK,
        page=False,
        permission="reports.export",
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
    ),
    "session_report_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    # The world's session has no report yet: told so, back to the report page.
    "session_report_share": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.change",
    ),
    # Visual minutes: uploading without a file re-shows the report with the message (200);
    # the file itself only for members.
    "photo_add": Route(
        NETWORK,
        method="post",
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.change",
    ),
    "photo_file": Route(
        NETWORK,
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "photo": "<photo>"},
        permission="sessions.view",
    ),
    "photo_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "photo": "<photo>"},
        permission="sessions.change",
    ),
    "action_add": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    "action_edit": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "action": "<action>"},
        permission="sessions.change",
    ),
    "action_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "action": "<action>"},
        permission="sessions.change",
    ),
    # Like a task: planners tick any action point, others only their own (the world's is
    # the deelnemer's).
    "action_toggle": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "action": "<action>"},
        permission="sessions.view",
        not_theirs=frozenset({"communicatieadviseur", "verbindingsfunctionaris"}),
        archived_status=403,
    ),
    # Before the session it only says so; recording is for the day itself and after.
    "session_attendance": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<session>"}, permission="sessions.change"
    ),
    "session_ics": Route(
        NETWORK,
        page=False,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.view",
    ),
    "draaiboek_change": Route(
        NETWORK,
        method="post",
        page=False,
        status=400,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        permission="sessions.change",
    ),  # no action given: 400
    "session_draaiboek_pdf": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        page=False,
        permission="reports.export",
    ),
    "session_invitation_pdf": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "pk": "<session>"},
        page=False,
        permission="sessions.view",
    ),
    "block_edit": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "pk": "<session>", "block": "<block>"},
        permission="sessions.change",
    ),
    "preparation_template": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="sessions.change"
    ),
    "preparation_template_apply": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK},
        permission="sessions.change",
    ),
    "preparation_step_add": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="sessions.change"
    ),
    "preparation_step_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "pk": "<step>"}, permission="sessions.change"
    ),
    "preparation_step_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "pk": "<step>"},
        permission="sessions.change",
    ),
    "task_add": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "session_pk": "<session>"},
        permission="sessions.change",
    ),
    "task_edit": Route(
        NETWORK,
        kwargs={"slug": THE_NETWORK, "session_pk": "<session>", "pk": "<task>"},
        permission="sessions.change",
    ),
    # Everyone may try; the view lets planners tick any task and others their own (the
    # world's task is the deelnemer's; tests/bijeenkomsten checks the rest).
    "task_toggle": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "session_pk": "<session>", "pk": "<task>"},
        permission="sessions.view",
        not_theirs=frozenset({"communicatieadviseur", "verbindingsfunctionaris"}),
        archived_status=403,
    ),
    # The network's own werkvormen (read on the library's pages; made and changed here).
    "own_werkvorm_list": Route(NETWORK, kwargs={"slug": THE_NETWORK}, permission="network.view"),
    "own_werkvorm_create": Route(
        NETWORK, kwargs={"slug": THE_NETWORK}, permission="werkvormen.change"
    ),
    "own_werkvorm_edit": Route(
        NETWORK, kwargs={"slug": THE_NETWORK, "code": "<own>"}, permission="werkvormen.change"
    ),
    "own_werkvorm_delete": Route(
        NETWORK,
        method="post",
        page=False,
        status=302,
        kwargs={"slug": THE_NETWORK, "code": "<own>"},
        permission="werkvormen.change",
    ),
    **{
        f"opstart_{kind}_{action}": route
        for kind, permission, add_kwargs in STARTUP_ITEMS
        for action, route in item_routes(kind, permission, add_kwargs).items()
    },
}

# The journey, health and the afsluiting declare their routes beside their tests
# (imported here, after Route and the stand-in names for objects exist, which those files use).
from tests.afsluiting import access_closing  # noqa: E402
from tests.kernelements import access_health  # noqa: E402
from tests.phases import access_learning, access_products, access_words  # noqa: E402

for _part in (access_learning, access_products, access_words, access_health, access_closing):
    ROUTES.update(_part.ROUTES)

# Whole namespaces with one rule: every admin URL is for platform staff only.
NAMESPACES = {"admin": Route(STAFF, page=False)}


def route_for(name: str) -> Route | None:
    if name in ROUTES:
        return ROUTES[name]
    namespace = name.split(":", 1)[0] if ":" in name else None
    return NAMESPACES.get(namespace)


def discover_url_names(resolver: URLResolver | None = None, namespace: str = "") -> list[str]:
    """Every named URL pattern of the project, found by walking the resolver."""
    resolver = resolver or get_resolver()
    names = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names.extend(discover_url_names(pattern, inner))
        elif isinstance(pattern, URLPattern):
            # An unnamed pattern still has to be declared: by its namespace, or by its text.
            names.append(f"{namespace}{pattern.name or pattern.pattern}")
    return names
