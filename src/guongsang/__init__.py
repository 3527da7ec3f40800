"""guongsang: Vietnamese exemplar records → a fast, searchable static site."""

__version__ = "0.1.0"
