"""Browser tests: a package, so their module names never clash with the unit tests (test_search.py)."""
