"""Finding form controls the way a person does: by the label they read."""

import re


def field(page, label):
    """A form control by its visible label. A label may end in a note in brackets: "(niet
    verplicht)", or when a field is needed only in some cases, the case ("(nodig bij een
    meetbare indicator)")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \([^)]*\))?$"))
