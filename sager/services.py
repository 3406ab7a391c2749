"""Multi-step writes on cases, agenda items, attachments and import runs."""

import shutil
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from sager import files, protokol, recording, richtext, tasks
from sager.models import (
    SEKTIONER,
    Adgang,
    Afstemning,
    Beslutning,
    Bilag,
    Importkoersel,
    Importstatus,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Punkttype,
    Sag,
    Standardtekst,
    Stemme,
    Valg,
)
from udvalg import danish
from udvalg.models import Fremmoede, FremmoedeStatus, Moede, Person

SECTION_FIELDS = [name for name, _ in SEKTIONER]
# Renumbering moves rows out of the way first, so the (moede, nummer) unique constraint
# holds after every single UPDATE on every database.
_RENUMBER_OFFSET = 10000


@transaction.atomic
def sag_create(*, sagsnr: str, titel: str) -> Sag:
    sag = Sag(sagsnr=sagsnr.strip(), titel=titel.strip())
    sag.full_clean()
    sag.save()
    return sag


@transaction.atomic
def punkt_create(
    *,
    moede: Moede,
    titel: str,
    sag: Sag | None = None,
    punkttype: str = Punkttype.BESLUTNING,
    adgang: str = Adgang.AABEN,
    user=None,
    **sektioner: str | None,
) -> Punkt:
    """Append an item to the agenda; after release it is marked as supplementary (tillæg)."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    unknown = set(sektioner) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown sections: {sorted(unknown)}")
    nummer = (moede.punkter.aggregate(m=Max("nummer"))["m"] or 0) + 1
    punkt = Punkt(
        moede=moede,
        nummer=nummer,
        titel=titel.strip(),
        sag=sag,
        punkttype=punkttype,
        adgang=adgang,
        tillaeg=moede.is_released,
        aendret_af=user,
        **sektioner,
    )
    punkt.full_clean()
    punkt.save()
    return punkt


def changed_by(obj) -> str:
    """'af Karen Kollega 3. marts 2014 kl. 09:12' for an object with aendret/aendret_af."""
    if obj is None:
        return "af en anden bruger"
    who = "en anden bruger"
    if obj.aendret_af is not None:
        who = obj.aendret_af.get_full_name() or obj.aendret_af.get_username()
    when = timezone.localtime(obj.aendret)
    return f"af {who} {danish.date_without_weekday(when.date())} kl. {when:%H:%M}"


class EditConflict(ValidationError):
    """Someone else saved the item after this user opened it."""

    def __init__(self, punkt: Punkt):
        super().__init__(
            f"Punktet er ændret {changed_by(punkt)}, efter at du åbnede det. Dine ændringer "
            "er ikke gemt: de står nedenfor, så du kan sammenligne med den gemte udgave og "
            "gemme igen.",
            code="conflict",
        )
        self.punkt = punkt


@transaction.atomic
def punkt_update(*, punkt: Punkt, version: int, user=None, **fields) -> Punkt:
    """Save an edit made from `version`; refuse it if the item changed in the meantime."""
    allowed = {"titel", "punkttype", "adgang", "offentlig_titel", *SECTION_FIELDS}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    # of=("self",): PostgreSQL cannot lock the nullable side of the join to aendret_af.
    current = (
        Punkt.objects.select_for_update(of=("self",)).select_related("aendret_af").get(pk=punkt.pk)
    )
    # Compare-and-swap on the version as well, for databases without row locks (SQLite).
    claimed = Punkt.objects.filter(pk=punkt.pk, version=version).update(version=F("version"))
    if current.version != version or not claimed:
        raise EditConflict(current)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version = version + 1
    current.aendret_af = user
    current.full_clean()
    current.save()
    return current


def _apply_order(objects: list, field: str) -> None:
    """Number `objects` 1..n in `field`, in list order.

    The rows first move out of the way (+_RENUMBER_OFFSET), so the unique constraint on
    (parent, field) holds after every single UPDATE, on SQLite and PostgreSQL alike.
    """
    for obj in objects:
        type(obj).objects.filter(pk=obj.pk).update(**{field: F(field) + _RENUMBER_OFFSET})
    for number, obj in enumerate(objects, start=1):
        setattr(obj, field, number)
        obj.save(update_fields=[field])


def _moved(objects: list, pk: int, retning: str) -> list | None:
    """`objects` with the one whose pk is given swapped with its neighbour, or None."""
    i = [o.pk for o in objects].index(pk)
    j = {"op": i - 1, "ned": i + 1}.get(retning, -1)
    if not 0 <= j < len(objects):
        return None
    objects = list(objects)
    objects[i], objects[j] = objects[j], objects[i]
    return objects


@transaction.atomic
def punkter_reorder(*, moede: Moede, order: list[int]) -> None:
    """Put the meeting's items in the given order (a permutation of their ids) and renumber."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    punkter = {p.pk: p for p in moede.punkter.all()}
    if sorted(order) != sorted(punkter):
        raise ValidationError(
            "Rækkefølgen passer ikke til mødets punkter. Genindlæs siden og prøv igen.",
            code="bad_order",
        )
    _apply_order([punkter[pk] for pk in order], "nummer")


