"""Every page makes a fixed number of SQL queries: the same on a small and a large
database, and at most 12 (quality.md)."""

import pytest
from django.urls import reverse

from liso.method import Role
from networks import history
from tests.access import NETWORK, ROUTES, STARTUP_ITEMS
from tests.data import build_large, build_small
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
# Per page: the exact number of queries, as (anonymous visitor, logged-in user).
# A logged-in request reads its session and its user: two queries before the page's own.
EXPECTED = {
    # Someone in no network: their memberships (none), invitations to join a network,
    # their open tasks and action points (a member's home page: HOME_FOR_A_MEMBER); a
    # visitor: whether signing up is open, to offer it
    "home": (1, 6),
    "login": (1, None),  # whether signing up is open; a logged-in person is sent on
    "signup": (1, None),  # whether signing up is open; a logged-in person is sent on
    "signup_done": (0, None),
    "password_reset": (0, 2),
    "password_reset_done": (0, 2),
    "password_reset_confirm": (1, 3),  # plus: whose link is it?
    "password_reset_complete": (0, 2),
    "password_change": (None, 2),
    "password_change_done": (None, 2),
    "profile": (None, 2),
    "calendar_settings": (None, 3),  # the calendar address's version
    "notification_settings": (None, 3),  # the person's choices
    "account_remove": (None, 3),  # the networks they are the only trekker of
    # The footer's pages: the install's text for the page
    "contact": (1, 3),
    "privacy": (1, 3),
    "accessibility_statement": (1, 3),
    "colofon": (1, 3),
    # count, page of werkvormen, their labels
    "werkvorm_list": (None, 5),
    # werkvorm, labels, where one may make werkvormen (memberships; their roles when there
    # are any), one query per related section (phases, aandachtspunten, struikelblokken),
    # and how networks rated it
    "werkvorm_detail": (None, 9),
    # The guide keeps its content rendered per catalogue version (counted warm, as a
    # running server serves it): the version, and the object the URL names. Its first
    # rendering is counted in tests/kernelements/test_guide.py.
    "guide": (1, 3),
    "guide_phase": (2, 4),
    "guide_kernelement": (2, 4),
    "guide_checklists": (1, 3),
    "guide_sessions": (1, 3),
    "guide_struikelblokken": (1, 3),
    "guide_struikelblok": (2, 4),
    "guide_roles": (1, 3),
    "guide_dimensions": (1, 3),
    "network_create": (None, 4),  # suitability criteria, organisations for the select
    # the invitation behind the link (here: none); for a member, whether they used it already
    "invitation_accept": (1, 4),
}


# Item forms with more to fetch: the milestone's goal (adding one), the organisations
# taking part (fee: the select's options from them), the venues for a session's select.
EXTRA_ITEM_QUERIES = {"milestone": 1, "fee": 2, "planned": 1}

# Pages the trekker is counted on but may not see: another member's private reflection.
NOT_THE_TREKKERS = {"reflection_edit": 404, "leervraag_edit": 403}

