from datetime import date

import factory

from liso.method import Perspective, Role
from networks.models import Membership, MembershipRole, Network, Organisation
from tests.liso.factories import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    perspective = Perspective.PRAKTIJK


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Leernetwerk {n}")
    slug = factory.Sequence(lambda n: f"leernetwerk-{n}")
    vraagstuk = "Hoe krijgen jongeren sneller passende hulp dichtbij huis?"
    why_network = "Geen enkele partij heeft het antwoord alleen."
    level = Network.Level.REGIO
    start_date = factory.LazyFunction(date.today)
    created_by = factory.SubFactory(UserFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    perspective = Perspective.PRAKTIJK
    joined_on = factory.LazyFunction(date.today)
    hours_per_week = 4

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            MembershipRole.objects.bulk_create(
                MembershipRole(membership=self, role=role)
                for role in (extracted or [Role.DEELNEMER])
            )
