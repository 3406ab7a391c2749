"""The seed documents the importer's tests read (copies of shared/seeds, so a clean clone has
them) and small helpers for writing protocol text in tests."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EBU = "Erhvervs- og Beskæftigelsesudvalget 2014-2017"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("001", "003", ...)."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def snippet(text: str) -> str:
    """Protocol text written with ¬ for the trailing spaces the old system's lines end in."""
    return text.replace("¬", " ")


def as_inventory(text: str) -> str:
    """INVENTORY.md writes a paragraph break as " ¶ " and joins everything else by spaces."""
    return text.replace("\n\n", " ¶ ").replace("\n", " ")
