from datetime import date

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from liso import once, outbox, signup
from liso.links import url_pattern
from liso.method import Role
from liso.models import User
from liso.notifications import base_url_of
from liso.spreadsheet import csv_response
from networks import panels, permissions, services
from networks.contributions import insight_for
from networks.editing import save_form
from networks.forms import (
    AcceptNewAccountForm,
    InvitationForm,
    LeaveForm,
    MembershipForm,
    NetworkCreateForm,
    NetworkForm,
    OrganisationForm,
)
from networks.insight import active_members, network_insight
from networks.models import (
    ChecklistItem,
)
from networks.tasks import invitation_topic, send_invitation


def network_create(request):
    """Start a network: first the suitability check, then the network itself. With few
    criteria met the page says so plainly, and the trekker may still go on."""
    criteria = list(ChecklistItem.objects.filter(checklist=ChecklistItem.Checklist.START))
    form = NetworkCreateForm(
        request.POST or None,
        criteria=criteria,
        user=request.user,
        initial={"start_date": date.today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                submission = once.claim(request, form)
                organisation = data["my_organisation"]
                if name := data["my_new_organisation"].strip():
                    organisation = services.organisation_named(
                        name=name, perspective=data["my_perspective"]
                    )
                network = services.network_create(
                    creator=request.user,
                    perspective=data["my_perspective"],
                    organisation=organisation,
                    suitability=data["criteria"],
                    **{name: data[name] for name in NetworkForm.Meta.fields},
                )
                overview = reverse("network_overview", args=[network.slug])
                once.finish(submission, overview)
        except once.Repeated as repeated:
            return once.repeated(request, repeated, reverse("home"))
        messages.success(request, _("Het netwerk is aangemaakt. Jij bent de trekker."))
        return redirect(overview)
    if request.method == "POST" and (repeat := once.repeat_of(request, form, reverse("home"))):
        return repeat
    return render(request, "networks/network_create.html", {"form": form})


@permissions.network_permission_required(permissions.NETWORK_VIEW)
def network_overview(request):
    network = request.network
    context = {
        "network": network,
        "insight": insight_for(request),
        "next_step": panels.next_step_for(request),
        "panels": panels.panels_for(request),
    }
    return render(request, "networks/network_overview.html", context)


@permissions.network_permission_required(permissions.NETWORK_CHANGE)
def network_edit(request):
    form = NetworkForm(request.POST or None, instance=request.network)
    if saved := save_form(
        request,
        form,
        next_url=reverse("network_overview", args=[request.network.slug]),
        success=_("De gegevens van het netwerk zijn opgeslagen."),
    ):
        return saved
    context = {"form": form, "network": request.network, "title": _("Instellingen")}
    return render(request, "networks/network_edit.html", context)


@require_POST
@permissions.network_permission_required(permissions.NETWORK_ARCHIVE)
def network_archive(request):
    """Archive (read-only) or restore a network; nothing is ever deleted."""
    network = request.network
    # The form says what it wants, so a double click or an old tab cannot undo it.
    archive = request.POST.get("actie") != "terugzetten"
    if archive and not network.is_archived:
        count = services.network_archive(network=network, base_url=base_url_of(request))
        messages.success(
            request,
            _(
                "Het netwerk is gearchiveerd. Alles blijft leesbaar. We sturen de %(n)s "
                "leden een mail hierover."
            )
            % {"n": count},
        )
    elif not archive and network.is_closed:
        messages.info(request, _("Een afgesloten netwerk heropen je via de afsluiting."))
    elif not archive and network.is_archived:
        network.archived_at = None
        network.save(update_fields=["archived_at"])
        messages.success(request, _("Het netwerk is teruggezet. Iedereen kan weer verder."))
    return redirect("network_overview", network.slug)


@permissions.network_permission_required(permissions.MEMBERS_VIEW)
def member_list(request):
    network = request.network
    can_manage = permissions.MEMBERS_MANAGE in request.network_perms
    context = {
        "network": network,
        "members": active_members(network),
        "can_manage": can_manage,
        "edit_url": url_pattern("member_edit", network.slug),
        "invitations": _open_invitations(network) if can_manage else [],
        "former": network.memberships.filter(left_on__isnull=False)
        .select_related("user")
        .order_by("-left_on"),
        "now": timezone.now(),
        "title": _("Leden"),
    }
    return render(request, "networks/member_list.html", context)


QUEUED = gettext_lazy(
    "De uitnodiging voor %(email)s staat klaar om te versturen. Bij ‘Openstaande "
    "uitnodigingen’ zie je of de mail is aangekomen."
)
QUEUED_AGAIN = gettext_lazy(
    "Een nieuwe uitnodiging voor %(email)s staat klaar om te versturen; de link uit de "
    "vorige werkt niet meer."
)


def _open_invitations(network) -> list:
    """The open invitations, each with its latest mail (`mail`: None before the worker
    wrote it, and for invitations from before mail was recorded), so the list tells
    whether it went out."""
    invitations = list(
        network.invitations.filter(
            accepted_at__isnull=True, revoked_at__isnull=True
        ).select_related("organisation")
    )
    mails = outbox.latest_by_topic([invitation_topic(i) for i in invitations])
    for invitation in invitations:
        invitation.mail = mails.get(invitation_topic(invitation))
    return invitations


def _invitation_link(request, token: str) -> str:
    return request.build_absolute_uri(reverse("invitation_accept", args=[token]))


def _send(request, invitation, token, text: str) -> None:
    """Queue the invitation mail and say so: the member list tells when it went out."""
    send_invitation.enqueue(invitation_id=invitation.pk, link=_invitation_link(request, token))
    messages.success(request, text % {"email": invitation.email})


@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def member_invite(request):
    network = request.network
    # A name in the link (from a verkennend gesprek) is filled in already.
    initial = {"full_name": request.GET.get("naam", "")[:150]}
    form = InvitationForm(request.POST or None, network=network, user=request.user, initial=initial)
    form.limit_roles(permissions.grantable_roles(request.network_perms))
    if request.method == "POST" and form.is_valid():
        members = reverse("member_list", args=[network.slug])
        fields = form.invitation_fields()
        try:
            with transaction.atomic():
                submission = once.claim(request, form)
                if name := form.cleaned_data["new_organisation"].strip():
                    fields["organisation"] = services.organisation_named(
                        name=name,
                        perspective=fields["perspective"],
                        kind=form.cleaned_data["new_organisation_kind"],
                    )
                invitation, token = services.invitation_create(
                    network=network, invited_by=request.user, **fields
                )
                once.finish(submission, members)
        except once.Repeated as repeated:  # sent twice: one invitation, one mail
            return once.repeated(request, repeated, members)
        except services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            _send(request, invitation, token, QUEUED)
            return redirect(members)
    elif request.method == "POST" and (
        repeat := once.repeat_of(request, form, reverse("member_list", args=[network.slug]))
    ):
        return repeat
    context = {"form": form, "network": network, "title": _("Iemand uitnodigen")}
    return render(request, "networks/member_invite.html", context)


@require_POST
@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def invitation_resend(request, pk):
    invitation = get_object_or_404(
        request.network.invitations, pk=pk, accepted_at__isnull=True, revoked_at__isnull=True
    )
    with transaction.atomic():
        token = services.invitation_renew(invitation=invitation)
        # A mail still waiting carries the old link, which no longer works.
        outbox.withdraw(topic=invitation_topic(invitation), to=invitation.email)
    _send(request, invitation, token, QUEUED_AGAIN)
    return redirect("member_list", request.network.slug)


@require_POST
@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def invitation_revoke(request, pk):
    invitation = get_object_or_404(
        request.network.invitations, pk=pk, accepted_at__isnull=True, revoked_at__isnull=True
    )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    messages.success(
        request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email}
    )
    return redirect("member_list", request.network.slug)


MANAGE_TREKKERS = permissions.MEMBERS_MANAGE_TREKKERS


def _managed_membership(request, pk):
    """A current member of this network whom the requester may manage: a trekker's
    membership only by someone who may manage trekkers."""
    membership = get_object_or_404(
        request.network.memberships.select_related("user").prefetch_related("roles"),
        pk=pk,
        left_on__isnull=True,
    )
    if Role.TREKKER in membership.role_codes() and MANAGE_TREKKERS not in request.network_perms:
        raise PermissionDenied
    return membership


@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def member_edit(request, pk):
    membership = _managed_membership(request, pk)
    form = MembershipForm(
        request.POST or None, instance=membership, prefix="lid", user=request.user
    )
    grantable = permissions.grantable_roles(request.network_perms)
    kept = [code for code in membership.role_codes() if code not in grantable]
    form.limit_roles(grantable, kept)
    leave_form = LeaveForm(initial={"left_on": date.today()}, prefix="vertrek")

    def save():
        form.save()
        services.membership_set_roles(membership=membership, roles=form.cleaned_data["roles"])

    try:
        if saved := save_form(
            request,
            form,
            next_url=reverse("member_list", args=[request.network.slug]),
            success=_("De gegevens van %(name)s zijn opgeslagen.")
            % {"name": membership.user.full_name},
            save=save,
        ):
            return saved
    except services.MembershipError as error:
        form.add_error("roles", str(error))
    context = {
        "form": form,
        "leave_form": leave_form,
        "member": membership,
        "network": request.network,
        "title": membership.user.full_name,
    }
    return render(request, "networks/member_edit.html", context)


@require_POST
@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def member_leave(request, pk):
    membership = _managed_membership(request, pk)
    form = LeaveForm(request.POST, prefix="vertrek", joined_on=membership.joined_on)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["left_on"]))
        return redirect("member_edit", request.network.slug, membership.pk)
    try:
        services.membership_leave(membership=membership, left_on=form.cleaned_data["left_on"])
    except services.MembershipError as error:
        messages.error(request, str(error))
        return redirect("member_edit", request.network.slug, membership.pk)
    message = _("%(name)s staat nu bij de oud-leden. De geschiedenis blijft bewaard.")
    messages.success(request, message % {"name": membership.user.full_name})
    return redirect("member_list", request.network.slug)


