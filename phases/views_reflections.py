"""Reflections: a member's own (private until shared), the network's shared ones, and a
quick one from the home page. Someone else's private reflection does not exist for
anyone else: not its text, not its page (404); those who lead the learning see only how
many there are."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liso import method
from networks import permissions as P
from networks.editing import save_form
from phases.forms import ReflectionForm
from phases.models import Reflection
from phases.sections import learning_crumb

PER_PAGE = 20


def _about(request, data) -> dict:
    """What a new reflection is about, from ?bijeenkomst= or ?experiment= (of this
    network only); nothing: the network itself."""
    network = request.network
    session = data.get("bijeenkomst", "")
    if session.isdigit():
        return {"session": get_object_or_404(network.sessions, pk=session)}
    experiment = data.get("experiment", "")
    if experiment.isdigit():
        return {"experiment": get_object_or_404(network.experiments, pk=experiment)}
    return {}


def _private_counts(network) -> dict:
    """How many reflections are kept private, per level: numbers only, never text."""
    private = Q(reflections__shared_at=None)
    levels = {
        value: Count("reflections", filter=private & Q(reflections__level=value))
        for value in method.ReflectionLevel.values
    }
    counted = (
        type(network)
        .objects.filter(pk=network.pk)
        .aggregate(total=Count("reflections", filter=private), **levels)
    )
    return {
        "total": counted.pop("total"),
        "levels": [
            (method.REFLECTION_LEVEL_SHORT[value], counted[value])
            for value in method.ReflectionLevel.values
        ],
    }


@P.network_permission_required(P.NETWORK_VIEW)
def reflection_list(request):
    """Mine (private and shared) or the network's shared ones (?van=netwerk)."""
    network = request.network
    shared_view = request.GET.get("van") == "netwerk"
    reflections = network.reflections.select_related("author__user", "session", "experiment")
    if shared_view:
        reflections = reflections.shared()
    else:
        reflections = reflections.filter(author=request.membership)
    page = Paginator(reflections, PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "network": network,
        "page": page,
        "shared_view": shared_view,
        "private": _private_counts(network) if P.LEARNING_MANAGE in request.network_perms else None,
        "title": _("Reflecties"),
        **learning_crumb(request),
    }
    return render(request, "phases/reflection_list.html", context)


def _saved(request, form, next_url):
    """Save a posted reflection and go to `next_url`; None to show the form again (with
    its errors, or because another tab saved this reflection since it was opened)."""
    return save_form(
        request,
        form,
        next_url=next_url,
        success=lambda reflection: (
            _("Je reflectie is gedeeld met het netwerk.")
            if reflection.is_shared
            else _("Je reflectie is bewaard. Alleen jij kunt hem lezen.")
        ),
    )


def _form_page(request, form, title, about, action=""):
    if not action and (
        saved := _saved(request, form, reverse("reflection_list", args=[request.network.slug]))
    ):
        return saved
    instance = form.instance
    delete_url = (
        reverse("reflection_delete", args=[request.network.slug, instance.pk])
        if instance.pk
        else None
    )
    context = {
        "network": request.network,
        "form": form,
        "title": title,
        "lead": f"{_about_line(about)} {_('Een paar zinnen is genoeg.')}",
        "action": action,
        "submit_label": _("Bewaren"),
        "delete_url": delete_url,
        "delete_label": _("Reflectie verwijderen"),
        "back_url": reverse("reflection_list", args=[request.network.slug]),
        **learning_crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


def _about_line(about) -> str:
    if session := about.get("session"):
        return _("Over de bijeenkomst “%(theme)s”.") % {"theme": session.theme}
    if experiment := about.get("experiment"):
        return _("Over het experiment “%(title)s”.") % {"title": experiment.title}
    return _("Over het netwerk en wat je daarin leert.")


@P.network_permission_required(P.LEARNING_TAKE_PART)
def reflection_add(request):
    about = _about(request, request.GET)
    instance = Reflection(network=request.network, author=request.membership, **about)
    form = ReflectionForm(request.POST or None, instance=instance)
    return _form_page(request, form, _("Reflectie schrijven"), about)


def _own(request, pk) -> Reflection:
    """One's own reflection; anyone else's is not found, shared or not (the shared ones
    are read on the list; only their author changes them)."""
    own = request.network.reflections.filter(author=request.membership)
    return get_object_or_404(own.select_related("session", "experiment"), pk=pk)


@P.network_permission_required(P.LEARNING_TAKE_PART)
def reflection_edit(request, pk):
    reflection = _own(request, pk)
    pairs = (("session", reflection.session), ("experiment", reflection.experiment))
    about = {key: value for key, value in pairs if value}
    form = ReflectionForm(request.POST or None, instance=reflection)
    return _form_page(request, form, _("Reflectie wijzigen"), about)


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def reflection_delete(request, pk):
    _own(request, pk).delete()
    messages.success(request, _("Je reflectie is verwijderd."))
    return redirect("reflection_list", request.network.slug)


@require_POST
def reflection_quick(request):
    """From the home page: a reflection in under a minute, in one of one's networks."""
    networks = {n.slug: n for n in P.networks_with(request.user, P.LEARNING_TAKE_PART)}
    network = networks.get(request.POST.get("netwerk", ""))
    if network is None:
        messages.error(request, _("Kies een van je netwerken voor je reflectie."))
        return redirect("home")
    membership = network.memberships.select_related("network").get(user=request.user, left_on=None)
    form = ReflectionForm(request.POST, instance=Reflection(network=network, author=membership))
    if saved := _saved(request, form, reverse("home")):
        return saved
    # Shown again as the network's own reflection page, with what was typed kept; the next
    # try goes to that page.
    request.membership, request.network = membership, network
    request.network_perms = P.permissions_for(membership)
    action = reverse("reflection_add", args=[network.slug])
    return _form_page(request, form, _("Reflectie schrijven"), {}, action=action)