# Network pages, seen by the trekker: session and user, then the membership with its
# network and roles (one query, for the permissions), then the page's own queries.
NETWORK_EXPECTED = {
    # members with user and their roles (one query); role norms; the start-up's steps;
    # the next session; attendance of the last sessions; a session missing its report
    "network_overview": 9,
    "network_edit": 3,
    # The empty search page; a search adds one query (tests/networks/test_search.py)
    "network_search": 3,
    "report_page": 3,  # a form only
    "network_export": 3,  # what travels and what does not: text only
    "network_history": 5,
    # Health: the struikelblok signals (as the signals panel, 6); the rounds, with whether
    # this member answered each
    "health_home": 11,  # and the log
    # the round; statements; its sums; the trend (rounds, sums); the werkvormen of the
    # advice; the next session (for adding a werkvorm to it); the remarks
    "scan_detail": 11,
    # the round; statements; this member's answers (2)
    "scan_answer": 7,
    # The besluitenlijst: how many; a page with their sessions; their organisations
    "decision_list": 6,
    # The yearly reviews with their number of agreements
    "review_list": 4,
    # the review; the year's last scan and its sums; the questions; the log; decisions;
    # goals; the agreements
    "review_detail": 11,
    # the sessions for the select; the questions (and the review, when editing)
    "review_add": 5,
    "review_edit": 6,
    # the review; the members for the select (and the agreement, when editing)
    "review_agreement_add": 5,
    "review_agreement_edit": 6,
    # the decision (when editing); sessions and organisations for the choices
    "decision_add": 5,
    "decision_edit": 7,
    # The log: the entry (when editing); the struikelblokken for the select
    "struikelblok_entry_add": 4,
    "struikelblok_entry_edit": 5,
    "struikelblok_entry_close": 4,
    # the signal's facts (without the attendance and the quiet organisations, which the
    # rule of selectiestress does not read), its struikelblok with werkvormen and the log,
    # to show what the signal says; the struikelblok
    "signal_take_up": 9,  # how many revisions (for the pages); a page of them, with who
    # members with their roles (one query), open invitations with their latest mail,
    # former members
    "member_list": 7,
    "member_invite": 4,  # organisations for the select
    "member_coverage": 5,  # members with their roles (one query), role norms
    "member_edit": 6,  # the membership and its roles; organisations for the select
    "organisation_create": 3,
    # The start-up. Its pages show the path's steps: one query (annotations) for all seven.
    "opstart_path": 4,  # the steps, with how many organisations signed
    "opstart_suitability": 5,  # steps; the criteria
    "opstart_talks": 5,  # steps; talks
    # steps; startnotitie; figures; goals and milestones; members (2)
    "opstart_startnotitie": 10,
    "opstart_startnotitie_edit": 4,  # the startnotitie
    "opstart_agendas": 6,  # steps; goals; milestones
    "opstart_money": 8,  # steps; funders; fees; budget lines; members
    # steps; kennisinfrastructuur; members (2); planned sessions; venues
    "opstart_infrastructure": 9,
    "opstart_communication_edit": 4,  # the kennisinfrastructuur
    "opstart_governance_edit": 6,  # and the organisations for the penvoerder select (2)
    "opstart_agreement": 7,  # steps; members with signatures; the agreement; its latest change
    # members; their roles; agreement and kennisinfrastructuur; goals (2); funders; fees;
    # budget lines
    "opstart_agreement_text": 11,
    "opstart_agreement_edit": 4,  # the agreement
    # the taking-part organisations; is it signed already? what the agreement lacks (2)
    "opstart_sign": 7,
    # members; their roles; agreement and kennisinfrastructuur; goals (2); funders; fees;
    # budget lines
    "opstart_sign_online": 11,
    "opstart_agreement_scan_edit": 4,  # the agreement
    "opstart_history": 6,  # steps; how many revisions; a page of them, with who made them
    # An item's form: the item (when editing); a select's options where the form has one.
    **{
        f"opstart_{kind}_{action}": 3 + (action == "edit") + EXTRA_ITEM_QUERIES.get(kind, 0)
        for kind, _perm, _kwargs in STARTUP_ITEMS
        for action in ("add", "edit")
    },
    "opstart_milestone_edit": 4,  # the milestone (its goal comes through the network)
    # Sessions.
    "session_list": 6,  # upcoming; past (at most 30); planned dates without a session
    "session_create": 5,  # members for the facilitators; venues
    # session and venue; facilitators with their user; tasks; blocks; one's own answer;
    # open action points of earlier sessions; were experiments judged in it?
    "session_detail": 10,
    # the session; the answers with who gave them; the guests; members to choose from
    "session_registrations": 8,  # with the mails about the session
    "session_attendance": 7,  # the session; members; their answers; the guests
    # the session; its report; its action points with their owner; its photos
    "session_report": 7,
    "session_report_edit": 5,  # the session; its report
    "session_terugblik": 4,  # the session (not held yet: nothing more)
    "session_terugblikken": 6,  # the session; the answers; the ratings per werkvorm
    "action_add": 5,  # the session; members for the select
    "action_edit": 5,  # the action point with its session; members
    # the session; its blocks with werkvorm and who leads them; sessions to copy from; the
    # network's own werkvormen
    "draaiboek": 7,
    "block_edit": 6,  # the session; the block; members for the select
    "session_edit": 7,  # the session and its facilitators; members; venues
    "preparation_template": 4,  # the network's template
    "preparation_step_add": 4,  # the template (made on first use)
    "preparation_step_edit": 4,  # the step
    "task_add": 5,  # the session; members for the select
    "task_edit": 6,  # the task, its session; members
    # The network's own werkvormen.
    "own_werkvorm_list": 5,  # the werkvormen with their original and last editor; labels
    "own_werkvorm_create": 3,
    "own_werkvorm_edit": 5,  # the werkvorm; its labels
    # The journey (leren).
    # the phase; its changes; the panels: phase changes, the open round with counts, shared
    # reflections, products with their adoption, successes
    "journey_home": 9,
    "phase_detail": 8,  # the phase with its werkvormen (2); what was made (2); sessions
    "phase_change": 3,
    # count, page of experiments with their round, their groups, the members' names; rounds
    "experiment_list": 8,
    # own leervraag; the open round; members; leervragen; organisations; rounds
    "experiment_add": 9,
    # the experiment; its group; observations; its products
    "experiment_detail": 7,
    "experiment_edit": 10,  # the experiment; its group (twice: kept and chosen); the selects
    "experiment_outcome": 4,
    "experiment_assessment": 5,  # the experiment; past sessions
    "round_list": 4,  # the rounds with their counts
    "round_detail": 6,  # the round; the pooled counts; its experiments
    "reflection_list": 6,  # count, page with authors and subjects; private counts
    "reflection_add": 3,
    "reflection_edit": 4,  # someone else's reflection: not found (the trekker counts here)
    "term_list": 4,  # the terms
    "term_add": 3,
    "term_edit": 4,  # the term
    "leervraag_list": 5,  # count, page with owner, user and organisation
    "leervraag_add": 3,
    "leervraag_edit": 4,  # the leervraag (someone else's: refused)
    # Opbrengsten.
    "product_list": 6,  # count, page with in-use counts, number of organisations
    "success_list": 5,  # count, page with authors
    # product with goal and last editor, experiments, barriers, organisations' adoption
    "product_detail": 7,
    "product_adoption": 5,  # product, organisations with their adoption
    "product_add": 5,  # goals and experiments for the choices
    # The closing path: each step shows the steps, which ask for the closing and count
    # the borging answers (one query), then the step's own queries.
    "closing_path": 5,
    "closing_moment": 8,  # open experiments, products not in use, open action points
    "closing_safeguards": 8,  # safeguards, products, organisations
    # the product, its answers, the caretakers to choose (once for the three questions)
    "closing_safeguard_edit": 8,
    "closing_story": 7,  # the chosen reflections, one's own shared ones
    # An edit page (no steps): the closing, and the first time the draft: phase changes,
    # sessions, experiments, products with their adoptions, decisions
    "closing_story_edit": 10,
    "closing_last_session": 6,  # the sessions to choose from
    "closing_close": 7,  # how many experiments and action points are open, to warn
    "product_edit": 7,  # product, its experiments, goals and experiments for the choices
    "barrier_add": 4,  # the product
    "barrier_edit": 4,  # the barrier with its product
}


