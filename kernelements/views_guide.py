"""The LISO guide (/werkwijze/): the method on public pages, in our own words. The phases,
the kernelementen with their aandachtspunten, the struikelblokken, preparing a session,
roles and perspectives, starting and closing, and public-private networks; all reference
content from fixtures/, for everyone, logged in or not.

A guide page's content is kept rendered per catalogue version (guide/base.html), so what
the content shows is read lazily: querysets, and SimpleLazyObject for what is computed from
them. A page served from that cache reads the catalogue's version and the object its URL
names (to answer 404 for an unknown one), nothing more.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from bijeenkomsten.models import PreparationStep
from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from liso import method
from networks.models import ChecklistItem, PerspectiveProfile, RoleProfile
from phases.models import Phase, ReflectionPrompt
from werkvormen.models import LabelKind, Werkvorm

MORE_WERKVORMEN = 12  # beyond these, the page links to the library filtered on the phase


@login_not_required
def guide(request):
    """The start of the LISO guide: the method on one page, with a way into every part."""
    context = {
        "phases": Phase.objects.all(),
        "kernelementen": Kernelement.objects.all(),
        "struikelblokken": Struikelblok.objects.all(),
        "title": _("De LISO-werkwijze"),
    }
    return render(request, "kernelements/guide/index.html", context)


@login_not_required
def guide_kernelement(request, code):
    kernelement = get_object_or_404(Kernelement, code=code)
    aandachtspunten = Aandachtspunt.objects.filter(kernelement=kernelement).prefetch_related(
        "werkvormen"
    )
    context = {
        "kernelement": kernelement,
        "aandachtspunten": aandachtspunten,
        "struikelblokken": kernelement.struikelblokken.all(),
        "review_questions": ReflectionPrompt.objects.filter(kernelement=kernelement.code),
        "title": kernelement.get_code_display(),
    }
    return render(request, "kernelements/guide/kernelement.html", context)


@login_not_required
def guide_struikelblokken(request):
    context = {"struikelblokken": Struikelblok.objects.all(), "title": _("Struikelblokken")}
    return render(request, "kernelements/guide/struikelblokken.html", context)


@login_not_required
def guide_struikelblok(request, code):
    struikelblok = get_object_or_404(Struikelblok, code=code)
    context = {
        "struikelblok": struikelblok,
        "werkvormen": SimpleLazyObject(lambda: list(struikelblok.werkvormen.all())),
        "title": struikelblok.title,
    }
    return render(request, "kernelements/guide/struikelblok.html", context)


@login_not_required
def guide_phase(request, number):
    phase = get_object_or_404(Phase, number=number)
    core = SimpleLazyObject(lambda: list(phase.werkvormen.filter(network__isnull=True)))
    more = SimpleLazyObject(
        lambda: list(
            Werkvorm.objects.shared()
            .with_label(LabelKind.FASE, number)
            .exclude(pk__in=[w.pk for w in core])
            .order_by("-shipped", "name")[: MORE_WERKVORMEN + 1]
        )
    )
    numbers = method.Phase.values
    context = {
        "phase": phase,
        "core": core,
        "more": SimpleLazyObject(lambda: more[:MORE_WERKVORMEN]),
        "more_in_library": SimpleLazyObject(lambda: len(more) > MORE_WERKVORMEN),
        "previous": number - 1 if number - 1 in numbers else None,
        "next": number + 1 if number + 1 in numbers else None,
        "title": f"{phase.number}. {phase.get_number_display()}",
    }
    return render(request, "kernelements/guide/phase.html", context)


@login_not_required
def guide_sessions(request):
    """How the method prepares a session: the timeline of tasks, and the questions of
    gelaagd leren for the reflection at the end."""
    steps = SimpleLazyObject(lambda: list(PreparationStep.objects.all()))
    prompts = SimpleLazyObject(
        lambda: list(ReflectionPrompt.objects.exclude(level="").order_by("level", "order"))
    )
    context = {
        "steps": steps,
        "before": SimpleLazyObject(lambda: [step for step in steps if step.weeks < 0]),
        "after": SimpleLazyObject(lambda: [step for step in steps if step.weeks > 0]),
        "prompts": prompts,
        # The method's questions name the source; the platform's own are marked one by one.
        "prompts_from_method": SimpleLazyObject(
            lambda: [prompt for prompt in prompts if prompt.from_method]
        ),
        "title": _("Een bijeenkomst voorbereiden"),
    }
    return render(request, "kernelements/guide/sessions.html", context)


@login_not_required
def guide_roles(request):
    context = {
        "roles": RoleProfile.objects.all(),
        "perspectives": PerspectiveProfile.objects.all(),
        "title": _("Rollen en perspectieven"),
    }
    return render(request, "kernelements/guide/roles.html", context)


@login_not_required
def guide_checklists(request):
    """Before starting: is a learning network the right form? When closing: is what the
    network achieved anchored?"""
    items = SimpleLazyObject(lambda: list(ChecklistItem.objects.all()))
    context = {
        "start": SimpleLazyObject(lambda: _on_checklist(items, ChecklistItem.Checklist.START)),
        "closing": SimpleLazyObject(
            lambda: _on_checklist(items, ChecklistItem.Checklist.AFSLUITING)
        ),
        "title": _("Starten en afsluiten"),
    }
    return render(request, "kernelements/guide/checklists.html", context)


def _on_checklist(items, checklist) -> list:
    return [item for item in items if item.checklist == checklist]


@login_not_required
def guide_dimensions(request):
    """The guide's page on public-private networks: five dimensions, two werkvormen each."""
    context = {
        "rows": SimpleLazyObject(_dimension_rows),
        "title": _("Publiek-private leernetwerken"),
    }
    return render(request, "kernelements/guide/dimensions.html", context)


def _dimension_rows() -> list[dict]:
    # The method's own pairs: the shipped werkvormen, not ones a platform added.
    werkvormen = (
        Werkvorm.objects.filter(shipped=True, labels__kind=LabelKind.DIMENSIE)
        .prefetch_related("labels")
        .distinct()
    )
    by_dimension = {}
    for werkvorm in werkvormen:
        for dimension in werkvorm.label_values(LabelKind.DIMENSIE):
            for stage in werkvorm.label_values(LabelKind.STADIUM):
                by_dimension.setdefault(dimension, {}).setdefault(stage, []).append(werkvorm)
    return [
        {
            "dimension": dimension,
            "poles": method.DIMENSION_POLES[dimension],
            "bij_start": by_dimension.get(dimension.value, {}).get(method.Stage.BIJ_START, []),
            "lopend": by_dimension.get(dimension.value, {}).get(method.Stage.LOPEND, []),
        }
        for dimension in method.Dimension
    ]