@transaction.atomic
def punkt_move(*, punkt: Punkt, retning: str) -> None:
    """Move an item one place up ('op') or down ('ned')."""
    moede = Moede.objects.select_for_update().get(pk=punkt.moede_id)
    ordered = _moved(list(moede.punkter.order_by("nummer")), punkt.pk, retning)
    if ordered:
        _apply_order(ordered, "nummer")


@transaction.atomic
def punkt_delete(*, punkt: Punkt) -> None:
    moede = Moede.objects.select_for_update().get(pk=punkt.moede_id)
    punkt.delete()
    _apply_order(list(moede.punkter.order_by("nummer")), "nummer")


# --- attachments -----------------------------------------------------------------------------


@transaction.atomic
def bilag_add(
    *,
    punkt: Punkt,
    fil,
    filnavn: str | None = None,
    titel: str = "",
    bilagsnr: str | None = None,
    adgang: str = Adgang.AABEN,
) -> Bilag:
    """Check the file's real type, read pages and text from PDFs, and append it to the item."""
    filnavn = (filnavn or fil.name).strip()
    info = files.inspect(fil, filnavn)
    punkt = Punkt.objects.select_for_update().get(pk=punkt.pk)
    sekvens = (punkt.bilag.aggregate(m=Max("sekvens"))["m"] or 0) + 1
    bilag = Bilag(
        punkt=punkt,
        sekvens=sekvens,
        filnavn=filnavn,
        titel=titel.strip(),
        bilagsnr=bilagsnr or None,
        adgang=adgang,
        stoerrelse=fil.size,
        indholdstype=info.mime,
        sidetal=info.sidetal,
        tekst=info.tekst,
    )
    bilag.fil.save(filnavn, fil, save=False)
    try:
        bilag.full_clean()
        bilag.save()
    except Exception:
        # Nothing half-written: the stored file goes when the row does not come.
        bilag.fil.delete(save=False)
        raise
    return bilag


@transaction.atomic
def bilag_update(
    *, bilag: Bilag, filnavn: str, titel: str, bilagsnr: str | None, adgang: str
) -> Bilag:
    bilag.filnavn, bilag.titel = filnavn.strip(), titel.strip()
    bilag.bilagsnr, bilag.adgang = bilagsnr or None, adgang
    bilag.full_clean()
    bilag.save()
    return bilag


@transaction.atomic
def bilag_move(*, bilag: Bilag, retning: str) -> None:
    punkt = Punkt.objects.select_for_update().get(pk=bilag.punkt_id)
    ordered = _moved(list(punkt.bilag.order_by("sekvens")), bilag.pk, retning)
    if ordered:
        _apply_order(ordered, "sekvens")


@transaction.atomic
def bilag_delete(*, bilag: Bilag) -> None:
    """Remove an attachment from the item. The stored file is kept for the audit history."""
    punkt = Punkt.objects.select_for_update().get(pk=bilag.punkt_id)
    bilag.delete()
    _apply_order(list(punkt.bilag.order_by("sekvens")), "sekvens")


# --- recording the meeting --------------------------------------------------------------------


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
    moede_deltagelse = recording.moede_deltagelse(punkt.moede)
    deltagelse = protokol.punkt_deltagelse(
        moede_deltagelse, list(PunktFravaer.objects.filter(punkt=punkt))
    )
    navne = {d.person_id: d.navn for d in deltagelse.deltagere}
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
        if not protokol.may_enter_minority_statement(m.person_id, stemmer):
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
    if not protokol.may_enter_minority_statement(person.pk, stemmer):
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
    the named vote and a minority statement. Any refusal leaves nothing half-saved."""
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
    return beslutning


def standardtekst_add(*, udvalg_id: int, html: str) -> Standardtekst | None:
    """Keep a decision text as one of the committee's own phrases (plain text)."""
    tekst = richtext.editable_text(html).strip()
    if not tekst or tekst in protokol.STANDARD_FRASER or len(tekst) > 500:
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
    """The meeting's attendance from (member id, status, reason, substitute id) rows.
    `snapshot` is the attendance fingerprint when the form was opened (None: no check)."""
    moede = Moede.objects.select_for_update().get(pk=moede.pk)
    if snapshot is not None and snapshot != protokol.attendance_snapshot(moede.fremmoede.all()):
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


@transaction.atomic
def importkoersel_create(*, user, filer: list, udvalg_navn: str) -> Importkoersel:
    """Stream the uploads to MEDIA_ROOT/import/<uuid>/ under generated names (the original
    name is only kept as data) and record the run, ready for preview."""
    tasks.slet_forladte()
    mappe = uuid.uuid4().hex
    folder = tasks.import_rod() / mappe
    folder.mkdir(parents=True)
    stored = []
    try:
        for n, upload in enumerate(filer, start=1):
            name = f"{n:02d}{PurePath(upload.name).suffix.lower()}"
            with open(folder / name, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            stored.append({"navn": upload.name[:255], "sti": f"{tasks.IMPORT_DIR}/{mappe}/{name}"})
        return Importkoersel.objects.create(
            oprettet_af=user, udvalg_navn=udvalg_navn, filer=stored, status=Importstatus.KLAR
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
