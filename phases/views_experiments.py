"""Experiments and their rounds: the list, planning one, its page with observations,
starting it, closing it with an outcome, the network's joint assessment, and the
rounds with their pooled results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liso import uploads
from liso.spreadsheet import csv_response
from networks import history
from networks import permissions as P
from networks.editing import edit_page, save_form
from phases import services
from phases.forms import AssessmentForm, ExperimentForm, ObservationForm, OutcomeForm, StartForm
from phases.models import Experiment, Observation
from phases.sections import learning_crumb

PER_PAGE = 20


def _experiment(request, pk) -> Experiment:
    """An experiment of the request's network, or 404."""
    return P.object_in_network(
        request,
        Experiment,
        pk,
        *("round", "leervraag__owner__user", "organisation", "assessment_session", "updated_by"),
    )


def _detail_url(request, experiment) -> str:
    return reverse("experiment_detail", args=[request.network.slug, experiment.pk])


def _require_change(request, experiment) -> None:
    if not P.may_change_experiment(request, experiment):
        raise PermissionDenied


@P.network_permission_required(P.NETWORK_VIEW)
def experiment_list(request):
    """All experiments, newest first; filtered on a round or a status."""
    network = request.network
    experiments = network.experiments.select_related("round")
    chosen_round = request.GET.get("ronde", "")
    if chosen_round.isdigit():
        experiments = experiments.filter(round__number=int(chosen_round))
    status = request.GET.get("status", "")
    if status in Experiment.Status.values:
        experiments = experiments.filter(status=status)
    judged_in = request.GET.get("bijeenkomst", "")
    if judged_in.isdigit():  # judged together in that session (a link from its page)
        experiments = experiments.filter(assessment_session_id=int(judged_in))
    page = Paginator(experiments.prefetch_related("group__user"), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    context = {
        "network": network,
        "page": page,
        "rounds": list(network.rounds.all()),
        "chosen_round": chosen_round,
        "status": status,
        "statuses": Experiment.Status.choices,
        "judged_in": judged_in if judged_in.isdigit() else "",
        "title": _("Experimenten"),
        **learning_crumb(request),
    }
    return render(request, "phases/experiment_list.html", context)


def _form_page(request, form, title, back_url, intro=""):
    return edit_page(
        request,
        form=form,
        title=title,
        back_url=back_url,
        intro=intro,
        crumb=learning_crumb(request),
        after_save=lambda experiment: _detail_url(request, experiment),
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_add(request):
    """Plan an experiment; the one who plans it is in its group, and it goes into the
    open round unless another is chosen."""
    network = request.network
    own = network.leervragen.filter(owner=request.membership).order_by("-created_at").first()
    instance = Experiment(network=network, created_by=request.membership)
    form = ExperimentForm(
        request.POST or None,
        instance=instance,
        network=network,
        initial={
            "group": [request.membership.pk],
            "leervraag": own,
            "round": services.open_round(network),
        },
    )
    return _form_page(
        request,
        form,
        _("Experiment plannen"),
        reverse("experiment_list", args=[network.slug]),
        intro=_(
            "Een klein experiment test een verwachting in je dagelijkse "
            "werk. Houd het klein en concreet: wat doe je anders, hoe "
            "lang, en hoe zie je of het werkt?"
        ),
    )


@P.network_permission_required(P.NETWORK_VIEW)
def experiment_detail(request, pk):
    experiment = _experiment(request, pk)
    group = list(experiment.group.select_related("user", "organisation"))
    observations = list(experiment.observations.select_related("author__user"))
    for observation in observations:
        observation.may_delete = P.may_remove_learning_item(request, observation.author_id)
    context = {
        "network": request.network,
        "experiment": experiment,
        "group": group,
        "missing": services.missing_knowledge(group),
        "observations": observations,
        "observation_form": ObservationForm(),
        "may_delete": P.may_remove_learning_item(request, experiment.created_by_id),
        "may_change": P.may_change_experiment(request, experiment),
        "may_assess": P.may_assess_experiment(request, experiment),
        "products": list(experiment.products.all()),
        "title": experiment.title,
        **learning_crumb(request),
    }
    return render(request, "phases/experiment_detail.html", context)


@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_edit(request, pk):
    experiment = _experiment(request, pk)
    _require_change(request, experiment)
    form = ExperimentForm(request.POST or None, instance=experiment, network=request.network)
    return _form_page(request, form, _("Experiment wijzigen"), _detail_url(request, experiment))


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_start(request, pk):
    experiment = _experiment(request, pk)
    _require_change(request, experiment)
    if experiment.status != Experiment.Status.PLAN:
        messages.info(request, _("Dit experiment is al begonnen."))
        return redirect(_detail_url(request, experiment))
    if experiment.starts_on is None:
        experiment.starts_on = timezone.localdate()
    form = StartForm(
        {"status": Experiment.Status.LOOPT, "version": experiment.version},
        instance=experiment,
        network=request.network,
    )
    try:
        if form.is_valid():
            history.item_save(
                form=form,
                network=request.network,
                by=request.user,
                expected_version=experiment.version,
            )
    except history.ConflictError:  # a second tap, or someone else at the same moment
        messages.info(request, _("Dit experiment is al begonnen."))
    else:
        messages.success(request, _("Het experiment loopt. Houd bij wat je ziet gebeuren."))
    return redirect(_detail_url(request, experiment))


@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_outcome(request, pk):
    """Close the experiment: did the expectation hold, fully, partly or not?"""
    experiment = _experiment(request, pk)
    _require_change(request, experiment)
    if experiment.status == Experiment.Status.PLAN:
        messages.info(
            request, _("Start het experiment eerst; een uitkomst volgt als het gelopen heeft.")
        )
        return redirect(_detail_url(request, experiment))
    form = OutcomeForm(request.POST or None, instance=experiment, network=request.network)
    return edit_page(
        request,
        form=form,
        title=_("Experiment afronden"),
        back_url=_detail_url(request, experiment),
        crumb=learning_crumb(request),
        intro=_("Vergelijk wat er gebeurde met wat je verwachtte: “%(x)s”")
        % {"x": experiment.expectation},
        success=_("Het experiment is afgerond. Bespreek de uitkomst samen in een bijeenkomst."),
    )


@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_assessment(request, pk):
    """What the participants, together, make of the outcome (usually in a session): any
    of them writes it down, as do those who lead the learning."""
    experiment = _experiment(request, pk)
    if not P.may_assess_experiment(request, experiment):
        raise PermissionDenied
    form = AssessmentForm(request.POST or None, instance=experiment, network=request.network)
    return edit_page(
        request,
        form=form,
        title=_("Jullie gezamenlijke oordeel"),
        back_url=_detail_url(request, experiment),
        crumb=learning_crumb(request),
        intro=_(
            "Dit oordeel is van de deelnemers aan het experiment samen. Ieder van jullie kan "
            "het vastleggen of bijwerken; schrijf op wat jullie samen vinden dat de uitkomst "
            "betekent, en in welke bijeenkomst jullie dat bespraken."
        ),
    )


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def experiment_delete(request, pk):
    experiment = _experiment(request, pk)
    if not P.may_remove_learning_item(request, experiment.created_by_id):
        raise PermissionDenied
    with transaction.atomic():
        for observation in experiment.observations.exclude(photo=""):
            uploads.forget_on_commit(observation.photo)
        history.item_delete(instance=experiment, network=request.network, by=request.user)
    messages.success(request, _("“%(what)s” is verwijderd.") % {"what": experiment.title})
    return redirect("experiment_list", request.network.slug)


# --- observations -----------------------------------------------------------------------------


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def observation_add(request, pk):
    experiment = _experiment(request, pk)
    _require_change(request, experiment)
    form = ObservationForm(
        request.POST,
        request.FILES,
        instance=Observation(experiment=experiment, author=request.membership),
    )
    if saved := save_form(
        request,
        form,
        next_url=_detail_url(request, experiment) + "#waarnemingen",
        success=_("Je waarneming is bewaard."),
    ):
        return saved
    context = {
        "network": request.network,
        "form": form,
        "title": _("Waarneming toevoegen"),
        "lead": _("Bij het experiment “%(title)s”.") % {"title": experiment.title},
        "back_url": _detail_url(request, experiment),
        "submit_label": _("Waarneming bewaren"),
        **learning_crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


def _observation(request, pk, observation) -> Observation:
    observations = Observation.objects.filter(experiment__network=request.network, experiment_id=pk)
    return get_object_or_404(observations.select_related("experiment"), pk=observation)


@P.network_permission_required(P.NETWORK_VIEW)
def observation_photo(request, pk, observation):
    """The photo itself, only for the network's members (no public media URL)."""
    instance = _observation(request, pk, observation)
    if not instance.photo:
        raise Http404
    try:
        handle = instance.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, content_type=instance.photo_type)


@require_POST
@P.network_permission_required(P.LEARNING_TAKE_PART)
def observation_delete(request, pk, observation):
    instance = _observation(request, pk, observation)
    if not P.may_remove_learning_item(request, instance.author_id):
        raise PermissionDenied
    with transaction.atomic():
        instance.delete()
        uploads.forget_on_commit(instance.photo)  # once the row is surely gone
    messages.success(request, _("De waarneming is verwijderd."))
    return redirect(_detail_url(request, instance.experiment) + "#waarnemingen")


# --- rounds -----------------------------------------------------------------------------------


@P.network_permission_required(P.NETWORK_VIEW)
def round_list(request):
    network = request.network
    done = Q(experiments__status=Experiment.Status.KLAAR)
    rounds = list(
        network.rounds.annotate(total=Count("experiments"), done=Count("experiments", filter=done))
    )
    context = {
        "network": network,
        "rounds": rounds,
        "open": next((r for r in rounds if r.is_open), None),  # no second query
        "title": _("Rondes van experimenten"),
        **learning_crumb(request),
    }
    return render(request, "phases/round_list.html", context)


@require_POST
@P.network_permission_required(P.LEARNING_MANAGE)
def round_open(request):
    try:
        opened = services.round_open(network=request.network, on=timezone.localdate())
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Ronde %(n)s is geopend. Nieuwe experimenten komen in deze ronde.")
            % {"n": opened.number},
        )
    return redirect("round_list", request.network.slug)


@require_POST
@P.network_permission_required(P.LEARNING_MANAGE)
def round_close(request, number):
    chosen = get_object_or_404(request.network.rounds, number=number)
    try:
        services.round_close(round=chosen, on=timezone.localdate())
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Ronde %(n)s is gesloten. Bekijk de uitkomsten samen.") % {"n": chosen.number},
        )
    return redirect("round_detail", request.network.slug, chosen.number)


