"""`make soak`: 50 people reading and writing against gunicorn on PostgreSQL, twice: once
calmly, once while PostgreSQL restarts. Every write the server acknowledged must be in the
database exactly once, and no write more than once; the app must recover by itself.

What it starts, all on 127.0.0.1 and removed afterwards: a throwaway PostgreSQL cluster
(tests/machine.py, as the tests use), migrated and loaded with the catalogue and the demo
data plus 50 members of the demo network; gunicorn with 3 workers (as the README's
production recipe), on the soak settings (tests/soak/settings.py). Each simulated person
logs in and, until the run ends, opens a page, writes a reflection or a success whose text
carries a mark of its own, and waits a moment. A write counts as acknowledged when the
server answered it with the redirect a saved form gives.

The second run restarts PostgreSQL (`pg_ctl restart -m fast`) in its middle. Requests
during the outage may fail, but only with the 503 page (liso.views.server_error); no
request sent later than RECOVERY_LIMIT seconds after the database is back may fail, and
pages must answer 200 again.

Exit status 1 on a lost or duplicated write, on a server error outside the outage, on an
error during the outage that is not a 503, or on no recovery. Bounded: about three
minutes in all (SOAK_SECONDS and SOAK_USERS change the size).
"""

import http.client
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

USERS = int(os.environ.get("SOAK_USERS", "50"))
CALM_SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
FAULT_SECONDS = CALM_SECONDS * 2 / 3
RECOVERY_LIMIT = 5.0  # seconds after PostgreSQL is back
PASSWORD = "demo-liso"
NETWORK = "jeugdhulp-dichtbij"
MARK = "soak"  # every written text starts with it: "soak-<run>-<user>-<n>: ..."
REQUEST_TIMEOUT = 60


@dataclass
class Record:
    """What one simulated person saw."""

    statuses: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)  # (kind, mark)
    unacknowledged: list = field(default_factory=list)  # (kind, mark, what came back)
    errors: list = field(default_factory=list)  # (sent, answered, status or exception)


class Browser:
    """One person's cookies and requests over plain HTTP to the soak's server."""

    def __init__(self, port: int, record: Record):
        self.port, self.record, self.cookies = port, record, {}

    def request(self, method: str, path: str, data: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            self.record.statuses[type(error).__name__] += 1
            self.record.errors.append((start, time.monotonic(), type(error).__name__))
            return None
        finally:
            connection.close()
        self.record.latencies.append(time.monotonic() - start)
        self.record.statuses[response.status] += 1
        if response.status >= 500:
            self.record.errors.append((start, time.monotonic(), response.status))
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def log_in(self, paths: dict, email: str, deadline: float) -> bool:
        while time.monotonic() < deadline:
            self.request("GET", paths["login"])
            response = self.request(
                "POST", paths["login"], {"username": email, "password": PASSWORD}
            )
            if response is not None and response.status == 302:
                return True
            time.sleep(0.5)
        return False


def simulate(port, paths, email, number, run, deadline, record):
    """One person: log in, then open a page, write something, wait; until the deadline."""
    browser = Browser(port, record)
    if not browser.log_in(paths, email, deadline):
        return
    rng = random.Random(f"{run}-{number}")
    written = 0
    while time.monotonic() < deadline:
        browser.request("GET", rng.choice(paths["reads"]))
        kind = rng.choice(["reflection", "success"])
        written += 1
        mark = f"{MARK}-{run}-{number}-{written}"
        text = f"{mark}: vandaag zagen we dat samen kijken helpt."
        if kind == "reflection":
            data = {"level": rng.choice(["ik", "netwerk", "werkveld"]), "text": text}
            if rng.random() < 0.5:
                data["share"] = "on"
        else:
            data = {"text": text, "size": rng.choice(["klein", "groot"])}
        response = browser.request("POST", paths[kind], data)
        saved = response is not None and response.status == 302
        if saved and paths["login"] not in (response.getheader("Location") or ""):
            record.acknowledged.append((kind, mark))
        else:
            answer = response.status if response is not None else "no answer"
            record.unacknowledged.append((kind, mark, answer))
        time.sleep(rng.uniform(0.2, 0.8))


def probe(port, paths, email, deadline, seen):
    """A logged-in person opening the network's page ten times a second: when it answers
    200 again after the restart."""
    browser = Browser(port, Record())
    browser.log_in(paths, email, deadline)
    while time.monotonic() < deadline:
        sent = time.monotonic()
        response = browser.request("GET", paths["overview"])
        seen.append((sent, response.status if response is not None else None))
        time.sleep(0.1)


def run_users(port, paths, emails, run, seconds, fault=None):
    records = [Record() for _ in emails]
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=simulate, args=(port, paths, email, n, run, deadline, records[n]), daemon=True
        )
        for n, email in enumerate(emails)
    ]
    seen: list = []
    watcher = threading.Thread(
        target=probe, args=(port, paths, emails[0], deadline, seen), daemon=True
    )
    for thread in [*threads, watcher]:
        thread.start()
    outage = None
    if fault is not None:
        time.sleep(seconds / 3)
        start = time.monotonic()
        fault()
        outage = (start, time.monotonic())
    for thread in [*threads, watcher]:
        thread.join(timeout=seconds + REQUEST_TIMEOUT + 30)
    return records, seen, outage


