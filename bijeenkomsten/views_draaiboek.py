"""The draaiboek builder: a session's blocks with their times, the health check beside
them, and every change (add, move, reorder by dragging, delete, edit) checked against the
version the planner saw. Works without JavaScript; htmx swaps the builder in place and
SortableJS adds dragging."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten import draaiboek as service
from bijeenkomsten.forms import BlockForm
from bijeenkomsten.models import DraaiboekBlock, Session
from bijeenkomsten.views_sessions import crumb, session_of
from liso.links import url_maker
from liso.notifications import base_url_of
from networks import permissions as P
from werkvormen.models import Werkvorm

SEARCH_RESULTS = 8
FREE_KINDS = [(k, label) for k, label in DraaiboekBlock.Kind.choices if k != "werkvorm"]
BLOCK_FIELDS = (
    "position",
    "kind",
    "title",
    "minutes",
    "werkvorm__code",
    "werkvorm__based_on__code",
    "responsible__user__full_name",
)
# What a werkvorm to add shows (the "werkvorm_to_add" partial).
TO_ADD_FIELDS = ("code", "name", "duration_min", "duration_max", "network")


def builder_context(request, session, **extra) -> dict:
    # Only the fields the builder and its health check read: a werkvorm's many JSON fields,
    # twice per block (the werkvorm and the one it is based on), were most of the time.
    blocks = list(
        session.blocks.select_related("werkvorm__based_on", "responsible__user").only(*BLOCK_FIELDS)
    )
    query = request.GET.get("zoek", "").strip()
    choosable = Werkvorm.objects.of_network(request.network)
    results = list(choosable.search(query)[:SEARCH_RESULTS]) if query else []
    own = (
        [] if query else list(request.network.werkvormen.only(*TO_ADD_FIELDS)[: SEARCH_RESULTS * 2])
    )
    _block_links(request, session, blocks)
    return {
        "network": request.network,
        "session": session,
        # Every change goes to this one address: reversed once, not per form.
        "change_url": reverse("draaiboek_change", args=[request.network.slug, session.pk]),
        "timed": service.timed(session, blocks),
        "health": service.health(session, blocks),
        "query": query,
        "results": results,
        "own": own,
        "free_kinds": FREE_KINDS,
        "title": _("Draaiboek"),
        **crumb(request),
        "move_actions": [("omhoog", _("Omhoog:")), ("omlaag", _("Omlaag:"))],
        "sources": _copy_sources(session),
        **extra,
    }


def _block_links(request, session, blocks) -> None:
    """Each block's edit link, its werkvorm's page and its kind's label, made here once
    instead of a {% url %} and a choice label per block in the template."""
    edit_url = url_maker("block_edit", request.network.slug, session.pk)
    werkvorm_url = url_maker("werkvorm_detail")
    kinds = {value: str(label).lower() for value, label in DraaiboekBlock.Kind.choices}
    for block in blocks:
        block.edit_url = edit_url(block.pk)
        if block.werkvorm:
            block.werkvorm_url = werkvorm_url(block.werkvorm.code)
        block.kind_label = kinds[block.kind]


def _copy_sources(session) -> list[Session]:
    """Earlier and other sessions of the network that have a draaiboek to copy."""
    has_blocks = Exists(DraaiboekBlock.objects.filter(session=OuterRef("pk")))
    return list(
        session.network.sessions.exclude(pk=session.pk)
        .filter(has_blocks)
        .only("date", "theme")
        .order_by("-date")[: SEARCH_RESULTS * 3]
    )


def _focus_after(timed_blocks, focus):
    """Where keyboard focus goes after a change: the same button of the moved block, or its
    other move button when that one is now disabled (first or last), or its edit link; after
    a deletion, the programme's heading."""
    if focus == "kop" or not focus:
        return focus
    block_id, action = focus
    ids = [item.block.pk for item in timed_blocks]
    if block_id not in ids:
        return "kop"
    index = ids.index(block_id)
    first, last = index == 0, index == len(ids) - 1
    if first and last:
        return block_id, "wijzigen"
    if action == "omhoog" and first:
        return block_id, "omlaag"
    if action == "omlaag" and last:
        return block_id, "omhoog"
    return block_id, action


def _render(request, session, status=200, **extra):
    context = builder_context(request, session, **extra)
    context["focus"] = _focus_after(context["timed"], extra.get("focus"))
    template = "bijeenkomsten/draaiboek.html"
    if request.htmx and request.htmx.target == "werkvorm-resultaten":
        template += "#results"
    elif request.htmx:
        template += "#builder"
    return render(request, template, context, status=status)


