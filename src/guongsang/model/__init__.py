"""The model: text, records and their checks, catalogues, plans, places, contests — everything read from files."""
