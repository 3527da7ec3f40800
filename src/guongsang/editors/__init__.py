"""Editors' ways in: the proposal fields, `guongsang new`, the issue form, spreadsheets."""
