"""`make bench`: server time of every page against the floor page, on a small and a large
database in a throwaway PostgreSQL, measured in one run (quality.md, "Speed").

Pages are requested in-process with Django's test client, so the figures are server time
(middleware, views, queries, templates) without network noise. Rounds interleave the floor
and the pages, so a busy machine slows all of them alike. Exit status 1 when a target is
missed.
"""

import gc
import os
import statistics
import sys
import time
from collections import Counter
from contextlib import contextmanager

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
PDF_ROUNDS = int(os.environ.get("BENCH_PDF_ROUNDS", "10"))
PDF_LIMIT = 1.5
# `make bench PAGES="a b"`: only these pages (and the floor), without the PDFs, to try a change.
ONLY = os.environ.get("BENCH_PAGES", "").split()
# PDF endpoints; _measure_pdfs says which document each renders.
PDFS = [
    "opstart_startnotitie_pdf",
    "opstart_agreement_pdf",
    "session_draaiboek_pdf",
    "session_invitation_pdf",
    "session_report_pdf",
    "term_pdf",
    "review_pdf",
    "progress_pdf",
    "closing_story_pdf",
]
WARMUP = 20
# The aim (docs/quality.md): the median page within 3x the floor, and every page's median
# within 5x and its p95 within 8x; in the long run every page within 3x.
OVERALL_MEDIAN_LIMIT, MEDIAN_LIMIT, P95_LIMIT, MAX_QUERIES = 3.0, 5.0, 8.0, 12
AIM = 3.0


def _p95(samples):
    return statistics.quantiles(samples, n=20)[-1]


def _measure(client, urls):
    timings = {name: [] for name in urls}
    for round_number in range(WARMUP + ROUNDS):
        for name, url in urls.items():
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
            if response.status_code != 200:
                raise SystemExit(f"{name} answered {response.status_code}")
            if round_number >= WARMUP:
                timings[name].append(elapsed)
    return timings


def _bench_pages(world):
    """Every page, seen by the trekker of the bench network (who may see all of them but
    another member's own leervraag and reflection forms, which are forms like the others)."""
    from django.urls import reverse

    from liso.method import Role
    from tests.access import ROUTES, STAFF

    pages = {"floor": reverse("floor")}
    for name, route in ROUTES.items():
        # A logged-in visitor is sent on from the login and sign-up pages; the invitation
        # link is not theirs.
        not_theirs = Role.TREKKER in route.not_theirs | route.not_found_for
        sent_on = route.logged_in_status is not None
        staff_only = route.access == STAFF  # platform staff's pages, like the admin's
        if route.page and name != "invitation_accept" and not (sent_on or not_theirs or staff_only):
            pages[name] = reverse(name, kwargs=world.kwargs(route.kwargs))
    pages["werkvorm_list (zoeken)"] = reverse("werkvorm_list") + "?q=vertrouwen&fase=2"
    search = reverse("network_search", kwargs=world.kwargs({"slug": "<network>"}))
    pages["network_search (zoeken)"] = search + "?q=bijeenkomst+experiment"
    if ONLY:
        unknown = set(ONLY) - set(pages)
        if unknown:
            raise SystemExit(f"No page named {', '.join(sorted(unknown))}")
        return {name: url for name, url in pages.items() if name == "floor" or name in ONLY}
    return pages


def _progress_context(network) -> dict:
    """The voortgangsrapportage of the last twelve months, as its PDF view makes it."""
    from datetime import date

    from rapportage.progress import Period, progress

    return {"report": progress(network, Period.last_twelve_months(date.today()))}


def _reisverslag_context(network) -> dict:
    from afsluiting.closing import reisverslag

    return {"verslag": reisverslag(network)}


def _measure_pdfs(client, world) -> dict[str, tuple[float, float]]:
    """Per PDF: median time of the whole request, and of WeasyPrint alone on the same HTML."""
    from django.template.loader import render_to_string
    from django.urls import reverse

    from bijeenkomsten import reports
    from bijeenkomsten.models import Session
    from kernelements import review as yearly_review
    from liso.pdf import html_to_pdf
    from opstart import documents
    from phases import reports_words

    # The world's session holds the large draaiboek (tests/bijeenkomsten/world.py).
    session = Session.objects.filter(network=world.network).order_by("pk").first()
    # The world's review holds an agreement for each of twenty members (grow_health).
    review = world.network.yearly_reviews.order_by("pk").first()
    sources = {
        "opstart_startnotitie_pdf": ({}, *documents.PDF_DOCUMENTS["startnotitie"], world.network),
        "opstart_agreement_pdf": (
            {},
            *documents.PDF_DOCUMENTS["samenwerkingsovereenkomst"],
            world.network,
        ),
        "session_draaiboek_pdf": (
            {"pk": session.pk},
            "pdf/draaiboek.html",
            reports.context,
            session,
        ),
        "session_invitation_pdf": (
            {"pk": session.pk},
            "pdf/uitnodiging.html",
            reports.context,
            session,
        ),
        "session_report_pdf": (
            {"pk": session.pk},
            "pdf/sessieverslag.html",
            reports.report_context,
            session,
        ),
        "term_pdf": ({}, "pdf/woordenlijst.html", reports_words.glossary_context, world.network),
        "progress_pdf": ({}, "pdf/voortgangsrapportage.html", _progress_context, world.network),
        "closing_story_pdf": ({}, "pdf/reisverslag.html", _reisverslag_context, world.network),
        "review_pdf": (
            {"pk": review.pk},
            "pdf/terugblik.html",
            yearly_review.pdf_context,
            review,
        ),
    }
    results = {}
    for name in PDFS:
        kwargs, template, context, subject = sources[name]
        url = reverse(name, kwargs={"slug": world.network.slug, **kwargs})
        html = render_to_string(template, context(subject))
        whole, alone = [], []
        for round_number in range(2 + PDF_ROUNDS):  # two to warm the font cache
            start = time.perf_counter()
            response = client.get(url)
            b"".join(response.streaming_content)
            middle = time.perf_counter()
            html_to_pdf(html)
            end = time.perf_counter()
            if round_number >= 2:
                whole.append(middle - start)
                alone.append(end - middle)
        results[name] = (statistics.median(whole), statistics.median(alone))
    return results


