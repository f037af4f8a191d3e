from datetime import date

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liso import uploads
from liso.links import url_pattern
from liso.pdf import pdf_response
from networks import permissions as P
from networks.history import readable_revisions
from networks.models import ChecklistItem, Network, Suitability
from opstart import documents, forms, services
from opstart.editing import section, startup_edit_page
from opstart.models import Agreement, BudgetLine, Infrastructure, Startnotitie, Step
from opstart.organogram import organogram


def _page(request, template, title, **context):
    """A start-up page: the network, the path's steps (for the step list) and the rest."""
    if "steps" not in context:
        context["steps"] = services.startup_path(request.network)
    return render(
        request,
        template,
        {"network": request.network, "title": title, **section(request), **context},
    )


@P.network_permission_required(P.STARTUP_VIEW)
def path(request):
    steps = services.startup_path(request.network)
    done = sum(1 for state in steps if state.status == "done")
    return _page(
        request,
        "opstart/path.html",
        _("Opstart"),
        steps=steps,
        next=services.next_step(steps),
        done=done,
        percent=round(100 * done / len(steps)),
    )


@require_POST
@P.network_permission_required(P.STARTUP_CHANGE)
def step_mark(request, step):
    if step not in Step.values or step == Step.OVEREENKOMST:  # that one is done by signing
        raise Http404
    done = request.POST.get("klaar") == "ja"
    services.step_mark(network=request.network, step=Step(step), done=done, by=request.user)
    label = Step(step).label
    text = _("“%(step)s” staat op klaar.") if done else _("“%(step)s” staat weer open.")
    messages.success(request, text % {"step": label})
    back = services.STEP_URLS[Step(step)] if request.POST.get("terug") == "stap" else "opstart_path"
    return redirect(back, request.network.slug)


@P.network_permission_required(P.STARTUP_VIEW)
def suitability(request):
    network = request.network
    criteria = list(ChecklistItem.objects.filter(checklist=ChecklistItem.Checklist.START))
    form = forms.SuitabilityForm(
        request.POST or None, criteria=criteria, initial={"criteria": network.suitability}
    )
    if request.method == "POST":
        P.require(request, P.STARTUP_CHANGE)
        if form.is_valid():
            network.suitability = form.cleaned_data["criteria"]
            network.save(update_fields=["suitability"])
            services.mark_started(network)
            messages.success(request, _("De check is opgeslagen."))
            return redirect("opstart_suitability", network.slug)
    return _page(
        request,
        "opstart/suitability.html",
        Step.GESCHIKTHEID.label,
        form=form,
        criteria=criteria,
        check=Suitability.of(criteria, network.suitability),
        step=Step.GESCHIKTHEID,
    )


@P.network_permission_required(P.STARTUP_TALKS)
def talks(request):
    return _page(
        request,
        "opstart/talks.html",
        Step.GESPREKKEN.label,
        talks=request.network.talks.all(),
        step=Step.GESPREKKEN,
    )


@P.network_permission_required(P.STARTUP_VIEW)
def startnotitie(request):
    context = documents.startnotitie_context(request.network)
    return _page(
        request,
        "opstart/startnotitie.html",
        Step.STARTNOTITIE.label,
        step=Step.STARTNOTITIE,
        editable=P.STARTUP_CHANGE in request.network_perms,
        **context,
    )


def _document_edit(request, model, form_class, title, back, **options):
    instance = services.document_for(request.network, model)
    form = form_class(request.POST or None, instance=instance, network=request.network)
    back_url = reverse(back, args=[request.network.slug])
    return startup_edit_page(request, form=form, title=title, back_url=back_url, **options)


@P.network_permission_required(P.STARTUP_CHANGE)
def startnotitie_edit(request):
    return _document_edit(
        request,
        Startnotitie,
        forms.StartnotitieForm,
        _("Startnotitie bewerken"),
        "opstart_startnotitie",
        intro=_(
            "De startnotitie legt uit waarom dit netwerk nodig is en hoe "
            "het gaat werken. Schrijf voor een lezer die er nog niets van "
            "weet, zoals een bestuurder of een financier."
        ),
    )


