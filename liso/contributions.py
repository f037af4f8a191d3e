"""What higher apps add to lower apps' pages, mail and commands: one registry, ordered here.

The apps depend one way (see the README): a lower app never imports a higher one. Yet the
home page shows everyone's tasks (sessions) and a quick reflection (phases), the network
overview shows panels from four apps, a werkvorm's page says which phases and
struikelblokken it serves. So a lower app owns a *slot* and says what an item in it looks
like (a `HomeSection`, a `Panel`...); each higher app contributes its items in its
`AppConfig.ready()`; and the order of every slot is written down once, in ORDER below, so
nobody juggles numbers across files to put a panel in its place.
"""

from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured

# The slots, by the app that owns them.
HOME_SECTIONS = "home sections"  # liso/home.py: HomeSection
MAIL_KINDS = "mail kinds"  # liso/notifications.py: Kind (the settings page lists them)
DAILY_MAIL_SECTIONS = "daily mail sections"  # liso/notifications.py: DailySection
DAILY_JOBS = "daily jobs"  # liso/notifications.py: a function of the day
CATALOGUE_PARTS = "catalogue parts"  # liso/catalogue.py: Part
DEMO_PARTS = "demo parts"  # liso/demo.py: a function
OVERVIEW_PANELS = "overview panels"  # networks/panels.py: Panel
NEXT_STEPS = "next steps"  # networks/panels.py: NextStep (the first that has a hint wins)
WERKVORM_SECTIONS = "werkvorm sections"  # werkvormen/registry.py: RelatedSection
WERKVORM_NOTES = "werkvorm notes"  # werkvormen/registry.py: RelatedNote
SESSION_LINKS = "session links"  # bijeenkomsten/session_links.py: SessionLink
SEARCH_SOURCES = "search sources"  # networks/search.py: SearchSource
PERSONAL_DATA = "personal data"  # liso/personal.py: PersonalSection
ACCOUNT_REMOVAL = "account removal"  # liso/account.py: RemovalPart

# Each slot's items by key, in the order they appear. An item whose key is not listed here
# is refused when the app registers it, so a new contribution starts with a line here.
ORDER: dict[str, list[str]] = {
    # What is next for the person first; the three that wait for an answer share one
    # heading (their group in liso/home.py), so they stay together.
    HOME_SECTIONS: [
        "sessions-to-answer",  # bijeenkomsten: invitations to sessions
        "network-invitations",  # networks: invitations to join a network
        "scans-to-answer",  # kernelements: open zelfscans
        "next-sessions",  # bijeenkomsten
        "my-tasks",  # bijeenkomsten
        "my-actions",  # bijeenkomsten
        "my-experiments",  # phases
        "my-networks",  # networks
        "quick-reflection",  # phases
    ],
    MAIL_KINDS: [
        "netwerk",  # networks
        "bijeenkomsten",  # bijeenkomsten
        "verslagen",  # bijeenkomsten
        "taken",  # bijeenkomsten
        "signalen",  # kernelements
        "terugblik",  # kernelements
    ],
    DAILY_MAIL_SECTIONS: [
        "taken",  # bijeenkomsten
        "signalen",  # kernelements
        "terugblik",  # kernelements
    ],
    DAILY_JOBS: [
        "close-scan-rounds",  # kernelements: first, so a failing job after it cannot delay it
        "upcoming-reminders",  # bijeenkomsten
        "forget-unconfirmed",  # liso: accounts whose address was never confirmed
        "forget-submissions",  # liso: one-time form tokens older than a week
        "forget-expired-counts",  # liso: throttle counts whose window is over
    ],
    # Loaded in this order: phases, aandachtspunten and struikelblokken name werkvormen.
    CATALOGUE_PARTS: ["networks", "werkvormen", "bijeenkomsten", "phases", "kernelements"],
    # Run in this order, each building on what the ones before made.
    DEMO_PARTS: [
        "people",  # liso
        "network",  # networks
        "startup-network",  # opstart
        "running-network-agreement",  # opstart
        "own-werkvorm",  # werkvormen
        "sessions",  # bijeenkomsten
        "journey",  # phases
        "health",  # kernelements
    ],
    OVERVIEW_PANELS: [
        "closing",  # afsluiting: a closed network says so first
        "next-session",  # bijeenkomsten
        "signals",  # kernelements: struikelblokken noticed in the data, loaded after the page
        "attendance",  # bijeenkomsten
        "startup",  # opstart
        "journey",  # phases
        "health",  # kernelements: the scans, loaded after the page
        "members",  # networks
    ],
    NEXT_STEPS: [
        "missing-report",  # bijeenkomsten: the last session has no report yet
        "invite-first-people",  # networks: a network of one cannot start up
        "startup",  # opstart: the next step of the start-up path
        "find-procesbegeleider",  # networks
        "fill-perspectives",  # networks
    ],
    WERKVORM_SECTIONS: [
        "phases",  # phases: core werkvorm of a phase
        "aandachtspunten",  # kernelements
        "struikelblokken",  # kernelements
    ],
    WERKVORM_NOTES: ["ratings"],  # bijeenkomsten: how networks rated it
    SESSION_LINKS: [
        "reflect",  # phases: write a reflection on the session
        "judged",  # phases: the experiments judged in it
    ],
    PERSONAL_DATA: [
        "notification-settings",  # liso
        "memberships",  # networks
        "signatures",  # opstart: the agreements one signed online for one's organisation
        "registrations",  # bijeenkomsten: answers to invitations, attendance
        "terugblikken",  # bijeenkomsten
        "actions",  # bijeenkomsten: action points and preparation tasks
        "reflections",  # phases: also the private ones: they are the person's own
        "leervragen",  # phases
        "observations",  # phases
        "successes",  # phases
        "scan-answers",  # kernelements: only while a round is open; closing removes who
    ],
    # Run in this order when someone removes their account, before liso anonymises the
    # account itself; every app's refusals are asked first, so nothing changes if one says no.
    ACCOUNT_REMOVAL: [
        "memberships",  # networks: refused for a network's last trekker; ends memberships
        "calendar",  # bijeenkomsten: the private calendar address
        "reflections",  # phases: the private ones
        "scan-answers",  # kernelements: those of open rounds, still tied to the person
    ],
    SEARCH_SOURCES: [
        "sessions",  # bijeenkomsten
        "minutes",  # bijeenkomsten
        "experiments",  # phases
        "observations",  # phases
        "reflections",  # phases: shared ones, and the searcher's own
        "terms",  # phases
        "products",  # phases
        "decisions",  # kernelements
        "werkvormen",  # werkvormen: the library and the network's own
    ],
}

_items: dict[str, dict[str, object]] = defaultdict(dict)


def contribute(slot: str, key: str, item: object) -> None:
    """Add `item` to `slot` under `key`; registering the same key again changes nothing."""
    if key not in ORDER.get(slot, []):
        raise ImproperlyConfigured(
            f"{key!r} is not in ORDER[{slot!r}] in liso/contributions.py: add it where it "
            "should appear"
        )
    _items[slot].setdefault(key, item)


def contributions(slot: str) -> list:
    """The items of `slot`, in the order ORDER gives."""
    registered = _items[slot]
    return [registered[key] for key in ORDER[slot] if key in registered]


def contribute_all(items) -> None:
    """Register an app's (slot, key, item) triples: its CONTRIBUTIONS list."""
    for slot, key, item in items:
        contribute(slot, key, item)
