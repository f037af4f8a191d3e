from django import template

from networks import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def network_sections(context, network):
    """`{% network_sections network as sections %}`: the links of networks/navigation.py."""
    return navigation.sections(context["request"], network)