@P.network_permission_required(P.REPORTS_EXPORT)
def startnotitie_pdf(request):
    return pdf_response(*documents.startnotitie_pdf(request.network))


@P.network_permission_required(P.STARTUP_VIEW)
def agendas(request):
    today = date.today()
    agendas = [
        (agenda, goals, documents.agenda_progress(goals, today))
        for agenda, goals in documents.goals_by_agenda(request.network)
    ]
    return _page(
        request,
        "opstart/agendas.html",
        Step.AGENDAS.label,
        step=Step.AGENDAS,
        agendas=agendas,
        today=today,
        can_edit=P.AGENDAS_CHANGE in request.network_perms,
        edit_urls=_edit_urls(
            request.network, goal="opstart_goal_edit", milestone="opstart_milestone_add"
        ),
    )


@P.network_permission_required(P.STARTUP_VIEW)
def money(request):
    network = request.network
    funders = list(network.funders.all())
    fees = list(network.fees.select_related("organisation"))
    lines = list(network.budget_lines.all())
    kinds = {value: str(label) for value, label in BudgetLine.Kind.choices}
    for line in lines:  # the label once per kind, not per line and use
        line.kind_label = kinds[line.kind]
    overview = services.money_overview(
        network,
        funders=funders,
        fees=fees,
        lines=lines,
        # Only what the hours per organisation need: no user per member.
        members=network.memberships.filter(left_on__isnull=True)
        .select_related("organisation")
        .only("hours_per_week", "organisation__name"),
    )
    return _page(
        request,
        "opstart/money.html",
        Step.GELD.label,
        step=Step.GELD,
        funders=funders,
        fees=fees,
        lines=lines,
        overview=overview,
        weeks=services.WORKING_WEEKS_PER_YEAR,
        can_edit=P.MONEY_CHANGE in request.network_perms,
        edit_urls=_edit_urls(
            network,
            funder="opstart_funder_edit",
            fee="opstart_fee_edit",
            line="opstart_budget_edit",
        ),
    )


def _edit_urls(network, **names) -> dict[str, str]:
    """The edit page of each kind of row, reversed once per page with a placeholder id
    (the template's `with_id` fills in the row's), not once per row."""
    return {kind: url_pattern(name, network.slug) for kind, name in names.items()}


@P.network_permission_required(P.STARTUP_VIEW)
def infrastructure(request):
    network = request.network
    infra = services.document_for(network, Infrastructure)
    members = list(
        services.active_memberships(network)
        .prefetch_related("roles")
        .order_by("organisation__name", "user__full_name")
    )
    return _page(
        request,
        "opstart/infrastructure.html",
        Step.INFRASTRUCTUUR.label,
        step=Step.INFRASTRUCTUUR,
        infra=infra,
        members=members,
        planned=network.planned_sessions.select_related("venue"),
        venues=network.venues.all(),
        organogram=organogram(network, members, infra.penvoerder_id),
        can_plan=P.PLANNING_CHANGE in request.network_perms,
        edit_urls=_edit_urls(network, planned="opstart_planned_edit", venue="opstart_venue_edit"),
    )


@P.network_permission_required(P.COMMUNICATION_CHANGE)
def communication_edit(request):
    return _document_edit(
        request,
        Infrastructure,
        forms.CommunicationForm,
        _("Communicatie"),
        "opstart_infrastructure",
    )


@P.network_permission_required(P.STARTUP_CHANGE)
def governance_edit(request):
    return _document_edit(
        request,
        Infrastructure,
        forms.GovernanceForm,
        _("Besluitvorming"),
        "opstart_infrastructure",
        intro=_(
            "Spreek vooraf af hoe jullie besluiten nemen. Dan weet "
            "iedereen waar hij aan toe is als het spannend "
            "wordt. De penvoerder is de partij die de besluiten neemt, "
            "nadat gehoord is wie jullie hier noemen."
        ),
    )


