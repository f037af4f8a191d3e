"""The products part of the journey's test world."""


def build_products(network, members: dict) -> dict:
    """Objects for the access matrix's placeholders: placeholder -> pk."""
    return {}
