from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def late(milestone, today) -> bool:
    """A milestone past its date and not reached."""
    return milestone.is_late(today)


@register.filter
def euro(amount) -> str:
    """An amount in Dutch notation: € 12.500,00."""
    if amount is None or amount == "":
        return ""
    return "€\u00a0" + number_format(amount, 2, force_grouping=True)


@register.filter
def hours(amount) -> str:
    return number_format(amount, 1 if amount % 1 else 0, force_grouping=True)
