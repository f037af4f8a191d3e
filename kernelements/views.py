from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from phases.models import Phase, ReflectionPrompt


@login_not_required
def guide(request):
    """The start of the LISO guide: the method on one page, with a way into every part."""
    context = {
        "phases": Phase.objects.all(),
        "kernelementen": Kernelement.objects.all(),
        "struikelblokken": Struikelblok.objects.all(),
        "title": _("De LISO-werkwijze"),
    }
    return render(request, "kernelements/guide.html", context)


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
    return render(request, "kernelements/guide_kernelement.html", context)


@login_not_required
def guide_struikelblokken(request):
    context = {"struikelblokken": Struikelblok.objects.all(), "title": _("Struikelblokken")}
    return render(request, "kernelements/guide_struikelblokken.html", context)


@login_not_required
def guide_struikelblok(request, code):
    struikelblok = get_object_or_404(
        Struikelblok.objects.prefetch_related("kernelementen", "werkvormen"), code=code
    )
    context = {"struikelblok": struikelblok, "title": struikelblok.title}
    return render(request, "kernelements/guide_struikelblok.html", context)
