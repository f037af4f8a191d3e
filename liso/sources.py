"""Where each text of the reference content comes from, shown to the reader.

Every catalogue item (a werkvorm, a kernelement and its aandachtspunten, a struikelblok, a
phase, a reflection question, a preparation task, a role, a perspective, a checklist
question) names its source: one of the method's own texts, or the platform's own addition.
Where an item takes its core from the method but the platform adds parts (a duration, a
'wat werkt' list), those parts are named in `additions`, so a page can say what is the
method's and what is ours (docs/sources.md).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    HANDBOEK = "handboek", _("LISO-handboek")
    WEBSITE = "website", _("LISO-website")
    FACTSHEET = "factsheet", _("factsheet over publiek-private leernetwerken")
    TNO = "tno", _("TNO-pagina over leernetwerken")
    PLATFORM = "platform", _("eigen aanvulling van het platform")
    NETWERK = "netwerk", _("eigen werkvorm van een netwerk")


# The method's own texts, as opposed to what the platform or a network wrote.
METHOD = frozenset({Source.HANDBOEK, Source.WEBSITE, Source.FACTSHEET, Source.TNO})


class Addition(models.TextChoices):
    """A part of an item that the platform added to what the source says."""

    UITWERKING = "uitwerking", _("de uitwerking (wanneer, hoe en wat het oplevert)")
    DUUR = "duur", _("de duur")
    GROEPSGROOTTE = "groepsgrootte", _("de groepsgrootte")
    MATERIALEN = "materialen", _("de materialen")
    FASEN = "fasen", _("de fasen waarin hij past")
    KERNELEMENTEN = "kernelementen", _("de kernelementen waarbij hij past")
    UITLEG = "uitleg", _("de uitleg")
    WAT_WERKT = "wat-werkt", _("wat werkt")
    TIPS = "tips", _("de tips")
    ENKELE_TIPS = "enkele-tips", _("een deel van de tips")
    STELLING = "stelling", _("de stelling in de zelfscan")
    WERKVORMEN = "werkvormen", _("de werkvormen die erbij passen")
    OPBRENGSTEN = "opbrengsten", _("wat het oplevert")
    VRAGEN = "vragen", _("de vragen zelf")
    ROL = "rol", _("wie de taak doet")
    UREN = "uren", _("het aantal uren")
    TAKEN = "taken", _("een deel van de taken")
    VOORBEELDEN = "voorbeelden", _("de voorbeelden")


def validate_additions(value) -> None:
    wrong = (
        [code for code in value if code not in Addition.values]
        if isinstance(value, list)
        else [value]
    )
    if wrong:
        raise ValidationError(_("Kies uit: %(allowed)s") % {"allowed": ", ".join(Addition.values)})


class Sourced(models.Model):
    """An item of reference content that names its source (loaded from fixtures/)."""

    source = models.CharField(
        _("bron"), max_length=20, choices=Source.choices, default=Source.PLATFORM
    )
    source_detail = models.CharField(
        _("waar in de bron"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld het hoofdstuk of de pagina."),
    )
    additions = models.JSONField(
        _("aanvulling van het platform"),
        default=list,
        blank=True,
        help_text=_("Welke delen het platform zelf toevoegde aan wat de bron zegt."),
        validators=[validate_additions],
    )

    class Meta:
        abstract = True

    @property
    def from_method(self) -> bool:
        return self.source in METHOD

    @property
    def source_text(self) -> str:
        return source_text(self.source, self.source_detail)

    @property
    def additions_text(self) -> str:
        return additions_text(self.additions) if self.from_method else ""


def source_text(source: str, detail: str = "") -> str:
    """How a source reads: "LISO-handboek, hoofdstuk 6" or "eigen aanvulling van het platform"."""
    label = str(Source(source).label) if source in Source.values else source
    if source == Source.PLATFORM:
        return gettext("Eigen aanvulling van het platform, niet uit de LISO-bronnen")
    return f"{label}, {detail}" if detail else label


def additions_text(codes) -> str:
    """The platform's parts as one phrase: "de duur, de groepsgrootte en wat werkt"."""
    names = [str(Addition(code).label) for code in codes if code in Addition.values]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {gettext('en')} {names[-1]}"


def summary(items) -> dict:
    """One note for a list of items (the preparation tasks, the checklist): the sources
    they name, each once, and the platform's parts of any of them."""
    sources, additions = [], []
    for item in items:
        text = item.source_text
        if text not in sources:
            sources.append(text)
        if item.from_method:
            additions += [code for code in item.additions if code not in additions]
    method = any(item.from_method for item in items)
    return {
        "sources": sources,
        "from_method": method,
        "additions": additions_text(sorted(additions, key=Addition.values.index)),
    }
