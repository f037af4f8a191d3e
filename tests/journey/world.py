"""The journey's part of the test world: placeholders for the access matrix."""

from tests.journey.world_products import build_products
from tests.journey.world_words import build_words


def build_learning(network, members: dict) -> dict:
    return {}


def build_journey(network, members: dict) -> dict:
    return {**build_learning(network, members), **build_words(network, members),
            **build_products(network, members)}  # fmt: skip
