"""The header of the small house-style lexicons that tests write."""

HEADER = """\
lexicon: house
version: 1
language: en
description: House style.
sources:
  house: {title: House style, year: 2024, url: "https://example.org/style"}
entries:
"""