@P.network_permission_required(P.STARTUP_VIEW)
def agreement(request):
    """The last step: the choices, who has signed, and the scan of the signed paper."""
    network = request.network
    latest = services.latest_agreement_change(network)
    signing = services.signing_for(network)
    own = request.membership.organisation_id
    return _page(
        request,
        "opstart/agreement.html",
        Step.OVEREENKOMST.label,
        step=Step.OVEREENKOMST,
        signing=signing,
        # The party this member may sign for online, while it has not signed.
        own_party=next(
            (
                organisation
                for organisation, signature in signing.parties
                if organisation.pk == own and not signature and P.may_sign_for(request, own)
            ),
            None,
        ),
        agreement=services.document_for(network, Agreement),
        latest_change=latest.pk if latest else 0,
    )


@P.network_permission_required(P.STARTUP_VIEW)
def agreement_text(request):
    """The whole agreement as composed from the network's data, as in the PDF."""
    context = documents.agreement_context(request.network)
    return render(
        request,
        "opstart/agreement_text.html",
        {**context, **section(request), "title": _("Tekst van de samenwerkingsovereenkomst")},
    )


@P.network_permission_required(P.STARTUP_CHANGE)
def agreement_edit(request):
    return _document_edit(
        request,
        Agreement,
        forms.AgreementForm,
        _("Afspraken in de overeenkomst"),
        "opstart_agreement",
        intro=_(
            "De meeste artikelen van de overeenkomst komen uit wat jullie "
            "al hebben vastgelegd. Hier kies je wat er nog ontbreekt: "
            "wie eigenaar is van wat het netwerk maakt, en de overige "
            "afspraken."
        ),
    )


@P.network_permission_required(P.REPORTS_EXPORT)
def agreement_pdf(request):
    return pdf_response(*documents.agreement_pdf(request.network))


def _party(request, organisation):
    """An organisation that takes part in this network (others cannot sign here)."""
    for party in services.participating_organisations(request.network):
        if party.pk == organisation:
            return party
    raise Http404


@P.network_permission_required(P.STARTUP_CHANGE)
def sign(request, organisation):
    network = request.network
    party = _party(request, organisation)
    if network.signatures.filter(organisation=party).exists():
        return _already_signed(request, party)
    form = forms.SignatureForm(request.POST or None, initial={"signed_on": date.today()})
    if request.method == "POST" and form.is_valid():
        return _signed(
            request,
            party,
            lambda: services.signature_record(
                network=network, organisation=party, by=request.user, **form.cleaned_data
            ),
            _("De handtekening van %(name)s is vastgelegd.") % {"name": party.name},
        )
    context = {
        "network": network,
        "title": _("Handtekening vastleggen"),
        "form": form,
        "party": party,
        "missing": services.agreement_gaps(network),
        **section(request),
    }
    return render(request, "opstart/sign.html", context)


@P.network_permission_required(P.STARTUP_SIGN)
def sign_online(request, organisation):
    """A representative signs for their own organisation: the whole text on the page,
    and their word under it. When the text changed after they opened the page, they are
    told and nothing is recorded."""
    network = request.network
    context = documents.agreement_context(network)
    party = next((org for org, _s, _m in context["parties"] if org.pk == organisation), None)
    if party is None:
        raise Http404
    if not P.may_sign_for(request, party.pk):
        raise PermissionDenied
    if any(signature for org, signature, _m in context["parties"] if org.pk == party.pk):
        return _already_signed(request, party)
    body, fingerprint = documents.agreement_body(context)
    form = forms.OnlineSignatureForm(
        request.POST or None, organisation=party, initial={"seen": fingerprint}
    )
    changed = False
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["seen"] != fingerprint:
            changed = True
            form = forms.OnlineSignatureForm(organisation=party, initial={"seen": fingerprint})
        else:
            return _signed(
                request,
                party,
                lambda: services.signature_sign_online(
                    network=network,
                    organisation=party,
                    by=request.user,
                    signer_function=form.cleaned_data["signer_function"],
                ),
                _("Je hebt getekend namens %(name)s. Dank je wel!") % {"name": party.name},
            )
    return render(
        request,
        "opstart/sign_online.html",
        {
            "network": network,
            "title": _("Ondertekenen namens %(name)s") % {"name": party.name},
            "party": party,
            "body": body,
            "form": form,
            "changed": changed,
            **section(request),
        },
    )


def _already_signed(request, party):
    messages.info(request, _("%(name)s heeft al getekend.") % {"name": party.name})
    return redirect("opstart_agreement", request.network.slug)


