from django import template

register = template.Library()


@register.filter
def task_late(task, today) -> bool:
    """An open task past its date."""
    return task.is_late(today)
