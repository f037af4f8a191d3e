"""Sessions (bijeenkomsten): the list, planning one, its page with the preparation tasks."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Window, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten import draaiboek, followup, registrations, reports, services, session_links
from bijeenkomsten.forms import AnswerForm, PreparationStepForm, SessionForm, TaskForm
from bijeenkomsten.models import (
    DraaiboekBlock,
    NetworkPreparationStep,
    PreparationTask,
    Registration,
    Session,
)
from liso.compiled import EXAMPLE_ID, SECOND_EXAMPLE_ID, CompiledOnce
from liso.links import url_maker
from liso.notifications import base_url_of
from liso.pdf import pdf_response
from networks import history
from networks import permissions as P
from networks.editing import edit_page, save_form
from networks.models import Membership

PAST_SHOWN = 30  # the most recent past sessions on the list
# A session's page shows the most recent open action points of earlier sessions; the link
# under them ("?actiepunten=alle") shows all.
EARLIER_ACTIONS_SHOWN = 10
ALL_ACTIONS_PARAM, ALL_ACTIONS_VALUE = "actiepunten", "alle"
# What the session's page shows of a task (_task.html) and an action point (_action.html).
TASK_FIELDS = ("title", "explanation", "due_on", "role", "done_at", "assignee__user__full_name")
ACTION_FIELDS = (
    "what",
    "due_on",
    "done_at",
    "agreed_on",
    "session__theme",
    "session__date",
    "owner__user__full_name",
)


def crumb(request) -> dict:
    """The sessions as the breadcrumb's level between the network and the page."""
    return {
        "section_label": _("Bijeenkomsten"),
        "section_url": reverse("session_list", args=[request.network.slug]),
    }


def session_of(request, pk) -> Session:
    """A session of the request's network (with its venue), or 404."""
    return P.object_in_network(request, Session, pk, "venue")


# The session page's own queries have one shape for every session: each is compiled once
# (liso/compiled.py) and run with the ids.
_tasks_of_session = CompiledOnce(
    lambda session_id: (
        PreparationTask.objects.filter(session_id=session_id)
        .select_related("assignee__user")
        .only(*TASK_FIELDS)
    ),
    session_id=EXAMPLE_ID,
)
# The programme shows each block's title, minutes and who leads it; nothing more.
_blocks_of_session = CompiledOnce(
    lambda session_id: (
        DraaiboekBlock.objects.filter(session_id=session_id)
        .select_related("responsible__user")
        .only("title", "minutes", "responsible__user__full_name")
    ),
    session_id=EXAMPLE_ID,
)
_own_registration = CompiledOnce(
    lambda session_id, membership_id: Registration.objects.filter(
        session_id=session_id, membership_id=membership_id
    ),
    session_id=EXAMPLE_ID,
    membership_id=SECOND_EXAMPLE_ID,
)


@P.network_permission_required(P.SESSIONS_VIEW)
def session_list(request):
    network = request.network
    today = date.today()
    sessions = network.sessions.select_related("venue")
    context = {
        "network": network,
        "title": _("Bijeenkomsten"),
        "upcoming": sessions.filter(date__gte=today),
        "past": sessions.filter(date__lt=today).order_by("-date", "-start_time")[:PAST_SHOWN],
        "unplanned": network.planned_sessions.filter(session=None).count(),
    }
    return render(request, "bijeenkomsten/session_list.html", context)


def _plan_tasks(session) -> str:
    """After a new session is saved: its preparation tasks, then on to its page."""
    services.tasks_generate(session=session)
    return reverse("session_detail", args=[session.network.slug, session.pk])


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_create(request):
    network = request.network
    initial = {"phase": network.current_phase, "planned_minutes": 180}
    # A theme suggested by the page that sent the planner here (the afsluiting's last session).
    initial["theme"] = request.GET.get("thema", "")[: Session._meta.get_field("theme").max_length]
    form = SessionForm(
        request.POST or None, instance=Session(network=network), network=network, initial=initial
    )
    return edit_page(
        request,
        form=form,
        title=_("Bijeenkomst plannen"),
        back_url=reverse("session_list", args=[network.slug]),
        intro=_(
            "Plan de bijeenkomst ruim op tijd: de voorbereiding begint "
            "twaalf weken van tevoren. De taken daarvoor maken we meteen "
            "aan."
        ),
        crumb=crumb(request),
        after_save=_plan_tasks,
        success=_("De bijeenkomst is gepland, met de voorbereidingstaken erbij."),
    )


