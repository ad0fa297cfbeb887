"""Helpers shared by several kinds (word data, capitalisation evidence, web-leftover lines)."""
