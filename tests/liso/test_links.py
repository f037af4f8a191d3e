"""A row's link from a URL reversed once per list is the URL reverse() gives."""

from django.urls import reverse

from liso.links import PLACEHOLDER, url_maker, url_pattern, with_id


def test_a_rows_link_is_what_reverse_gives():
    edit = url_maker("task_edit", "jeugdhulp-dichtbij", 12)
    assert edit(7) == reverse("task_edit", args=["jeugdhulp-dichtbij", 12, 7])
    werkvorm = url_maker("werkvorm_detail")
    assert werkvorm("fishbowl") == reverse("werkvorm_detail", args=["fishbowl"])


def test_only_the_last_copy_of_the_placeholder_is_filled_in():
    # A network's slug may hold the placeholder's digits.
    slug = f"netwerk-{PLACEHOLDER}"
    pattern = url_pattern("opstart_venue_edit", slug)
    assert with_id(pattern, 3) == reverse("opstart_venue_edit", args=[slug, 3])