@P.network_permission_required(P.SESSIONS_CHANGE)
def session_edit(request, pk):
    session = session_of(request, pk)
    form = SessionForm(request.POST or None, instance=session, network=request.network)

    def _follow_date(saved) -> None:
        services.tasks_follow_date(session=saved)
        registrations.session_changed(
            session=saved,
            base_url=base_url_of(request),
            reply_to=request.user.email,
            calendar_changed=bool(set(form.changed_data) & Session.CALENDAR_FIELDS),
        )

    return edit_page(
        request,
        form=form,
        title=_("Bijeenkomst wijzigen"),
        back_url=reverse("session_detail", args=[request.network.slug, pk]),
        delete_url=reverse("session_delete", args=[request.network.slug, pk]),
        crumb=crumb(request),
        after_save=_follow_date,
    )


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def session_delete(request, pk):
    """Remove a session with its tasks and draaiboek (a draft made by mistake, a date
    that fell through); the history keeps that it was planned."""
    session = session_of(request, pk)
    files = [(photo.file.storage, photo.file.name) for photo in session.photos.all()]
    with transaction.atomic():
        history.item_delete(instance=session, network=request.network, by=request.user)
        # The visual minutes' files go too, once the rows surely have.
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    messages.success(
        request,
        _("De bijeenkomst “%(theme)s” is verwijderd, met haar taken en draaiboek.")
        % {"theme": session.theme},
    )
    return redirect("session_list", request.network.slug)


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def sessions_from_planning(request):
    made = services.sessions_from_planning(network=request.network, by=request.user)
    text = _(
        "%(n)s data uit de jaarplanning staan nu als concept bij de bijeenkomsten, met "
        "hun voorbereidingstaken."
    )
    messages.success(request, text % {"n": len(made)})
    return redirect("session_list", request.network.slug)


@P.network_permission_required(P.SESSIONS_VIEW)
def session_detail(request, pk):
    session = session_of(request, pk)
    facilitators = Membership.objects.select_related("user").only("user__full_name")
    prefetch_related_objects([session], Prefetch("facilitators", queryset=facilitators))
    tasks = _tasks_of_session(session_id=session.pk)
    edit_url = url_maker("task_edit", request.network.slug, session.pk)
    toggle_url = url_maker("task_toggle", request.network.slug, session.pk)
    for task in tasks:
        task.may_tick = P.may_tick_task(request, task)
        task.edit_url = edit_url(task.pk)
        task.toggle_url = toggle_url(task.pk)
    # The most recent open action points; all of them on request ("toon alle"). The total
    # comes with the rows (a window count), so the capped list costs no extra query.
    all_actions = request.GET.get(ALL_ACTIONS_PARAM) == ALL_ACTIONS_VALUE
    actions = followup.open_actions_before(session).only(*ACTION_FIELDS)
    if all_actions:
        earlier_actions = list(actions)
        actions_total = len(earlier_actions)
    else:
        earlier_actions = list(
            actions.annotate(open_total=Window(Count("pk")))[:EARLIER_ACTIONS_SHOWN]
        )
        actions_total = earlier_actions[0].open_total if earlier_actions else 0
    for action in earlier_actions:
        action.may_tick = P.may_tick_action(request, action)
    blocks = _blocks_of_session(session_id=session.pk)
    context = {
        "network": request.network,
        "session": session,
        "title": session.theme,
        "before": [task for task in tasks if task.due_on <= session.date],
        "after": [task for task in tasks if task.due_on > session.date],
        "today": date.today(),
        **draaiboek.programme(session, blocks),
        **crumb(request),
        "mine": _own_registration.first(session_id=session.pk, membership_id=request.membership.pk),
        "answerable": not session.is_cancelled and session.date >= date.today(),
        "answer_choices": AnswerForm.base_fields["answer"].choices,
        "earlier_actions": earlier_actions,
        "earlier_actions_hidden": actions_total - len(earlier_actions),
        "all_actions_url": f"?{ALL_ACTIONS_PARAM}={ALL_ACTIONS_VALUE}#voortgang",
        "extra_links": session_links.links_for(request, session),
    }
    return render(request, "bijeenkomsten/session_detail.html", context)


