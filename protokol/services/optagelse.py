"""Recording the meeting (optagelse af referat): attendance, the decision of each item, named
votes (KSL §13), minority statements (§13 stk. 2), per-item absence and inhabilitet (§14), and
earlier decisions on a case. Every write is one transaction; a refusal leaves nothing half-saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kerne import danish, richtext
from protokol import deltagelse, selectors
from sager.models import (
    Afstemning,
    Beslutning,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Sag,
    Standardtekst,
    Stemme,
    Valg,
)
from sager.services import changed_by
from udvalg import services as udvalg_services
from udvalg.models import Fremmoede, FremmoedeStatus, Moede, Person


@transaction.atomic
def beslutning_save(
    *,
    punkt: Punkt,
    tekst: str,
    version: int | None = None,
    user=None,
    offentlig_tekst: str | None = None,
):
    """Create or update the decision of this item at its meeting (committee and date stored).

    `version` is the decision's version when the form was opened (0: there was none); a
    mismatch means someone else saved in between. None skips the check (imports, demo)."""
    punkt = Punkt.objects.select_related("moede").get(pk=punkt.pk)
    beslutning = Beslutning.objects.select_for_update(of=("self",)).filter(punkt=punkt).first()
    if version is not None and (beslutning.version if beslutning else 0) != version:
        raise BeslutningConflict(beslutning)
    if beslutning is None:
        beslutning = Beslutning(
            punkt=punkt, sag=punkt.sag, udvalg_id=punkt.moede.udvalg_id, dato=punkt.moede.dato
        )
    else:
        beslutning.version += 1
    beslutning.tekst = tekst
    if offentlig_tekst is not None:
        beslutning.offentlig_tekst = offentlig_tekst
    beslutning.aendret_af = user
    beslutning.full_clean()
    beslutning.save()
    return beslutning


class BeslutningConflict(ValidationError):
    def __init__(self, beslutning):
        super().__init__(
            f"Beslutningen er ændret {changed_by(beslutning)}, efter at du åbnede den. Din "
            "tekst er ikke gemt, men står nedenfor.",
            code="conflict",
        )
        self.beslutning = beslutning


@transaction.atomic
def beslutning_add_earlier(*, sag: Sag, udvalg, dato, tekst: str):
    """An earlier decision by hand, e.g. from another committee or a meeting before the system."""
    beslutning = Beslutning(sag=sag, udvalg=udvalg, dato=dato, tekst=tekst)
    beslutning.full_clean()
    beslutning.save()
    return beslutning


@transaction.atomic
def fremmoede_set(*, moede: Moede, person, status: str, grund: str = "", stedfortraeder_for=None):
    """Record a member's absence (or presence), or a substitute taking a member's seat.
    Present without a reason is the default and needs no row."""
    row = Fremmoede.objects.filter(moede=moede, person=person).first()
    if status == FremmoedeStatus.TIL_STEDE and stedfortraeder_for is None and not grund:
        if row is not None:
            row.delete()
        return None
    row = row or Fremmoede(moede=moede, person=person)
    row.status, row.grund, row.stedfortraeder_for = status, grund, stedfortraeder_for
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def punktfravaer_set(*, punkt: Punkt, person, type: str | None, note: str = ""):
    """A member left before the item, arrived after it, or was inhabil; None clears it."""
    PunktFravaer.objects.filter(punkt=punkt, person=person).delete()
    if type is None:
        return None
    row = PunktFravaer(punkt=punkt, person=person, type=type, note=note)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def punktfravaer_copy_to_all(*, punkt: Punkt) -> int:
    """Copy this item's per-item attendance to every other item of the meeting."""
    source = list(PunktFravaer.objects.filter(punkt=punkt))
    others = list(Punkt.objects.filter(moede_id=punkt.moede_id).exclude(pk=punkt.pk))
    PunktFravaer.objects.filter(punkt__in=others).delete()
    for other in others:
        for f in source:
            PunktFravaer.objects.create(
                punkt=other, person_id=f.person_id, type=f.type, note=f.note
            )
    return len(others)


@transaction.atomic
def afstemning_register(*, beslutning, forslag: str, stemmer: dict[int, str]):
    """Record a named vote. Only members taking part in the item may vote (not absent, not
    inhabil); the result is computed from the votes."""
    if not forslag.strip():
        raise ValidationError({"forslag": "Skriv forslaget, der blev sat til afstemning."})
    punkt = beslutning.punkt
    paa_punktet = deltagelse.punkt_deltagelse(
        selectors.moede_deltagelse(punkt.moede), list(PunktFravaer.objects.filter(punkt=punkt))
    )
    navne = {d.person_id: d.navn for d in paa_punktet.deltagere}
    outside = [pid for pid in stemmer if pid not in navne]
    if outside:
        raise ValidationError(
            "Kun medlemmer, der deltager i behandlingen af punktet, kan stemme.",
            code="not_taking_part",
        )
    if any(v not in Valg.values for v in stemmer.values()):
        raise ValidationError("Ugyldig stemme.", code="bad_vote")
    if not stemmer:
        raise ValidationError("Angiv mindst én stemme.", code="no_votes")
    afstemning, _ = Afstemning.objects.update_or_create(
        beslutning=beslutning, defaults={"forslag": forslag.strip()}
    )
    afstemning.stemmer.exclude(person_id__in=stemmer).delete()
    for person_id, valg in stemmer.items():
        Stemme.objects.update_or_create(
            afstemning=afstemning, person_id=person_id, defaults={"valg": valg}
        )
    # A minority statement must stay valid after the votes change (KSL §13 stk. 2).
    for m in beslutning.mindretalsudtalelser.all():
        if not deltagelse.may_enter_minority_statement(m.person_id, stemmer):
            raise ValidationError(
                f"{navne.get(m.person_id, 'Medlemmet')} har en mindretalsudtalelse, men stemte "
                "nu med flertallet. Markér udtalelsen til fjernelse, eller ret stemmerne.",
                code="minority_invalid",
            )
    return afstemning