@P.network_permission_required(P.SESSIONS_CHANGE)
def draaiboek(request, pk):
    return _render(request, session_of(request, pk))


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _apply(request, session, action: str) -> tuple[int, str] | str | None:
    """Carry out one change; returns what to focus next: (block id, button), "kop" for the
    programme's heading, or None."""
    seen = _int(request.POST.get("versie"), -1)
    block_id = _int(request.POST.get("blok"))
    if action == "werkvorm":
        werkvorm = get_object_or_404(
            Werkvorm.objects.of_network(session.network), code=request.POST.get("werkvorm", "")
        )
        block = service.block_add(session=session, seen_version=seen, werkvorm=werkvorm)
        return block.pk, "omlaag"
    if action == "vrij":
        kind = request.POST.get("soort")
        minutes = _int(request.POST.get("minuten"))
        if kind not in dict(FREE_KINDS) or not minutes or not 1 <= minutes <= 480:
            raise ValueError
        block = service.block_add(
            session=session,
            seen_version=seen,
            kind=kind,
            title=request.POST.get("titel", "").strip()[:150],
            minutes=minutes,
        )
        return block.pk, "omlaag"
    if action in ("omhoog", "omlaag") and block_id:
        get_object_or_404(session.blocks, pk=block_id)
        steps = -1 if action == "omhoog" else 1
        service.block_move(session=session, seen_version=seen, block_id=block_id, steps=steps)
        return block_id, action
    if action == "volgorde":
        order = [_int(value) for value in request.POST.getlist("volgorde")]
        service.blocks_reorder(session=session, seen_version=seen, order=order)
        return None
    if action == "kopieer":
        source = get_object_or_404(
            request.network.sessions.exclude(pk=session.pk), pk=_int(request.POST.get("bron"), 0)
        )
        service.blocks_copy(session=session, seen_version=seen, source=source)
        return None
    if action == "inkorten":
        service.session_end_with_programme(
            session=session, seen_version=seen, by=request.user, base_url=base_url_of(request)
        )
        return "kop"
    if action == "verwijderen" and block_id:
        get_object_or_404(session.blocks, pk=block_id)
        service.block_delete(session=session, seen_version=seen, block_id=block_id)
        return "kop"
    raise ValueError


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def draaiboek_change(request, pk):
    """Every change to the draaiboek comes here, with the version the planner saw."""
    session = session_of(request, pk)
    focus, conflict = None, False
    try:
        focus = _apply(request, session, request.POST.get("actie", ""))
    except service.DraaiboekConflict:
        conflict = True
        session.refresh_from_db(fields=["draaiboek_version"])
    except ValueError:
        return HttpResponseBadRequest(_("Deze wijziging begrijpen we niet."))
    if request.htmx:
        return _render(request, session, conflict=conflict, focus=focus)
    if conflict:
        messages.warning(request, CONFLICT_TEXT)
    elif request.POST.get("actie") == "inkorten":
        messages.success(
            request,
            _(
                "De bijeenkomst eindigt nu om %(ends)s, met het programma. Wie al is "
                "uitgenodigd en niet afzei, krijgt de nieuwe tijd voor de agenda."
            )
            % {"ends": time_format(timezone.localtime(session.ends_at), "H:i")},
        )
    return redirect("draaiboek", request.network.slug, session.pk)


CONFLICT_TEXT = _(
    "Iemand anders heeft het draaiboek intussen gewijzigd. Je ziet nu de nieuwe "
    "stand; doe je wijziging opnieuw als die nog nodig is."
)


@P.network_permission_required(P.SESSIONS_CHANGE)
def block_edit(request, pk, block):
    session = session_of(request, pk)
    instance = get_object_or_404(session.blocks.select_related("werkvorm"), pk=block)
    form = BlockForm(request.POST or None, instance=instance, network=request.network)
    seen = _int(request.POST.get("versie"), session.draaiboek_version)
    if request.method == "POST" and form.is_valid():
        try:
            service.block_save(session=session, seen_version=seen, form=form)
        except service.DraaiboekConflict:
            form.add_error(None, CONFLICT_TEXT)
            session.refresh_from_db(fields=["draaiboek_version"])
            seen = session.draaiboek_version
        else:
            messages.success(request, _("“%(block)s” is opgeslagen.") % {"block": instance})
            return redirect("draaiboek", request.network.slug, session.pk)
    # Not "block": templates with {% block %} tags have a variable of that name already.
    context = {
        "network": request.network,
        "session": session,
        "item": instance,
        "form": form,
        "seen": seen,
        "title": instance.title,
        **crumb(request),
    }
    return render(request, "bijeenkomsten/block_form.html", context)
