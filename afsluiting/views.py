"""The closing path (/netwerken/<slug>/afsluiten/): five steps like the start-up. Every
member reads them and chooses which of their shared reflections go into the reisverslag;
the trekker fills them in and closes the network, and may reopen it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from afsluiting import closing as C
from afsluiting import forms, services
from afsluiting.models import Safeguard
from liso import method
from liso.markdown import render_markdown
from liso.notifications import base_url_of
from liso.pdf import pdf_response
from networks import permissions as P
from networks.editing import edit_page
from networks.history import ConflictError
from networks.models import Organisation
from phases.models import Reflection

CONFLICT = gettext_lazy(
    "Iemand anders heeft dit intussen opgeslagen. Je keuze is nog niet bewaard: bekijk de "
    "pagina opnieuw en kies dan nog eens."
)


def section(request) -> dict:
    """The afsluiting as the breadcrumb's level between the network and the page."""
    return {
        "section_label": _("Afsluiting"),
        "section_url": reverse("closing_path", args=[request.network.slug]),
    }


def _page(request, template, title, closing, status=200, steps=None, **context):
    context = {
        "network": request.network,
        "closing": closing,
        "steps": steps or C.path_states(request.network, closing),
        "title": title,
        **section(request),
        **context,
    }
    return render(request, template, context, status=status)


def _step_form(request, step_url: str, form, save, success: str):
    """The POST of a form on a step page: save it, or say what is wrong. Returns a
    redirect when saved, None to show the page again with the form."""
    if request.method != "POST":
        return None
    P.require(request, P.CLOSING_MANAGE)
    if not form.is_valid():
        return None
    try:
        save(form)
    except ConflictError:
        form.add_error(None, CONFLICT)
        return None
    messages.success(request, success)
    return redirect(step_url, request.network.slug)


def _form_if_manages(request, form_class, closing):
    if P.CLOSING_MANAGE not in request.network_perms:
        return None
    return form_class(request.POST or None, instance=closing, network=request.network)


def _save(request):
    return lambda form: services.closing_save(form=form, network=request.network, by=request.user)


@P.network_permission_required(P.NETWORK_VIEW)
def closing_path(request):
    closing = C.closing_of(request.network)
    steps = C.path_states(request.network, closing)
    done = sum(1 for state in steps if state.status == "done")
    next_step = next((state for state in steps if state.status != "done"), None)
    return _page(
        request,
        "afsluiting/path.html",
        _("Afsluiting"),
        closing,
        steps=steps,
        done=done,
        next=next_step,
        percent=round(100 * done / len(steps)),
    )


@P.network_permission_required(P.NETWORK_VIEW)
def closing_moment(request):
    closing = C.closing_of(request.network)
    form = _form_if_manages(request, forms.MomentForm, closing)
    saved = _step_form(
        request, "closing_moment", form, _save(request), _("Het moment is vastgelegd.")
    )
    return saved or _page(
        request,
        "afsluiting/moment.html",
        _("Het goede moment"),
        closing,
        step="moment",
        form=form,
        ends=C.loose_ends(request.network),
    )


@P.network_permission_required(P.NETWORK_VIEW)
def closing_safeguards(request):
    closing = C.closing_of(request.network)
    return _page(
        request,
        "afsluiting/safeguards.html",
        _("Borging"),
        closing,
        step="borging",
        table=C.safeguard_table(request.network),
        can_edit=P.CLOSING_MANAGE in request.network_perms,
    )


def _safeguard_subject(request, kind: str, pk: int) -> tuple[dict, object]:
    network = request.network
    if kind == "product":
        product = get_object_or_404(network.products.all(), pk=pk)
        return {"product": product, "organisation": None}, product
    if kind == "organisatie":
        organisation = get_object_or_404(
            Organisation.objects.filter(pk__in=[o.pk for o in C.member_organisations(network)]),
            pk=pk,
        )
        return {"organisation": organisation, "product": None}, organisation
    raise Http404


@P.network_permission_required(P.CLOSING_MANAGE)
def closing_safeguard_edit(request, kind, pk):
    network = request.network
    subject, shown = _safeguard_subject(request, kind, pk)
    saved = {s.question: s for s in network.safeguards.filter(**subject)}
    form = forms.SafeguardForm(
        request.POST or None,
        answers=[saved.get(question) for question in Safeguard.Question.values],
        caretakers=network.memberships.filter(left_on__isnull=True)
        .select_related("user")
        .order_by("user__full_name"),
    )
    if request.method == "POST" and form.is_valid():
        services.safeguards_save(
            network=network, subject=subject, answers=form.answers(), by=request.user
        )
        messages.success(request, _("De borging van “%(name)s” is bewaard.") % {"name": shown})
        return redirect("closing_safeguards", network.slug)
    closing = C.closing_of(network)
    title = _("Borging: %(name)s") % {"name": shown}
    return _page(
        request,
        "afsluiting/safeguard_edit.html",
        title,
        closing,
        step="borging",
        form=form,
        subject=shown,
        is_product=kind == "product",
    )


