"""What a browser sends back for a form as a page showed it, for tests that open a form
and post it again (two tabs, a double click)."""


def sent_back(form) -> dict:
    """The form's fields with the values the page showed; unticked boxes and empty
    choices are left out, as a browser leaves them out."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        data[field.html_name] = "on" if value is True else value
    return data