@permissions.network_permission_required(permissions.INSIGHT_VIEW)
def member_coverage(request):
    context = {
        "network": request.network,
        "insight": network_insight(request.network),
        "title": _("Perspectieven"),
    }
    return render(request, "networks/member_coverage.html", context)


@permissions.network_permission_required(permissions.MEMBERS_MANAGE)
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if saved := save_form(
        request,
        form,
        next_url=reverse("member_list", args=[request.network.slug]),
        success=lambda organisation: (
            _("De organisatie %(name)s is toegevoegd.") % {"name": organisation.name}
        ),
    ):
        return saved
    context = {"form": form, "network": request.network, "title": _("Organisatie toevoegen")}
    return render(request, "networks/organisation_create.html", context)


@login_not_required
def invitation_accept(request, token):
    """The link in the invitation mail. Someone with an account (logged in as that
    address) joins at once; someone new first chooses a name and password."""
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        joined = services.invitation_accepted_by(token, request.user)
        if joined is not None:  # they clicked the link in the mail again
            return redirect("network_overview", joined.network.slug)
        return render(
            request, "networks/invitation_invalid.html", {"reason": str(error)}, status=410
        )
    # An account that signed up but never confirmed its address counts as none: opening
    # the invitation's link proves the address, and the new password replaces its own.
    existing = User.objects.filter(
        email__iexact=invitation.email, awaiting_confirmation=False
    ).first()
    user = request.user if request.user.is_authenticated else None
    if user and user.email.lower() != invitation.email.lower():
        return render(
            request,
            "networks/invitation_other_account.html",
            {"invitation": invitation},
            status=403,
        )
    form = None
    if user is None and existing is None:
        form = AcceptNewAccountForm(
            request.POST or None,
            email=invitation.email,
            initial={"full_name": invitation.full_name},
        )
    if request.method == "POST":
        if user is None and existing is not None:
            return redirect(f"{reverse('login')}?next={request.path}")
        if form is not None and not form.is_valid():
            return render(
                request, "networks/invitation_accept.html", {"invitation": invitation, "form": form}
            )
        try:
            with transaction.atomic():
                if form is not None:
                    user = signup.account_create(
                        email=invitation.email,
                        full_name=form.cleaned_data["full_name"],
                        password=form.cleaned_data["password1"],
                    )
                services.invitation_accept(invitation=invitation, user=user)
        except (services.InvitationError, IntegrityError):
            # Two tabs or a double click: the other one got there first.
            reason = _("Deze uitnodiging is al gebruikt. Log in om naar het netwerk te gaan.")
            return render(
                request, "networks/invitation_invalid.html", {"reason": reason}, status=410
            )
        if not request.user.is_authenticated:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welkom bij %(name)s!") % {"name": invitation.network.name})
        return redirect("network_overview", invitation.network.slug)
    context = {
        "invitation": invitation,
        "form": form,
        "has_account": existing is not None,
        "logged_in": user is not None,
    }
    return render(request, "networks/invitation_accept.html", context)


@permissions.network_permission_required(permissions.REPORTS_EXPORT)
def member_csv(request):
    """Everyone who is or was a member, for a spreadsheet; e-mail addresses only for those
    who manage the members."""
    with_email = permissions.MEMBERS_MANAGE in request.network_perms
    members = (
        request.network.memberships.select_related("user", "organisation")
        .prefetch_related("roles")
        .order_by("left_on", "user__full_name")
    )
    header = [
        _("Naam"),
        _("E-mailadres"),
        _("Organisatie"),
        _("Perspectief"),
        _("Ring"),
        _("Rollen"),
        _("Uren per week"),
        _("Lid sinds"),
        _("Vertrokken op"),
    ]

    def row(member):
        return [
            member.user.full_name,
            member.user.email,
            member.organisation,
            member.get_perspective_display(),
            member.get_ring_display(),
            ", ".join(str(label) for label in member.role_labels()),
            member.hours_per_week,
            member.joined_on,
            member.left_on,
        ]

    def without_email(values):
        return values if with_email else values[:1] + values[2:]

    return csv_response(
        f"leden-{request.network.slug}.csv",
        without_email(header),
        (without_email(row(member)) for member in members),
    )