# Parts of pages loaded after them (htmx), counted like the pages.
FRAGMENTS_EXPECTED = {
    # the latest rounds; the latest kernelementen round's sums
    "health_panel": 6,  # and the last yearly review's date
    # the network with its counts; the next draaiboek; attendance; quiet member
    # organisations; the struikelblokken with their werkvormen (2)
    "signals_panel": 10,  # and the log, which quiets signals the network took up
    "journey_panels": 8,  # the phase, experiments, reflections, products, successes (one each)
}

# Lists for a spreadsheet, as the trekker downloads them.
EXPORTS_EXPECTED = {
    "member_csv": 5,  # members with user and organisation; their roles
    "attendance_csv": 5,  # the recorded sessions; the registrations with their members
    # experiments with round, organisation, leervraag; their groups, with the users
    "experiment_csv": 6,
    "adoption_csv": 4,  # adoptions with product and organisation
    "decision_csv": 5,  # decisions with session; organisations heard
}


# Pages for platform staff, counted as a staff member: session and user, then the page's own.
STAFF_EXPECTED = {"network_import": 2}  # a form only


def test_every_page_has_an_expected_query_count():
    pages = {name for name, route in ROUTES.items() if route.page}
    assert set(EXPECTED) | set(NETWORK_EXPECTED) | set(STAFF_EXPECTED) == pages


def test_staff_pages_make_the_same_queries_on_a_small_and_a_large_database(client):
    from tests.liso.factories import UserFactory

    client.force_login(UserFactory(email="beheer@example.org", is_staff=True))
    urls = {name: reverse(name) for name in STAFF_EXPECTED}
    build_small()
    small = {name: count_queries(client, url) for name, url in urls.items()}
    build_large()
    large = {name: count_queries(client, url) for name, url in urls.items()}
    expected = {name: (200, count) for name, count in STAFF_EXPECTED.items()}
    assert small == expected
    assert large == expected


