"""Looking back on a session: each participant answers two questions and may rate the
werkvormen used; the planners read the answers grouped and without names; the library
shows per werkvorm how networks rated it."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bijeenkomsten.models import Session, Terugblik, WerkvormRating
from werkvormen.models import Werkvorm

SCORES = [
    (1, gettext_lazy("1: werkte niet")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, gettext_lazy("5: werkte heel goed")),
]


def werkvormen_used(session: Session) -> list[Werkvorm]:
    """The werkvormen of the session's draaiboek, each once, in programme order."""
    seen, used = set(), []
    for block in session.blocks.select_related("werkvorm").exclude(werkvorm=None):
        if block.werkvorm_id not in seen:
            seen.add(block.werkvorm_id)
            used.append(block.werkvorm)
    return used


@transaction.atomic
def terugblik_save(
    *, session: Session, membership, went_well: str, needs: str, scores: dict[int, int | None]
) -> None:
    """Keep (or replace) a participant's answers and ratings; an empty score removes it."""
    Terugblik.objects.update_or_create(
        session=session,
        membership=membership,
        defaults={"went_well": went_well.strip(), "needs": needs.strip()},
    )
    for werkvorm_id, score in scores.items():
        if score is None:
            WerkvormRating.objects.filter(
                session=session, membership=membership, werkvorm_id=werkvorm_id
            ).delete()
        else:
            WerkvormRating.objects.update_or_create(
                session=session,
                membership=membership,
                werkvorm_id=werkvorm_id,
                defaults={"score": score},
            )


@dataclass(frozen=True)
class Grouped:
    count: int
    went_well: list[str]
    needs: list[str]
    ratings: list[tuple[str, float, int]]  # werkvorm name, average, how many


def grouped(session: Session) -> Grouped:
    """The answers per question, without names (and in no telling order), and the
    ratings per werkvorm."""
    answers = list(session.terugblikken.order_by("?").values_list("went_well", "needs"))
    per_werkvorm = session.ratings.values("werkvorm__name").order_by("werkvorm__name")
    ratings = per_werkvorm.annotate(average=Avg("score"), count=Count("pk"))
    return Grouped(
        count=len(answers),
        went_well=[text for text, _needs in answers if text],
        needs=[text for _text, text in answers if text],
        ratings=[(r["werkvorm__name"], r["average"], r["count"]) for r in ratings],
    )


def rating_text(werkvorm) -> str:
    """How networks rated a werkvorm, for its page in the library (one query)."""
    summary = WerkvormRating.objects.filter(werkvorm=werkvorm).aggregate(
        average=Avg("score"), count=Count("pk"), networks=Count("session__network", distinct=True)
    )
    if not summary["count"]:
        return ""
    average = f"{summary['average']:.1f}".replace(".", ",")
    ratings = ngettext("%(n)s waardering", "%(n)s waarderingen", summary["count"]) % {
        "n": summary["count"]
    }
    networks = ngettext("%(n)s netwerk", "%(n)s netwerken", summary["networks"]) % {
        "n": summary["networks"]
    }
    return _("Gemiddeld %(average)s van 5 (%(ratings)s uit %(networks)s).") % {
        "average": average,
        "ratings": ratings,
        "networks": networks,
    }