def count_in_database(run: str) -> Counter:
    from django.db import connections

    from phases.models import Reflection, Success

    connections.close_all()  # the restart ended this process's connection as well
    counts = Counter()
    for kind, model in (("reflection", Reflection), ("success", Success)):
        texts = model.objects.filter(text__startswith=f"{MARK}-{run}-").values_list(
            "text", flat=True
        )
        counts.update((kind, text.split(":", 1)[0]) for text in texts)
    return counts


def check_run(name, run, records, seen, outage) -> list[str]:
    """Print the run's summary; return what failed."""
    failures = []
    statuses = sum((r.statuses for r in records), Counter())
    latencies = sorted(x for r in records for x in r.latencies)
    acknowledged = [w for r in records for w in r.acknowledged]
    unacknowledged = [w for r in records for w in r.unacknowledged]
    in_db = count_in_database(run)
    lost = [w for w in acknowledged if in_db[w] == 0]
    doubled = [w for w in acknowledged if in_db[w] > 1]
    doubled += [(kind, mark) for kind, mark, _ in unacknowledged if in_db[(kind, mark)] > 1]
    saved_anyway = [(k, m) for k, m, _ in unacknowledged if in_db[(k, m)] == 1]
    print(f"\n== {name} ==")
    print(f"people: {len(records)}, requests: {sum(statuses.values())}")
    by_status = ", ".join(f"{key}: {value}" for key, value in sorted(statuses.items(), key=str))
    print(f"answers by status: {by_status}")
    if latencies:
        p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
        print(f"latency: p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(
        f"writes acknowledged: {len(acknowledged)}, not acknowledged: {len(unacknowledged)} "
        f"(of which saved all the same: {len(saved_anyway)})"
    )
    print(f"lost: {len(lost)}, duplicated: {len(doubled)}")
    if lost or doubled:
        failures.append(f"{name}: {len(lost)} lost, {len(doubled)} duplicated writes")
    if not acknowledged:
        failures.append(f"{name}: no write was acknowledged at all")
    errors = [error for r in records for error in r.errors]
    if outage is None:
        if errors:
            failures.append(
                f"{name}: {len(errors)} errors without any fault: {Counter(e[2] for e in errors)}"
            )
        return failures
    start, back = outage
    print(f"PostgreSQL restart took {back - start:.2f} s")
    not_503 = Counter(what for _, _, what in errors if what != 503)
    if not_503:
        failures.append(f"{name}: errors other than 503 during the restart: {dict(not_503)}")
    # An error answered before the restart began, or asked after the database was back
    # for RECOVERY_LIMIT seconds, is not the restart's.
    stray = [e for e in errors if e[1] < start or e[0] > back + RECOVERY_LIMIT]
    if stray:
        failures.append(f"{name}: {len(stray)} errors outside the restart")
    # Times are when a request was sent: under load an answer waits in gunicorn's queue,
    # and that wait says nothing about the database.
    refused = [sent for sent, _, _ in errors] + [at for at, status in seen if status != 200]
    last_refused = max(refused, default=start)
    recovered = next((at for at, status in seen if at >= last_refused and status == 200), None)
    if recovered is None or last_refused - back > RECOVERY_LIMIT:
        failures.append(f"{name}: pages did not answer 200 again within {RECOVERY_LIMIT} s")
    else:
        answered = [done - start for _, done, _ in errors] or [0.0]
        print(
            f"recovery: {len(errors)} requests refused, "
            f"{'all' if not not_503 else 'not all'} with 503, answered "
            f"{min(answered):.2f} to {max(answered):.2f} s after the restart began; the last "
            f"was sent {last_refused - back:+.2f} s from PostgreSQL's return; pages answer "
            f"200 again"
        )
    return failures


