"""The naive quote baseline: text in quotation marks, attributed to the nearest capitalised name.

It is the floor the engine is compared with in docs/quality.md: no cues, no
reported speech, no pronouns. A "name" is a run of capitalised words that
does not start a sentence.
"""

from __future__ import annotations

import re
from typing import Any

_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", re.MULTILINE)


def baseline_statements(text: str) -> list[dict[str, Any]]:
    """One statement per quoted stretch, speaker = the closest name in characters."""
    names = [(m.start(), m.end()) for m in _NAME.finditer(text)]
    out = []
    for q in _QUOTE.finditer(text):
        s, e = q.span(1) if q.group(1) is not None else q.span(2)
        best = None
        for ns, ne in names:
            if s - 1 <= ns < e + 1:
                continue
            dist = s - ne if ne <= s else ns - e
            if best is None or dist < best[0]:
                best = (dist, ns, ne)
        out.append(
            {
                "speaker": text[best[1] : best[2]] if best else None,
                "speaker_start": best[1] if best else None,
                "speaker_end": best[2] if best else None,
                "quote": text[s:e],
                "quote_start": s,
                "quote_end": e,
                "cue": None,
                "kind": "direct",
                "date": None,
                "venue": None,
            }
        )
    return out