# Pages with a query string, counted like the pages above: (anonymous, logged in).
WITH_QUERY = {
    ("werkvorm_list", "q=vertrouwen&fase=2&stadium=lopend&duur=middel&groep=klein"): (None, 5),
    ("werkvorm_list", "pagina=2"): (None, 5),
}


def _cases():
    for name, counts in EXPECTED.items():
        if ROUTES[name].access == NETWORK:
            continue
        yield reverse(name, kwargs=ROUTES[name].kwargs), counts, ROUTES[name].status
    for (name, query), counts in WITH_QUERY.items():
        yield f"{reverse(name)}?{query}", counts, 200


@pytest.mark.parametrize("who", ["anoniem", "deelnemer"])
def test_pages_make_the_same_queries_on_a_small_and_a_large_database(client, deelnemer, who):
    index = 0 if who == "anoniem" else 1
    if who == "deelnemer":
        client.force_login(deelnemer)
    cases = [
        (url, counts[index], status)
        for url, counts, status in _cases()
        if counts[index] is not None
    ]
    build_small()
    for url, _, _ in cases:  # counted warm, as a running server serves them
        client.get(url)
    small = {url: count_queries(client, url) for url, _, _ in cases}
    build_large()
    large = {url: count_queries(client, url) for url, _, _ in cases}
    expected = {url: (status, count) for url, count, status in cases}
    assert small == expected
    assert large == expected
    assert all(count <= MAX_QUERIES for _, count, _ in cases)


# The home page of a member: session and user; their memberships with the networks and
# their roles (one query, read once for every section); then one query per section:
# invitations to sessions, to networks, open zelfscans, the next sessions, tasks, action
# points, experiments (the quick reflection needs none of its own).
HOME_FOR_A_MEMBER = 10


def test_home_page_makes_the_same_queries_in_one_network_or_in_many(client, db):
    from tests.liso.factories import UserFactory
    from tests.liso.home_world import fill_home

    user = UserFactory()
    client.force_login(user)
    fill_home(user, networks=1)
    small = count_queries(client, reverse("home"))
    fill_home(user, networks=25)
    large = count_queries(client, reverse("home"))
    assert small == large == (200, HOME_FOR_A_MEMBER)
    assert HOME_FOR_A_MEMBER <= MAX_QUERIES


def test_network_pages_make_the_same_queries_with_5_or_60_members(client, db):
    from tests.afsluiting.world import grow_closing
    from tests.bijeenkomsten.world import grow_sessions
    from tests.kernelements.world import grow_health
    from tests.networks.factories import MembershipFactory, OrganisationFactory
    from tests.networks.world import build_world
    from tests.opstart.world import grow_startup
    from tests.phases.world import grow_journey
    from tests.werkvormen.world import grow_own_werkvormen

    world = build_world()
    # A network that has written something has a history (an empty page needs one query
    # less): the goal of the start-up, as if typed in its form.
    goal = world.network.agenda_goals.first()
    history.record_creation(network=world.network, instance=goal, by=world.user(Role.TREKKER))
    client.force_login(world.user(Role.TREKKER))
    counted = {**NETWORK_EXPECTED, **FRAGMENTS_EXPECTED, **EXPORTS_EXPECTED}
    urls = {name: reverse(name, kwargs=world.kwargs(ROUTES[name].kwargs)) for name in counted}
    small = {name: count_queries(client, url) for name, url in urls.items()}
    organisations = OrganisationFactory.create_batch(10)
    for n in range(54):
        MembershipFactory(
            network=world.network,
            organisation=organisations[n % 10],
            roles=[Role.DEELNEMER, Role.VERBINDINGSFUNCTIONARIS],
        )
    grow_startup(world.network, world.user(Role.TREKKER))
    grow_sessions(world.network)
    grow_own_werkvormen(world.network)
    grow_journey(world.network)
    grow_health(world.network)
    grow_closing(world.network)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    expected = {name: (NOT_THE_TREKKERS.get(name, 200), count) for name, count in counted.items()}
    assert small == expected
    assert large == expected
    assert all(count <= MAX_QUERIES for count in counted.values())
