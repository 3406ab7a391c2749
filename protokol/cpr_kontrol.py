"""Before an agenda is released or a protocol sent for signing (and then published), the
secretary is shown every CPR-number-shaped string (kerne.cpr) in what the public will read:
open items' titles and sections, closed items' approved titles, open attachments' text, and for
the protocol the public decision texts, the votes' motions and the minority statements of open
items. Publishing with any needs a confirmation, which is logged (CprBekraeftelse)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from kerne import cpr
from protokol.models import CprBekraeftelse
from sager.models import Adgang, Beslutning, Bilag, Mindretalsudtalelse, Punkt

BEKRAEFT = (
    "Teksten indeholder noget, der ligner CPR-numre. Kontrollér stederne herunder, og bekræft, "
    "at de må offentliggøres."
)


@dataclass(frozen=True)
class Fund:
    sted: str  # "Punkt 3, Sagsbeskrivelse"
    tal: str  # masked: "010190-XXXX"


def fund(moede, *, referat: bool) -> list[Fund]:
    """Every CPR-number-shaped string in what the public will read of the meeting."""
    found: list[Fund] = []

    def check(sted: str, text: str | None) -> None:
        found.extend(Fund(sted, tal) for tal in cpr.find(text))

    for punkt in Punkt.objects.filter(moede=moede).order_by("nummer"):
        where = f"Punkt {punkt.nummer}"
        if punkt.is_lukket:
            check(f"{where}, offentlig titel", punkt.offentlig_titel)
            continue
        check(f"{where}, titel", punkt.titel)
        for _, label, value in punkt.sektioner():
            check(f"{where}, {label}", value)
    for bilag in (
        Bilag.objects.filter(punkt__moede=moede, adgang=Adgang.AABEN, punkt__adgang=Adgang.AABEN)
        .select_related("punkt")
        .order_by("punkt__nummer", "sekvens")
    ):
        check(f"Punkt {bilag.punkt.nummer}, bilag {bilag.filnavn}", bilag.tekst)
    if referat:
        for b in (
            Beslutning.objects.filter(punkt__moede=moede)
            .select_related("punkt", "afstemning")
            .order_by("punkt__nummer")
        ):
            where = f"Punkt {b.punkt.nummer}"
            if b.punkt.is_lukket:
                check(f"{where}, offentlig beslutning", b.offentlig_tekst)
                continue
            check(f"{where}, beslutning", b.tekst)
            afstemning = getattr(b, "afstemning", None)
            if afstemning is not None:
                check(f"{where}, forslag til afstemning", afstemning.forslag)
        for m in Mindretalsudtalelse.objects.filter(
            beslutning__punkt__moede=moede, beslutning__punkt__adgang=Adgang.AABEN
        ).select_related("beslutning__punkt"):
            check(f"Punkt {m.beslutning.punkt.nummer}, mindretalsudtalelse", m.tekst)
    return found


def kontroller(request, moede, handling: str) -> None:
    """Raises ValidationError when there are findings and the request does not confirm them
    (the form's `cpr_bekraeftet` box); logs a confirmed publication with its findings. Call it
    inside the publishing transaction."""
    user, bekraeftet = request.user, request.POST.get("cpr_bekraeftet") == "1"
    found = fund(moede, referat=handling == CprBekraeftelse.Handling.UNDERSKRIFT)
    if not found:
        return
    if not bekraeftet:
        raise ValidationError(BEKRAEFT, code="cpr")
    CprBekraeftelse.objects.create(
        moede=moede,
        bruger=user,
        handling=handling,
        fund=[{"sted": f.sted, "tal": f.tal} for f in found],
    )