def _grow_network(world):
    """The bench network of quality.md: 25 members in the kernteam, 40 in the tweede schil."""
    from liso.method import Role
    from tests.networks.factories import MembershipFactory

    for n in range(65):
        MembershipFactory(
            network=world.network,
            ring="kernteam" if n < 19 else "tweede-schil",
            roles=[Role.DEELNEMER],
        )


def _grow_startup(world):
    """A start-up with plenty written (goals, talks, money, planning, history), many
    sessions with their tasks, werkvormen of the network's own, a long journey, and ten
    scan rounds."""
    from liso.method import Role
    from tests.afsluiting.world import grow_closing
    from tests.bijeenkomsten.world import grow_sessions
    from tests.kernelements.world import grow_health
    from tests.opstart.world import grow_startup
    from tests.phases.world import grow_journey
    from tests.werkvormen.world import grow_own_werkvormen

    grow_startup(world.network, world.user(Role.TREKKER))
    grow_sessions(world.network)
    grow_own_werkvormen(world.network)
    grow_journey(world.network)
    grow_health(world.network)
    grow_closing(world.network)


def _logged_in_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def _query_counts(client, world):
    """Each page's queries once its caches are warm (the guide keeps its content rendered),
    as a running server serves it and as the bench times it."""
    from tests.queries import count_queries

    pages = _bench_pages(world)
    for url in pages.values():
        client.get(url)
    return {name: count_queries(client, url)[1] for name, url in pages.items()}


@contextmanager
def _large_world():
    """A throwaway PostgreSQL with the catalogue, the small data, the bench network grown
    large, and the network's trekker logged in: yields (client, world, queries counted on
    the small data)."""
    import django

    from tests import machine

    with machine.throwaway_postgres() as pg:
        django.setup()
        from django.conf import settings
        from django.db import connection
        from django.test.utils import override_settings

        settings.DATABASES["default"].update(pg)
        # No setup_test_environment(): it makes every template render (each include, too)
        # send a signal for the test client, a cost production never pays and that weighed
        # on template-heavy pages more than on the floor. tests/settings.py already allows
        # the test client's host and keeps mail in memory.
        connection.creation.create_test_db(verbosity=0)
        with override_settings(ROOT_URLCONF="tests.bench_urls", DEBUG=False):
            from liso import catalogue
            from liso.method import Role
            from tests.data import build_large, build_small
            from tests.networks.world import build_world

            catalogue.load_all()
            build_small()
            world = build_world()
            # A network that has written something has a history (as in the query counts).
            from networks import history

            goal = world.network.agenda_goals.first()
            history.record_creation(
                network=world.network, instance=goal, by=goal.network.created_by
            )
            client = _logged_in_client(world.user(Role.TREKKER))
            small_queries = _query_counts(client, world)
            build_large()
            _grow_network(world)
            _grow_startup(world)
            # Building the world leaves ~240,000 objects in this process that a web worker
            # does not hold; a full garbage collection walking them took 300 ms and landed
            # on whichever page was measured then. Freeze them so the GC leaves them be.
            gc.collect()
            gc.freeze()
            yield client, world, small_queries
        connection.creation.destroy_test_db("test_liso", verbosity=0)
        connection.close()


def main() -> int:
    with _large_world() as (client, world, small_queries):
        large_queries = _query_counts(client, world)
        large_times = _measure(client, _bench_pages(world))
        pdf_times = {} if ONLY else _measure_pdfs(client, world)
    failures = _report(small_queries, large_queries, large_times)
    return 1 if failures + _report_pdfs(pdf_times) else 0


