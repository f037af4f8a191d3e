"""The network's health (/netwerken/<slug>/gezondheid/): the zelfscans, their results with
a radar chart, the trend over rounds and what the method advises where a kernelement is low
or seen very differently."""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten.services import next_session
from kernelements import review, scans, signals
from kernelements.forms import DONT_KNOW, RoundOpenForm, ScanAnswerForm
from kernelements.models import Aandachtspunt, ScanResponse, ScanRound, StruikelblokEntry
from kernelements.radar import radar
from liso import method
from liso.links import url_maker
from networks import permissions as P
from werkvormen.models import LabelKind, WerkvormLabel


def health_crumb(request) -> dict:
    return {
        "section_label": _("Gezondheid"),
        "section_url": reverse("health_home", args=[request.network.slug]),
    }


def _round(request, pk) -> ScanRound:
    return P.object_in_network(request, ScanRound, pk)


@P.network_permission_required(P.HEALTH_VIEW)
def health_home(request):
    network = request.network
    mine = ScanResponse.objects.filter(round=OuterRef("pk"), membership=request.membership)
    rounds = list(network.scan_rounds.annotate(answered=Exists(mine)))
    for scan_round in rounds:
        scans.close_if_overdue(scan_round)
    log = list(network.struikelblok_log.select_related("struikelblok"))
    facts = signals.gather(network)
    context = {
        "network": network,
        "title": _("Gezondheid"),
        "signals": signals.signals_for(network, log=log, facts=facts),
        "next_review": review.next_review(network, facts.network.last_review_on),
        "working_on": [e for e in log if e.status == StruikelblokEntry.Status.OPEN],
        "set_aside": [e for e in log if e.status != StruikelblokEntry.Status.OPEN],
        "open_rounds": [scan_round for scan_round in rounds if scans.is_open(scan_round)],
        "rounds": rounds,
        "open_form": RoundOpenForm() if P.HEALTH_MANAGE in request.network_perms else None,
        "min_respondents": scans.MIN_RESPONDENTS,
    }
    return render(request, "kernelements/health/home.html", context)


@require_POST
@P.network_permission_required(P.HEALTH_MANAGE)
def scan_open(request):
    form = RoundOpenForm(request.POST)
    if form.is_valid():
        try:
            scan_round = scans.round_open(
                network=request.network,
                kind=form.cleaned_data["kind"],
                closes_on=form.cleaned_data["closes_on"],
                by=request.user,
            )
        except scans.ScanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("De scan staat open tot en met %(date)s. Vraag de leden hem in te vullen.")
                % {"date": scan_round.closes_on.strftime("%d-%m-%Y")},
            )
            return redirect("scan_detail", request.network.slug, scan_round.pk)
    context = {
        "network": request.network,
        "form": form,
        "title": _("Een scan openzetten"),
        **health_crumb(request),
    }
    return render(request, "kernelements/health/open.html", context)


@P.network_permission_required(P.HEALTH_TAKE_PART)
def scan_answer(request, pk):
    scan_round = _round(request, pk)
    if not scans.is_open(scan_round):
        messages.info(request, _("Deze ronde is gesloten; je kunt niet meer invullen."))
        return redirect("scan_detail", request.network.slug, scan_round.pk)
    groups = scans.statement_groups(scan_round.kind)
    own = scans.own_response(scan_round, request.membership)
    form = ScanAnswerForm(request.POST or None, groups=groups, initial=_initial(own))
    if request.method == "POST" and form.is_valid():
        try:
            scans.response_save(
                scan_round=scan_round,
                membership=request.membership,
                scores=form.scores(),
                remark=form.cleaned_data["remark"],
            )
        except scans.ScanError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "Dank je! Je antwoorden zijn bewaard. Als de ronde sluit, halen we je naam "
                    "ervan af."
                ),
            )
        return redirect("scan_detail", request.network.slug, scan_round.pk)
    context = {
        "network": request.network,
        "scan_round": scan_round,
        "form": form,
        "rows": [(group, [form[s.code] for s in group.statements]) for group in groups],
        "scores": scans.SCORES,
        "dont_know": DONT_KNOW,
        "answered_before": own is not None,
        "title": _("Scan invullen: %(kind)s") % {"kind": scan_round.get_kind_display()},
        **health_crumb(request),
    }
    return render(request, "kernelements/health/answer.html", context)


def _initial(own) -> dict:
    if own is None:
        return {}
    initial = {
        answer.item: DONT_KNOW if answer.score is None else str(answer.score)
        for answer in own.answers.all()
    }
    return {**initial, "remark": own.remark}


@P.network_permission_required(P.HEALTH_VIEW)
def scan_detail(request, pk):
    scan_round = _round(request, pk)
    scans.close_if_overdue(scan_round)
    groups = scans.statement_groups(scan_round.kind)
    outcome = scans.results(scan_round, groups)
    context = {
        "network": request.network,
        "scan_round": scan_round,
        "is_open": scans.is_open(scan_round),
        "results": outcome,
        "chart": _chart(outcome),
        "trend": scans.trend(request.network, scan_round.kind, groups),
        "groups": groups,
        "advice": _advice(scan_round, outcome),
        # Where a werkvorm of the advice can go in one click: the next session's draaiboek.
        "next_session": next_session(request.network)
        if P.SESSIONS_CHANGE in request.network_perms and outcome.shown
        else None,
        "remarks": _remarks(scan_round) if outcome.shown else [],
        "title": _("Scan %(kind)s van %(date)s")
        % {
            "kind": scan_round.get_kind_display().lower(),
            "date": scan_round.opened_on.strftime("%d-%m-%Y"),
        },
        **health_crumb(request),
    }
    return render(request, "kernelements/health/scan.html", context)


