"""When an exemplar counts as published: the date feeds carry and the order columns and feeds share.

Records have no publication timestamp, and the build must be reproducible, so the date comes from the
record itself: the latest dated event it names (award decision, source article, consent), never before
1 January of its year and never after the build date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..model.records import Exemplar


def published_on(exemplar: Exemplar, today: dt.date) -> dt.date:
    """The exemplar's publication date, derived from its own dates (deterministic)."""
    dates = [dt.date(exemplar.year, 1, 1)]
    dates += [a.date for a in exemplar.awards if a.date]
    dates += [s.date for s in exemplar.sources if s.date]
    if exemplar.consent:
        dates.append(exemplar.consent.date)
    return min(max(dates), today)


def newest_first(exemplars: Iterable[Exemplar], today: dt.date) -> list[Exemplar]:
    """Newest publication date first; ties in the site's usual order (year, then name)."""
    return sorted(exemplars, key=lambda e: (-published_on(e, today).toordinal(), e.newest_key))
