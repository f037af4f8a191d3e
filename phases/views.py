from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from liso import method
from phases.models import Phase, PreparationStep, ReflectionPrompt
from werkvormen.models import LabelKind, Werkvorm

MORE_WERKVORMEN = 12  # beyond these, the page links to the library filtered on the phase


@login_not_required
def guide_phase(request, number):
    phase = get_object_or_404(Phase.objects.prefetch_related("werkvormen"), number=number)
    core = [werkvorm for werkvorm in phase.werkvormen.all() if werkvorm.network_id is None]
    more = list(
        Werkvorm.objects.shared()
        .with_label(LabelKind.FASE, number)
        .exclude(pk__in=[w.pk for w in core])
        .order_by("-shipped", "name")[: MORE_WERKVORMEN + 1]
    )
    numbers = method.Phase.values
    context = {
        "phase": phase,
        "core": core,
        "more": more[:MORE_WERKVORMEN],
        "more_in_library": len(more) > MORE_WERKVORMEN,
        "previous": number - 1 if number - 1 in numbers else None,
        "next": number + 1 if number + 1 in numbers else None,
        "title": f"{phase.number}. {phase.get_number_display()}",
    }
    return render(request, "phases/guide_phase.html", context)


@login_not_required
def guide_sessions(request):
    """How the method prepares a session: the timeline of tasks, and the questions of
    gelaagd leren for the reflection at the end."""
    steps = list(PreparationStep.objects.all())
    context = {
        "before": [step for step in steps if step.weeks < 0],
        "after": [step for step in steps if step.weeks > 0],
        "prompts": ReflectionPrompt.objects.exclude(level="").order_by("level", "order"),
        "title": _("Een bijeenkomst voorbereiden"),
    }
    return render(request, "phases/guide_sessions.html", context)
