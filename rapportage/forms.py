from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from liso.forms import DATE, StyledFormMixin
from rapportage.progress import Period

LONGEST = 5  # years: a report over more would not fit what financiers ask


class PeriodForm(StyledFormMixin, forms.Form):
    van = forms.DateField(label=_("Van"), widget=DATE)
    tot = forms.DateField(label=_("Tot en met"), widget=DATE)

    @staticmethod
    def default(today: date) -> dict:
        period = Period.last_twelve_months(today)
        return {"van": period.start, "tot": period.end}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("van"), cleaned.get("tot")
        if start and end:
            if start > end:
                self.add_error("tot", _("De periode eindigt na het begin."))
            elif (end - start).days > 366 * LONGEST:
                self.add_error("van", _("Kies een periode van hoogstens vijf jaar."))
        return cleaned

    def period(self) -> Period:
        return Period(self.cleaned_data["van"], self.cleaned_data["tot"])