@P.network_permission_required(P.NETWORK_VIEW)
def closing_story(request):
    network = request.network
    closing = C.closing_of(network)
    own = []
    if P.LEARNING_TAKE_PART in request.network_perms:
        own = C.own_shared_reflections(network, request.membership)
    return _page(
        request,
        "afsluiting/story.html",
        _("Reisverslag"),
        closing,
        step="reisverslag",
        story=render_markdown(closing.story),
        crucial_moments=render_markdown(closing.crucial_moments),
        lessons=[(p.label, closing.lesson(p.value)) for p in method.Perspective],
        chosen=C.chosen_reflections(network),
        own=own,
    )


@P.network_permission_required(P.CLOSING_MANAGE)
def closing_story_edit(request):
    network = request.network
    form = forms.StoryForm(request.POST or None, instance=C.closing_of(network), network=network)
    return edit_page(
        request,
        form=form,
        title=_("Reisverslag schrijven"),
        intro=_(
            "Het eerste concept komt uit wat het netwerk vastlegde: de fasen, bijeenkomsten, "
            "experimenten, kennisproducten en besluiten. Maak er jullie eigen verhaal van."
        ),
        back_url=reverse("closing_story", args=[network.slug]),
        success=_("Het reisverslag is bewaard."),
        crumb=section(request),
    )


@P.network_permission_required(P.NETWORK_VIEW)
def closing_story_pdf(request):
    return pdf_response(*C.reisverslag_pdf(request.network))


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def closing_reflection_choose(request, pk):
    """The author puts one of their shared reflections in the reisverslag, or out."""
    reflection = get_object_or_404(
        Reflection.objects.shared(), pk=pk, network=request.network, author=request.membership
    )
    chosen = request.POST.get("keuze") == "opnemen"
    services.reflection_choose(reflection=reflection, chosen=chosen)
    text = (
        _("Je reflectie staat in het reisverslag.")
        if chosen
        else _("Je reflectie is uit het reisverslag gehaald.")
    )
    messages.success(request, text)
    return redirect(reverse("closing_story", args=[request.network.slug]) + "#mijn-reflecties")


@P.network_permission_required(P.NETWORK_VIEW)
def closing_last_session(request):
    network = request.network
    closing = C.closing_of(network)
    form = _form_if_manages(request, forms.LastSessionForm, closing)
    saved = _step_form(
        request, "closing_last_session", form, _save(request), _("De keuze is bewaard.")
    )
    plan_url = None
    if P.SESSIONS_CHANGE in request.network_perms:
        query = urlencode({"thema": _("Afsluiting: we vieren wat we bereikten")})
        plan_url = reverse("session_create", args=[network.slug]) + "?" + query
    return saved or _page(
        request,
        "afsluiting/last_session.html",
        _("De laatste bijeenkomst"),
        closing,
        step="laatste-bijeenkomst",
        form=form,
        plan_url=plan_url,
    )


@P.network_permission_required(P.NETWORK_VIEW)
def closing_close(request):
    network = request.network
    if request.method == "POST" and network.is_closed:  # a double click: the first closed it
        messages.info(request, _("Het netwerk was al afgesloten."))
        return redirect("closing_path", network.slug)
    closing = C.closing_of(network)
    form = None
    if P.CLOSING_MANAGE in request.network_perms:
        form = forms.CloseForm(request.POST or None, instance=closing, network=network)

    def close(form):
        count = services.network_close(
            form=form, network=network, by=request.user, base_url=base_url_of(request)
        )
        messages.success(
            request,
            _("Het netwerk is afgesloten. We sturen de %(n)s leden een mail met het reisverslag.")
            % {"n": count},
        )

    saved = _step_form(request, "closing_path", form, close, "")
    return saved or _close_page(request, closing, form=form)


def _close_page(request, closing, form=None, reopen_form=None, status=200):
    if reopen_form is None and request.network.is_closed:
        reopen_form = forms.ReopenForm(instance=closing, network=request.network)
    return _page(
        request,
        "afsluiting/close.html",
        _("Afsluiten"),
        closing,
        status=status,
        step="afsluiten",
        form=form,
        reopen_form=reopen_form,
        ends=C.loose_end_counts(request.network),
    )


@require_POST
@P.network_permission_required(P.NETWORK_ARCHIVE)
def closing_reopen(request):
    network = request.network
    if not network.is_closed:  # a double click, or an old tab: it is open already
        messages.info(request, _("Het netwerk was al heropend."))
        return redirect("closing_path", network.slug)
    closing = C.closing_of(network)
    form = forms.ReopenForm(request.POST, instance=closing, network=network)
    if form.is_valid():
        try:
            services.network_reopen(form=form, network=network, by=request.user)
        except ConflictError:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, _("Het netwerk is heropend. Iedereen kan weer verder."))
            return redirect("closing_path", network.slug)
    return _close_page(request, closing, reopen_form=form, status=400)
