"""`permissions.object_in_network`: a page's object by network and id, read with a query
compiled once; 404 for another network's object, as for one that does not exist."""

from datetime import date, time

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from bijeenkomsten.models import Session
from networks import permissions
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def _session() -> Session:
    return Session.objects.create(
        network=NetworkFactory(), theme="Wat werkt?", date=date(2026, 12, 1), start_time=time(13)
    )


class _Request:
    def __init__(self, network):
        self.network = network


def test_the_object_comes_with_its_network_and_what_is_read_along():
    session = _session()
    request = _Request(session.network)
    permissions.object_in_network(request, Session, session.pk, "venue")  # compiled here
    with CaptureQueriesContext(connection) as queries:
        found = permissions.object_in_network(request, Session, session.pk, "venue")
        assert found.network is request.network
        assert found.venue == session.venue
    assert found == session
    assert len(queries) == 1


@pytest.mark.parametrize("pk", ["another network's", "none's", "beyond 64 bits"])
def test_anything_but_an_object_of_the_network_is_not_found(pk):
    session = _session()
    ids = {"another network's": session.pk, "none's": session.pk + 1000, "beyond 64 bits": 10**20}
    request = _Request(NetworkFactory() if pk == "another network's" else session.network)
    with pytest.raises(Http404):
        permissions.object_in_network(request, Session, ids[pk])
