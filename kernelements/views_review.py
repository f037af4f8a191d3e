"""The jaarlijkse terugblik (/netwerken/<slug>/gezondheid/terugblik/): the reviews a network
held, one review with what the year brought beside what the network wrote down, its
agreements (action points of the network) and its PDF. Every member reads them; those who
lead the network write them."""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten.forms import ActionPointForm
from bijeenkomsten.models import ActionPoint
from kernelements import review as R
from kernelements.forms import YearlyReviewForm
from kernelements.models import YearlyReview
from kernelements.views_health import health_crumb
from liso.compiled import EXAMPLE_ID, SECOND_EXAMPLE_ID, CompiledOnce
from liso.forms import offer
from liso.pdf import pdf_response
from networks import permissions as P
from networks.editing import edit_page

# The review pages read their review with a query compiled once (liso/compiled.py).
_review_in_network = CompiledOnce(
    lambda network_id, pk: R.reviews_of(network_id).filter(pk=pk)[:1],
    network_id=EXAMPLE_ID,
    pk=SECOND_EXAMPLE_ID,
)


def _review(request, pk) -> YearlyReview:
    return P.found_in_network(_review_in_network, request, pk)


def _detail_url(request, review) -> str:
    return reverse("review_detail", args=[request.network.slug, review.pk])


@P.network_permission_required(P.HEALTH_VIEW)
def review_list(request):
    reviews = list(
        request.network.yearly_reviews.select_related("session").annotate(
            agreement_count=Count("agreements")
        )
    )
    last = reviews[0].held_on if reviews else None
    context = {
        "network": request.network,
        "reviews": reviews,
        "next_review": R.next_review(request.network, last),
        "title": _("Jaarlijkse terugblik"),
        **health_crumb(request),
    }
    return render(request, "kernelements/health/reviews.html", context)


def _form_page(request, review, title, after_save=None):
    form = YearlyReviewForm(request.POST or None, instance=review, network=request.network)
    return edit_page(
        request,
        form=form,
        title=title,
        intro=_(
            "Loop de vijf kernelementen langs. Op de pagina van de terugblik staat wat het "
            "jaar bracht: de scan, de signalen, de agenda's en de besluiten."
        ),
        back_url=_detail_url(request, review)
        if review.pk
        else reverse("review_list", args=[request.network.slug]),
        success=_("De terugblik is bewaard."),
        crumb=health_crumb(request),
        after_save=after_save or (lambda saved: _detail_url(request, saved)),
    )


@P.network_permission_required(P.HEALTH_MANAGE)
def review_add(request):
    def keep_the_signals_of_now(review):
        review.signals_then = R.signals_now(request.network)
        review.save(update_fields=["signals_then"])
        return _detail_url(request, review)

    review = YearlyReview(network=request.network)
    try:
        return _form_page(
            request, review, _("Een jaarlijkse terugblik houden"), keep_the_signals_of_now
        )
    except IntegrityError:  # a double click: the first one made it
        messages.info(request, _("Deze terugblik was al bewaard."))
        return redirect("review_list", request.network.slug)


@P.network_permission_required(P.HEALTH_MANAGE)
def review_edit(request, pk):
    def agreements_follow(review):
        R.agreements_follow(review)
        return _detail_url(request, review)

    return _form_page(request, _review(request, pk), _("Terugblik bijwerken"), agreements_follow)


@P.network_permission_required(P.HEALTH_VIEW)
def review_detail(request, pk):
    review = _review(request, pk)
    material = R.material(review)
    manages = P.HEALTH_MANAGE in request.network_perms
    for action in material.agreements:
        action.may_tick = P.may_tick_action(request, action)
        if manages:
            action.edit_url = reverse(
                "review_agreement_edit", args=[request.network.slug, review.pk, action.pk]
            )
    context = {
        "network": request.network,
        "review": review,
        "material": material,
        "back": request.path,
        "title": str(review),
        **health_crumb(request),
    }
    return render(request, "kernelements/health/review.html", context)


@P.network_permission_required(P.REPORTS_EXPORT)
def review_pdf(request, pk):
    return pdf_response(*R.review_pdf(_review(request, pk)))


def _agreement(request, review, action_pk) -> ActionPoint:
    return get_object_or_404(review.agreements.all(), pk=action_pk)


def _agreement_form(request, instance) -> ActionPointForm:
    """The form of an agreement; its members to choose from read as (pk, name) pairs, not
    as a membership and a user each (the same options)."""
    form = ActionPointForm(request.POST or None, instance=instance, network=request.network)
    owner = form.fields["owner"]
    offer(owner, owner.queryset.values_list("pk", "user__full_name"))
    return form


def _agreement_page(request, review, form, title, delete_url=None):
    if request.method == "POST" and form.is_valid():
        R.agreement_add(review=review, action=form.instance)
        messages.success(request, _("De afspraak is opgeslagen."))
        return redirect(_detail_url(request, review))
    context = {
        "network": request.network,
        "form": form,
        "title": title,
        "lead": _(
            "Een afspraak uit de terugblik van %(date)s. Ze komt op de lijst van wie haar "
            "op zich neemt, en terug in de voorbereiding van de volgende bijeenkomst."
        )
        % {"date": review.held_on.strftime("%d-%m-%Y")},
        "back_url": _detail_url(request, review),
        "delete_url": delete_url,
        **health_crumb(request),
    }
    return render(request, "components/network_form_page.html", context)


@P.network_permission_required(P.HEALTH_MANAGE)
def review_agreement_add(request, pk):
    review = _review(request, pk)
    form = _agreement_form(request, ActionPoint())
    return _agreement_page(request, review, form, _("Een afspraak toevoegen"))


@P.network_permission_required(P.HEALTH_MANAGE)
def review_agreement_edit(request, pk, action):
    review = _review(request, pk)
    instance = _agreement(request, review, action)
    form = _agreement_form(request, instance)
    delete_url = reverse(
        "review_agreement_delete", args=[request.network.slug, review.pk, instance.pk]
    )
    return _agreement_page(request, review, form, _("Afspraak wijzigen"), delete_url)


@require_POST
@P.network_permission_required(P.HEALTH_MANAGE)
def review_agreement_delete(request, pk, action):
    review = _review(request, pk)
    instance = _agreement(request, review, action)
    instance.delete()
    messages.success(request, _("“%(what)s” is verwijderd.") % {"what": instance.what})
    return redirect(_detail_url(request, review))