@P.network_permission_required(P.REPORTS_EXPORT)
def session_draaiboek_pdf(request, pk):
    return pdf_response(*reports.draaiboek_pdf(session_of(request, pk)))


@P.network_permission_required(P.SESSIONS_VIEW)
def session_invitation_pdf(request, pk):
    return pdf_response(*reports.invitation_pdf(session_of(request, pk)))


def _task(request, session_pk, pk) -> PreparationTask:
    return get_object_or_404(
        PreparationTask.objects.filter(session__network=request.network, session_id=session_pk),
        pk=pk,
    )


@require_POST
@P.network_permission_required(P.SESSIONS_VIEW)
def task_toggle(request, session_pk, pk):
    """Tick a task off, or open it again: planners any task, others their own."""
    task = _task(request, session_pk, pk)
    if not P.may_tick_task(request, task):
        raise PermissionDenied
    done = request.POST.get("klaar") == "ja"
    services.task_set_done(task=task, done=done, by=request.user)
    text = _("“%(task)s” is afgevinkt.") if done else _("“%(task)s” staat weer open.")
    messages.success(request, text % {"task": task.title})
    back = request.POST.get("terug")
    if back == "home":
        return redirect("home")
    return redirect("session_detail", request.network.slug, session_pk)


def _task_page(request, session, task, title):
    form = TaskForm(request.POST or None, instance=task, network=request.network)
    if saved := save_form(
        request,
        form,
        next_url=reverse("session_detail", args=[request.network.slug, session.pk]),
        success=_("De taak is opgeslagen."),
    ):
        return saved
    context = {
        "network": request.network,
        "form": form,
        "title": title,
        "session": session,
        **crumb(request),
    }
    return render(request, "bijeenkomsten/task_form.html", context)


@P.network_permission_required(P.SESSIONS_CHANGE)
def task_add(request, session_pk):
    session = session_of(request, session_pk)
    task = PreparationTask(session=session, due_on=session.date)
    return _task_page(request, session, task, _("Taak toevoegen"))


@P.network_permission_required(P.SESSIONS_CHANGE)
def task_edit(request, session_pk, pk):
    task = _task(request, session_pk, pk)
    return _task_page(request, task.session, task, _("Taak wijzigen"))


@P.network_permission_required(P.SESSIONS_CHANGE)
def preparation_template(request):
    steps = services.preparation_template(request.network)
    context = {
        "network": request.network,
        "steps": steps,
        **crumb(request),
        "title": _("Planning van de voorbereiding"),
    }
    return render(request, "bijeenkomsten/preparation_template.html", context)


def _step_page(request, step, title):
    form = PreparationStepForm(request.POST or None, instance=step)
    if saved := save_form(
        request,
        form,
        next_url=reverse("preparation_template", args=[request.network.slug]),
        success=_(
            "De planning is aangepast. Pas haar toe op de komende "
            "bijeenkomsten als die mee moeten veranderen."
        ),
    ):
        return saved
    context = {
        "network": request.network,
        "form": form,
        "step": step,
        "title": title,
        **crumb(request),
    }
    return render(request, "bijeenkomsten/preparation_step_form.html", context)


@P.network_permission_required(P.SESSIONS_CHANGE)
def preparation_step_add(request):
    services.preparation_template(request.network)  # the copy exists before it grows
    step = NetworkPreparationStep(network=request.network, weeks=-4)
    return _step_page(request, step, _("Taak toevoegen aan de planning"))


@P.network_permission_required(P.SESSIONS_CHANGE)
def preparation_step_edit(request, pk):
    step = get_object_or_404(request.network.preparation_steps, pk=pk)
    return _step_page(request, step, _("Taak in de planning wijzigen"))


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def preparation_step_delete(request, pk):
    step = get_object_or_404(request.network.preparation_steps, pk=pk)
    services.template_step_delete(step=step, today=date.today())
    messages.success(request, _("“%(step)s” staat niet meer in de planning.") % {"step": step})
    return redirect("preparation_template", request.network.slug)


@require_POST
@P.network_permission_required(P.SESSIONS_CHANGE)
def preparation_template_apply(request):
    count = services.template_apply(network=request.network, today=date.today())
    text = _(
        "De taken van %(n)s komende bijeenkomst(en) volgen nu de planning. Afgevinkte "
        "taken zijn gebleven."
    )
    messages.success(request, text % {"n": count})
    return redirect("preparation_template", request.network.slug)
