"""The story skeleton ``guongsang new`` writes, and finding its placeholder lines left in a published record."""

from __future__ import annotations

STORY_SKELETON = """Viết câu chuyện ở đây: hoàn cảnh, việc làm, con số cụ thể, điều người xung quanh nói về {name}.

## Việc làm

Thay đoạn này bằng việc làm tiêu biểu.

## Sức lan tỏa

Thay đoạn này bằng kết quả và sự ghi nhận.
"""

# How each placeholder line of the skeleton begins (the first one names the person, so only its start is fixed).
PLACEHOLDER_STARTS = ("Viết câu chuyện ở đây:", "Thay đoạn này bằng")


def placeholder_lines(body: str) -> list[tuple[int, str]]:
    """(0-based line within ``body``, text) of every placeholder line of the skeleton still in the story."""
    return [(n, line.strip()) for n, line in enumerate(body.splitlines())
            if line.strip().startswith(PLACEHOLDER_STARTS)]