def _signed(request, party, record, done: str):
    """Record a signature (`record` says whether the network became lopend) and tell how
    it went. A second signature for one organisation keeps the first."""
    network = request.network
    try:
        running = record()
    except IntegrityError:  # two tabs, a double click, or a colleague just before
        return _already_signed(request, party)
    messages.success(request, done)
    if running:
        messages.success(
            request,
            _("Alle organisaties hebben getekend. De opstart is klaar: het netwerk is nu lopend."),
        )
    return redirect("opstart_agreement", network.slug)


@P.network_permission_required(P.STARTUP_CHANGE)
def agreement_scan_edit(request):
    """Upload, replace or remove the scan of the signed paper."""
    agreement = services.document_for(request.network, Agreement)
    old_scan = agreement.signed_scan if agreement.pk else None
    form = forms.AgreementScanForm(
        request.POST or None, request.FILES or None, instance=agreement, network=request.network
    )

    def after_save(saved):
        if old_scan and saved.signed_scan.name != old_scan.name:
            uploads.forget_on_commit(old_scan)

    return startup_edit_page(
        request,
        form=form,
        title=_("Scan van de getekende overeenkomst"),
        back_url=reverse("opstart_agreement", args=[request.network.slug]),
        intro=_(
            "Is de overeenkomst op papier getekend? Bewaar de scan hier, bij de "
            "overeenkomst. Alle leden van het netwerk kunnen hem openen."
        ),
        after_save=after_save,
        success=_("De scan bij de overeenkomst is bijgewerkt."),
    )


@P.network_permission_required(P.STARTUP_VIEW)
def agreement_scan(request):
    """The scan, only for the network's members (there is no public media URL): a photo
    to look at, a PDF to download."""
    agreement = services.document_for(request.network, Agreement)
    if not agreement.signed_scan or agreement.signed_scan_type not in Agreement.SUFFIXES:
        raise Http404
    suffix = Agreement.SUFFIXES[agreement.signed_scan_type]
    return uploads.served(
        agreement.signed_scan,
        content_type=agreement.signed_scan_type,
        filename=f"getekende-overeenkomst-{slugify(request.network.name)}{suffix}",
    )


@require_POST
@P.network_permission_required(P.STARTUP_CHANGE)
def sign_withdraw(request, organisation):
    party = _party(request, organisation)
    signature = get_object_or_404(request.network.signatures, organisation=party)
    services.signature_withdraw(network=request.network, signature=signature, by=request.user)
    messages.success(
        request, _("De handtekening van %(name)s is weggehaald.") % {"name": party.name}
    )
    if request.network.status == Network.Status.LOPEND:
        messages.info(
            request,
            _("Het netwerk blijft lopend. Is de opstart toch nog niet klaar? Zet het dan terug."),
        )
    return redirect("opstart_agreement", request.network.slug)


@require_POST
@P.network_permission_required(P.STARTUP_CHANGE)
def status(request):
    running = request.POST.get("status") == Network.Status.LOPEND
    try:
        services.network_set_running(network=request.network, running=running)
    except services.StartupError as error:
        messages.error(request, str(error))
        return redirect("opstart_agreement", request.network.slug)
    if running:
        messages.success(request, _("Het netwerk staat op lopend."))
    else:
        messages.success(request, _("Het netwerk staat weer in de opstart."))
    return redirect("opstart_agreement", request.network.slug)


HISTORY_PER_PAGE = 50


@P.network_permission_required(P.STARTUP_VIEW)
def history(request):
    """Who changed what in the start-up's documents and items: the network's history
    (networks/history.py) narrowed to the start-up, within the start-up's pages."""
    revisions = readable_revisions(request.network, request.network_perms).filter(
        object_key__regex=rf"^({'|'.join(_startup_kinds())}):"
    )
    page = Paginator(revisions, HISTORY_PER_PAGE).get_page(request.GET.get("pagina"))
    return _page(request, "opstart/history.html", _("Geschiedenis van de opstart"), page=page)


def _startup_kinds() -> list[str]:
    """The kinds of item (model names, as in a revision's key) that make up the start-up."""
    return [model._meta.model_name for model in apps.get_app_config("opstart").get_models()]
