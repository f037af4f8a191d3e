"""The one registry of what higher apps add to lower pages, and its order in one place."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from liso import contributions
from liso.contributions import HOME_SECTIONS, NEXT_STEPS, ORDER, OVERVIEW_PANELS


def test_every_slot_holds_exactly_what_its_order_lists():
    for slot, keys in ORDER.items():
        registered = contributions._items[slot]
        assert list(registered) and set(registered) == set(keys), slot


def test_a_contribution_the_order_does_not_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="add it where it should appear"):
        contributions.contribute(OVERVIEW_PANELS, "not-in-the-order", object())


def test_the_order_decides_where_a_contribution_appears():
    panels = contributions.contributions(OVERVIEW_PANELS)
    templates = [panel.template for panel in panels]
    assert templates.index("bijeenkomsten/panel_next_session.html") < templates.index(
        "networks/panel_members.html"
    )
    home = [section.template for section in contributions.contributions(HOME_SECTIONS)]
    # What is next for the person comes before their networks.
    assert home[0] == "bijeenkomsten/home_sessions_to_answer.html"
    assert home.index("bijeenkomsten/home_next_sessions.html") < home.index(
        "networks/home_my_networks.html"
    )
    assert len(contributions.contributions(NEXT_STEPS)) == len(ORDER[NEXT_STEPS])