def _chart(outcome):
    """The radar of the group means, drawn from the means as the table shows them (one
    decimal), so the picture tells no more than the numbers beside it."""
    if not outcome.shown:
        return None
    means = [None if g.score.mean is None else round(g.score.mean, 1) for g in outcome.groups]
    return radar([group.label for group in outcome.groups], means)


def _remarks(scan_round) -> list[str]:
    """The remarks, in a random order so the order of answering tells nothing."""
    return list(
        scan_round.responses.exclude(remark="").order_by("?").values_list("remark", flat=True)
    )


@dataclass
class AdvicePoint:
    label: str  # an aandachtspunt, or the network's stage for a dimension
    guide_url: str  # where the guide says more
    werkvormen: list[tuple[str, str, str]]  # (code, name, the werkvorm's page)


@dataclass
class Advice:
    group: scans.GroupResult
    points: list[AdvicePoint]


def _werkvorm_page():
    """A werkvorm's code -> its page: reversed once, not once per werkvorm of the advice."""
    return url_maker("werkvorm_detail")


def _advice(scan_round, outcome) -> list[Advice]:
    """For each low or much-disputed kernelement: its aandachtspunten with the werkvormen
    the method links to them; for a dimension of the public-private scan, its werkvormen
    for the network's stage. One query whenever results show, whatever they say, so the
    page's queries do not depend on its data."""
    if not outcome.shown:
        return []
    if scan_round.kind == ScanRound.Kind.PUBLIEK_PRIVAAT:
        return _dimension_advice(scan_round.network, outcome)
    links = Aandachtspunt.werkvormen.through.objects.order_by("werkvorm__name").values_list(
        "aandachtspunt__code", "werkvorm__code", "werkvorm__name"
    )
    page = _werkvorm_page()
    werkvormen: dict[str, list[tuple[str, str, str]]] = {}
    for point, code, name in links:
        werkvormen.setdefault(point, []).append((code, name, page(code)))
    return [
        Advice(
            group,
            [
                AdvicePoint(
                    point.label,
                    reverse("guide_kernelement", args=[group.code]) + f"#{point.value}",
                    werkvormen.get(point.value, []),
                )
                for point in method.AANDACHTSPUNTEN[method.Kernelement(group.code)]
            ],
        )
        for group in outcome.attention
    ]


def _dimension_advice(network, outcome) -> list[Advice]:
    """The factsheet gives each dimension a werkvorm for the start and one for a running
    network: those for where this network stands (one query)."""
    stage = network.stage
    labels = WerkvormLabel.objects.filter(
        werkvorm__shipped=True, kind__in=[LabelKind.DIMENSIE, LabelKind.STADIUM]
    ).values_list("werkvorm__code", "werkvorm__name", "kind", "value")
    page = _werkvorm_page()
    names, dimensions, stages = {}, {}, {}
    for code, name, kind, value in labels.order_by("werkvorm__name"):
        names[code] = name
        (dimensions if kind == LabelKind.DIMENSIE else stages).setdefault(code, set()).add(value)
    fitting: dict[str, list[tuple[str, str, str]]] = {}
    for code, of_dimensions in dimensions.items():
        if stage in stages.get(code, set()):
            for dimension in of_dimensions:
                fitting.setdefault(dimension, []).append((code, names[code], page(code)))
    label = _("Werkvormen uit de factsheet (%(stage)s)") % {
        "stage": method.Stage(stage).label.lower()
    }
    guide_url = reverse("guide_dimensions")
    return [
        Advice(group, [AdvicePoint(label, guide_url, fitting.get(group.code, []))])
        for group in outcome.attention
    ]


@require_POST
@P.network_permission_required(P.HEALTH_MANAGE)
def scan_close(request, pk):
    scan_round = _round(request, pk)
    scans.round_close(scan_round=scan_round)
    messages.success(
        request,
        _("De ronde is gesloten. De antwoorden staan nu zonder namen, in willekeurige volgorde."),
    )
    return redirect("scan_detail", request.network.slug, scan_round.pk)


@P.network_permission_required(P.HEALTH_VIEW)
def health_panel(request):
    """The health panel of the network overview, loaded after the page (htmx), so the
    overview keeps its query budget: open rounds and the latest results."""
    network = request.network
    rounds = list(network.scan_rounds.all()[:6])
    open_rounds = [scan_round for scan_round in rounds if scans.is_open(scan_round)]
    latest = next((r for r in rounds if r.kind == ScanRound.Kind.KERNELEMENTEN), None)
    outcome = None
    if latest is not None:
        outcome = scans.results(latest, scans.statement_groups(latest.kind, with_texts=False))
    last_review = network.yearly_reviews.values_list("held_on", flat=True).first()
    context = {
        "network": network,
        "open_rounds": open_rounds,
        "latest": latest,
        "results": outcome,
        "next_review": review.next_review(network, last_review),
    }
    return render(request, "kernelements/health/panel.html", context)


@P.network_permission_required(P.HEALTH_VIEW)
def signals_panel(request):
    """The open struikelblok signals for the network overview, loaded after the page."""
    log = list(request.network.struikelblok_log.all())
    context = {
        "network": request.network,
        "signals": signals.signals_for(request.network, log=log),
    }
    return render(request, "kernelements/health/signals_panel.html", context)
