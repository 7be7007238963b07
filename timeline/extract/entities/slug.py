"""Stable slugs for canonical entities (shared by the gazetteer build and the recognizer)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def slugify(name: str) -> str:
    """ASCII, lowercase, dash-separated ("U.S. Army" -> "u-s-army"): stable entity ids."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_name.lower()).strip("-")
