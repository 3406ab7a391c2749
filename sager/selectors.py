"""Reads that span several of the app's tables: an item's change history, and the shown
titles of a page of cases."""

from sager.models import (
    Afstemning,
    Beslutning,
    Bilag,
    Mindretalsudtalelse,
    Punkt,
    PunktFravaer,
    Sag,
    Stemme,
)


def punkt_history(punkt: Punkt) -> list[dict]:
    """Who changed what and when, newest first: the item, its attachments, its decision (and
    its vote, votes and minority statements) and the per-item attendance."""
    beslutning_ids = list(
        Beslutning.history.filter(punkt_id=punkt.pk).values_list("id", flat=True).distinct()
    )
    afstemning_ids = list(
        Afstemning.history.filter(beslutning_id__in=beslutning_ids)
        .values_list("id", flat=True)
        .distinct()
    )
    sources = [
        (punkt.history.all(), "Punkt"),
        (Bilag.history.filter(punkt_id=punkt.pk), "Bilag"),
        (Beslutning.history.filter(id__in=beslutning_ids), "Beslutning"),
        (Afstemning.history.filter(id__in=afstemning_ids), "Afstemning"),
        (Stemme.history.filter(afstemning_id__in=afstemning_ids), "Stemme"),
        (
            Mindretalsudtalelse.history.filter(beslutning_id__in=beslutning_ids),
            "Mindretalsudtalelse",
        ),
        (PunktFravaer.history.filter(punkt_id=punkt.pk), "Fremmøde på punktet"),
    ]
    entries = []
    for records, kind in sources:
        records = records.select_related("history_user").order_by("history_date")
        entries += _history_entries(list(records), kind)
    entries.sort(key=lambda e: e["record"].history_date, reverse=True)
    return entries


def _history_entries(records, kind: str) -> list[dict]:
    """Pair each historical record with the one before it for the same object, and diff them."""
    previous: dict[int, object] = {}
    entries = []
    for record in records:
        prev = previous.get(record.id)
        changes = []
        if prev is not None:
            delta = record.diff_against(prev)
            for change in delta.changes:
                field = record.instance._meta.get_field(change.field)
                changes.append(
                    {"felt": field.verbose_name, "foer": change.old, "efter": change.new}
                )
        entries.append({"record": record, "kind": kind, "changes": changes})
        previous[record.id] = record
    return entries


def med_visningstitel(sager: list[Sag], user) -> list[Sag]:
    """`visningstitel` (SagQuerySet.with_visningstitel) for one page of cases, computed for
    those rows only: the database answers it per case by index, where over the whole list it
    hashed every hidden item of every case (70 ms at 100k items for a long-serving member)."""
    titles = dict(
        Sag.objects.filter(pk__in=[s.pk for s in sager])
        .with_visningstitel(user)
        .values_list("pk", "visningstitel")
    )
    for sag in sager:
        sag.visningstitel = titles[sag.pk]
    return sager