def _templates_rendered(client, url) -> Counter:
    """How often each template is rendered for one request of `url` (with Django's test
    instrumentation switched on for that request only)."""
    from django.template.base import PartialTemplate, Template
    from django.test.signals import template_rendered
    from django.test.utils import instrumented_test_render

    counts = Counter()

    def count(sender, template, **kwargs):
        counts[template.name or "(from a string)"] += 1

    renders = Template._render, PartialTemplate._render
    Template._render = PartialTemplate._render = instrumented_test_render
    template_rendered.connect(count)
    try:
        client.get(url)
    finally:
        template_rendered.disconnect(count)
        Template._render, PartialTemplate._render = renders
    return counts


def profile(names: list[str], rounds: int = 50) -> int:
    """`make profile PAGES="a b"`: where the server time of these pages goes, on the same
    large database as the bench (cProfile, the functions that take the most time)."""
    import cProfile
    import pstats

    with _large_world() as (client, world, _queries):
        pages = _bench_pages(world)
        for name in names:
            if name not in pages:
                raise SystemExit(f"No page named {name}; the bench's pages: {', '.join(pages)}")
            for _round in range(WARMUP):  # warm caches, as the bench does
                client.get(pages[name])
            templates = _templates_rendered(client, pages[name])
            profiler = cProfile.Profile()
            profiler.enable()
            for _round in range(rounds):
                client.get(pages[name])
            profiler.disable()
            print(f"\n=== {name}: {rounds} requests ===")
            print("Templates rendered for one request (times):")
            for template, times in templates.most_common(15):
                print(f"{times:>6}  {template}")
            stats = pstats.Stats(profiler).strip_dirs()
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(40)
    return 0


def _report(small_queries, large_queries, times) -> int:
    floor_median = statistics.median(times["floor"])
    floor_p95 = _p95(times["floor"])
    print(f"\nFloor page: median {floor_median * 1000:.2f} ms, p95 {floor_p95 * 1000:.2f} ms")
    print(f"{ROUNDS} rounds on the large database; ratios are page / floor.")
    print(
        f"Aim: the median page within {OVERALL_MEDIAN_LIMIT}x; every page's median within "
        f"{MEDIAN_LIMIT}x and its p95 within {P95_LIMIT}x; in the long run all within {AIM}x.\n"
    )
    header = (
        f"{'page':<24} {'queries small/large':>20} {'median ×floor':>14} {'p95 ×floor':>11}"
        "  verdict"
    )
    print(header)
    print("-" * len(header))
    failures = 0
    ratios = {}
    for name, samples in times.items():
        median_ratio = statistics.median(samples) / floor_median
        p95_ratio = _p95(samples) / floor_p95
        ratios[name] = median_ratio
        problems = []
        if small_queries[name] != large_queries[name]:
            problems.append("queries grow with data")
        if large_queries[name] > MAX_QUERIES:
            problems.append(f"over {MAX_QUERIES} queries")
        if median_ratio > MEDIAN_LIMIT:
            problems.append(f"median over {MEDIAN_LIMIT}×")
        if p95_ratio > P95_LIMIT:
            problems.append(f"p95 over {P95_LIMIT}×")
        failures += bool(problems)
        queries = f"{small_queries[name]}/{large_queries[name]}"
        verdict = "; ".join(problems) or ("ok" if median_ratio <= AIM else f"ok, over {AIM}×")
        print(f"{name:<24} {queries:>20} {median_ratio:>14.2f} {p95_ratio:>11.2f}  {verdict}")
    return failures + _summary(ratios)


def _summary(ratios: dict[str, float]) -> int:
    """The trend at a glance: the median page, how many pages meet the aim, the worst."""
    pages = {name: ratio for name, ratio in ratios.items() if name != "floor"}
    overall = statistics.median(pages.values())
    within = sum(ratio <= AIM for ratio in pages.values())
    worst = max(pages, key=pages.get)
    verdict = "ok" if overall <= OVERALL_MEDIAN_LIMIT else f"over {OVERALL_MEDIAN_LIMIT}×"
    print(
        f"\nSummary: median page {overall:.2f}× the floor ({verdict}); {within} of "
        f"{len(pages)} pages within {AIM}×; slowest {worst} {pages[worst]:.2f}×"
    )
    return int(overall > OVERALL_MEDIAN_LIMIT)


def _report_pdfs(pdf_times) -> int:
    if not pdf_times:  # only some pages were asked for
        return 0
    print(
        f"\nPDF reports of the large network ({PDF_ROUNDS} rounds), whole request against "
        f"WeasyPrint alone on the same HTML:\n"
    )
    failures = 0
    for name, (whole, alone) in pdf_times.items():
        ratio = whole / alone
        verdict = "ok" if ratio <= PDF_LIMIT else f"over {PDF_LIMIT}×"
        failures += verdict != "ok"
        print(
            f"{name:<28} {whole * 1000:>8.0f} ms {alone * 1000:>8.0f} ms {ratio:>6.2f}×  {verdict}"
        )
    return failures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--profile"]:
        sys.exit(profile(sys.argv[2:]))
    sys.exit(main())