@P.network_permission_required(P.NETWORK_VIEW)
def round_detail(request, number):
    """A round's results pooled: how the expectations held, and each experiment's outcome
    and the network's judgement of it."""
    chosen = get_object_or_404(request.network.rounds, number=number)
    experiments = chosen.experiments.select_related("assessment_session", "leervraag")
    context = {
        "network": request.network,
        "round": chosen,
        "results": services.round_results(chosen),
        "experiments": list(experiments),
        "title": str(chosen),
        **learning_crumb(request),
    }
    return render(request, "phases/round_detail.html", context)


@P.network_permission_required(P.REPORTS_EXPORT)
def experiment_csv(request):
    """Every experiment with its round, group, plan and outcome, for a spreadsheet."""
    experiments = request.network.experiments.select_related(
        "round", "organisation", "leervraag"
    ).prefetch_related("group__user")
    header = [
        _("Titel"),
        _("Ronde"),
        _("Status"),
        _("Groep"),
        _("Organisatie"),
        _("Start"),
        _("Weken"),
        _("Wat doen we anders?"),
        _("Verwachting"),
        _("Uitkomst"),
        _("Toelichting op de uitkomst"),
        _("Gezamenlijk oordeel"),
    ]

    def row(experiment):
        return [
            experiment.title,
            experiment.round and experiment.round.number,
            experiment.get_status_display(),
            ", ".join(sorted(m.user.full_name for m in experiment.group.all())),
            experiment.organisation,
            experiment.starts_on,
            experiment.weeks,
            experiment.change,
            experiment.expectation,
            experiment.get_outcome_display(),
            experiment.outcome_note,
            experiment.assessment,
        ]

    rows = (row(experiment) for experiment in experiments.order_by("created_at", "pk"))
    return csv_response(f"experimenten-{request.network.slug}.csv", header, rows)