def prepare(cluster_settings) -> tuple[dict, list[str]]:
    """Migrate, load the catalogue and the demo data, add the soak's people; return the
    paths to use and the people's addresses."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.urls import reverse

    from liso.method import Role
    from liso.models import User
    from networks.models import Membership, MembershipRole, Network

    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    call_command("migrate", **quiet)
    call_command("load_catalogue", **quiet)
    call_command("load_demo", allow_without_debug=True, **quiet)
    network = Network.objects.get(slug=NETWORK)
    emails = [f"soak-{n}@example.org" for n in range(USERS)]
    for email in emails:
        user = User.objects.create_user(email, full_name=email.split("@")[0], password=PASSWORD)
        member = Membership.objects.create(
            network=network, user=user, perspective="praktijk", joined_on=network.start_date
        )
        MembershipRole.objects.create(membership=member, role=Role.DEELNEMER)
    slug = {"slug": NETWORK}
    paths = {
        "login": reverse("login"),
        "overview": reverse("network_overview", kwargs=slug),
        "reflection": reverse("reflection_add", kwargs=slug),
        "success": reverse("success_add", kwargs=slug),
        "reads": [
            reverse("home"),
            reverse("network_overview", kwargs=slug),
            reverse("session_list", kwargs=slug),
            reverse("reflection_list", kwargs=slug),
            reverse("success_list", kwargs=slug),
        ],
    }
    return paths, emails


def start_gunicorn(env: dict, log) -> tuple[subprocess.Popen, int]:
    from tests.machine import free_port

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "liso.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--timeout",
            "30",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def main() -> int:
    from tests import machine

    began = time.monotonic()
    with machine.throwaway_cluster() as cluster, tempfile.TemporaryFile("w+") as log:
        pg = cluster.settings
        url = f"postgres://{pg['USER']}@{pg['HOST']}:{pg['PORT']}/postgres"
        os.environ.update(DJANGO_SETTINGS_MODULE="tests.soak.settings", DATABASE_URL=url)
        paths, emails = prepare(pg)
        env = {**os.environ, "DEBUG": "false"}
        server, port = start_gunicorn(env, log)
        try:
            setup = time.monotonic() - began
            print(f"set-up: {setup:.0f} s; gunicorn (3 workers) on 127.0.0.1:{port}")
            records, seen, _ = run_users(port, paths, emails, "calm", CALM_SECONDS)
            failures = check_run(
                f"{USERS} people for {CALM_SECONDS:.0f} s", "calm", records, seen, None
            )
            records, seen, outage = run_users(
                port, paths, emails, "fault", FAULT_SECONDS, fault=cluster.restart
            )
            failures += check_run(
                f"{USERS} people for {FAULT_SECONDS:.0f} s, PostgreSQL restarted in the middle",
                "fault",
                records,
                seen,
                outage,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            from django.db import connections

            connections.close_all()
        if failures:
            log.seek(0)
            print("\n-- gunicorn's log (last lines) --\n" + "".join(log.readlines()[-40:]))
    print(f"\nsoak: {time.monotonic() - began:.0f} s in all")
    for failure in failures:
        print(f"FAILED: {failure}")
    print("soak: ok" if not failures else f"soak: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
