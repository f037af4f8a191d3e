"""The LISO guide's own navigation (/werkwijze/)."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from liso import method

register = template.Library()

_guide_menus: dict[tuple[str, bool], list] = {}


@register.inclusion_tag("kernelements/guide/_navigation.html", takes_context=True)
def guide_navigation(context):
    """The LISO guide's own menu. The vocabulary comes from liso.method, so building it
    costs no query; the pages are found by URL name. The menu
    never changes while the server runs, so it is built once per language."""
    request = context["request"]
    key = (get_language() or "", request.user.is_authenticated)
    if key not in _guide_menus:
        _guide_menus[key] = _build_guide_menu(members=key[1])
    return {"groups": _guide_menus[key], "current": request.path}


def _build_guide_menu(*, members: bool) -> list:
    return [
        ("", [(_("Overzicht"), reverse("guide"))]),
        (
            _("Fasen"),
            [
                (f"{p.value}. {p.label}", reverse("guide_phase", args=[p.value]))
                for p in method.Phase
            ],
        ),
        (
            _("Kernelementen"),
            [(k.label, reverse("guide_kernelement", args=[k.value])) for k in method.Kernelement],
        ),
        (
            _("Meer"),
            [
                (_("Struikelblokken"), reverse("guide_struikelblokken")),
                (_("Starten en afsluiten"), reverse("guide_checklists")),
                (_("Een bijeenkomst voorbereiden"), reverse("guide_sessions")),
                (_("Rollen en perspectieven"), reverse("guide_roles")),
                (_("Publiek-private netwerken"), reverse("guide_dimensions")),
                *([(_("Werkvormen"), reverse("werkvorm_list"))] if members else []),
            ],
        ),
    ]