@transaction.atomic
def mindretalsudtalelse_add(*, beslutning, person, tekst: str):
    """KSL §13 stk. 2: only a member who took part in the vote and did not vote with the
    majority may have a minority statement entered."""
    afstemning = getattr(beslutning, "afstemning", None)
    stemmer = dict(afstemning.stemmer.values_list("person_id", "valg")) if afstemning else {}
    if not tekst.strip():
        raise ValidationError({"tekst": "Skriv udtalelsen."})
    if not deltagelse.may_enter_minority_statement(person.pk, stemmer):
        raise ValidationError(
            f"{person.navn} kan ikke få en mindretalsudtalelse ført til protokol: kun et medlem, "
            "der deltog i afstemningen og ikke stemte med flertallet, kan det "
            "(kommunestyrelseslovens § 13, stk. 2).",
            code="not_minority",
        )
    row, _ = Mindretalsudtalelse.objects.update_or_create(
        beslutning=beslutning, person=person, defaults={"tekst": tekst.strip()}
    )
    return row


@transaction.atomic
def punkt_record(
    *,
    punkt: Punkt,
    tekst: str,
    version: int | None,
    fravaer: dict[int, str | None],
    forslag: str,
    stemmer: dict[int, str],
    mindretal_person: int | None = None,
    mindretal_tekst: str = "",
    fjern_mindretal: list[int] = (),
    gem_frase: bool = False,
    offentlig_tekst: str | None = None,
    user=None,
):
    """Save everything recorded on one item in one transaction: who took part, the decision,
    the named vote and a minority statement; the meeting counts as held from then on. Any
    refusal leaves nothing half-saved."""
    for person_id, type_ in fravaer.items():
        current = PunktFravaer.objects.filter(punkt=punkt, person_id=person_id).first()
        if (current.type if current else None) != type_:
            punktfravaer_set(punkt=punkt, person=_person(person_id), type=type_)
    beslutning = beslutning_save(
        punkt=punkt, tekst=tekst, version=version, user=user, offentlig_tekst=offentlig_tekst
    )
    if fjern_mindretal:
        beslutning.mindretalsudtalelser.filter(person_id__in=fjern_mindretal).delete()
    if stemmer:
        afstemning_register(beslutning=beslutning, forslag=forslag, stemmer=stemmer)
    else:
        Afstemning.objects.filter(beslutning=beslutning).delete()
        beslutning.mindretalsudtalelser.all().delete()
    if mindretal_person:
        mindretalsudtalelse_add(
            beslutning=beslutning, person=_person(mindretal_person), tekst=mindretal_tekst
        )
    if gem_frase:
        standardtekst_add(udvalg_id=punkt.moede.udvalg_id, html=tekst)
    udvalg_services.moede_start_recording(moede=punkt.moede)
    return beslutning


def standardtekst_add(*, udvalg_id: int, html: str) -> Standardtekst | None:
    """Keep a decision text as one of the committee's own phrases (plain text)."""
    tekst = richtext.editable_text(html).strip()
    if not tekst or tekst in deltagelse.STANDARD_FRASER or len(tekst) > 500:
        return None
    row, _ = Standardtekst.objects.get_or_create(udvalg_id=udvalg_id, tekst=tekst)
    return row


def _person(pk: int) -> Person:
    return Person.objects.get(pk=pk)


class FremmoedeConflict(ValidationError):
    def __init__(self, moede: Moede):
        latest = (
            Fremmoede.history.filter(moede_id=moede.pk)
            .select_related("history_user")
            .order_by("-history_date")
            .first()
        )
        who, when = "en anden bruger", ""
        if latest is not None:
            if latest.history_user is not None:
                user = latest.history_user
                who = user.get_full_name() or user.get_username()
            t = timezone.localtime(latest.history_date)
            when = f" {danish.date_without_weekday(t.date())} kl. {t:%H:%M}"
        super().__init__(
            f"Fremmødet er ændret af {who}{when}, efter at du åbnede siden. Dine valg er ikke "
            "gemt, men står nedenfor; kontrollér dem og gem igen.",
            code="conflict",
        )


@transaction.atomic
def fremmoede_save(
    *, moede: Moede, rows: list[tuple[int, str, str, int | None]], snapshot: str | None = None
) -> None:
    """The meeting's attendance from (member id, status, reason, substitute id) rows; the
    meeting counts as held from then on. `snapshot` is the attendance fingerprint when the form
    was opened (None: no check)."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if snapshot is not None and snapshot != deltagelse.attendance_snapshot(moede.fremmoede.all()):
        raise FremmoedeConflict(moede)
    Fremmoede.objects.filter(moede=moede, stedfortraeder_for__isnull=False).delete()
    for person_id, status, grund, vikar_id in rows:
        fremmoede_set(moede=moede, person=_person(person_id), status=status, grund=grund)
        if vikar_id:
            fremmoede_set(
                moede=moede,
                person=_person(vikar_id),
                status=FremmoedeStatus.TIL_STEDE,
                stedfortraeder_for=_person(person_id),
            )
    udvalg_services.moede_start_recording(moede=moede)
