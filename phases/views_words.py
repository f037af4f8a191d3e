"""The woordenlijst (the network's shared words, phase 1) and the leervragen (each
member's personal learning question, answered when looking back in phase 3).

Every member reads both and may add and change terms; a leervraag is personal, so only
its owner changes or deletes it (not even the trekker). Saving goes through the start-up's
editing kit: history, and a save from an outdated copy is told instead of lost."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from liso import method
from liso.pdf import pdf_response
from networks import history
from networks import permissions as P
from networks.editing import edit_page
from phases import reports_words, words
from phases.forms_words import LeervraagForm, TermForm, TermSearchForm
from phases.models import Leervraag, Term
from phases.sections import learning_crumb

LEERVRAGEN_PER_PAGE = 24


# --- woordenlijst ---------------------------------------------------------------------------


def _term_list_url(request) -> str:
    return reverse("term_list", args=[request.network.slug])


def _at_term(request):
    """After saving: back to the glossary, at the term just saved."""
    return lambda term: f"{_term_list_url(request)}#begrip-{term.pk}"


@vary_on_headers("HX-Request")
@P.network_permission_required(P.NETWORK_VIEW)
def term_list(request):
    """The whole glossary on one page (it is read as a whole), filed under letters; the
    search box narrows it down, and with htmx only the list is swapped."""
    search = TermSearchForm(request.GET or None)
    query = search.cleaned_data["zoek"] if search.is_valid() else ""
    terms = list(words.terms_matching(request.network, query))
    context = {
        "network": request.network,
        "title": _("Woordenlijst"),
        "search": search,
        "query": query,
        "terms": terms,
        "letters": words.by_letter(terms),
        **learning_crumb(request),
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "phases/term_list.html#results", context)
        address = request.path + (f"?{request.GET.urlencode()}" if query else "")
        return push_url(response, address)
    return render(request, "phases/term_list.html", context)


def _term_page(request, term: Term, title: str, *, delete_url=None):
    form = TermForm(request.POST or None, instance=term, network=request.network)
    intro = _(
        "Schrijf op wat jullie samen onder dit woord verstaan. Iedereen in het netwerk "
        "kan het aanvullen; eerdere versies blijven bewaard."
    )
    page = {
        "form": form,
        "title": title,
        "intro": intro,
        "delete_url": delete_url,
        "back_url": _term_list_url(request),
        "crumb": learning_crumb(request),
        "after_save": _at_term(request),
        "success": _("Het begrip is opgeslagen."),
    }
    try:
        return edit_page(request, **page)
    except IntegrityError as error:
        if "term_once_per_network" not in str(error):
            raise
        # Someone added the same word between the form's check and this save: tell it
        # beside the field, like the check itself does.
        form.add_error(
            "term",
            _(
                "Dit begrip is net door iemand anders toegevoegd. Kijk in "
                "de woordenlijst en vul het daar aan."
            ),
        )
        return edit_page(request, **page)


@P.network_permission_required(P.LEARNING_TAKE_PART)
def term_add(request):
    return _term_page(request, Term(network=request.network), _("Begrip toevoegen"))


@P.network_permission_required(P.LEARNING_TAKE_PART)
def term_edit(request, pk):
    term = P.object_in_network(request, Term, pk)
    delete_url = reverse("term_delete", args=[request.network.slug, term.pk])
    return _term_page(request, term, _("Begrip wijzigen"), delete_url=delete_url)


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def term_delete(request, pk):
    term = P.object_in_network(request, Term, pk)
    history.item_delete(instance=term, network=request.network, by=request.user)
    messages.success(request, _("“%(term)s” is uit de woordenlijst gehaald.") % {"term": term})
    return redirect("term_list", request.network.slug)


# A glossary is for everyone who takes part, to read and to hand out at a session: every
# member may print it, not only those who export the network's reports (reports.export).
@P.network_permission_required(P.NETWORK_VIEW)
def term_pdf(request):
    return pdf_response(*reports_words.glossary_pdf(request.network))


# --- leervragen -----------------------------------------------------------------------------


def _leervraag_list_url(request) -> str:
    return reverse("leervraag_list", args=[request.network.slug])


def _looking_back(network) -> bool:
    """In phase 3 (Samen vertalen) members write down what their answer turned out to be."""
    return network.current_phase == method.Phase.SAMEN_VERTALEN


@P.network_permission_required(P.NETWORK_VIEW)
def leervraag_list(request):
    """Everyone's leervragen side by side, the viewer's own first. Who has none is not
    pointed out: the page invites, it does not check."""
    leervragen = words.leervragen_for(request.network, request.membership)
    page = Paginator(leervragen, LEERVRAGEN_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "network": request.network,
        "title": _("Leervragen"),
        "page": page,
        "looking_back": _looking_back(request.network),
        # Own leervragen come first, so page 1 shows whether the viewer has written one.
        "has_own": bool(page.object_list) and page.object_list[0].mine == 0,
        **learning_crumb(request),
    }
    return render(request, "phases/leervraag_list.html", context)


def _leervraag_page(request, leervraag: Leervraag, title: str, *, intro: str, delete_url=None):
    form = LeervraagForm(request.POST or None, instance=leervraag, network=request.network)
    return edit_page(
        request,
        form=form,
        title=title,
        intro=intro,
        delete_url=delete_url,
        back_url=_leervraag_list_url(request),
        crumb=learning_crumb(request),
        success=_("Je leervraag is opgeslagen."),
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def leervraag_add(request):
    """A member writes a leervraag of their own; a later one (say, after starting again
    in phase 1) comes beside the earlier ones."""
    leervraag = Leervraag(network=request.network, owner=request.membership)
    intro = _(
        "Wat wil jij in dit netwerk leren? Houd het kort en persoonlijk. Je kunt je "
        "leervraag later altijd aanpassen."
    )
    return _leervraag_page(request, leervraag, _("Leervraag schrijven"), intro=intro)


def _own_leervraag(request, pk) -> Leervraag:
    """The member's own leervraag: anyone else, the trekker too, gets 403."""
    leervraag = P.object_in_network(request, Leervraag, pk)
    if not P.may_change_leervraag(request, leervraag):
        raise PermissionDenied
    return leervraag


@P.network_permission_required(P.LEARNING_TAKE_PART)
def leervraag_edit(request, pk):
    leervraag = _own_leervraag(request, pk)
    if _looking_back(request.network):
        intro = _(
            "Jullie zitten in de fase Samen vertalen. Kijk terug: wat weet je nu over je "
            "leervraag? Schrijf het op bij ‘wat het antwoord bleek te zijn’."
        )
    else:
        intro = _(
            "Scherp je leervraag gerust aan als je meer weet. Eerdere versies blijven bewaard."
        )
    delete_url = reverse("leervraag_delete", args=[request.network.slug, leervraag.pk])
    return _leervraag_page(
        request, leervraag, _("Leervraag wijzigen"), intro=intro, delete_url=delete_url
    )


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def leervraag_delete(request, pk):
    leervraag = _own_leervraag(request, pk)
    history.item_delete(instance=leervraag, network=request.network, by=request.user)
    messages.success(request, _("Je leervraag is verwijderd."))
    return redirect("leervraag_list", request.network.slug)
