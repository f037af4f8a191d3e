"""Sensible ranges for the dates people type, in one place and with one wording.

Every date field of every form (StyledFormMixin) is checked against a range: by default
from 2000 until twenty years ahead, so a typo such as 1900 or 9999 never reaches the
database or a planning. A form names a stricter range for a field in `DATE_RANGES`:
a signature or an observation cannot lie in the future (PAST), a session or a task lies
within five years of today (NEAR). The browser's date picker gets the same bounds.

Numbers get their range on the model field (`between`, `at_least`, and the shared ones
below), so every form that edits them refuses the same values with Django's Dutch words.

Dates are shown with their year whenever it is not this year (`day` in
liso/templatetags/liso.py), so a task from another year never looks like this week's.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2000


@dataclass(frozen=True)
class DateRange:
    years_back: int | None  # None: from FIRST_YEAR
    years_ahead: int  # 0: not after today

    def bounds(self, today: date) -> tuple[date, date]:
        earliest = date(FIRST_YEAR, 1, 1)
        if self.years_back is not None:
            earliest = max(earliest, _years_from(today, -self.years_back))
        return earliest, _years_from(today, self.years_ahead)


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


ANY = DateRange(years_back=None, years_ahead=20)  # a start date, a milestone, a funder's end
PAST = DateRange(years_back=None, years_ahead=0)  # a signature, an observation, a measurement
NEAR = DateRange(years_back=5, years_ahead=5)  # a session, a task, an experiment's start


@deconstructible
class WithinRange:
    """Refuses a date outside the range, counted from the day it is checked."""

    def __init__(self, allowed: DateRange):
        self.allowed = allowed

    def __call__(self, value: date) -> None:
        earliest, latest = self.allowed.bounds(timezone.localdate())
        if earliest <= value <= latest:
            return
        if self.allowed.years_ahead == 0 and value > latest:
            raise forms.ValidationError(
                _("Deze datum ligt in de toekomst. Kies vandaag of een dag die voorbij is."),
                code="date_in_future",
            )
        raise forms.ValidationError(
            _("Kies een datum tussen %(earliest)s en %(latest)s."),
            code="date_out_of_range",
            params={
                "earliest": date_format(earliest, "j F Y"),
                "latest": date_format(latest, "j F Y"),
            },
        )

    def __eq__(self, other):
        return isinstance(other, WithinRange) and other.allowed == self.allowed


def limit_date_field(field: forms.DateField, allowed: DateRange) -> None:
    """Check the field against `allowed`, and give the date picker the same bounds."""
    field.validators.append(WithinRange(allowed))
    earliest, latest = allowed.bounds(timezone.localdate())
    field.widget.attrs.setdefault("min", earliest.isoformat())
    field.widget.attrs.setdefault("max", latest.isoformat())


def between(low, high) -> list:
    """The validators of a number that must lie from `low` up to `high` (Django's, so
    the message is the same Dutch sentence on every form)."""
    return [MinValueValidator(low), MaxValueValidator(high)]


def at_least(low) -> list:
    return [MinValueValidator(low)]


# Numbers whose range several fields share.
HOURS_PER_WEEK = between(0, 60)
MONEY = at_least(0)  # amounts in euro; max_digits bounds them from above
YEARS = between(FIRST_YEAR, 2100)  # a budget year
