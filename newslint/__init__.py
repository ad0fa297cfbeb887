"""newslint: a text-quality linter for published news articles."""

__version__ = "0.1.0"
