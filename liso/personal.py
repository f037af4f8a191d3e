"""Everything the product keeps about a person and everything they wrote, as one JSON file
they download from their account (AVG: the right of access). Each app contributes the
sections it holds (PERSONAL_DATA in liso/contributions.py); this module puts them
together under the person's account details.

Other people's private things never come along: a section holds only what this person
wrote or what is stored about them.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

from liso.contributions import PERSONAL_DATA, contributions

FORMAT_VERSION = 1


@dataclass(frozen=True)
class PersonalSection:
    title: str  # the section's name in the file, in Dutch
    rows: Callable[[object], list[dict]]  # user -> one dict per item


def _plain(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def personal_data(user) -> dict:
    return {
        "formaat": FORMAT_VERSION,
        "gemaakt_op": timezone.now(),
        "persoon": {
            "naam": user.full_name,
            "e-mailadres": user.email,
            "account_sinds": user.date_joined,
            "e-mailadres_gewijzigd_op": user.email_changed_at,
            "laatst_ingelogd": user.last_login,
        },
        **{str(section.title): section.rows(user) for section in contributions(PERSONAL_DATA)},
    }


def personal_data_response(user) -> HttpResponse:
    content = json.dumps(personal_data(user), ensure_ascii=False, indent=2, default=_plain)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    name = f"mijn-gegevens-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
