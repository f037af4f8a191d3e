"""The jaarlijkse terugblik: held with the year's material beside it, findings per
kernelement, agreements that become action points, a yearly reminder, and its PDF."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import ActionPoint, Session
from kernelements import review
from kernelements.forms import YearlyReviewForm
from kernelements.models import Decision, YearlyReview
from liso import method, notifications
from liso.method import Role
from networks.models import Revision
from tests.kernelements.world import a_yearly_review
from tests.networks.world import build_world
from tests.pdftext import pdf_info, pdf_language, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]

TODAY = date.today()


def _form(**fields):
    data = {"version": 0, "held_on": TODAY, "participants": "trekker en procesbegeleider"}
    data["goed_" + method.Kernelement.SYNERGIE.value] = "De bijeenkomsten geven energie."
    data["anders_" + method.Kernelement.VLIEGWIEL.value] = "Lessen blijven hangen."
    return {**data, **fields}


def _a_held_session(world, days_ago):
    return Session.objects.create(
        network=world.network,
        theme="Terugkijken",
        place="Stadhuis",
        date=TODAY - timedelta(days=days_ago),
        start_time=time(13, 30),
    )


def test_the_trekker_holds_a_review_and_the_network_reads_it(client):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    response = client.post(reverse("review_add", args=[world.network.slug]), _form())
    made = YearlyReview.objects.filter(network=world.network).latest("pk")
    assert response.url == reverse("review_detail", args=[world.network.slug, made.pk])
    assert made.finding(method.Kernelement.SYNERGIE.value, "goed").startswith("De bijeen")
    assert made.finding(method.Kernelement.VLIEGWIEL.value, "anders") == "Lessen blijven hangen."
    assert method.Kernelement.ACTIELEREN.value not in made.findings  # nothing typed
    assert isinstance(made.signals_then, list)  # what the data said when it began
    revision = Revision.objects.filter(network=world.network, object_label=str(made)).get()
    assert "Lessen blijven hangen." in str(revision.changes)

    client.force_login(world.user(Role.DEELNEMER))
    page = client.get(response.url).content.decode()
    assert "De bijeenkomsten geven energie." in page and "Lessen blijven hangen." in page
    assert "door dit platform geschreven, niet door de makers van de methode" in page
    for prompt in review.questions_by_kernelement()[method.Kernelement.SYNERGIE.value]:
        assert prompt in page


def test_a_date_in_1900_or_a_megabyte_of_text_is_told_beside_the_field_and_nothing_saved(
    client,
):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("review_add", args=[world.network.slug])
    response = client.post(url, _form(held_on="1900-01-01"))
    assert "Kies een datum tussen 1 januari 2000" in response.content.decode()
    response = client.post(url, _form(held_on=TODAY + timedelta(days=1)))
    assert "Deze datum ligt in de toekomst." in response.content.decode()
    held = _a_held_session(world, days_ago=10)
    response = client.post(url, _form(session=held.pk))
    assert "niet op de datum van de terugblik" in response.content.decode()
    huge = {"goed_" + method.Kernelement.SYNERGIE.value: "x" * 1_000_000}
    response = client.post(url, _form(**huge))
    assert response.status_code == 200 and "niet meer dan 4000 tekens" in response.content.decode()
    assert YearlyReview.objects.count() == 1  # the test world's own


def test_an_agreement_becomes_an_action_point_on_its_owners_list(client):
    world = build_world()
    yearly = YearlyReview.objects.create(network=world.network, held_on=TODAY - timedelta(days=3))
    owner = world.members[Role.DEELNEMER]
    client.force_login(world.user(Role.TREKKER))
    url = reverse("review_agreement_add", args=[world.network.slug, yearly.pk])
    due = TODAY + timedelta(days=20)
    client.post(
        url, {"what": "Per partner een ambassadeur vragen", "owner": owner.pk, "due_on": due}
    )
    action = ActionPoint.objects.get(what="Per partner een ambassadeur vragen")
    assert (action.network, action.session, action.agreed_on) == (
        world.network,
        None,
        yearly.held_on,
    )
    assert list(yearly.agreements.all()) == [action]

    client.force_login(owner.user)
    assert "Per partner een ambassadeur vragen" in client.get(reverse("home")).content.decode()
    detail = reverse("review_detail", args=[world.network.slug, yearly.pk])
    toggle = reverse("action_toggle", args=[world.network.slug, action.pk])
    assert client.post(toggle, {"klaar": "ja", "terug": detail}).url == detail
    action.refresh_from_db()
    assert action.done_at is not None


def test_only_the_reviews_own_agreements_are_reached_through_it(client):
    world = build_world()
    yearly = YearlyReview.objects.create(network=world.network, held_on=TODAY)
    session_action = ActionPoint.objects.filter(network=world.network).first()
    client.force_login(world.user(Role.TREKKER))
    args = [world.network.slug, yearly.pk, session_action.pk]
    assert client.get(reverse("review_agreement_edit", args=args)).status_code == 404
    assert client.post(reverse("review_agreement_delete", args=args)).status_code == 404
    assert ActionPoint.objects.filter(pk=session_action.pk).exists()


def test_the_material_is_the_year_before_the_review():
    world = build_world()
    held_on = TODAY - timedelta(days=10)
    Decision.objects.create(
        network=world.network, title="Oud besluit", decided_on=held_on - timedelta(days=400)
    )
    Decision.objects.create(
        network=world.network, title="Besluit van dit jaar", decided_on=held_on - timedelta(days=30)
    )
    Decision.objects.create(network=world.network, title="Later besluit", decided_on=TODAY)
    yearly = YearlyReview.objects.create(network=world.network, held_on=held_on)
    titles = {decision.title for decision in review.material(yearly).decisions}
    assert "Besluit van dit jaar" in titles
    assert not titles & {"Oud besluit", "Later besluit"}
    assert review.material(yearly).since == review.year_before(held_on)


def test_a_review_before_the_last_in_the_period_and_an_older_scan_is_not_its_own():
    world = build_world()
    network = world.network
    network.yearly_reviews.all().delete()
    first = YearlyReview.objects.create(network=network, held_on=TODAY - timedelta(days=500))
    later = YearlyReview.objects.create(network=network, held_on=TODAY - timedelta(days=2))
    fetched = review.reviews_of(network).get(pk=later.pk)
    assert review.material(fetched).since == first.held_on + timedelta(days=1)  # 18 months
    network.scan_rounds.update(closed_at=timezone.now() - timedelta(days=1000))
    assert review.material(fetched).scan_round is None


def test_changing_the_reviews_date_or_session_moves_its_agreements(client):
    world = build_world()
    yearly = world.network.yearly_reviews.get()
    action = yearly.agreements.get()
    held = _a_held_session(world, days_ago=3)
    client.force_login(world.user(Role.TREKKER))
    url = reverse("review_edit", args=[world.network.slug, yearly.pk])
    data = _form(version=yearly.version, held_on=held.date, session=held.pk)
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert (action.session, action.agreed_on) == (held, held.date)
    held.delete()  # a deleted session leaves what was agreed there
    action.refresh_from_db()
    assert action.session is None and action.network == world.network


def test_the_next_review_is_a_year_after_the_last_or_after_the_start():
    world = build_world()
    network = world.network
    network.start_date = date(2024, 2, 29)
    assert review.next_review(network, None, today=date(2025, 2, 27)).on == date(2025, 2, 28)
    assert not review.next_review(network, None, today=date(2025, 2, 27)).due
    upcoming = review.next_review(network, date(2025, 6, 1), today=date(2026, 6, 1))
    assert (upcoming.on, upcoming.due) == (date(2026, 6, 1), True)
    # Years without a review: due each year again, on the latest of the yearly dates.
    late = review.next_review(network, None, today=date(2027, 3, 5))
    assert (late.on, late.due) == (date(2027, 2, 28), True)


def test_the_trekker_is_reminded_once_when_the_review_falls_due(mailoutbox):
    world = build_world()
    network = world.network
    network.start_date = TODAY - timedelta(days=400)
    network.save(update_fields=["start_date"])
    network.yearly_reviews.all().delete()  # the test world held one today
    trekker = world.user(Role.TREKKER)

    def reminders(day):
        notifications.send_daily_mail(day=day)
        found = [m for m in mailoutbox if "Tijd voor de jaarlijkse terugblik" in m.body]
        mailoutbox.clear()
        return found

    (mail,) = reminders(TODAY)
    assert mail.to == [trekker.email] and network.name in mail.body
    assert reminders(TODAY + timedelta(days=1)) == []  # told once for this date
    assert len(reminders(TODAY + timedelta(days=366))) == 1  # and again a year on
    a_yearly_review(network, world.members[Role.DEELNEMER], TODAY)
    assert reminders(TODAY + timedelta(days=364)) == []
    assert len(reminders(TODAY + timedelta(days=367))) == 1  # next year's


def test_the_review_pdf_tells_the_findings_and_agreements_in_a_tagged_pdf(client, tmp_path):
    world = build_world()
    yearly, agreement = a_yearly_review(world.network, world.members[Role.DEELNEMER], TODAY)
    client.force_login(world.user(Role.TREKKER))
    response = client.get(reverse("review_pdf", args=[world.network.slug, yearly.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    info = pdf_info(pdf, tmp_path)
    assert info["Tagged"] == "yes" and info["Title"].startswith("Jaarlijkse terugblik")
    assert pdf_language(pdf) == "nl"
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "Jaarlijkse terugblik" in text and world.network.name in text
    assert "Goede sfeer." in text and "Meer delen." in text
    assert agreement.what in text and "Te klein kernteam." in text


def test_a_second_review_on_the_same_day_is_told_and_a_double_click_saves_one(client, monkeypatch):
    world = build_world()
    client.force_login(world.user(Role.TREKKER))
    url = reverse("review_add", args=[world.network.slug])
    assert client.post(url, _form()).status_code == 302
    response = client.post(url, _form())
    assert "Op deze datum staat al een terugblik." in response.content.decode()
    # Two clicks that both pass the check before either saved: the database keeps one.
    monkeypatch.setattr(YearlyReviewForm, "clean_held_on", lambda form: TODAY)
    response = client.post(url, _form())
    assert response.url == reverse("review_list", args=[world.network.slug])
    assert world.network.yearly_reviews.filter(held_on=TODAY).count() == 1
