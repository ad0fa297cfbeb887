"""newslint: a text-quality linter for published news articles."""

from pathlib import Path

__version__ = "0.1.0"

DATA_PACKAGES = ("babel", "codespell_lib", "spacy_lookups_data", "symspellpy", "wordfreq")
"""Installed packages whose data files decide findings: the result cache's key stamps each of them."""


def builtin_rules_dir() -> Path:
    """The installed rules (inside the package) or the repository's top-level ``rules/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"
