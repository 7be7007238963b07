"""Handlers for calendar periods: quarters and halves, the reported quarter, fiscal
years, decades and centuries, seasons."""

from __future__ import annotations

from datetime import date

from .context import Context, Hit, resolve_quarter_year, resolve_season
from .dates import quarter_of
from .lexicon import SEASONS, parse_ordinal, parse_year_words
from .model import DATE
from .rules_common import PREPS, Match, g, mod_of, norm, year_of
from .rules_dates import month_day

_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_ARTICLES = frozenset({"a", "an", "the", "that", "this"})


def h_q(m: Match, ctx: Context) -> Hit | None:
    if g(m, "q_qn"):
        if not ctx.text[m.start("q_qn")].isupper():
            return None
        q = int(m["q_qn"][1])
        ys = g(m, "q_y4")
        if ys:
            y = int(ys) if len(ys) == 4 else 2000 + int(ys[-2:])
        else:
            y = resolve_quarter_year(ctx.dct, q, ctx.tense(m.start(), m.end()))
        ctx.quarter, ctx.quarter_pos = (y, q), m.end()
        return Hit(DATE, f"{y:04d}-Q{q}", None, m.start(), m.end())
    ys = g(m, "q_y1") or g(m, "q_y2") or g(m, "q_y3")
    rel = norm(g(m, "q_r1") or g(m, "q_r2"))
    if g(m, "q_two"):
        n, unit = 1, "H"
    else:
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4, "latter": 4}[m["q_ord"]]  # fmt: skip
        unit = "Q" if m["q_unit"] == "quarter" else "H"
        if unit == "H" and not ys and ctx.lower.startswith(" of the", m.end()):
            return None  # "the last half of the '80s" is a decade's half
        if unit == "H" and m["q_ord"] in ("last", "latter", "final"):
            n = 2
        if unit == "H" and n > 2:
            return None
    if unit == "Q" and m["q_ord"] == "last" and not ys and not rel and m.group(0)[:3] != "the":
        y, n = last_completed_quarter(ctx.dct)  # "profit rose last quarter"
    elif ys:
        y = int(ys)
    elif rel:
        y = ctx.dct.year + {"last": -1, "next": 1, "the previous": -1}.get(rel, 0)
    elif unit == "Q":
        y = resolve_quarter_year(ctx.dct, n, ctx.tense(m.start(), m.end()))
    else:
        y = ctx.dct.year - (1 if n == 2 and ctx.dct.month <= 6 else 0)
    start = m.start()
    first, _, rest = m.group(0).partition(" ")
    if rest and (first in _POSSESSIVES or (first in _ARTICLES and "-quarter" in rest)):
        # "its [fourth quarter]", "a [third-quarter] loss": TimeML leaves possessives,
        # and articles before the adjective form, outside the expression.
        start = m.start() + len(first) + 1
    rq = ctx.reporting_quarter(m.start())
    if (
        unit == "Q"
        and (y, n) < (ctx.dct.year, quarter_of(ctx.dct))
        and (rq is None or (y, n) >= rq)
    ):
        # Only a quarter already under way can be the one being reported on, and an
        # earlier one named for comparison ("after a flat second quarter") is not.
        ctx.quarter, ctx.quarter_pos = (y, n), m.end()
    return Hit(DATE, f"{y:04d}-{unit}{n}", None, start, m.end())


def last_completed_quarter(d: date) -> tuple[int, int]:
    q = quarter_of(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


def h_qr(m: Match, ctx: Context) -> Hit | None:
    adj = norm(g(m, "qr_adj")) or ""
    det = norm(m["qr_det"]) or ""
    tail = norm(g(m, "qr_tail"))
    unit = m["qr_unit"]
    rq = ctx.reporting_quarter(m.start())
    if unit == "period" and not adj and not tail:
        return None
    if g(m, "qr_ord"):
        return _year_ago_quarter(m, ctx, adj, rq)
    ended = month_day(m, ctx, "qr_", "last") if g(m, "qr_mon") else None
    if ended is not None and adj in ("", "latest", "current", "fiscal", "just ended", "same"):
        # "the quarter ended Sept. 30" names its own quarter.
        y, q = ended.year, quarter_of(ended)
        ctx.quarter, ctx.quarter_pos = (y, q), m.end()
        return Hit(DATE, f"{y:04d}-Q{q}", None, m.start(), m.end())
    if adj == "current":
        y, q = ctx.dct.year, quarter_of(ctx.dct)
    elif det == "that" and not adj and not tail and ctx.last_quarter:
        y, q = ctx.last_quarter  # "that quarter": the one just named
        return Hit(DATE, f"{y:04d}-Q{q}", None, m.start(), m.end())
    else:
        y, q = rq or last_completed_quarter(ctx.dct)
    if adj.replace("-", " ") in ("year earlier", "year ago", "corresponding", "comparable"):
        if adj in ("corresponding", "comparable") and not tail:
            return Hit(DATE, f"{y:04d}-Q{q}", None, m.start(), m.end())
        y -= 1
    elif tail or det.startswith("last year"):
        y -= 1
    elif adj in ("previous", "prior"):
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    elif adj.isdigit():
        if rq is None and unit == "period":
            return Hit(DATE, adj, None, m.start(), m.end())
        y = int(adj)
    return Hit(DATE, f"{y:04d}-Q{q}", None, m.start(), m.end())


_ORD_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _year_ago_quarter(m: Match, ctx: Context, adj: str, rq: tuple[int, int] | None) -> Hit | None:
    """ "the year-ago third quarter", "the 1988 fourth quarter": a numbered quarter
    placed by the adjective (the plain "the third quarter" is the ``q`` family's)."""
    if m["qr_unit"] != "quarter":
        return None  # "the third period" of a match
    q = _ORD_QUARTER[m["qr_ord"]]
    if adj.isdigit():
        return Hit(DATE, f"{adj}-Q{q}", None, m.start(), m.end())
    if adj.replace("-", " ") not in ("year earlier", "year ago"):
        return None
    y = rq[0] if rq else resolve_quarter_year(ctx.dct, q, None)
    return Hit(DATE, f"{y - 1:04d}-Q{q}", None, m.start(), m.end())


def h_fy(m: Match, ctx: Context) -> Hit | None:
    if m.group(0).startswith("fy") and not ctx.text[m.start()].isupper():
        return None
    ys = g(m, "fy_y") or g(m, "fy_y2")
    yy = g(m, "fy_yy") or g(m, "fy_yy2")
    if ys:
        y = int(ys)
    elif yy:
        y = 2000 + int(yy) if 2000 + int(yy) <= ctx.dct.year + 20 else 1900 + int(yy)
    else:
        rel = norm(g(m, "fy_rel2")) or "this"
        y = ctx.dct.year + {"last": -1, "previous": -1, "next": 1, "coming": 1, "new": 1}.get(
            rel, 0
        )
    return Hit(DATE, f"{y:04d}", None, m.start(), m.end())


def h_dc(m: Match, ctx: Context) -> Hit | None:
    if g(m, "cn"):
        rel = g(m, "cn_rel")
        if rel:
            c = ctx.dct.year // 100 + {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
        else:
            n = _century_number(m["cn_ord"])
            if n is None:
                return None
            c = n - 1
        return Hit(DATE, f"{c:02d}", mod_of(g(m, "cn_mod")), m.start(), m.end())
    d = g(m, "dc_d") or g(m, "dc_d2")
    cent = g(m, "dc_c")
    if d is None:
        word = m["dc_w"]
        d = str(["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"].index(word) + 2)  # fmt: skip
        c2 = g(m, "dc_c2")
        if c2:
            cent = "19" if c2 == "nineteen" else "18"
        elif not (m.group(0).startswith("the") or g(m, "dc_mod")):
            return None  # "in their twenties" is an age
    if cent is None:
        cur = ctx.dct.year // 10
        cent = str(ctx.dct.year // 100)
        if int(cent + d) > cur:
            cent = str(int(cent) - 1)
    return Hit(DATE, f"{cent}{d}", mod_of(g(m, "dc_mod")), m.start(), m.end())


def _century_number(word: str) -> int | None:
    n = parse_ordinal(word)
    return n if n and 1 <= n <= 22 else None


def h_se(m: Match, ctx: Context) -> Hit | None:
    code = SEASONS[m["se_s"]]
    y = year_of(m, "se_", ctx)
    if y is None and g(m, "se_yw"):
        y = parse_year_words(m["se_yw"])
    det = norm(g(m, "se_det"))
    rel = norm(g(m, "se_rel"))
    if y is None and rel:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    if y is not None:
        return Hit(DATE, f"{y:04d}-{code}", mod_of(g(m, "se_mod")), m.start(), m.end())
    season = m["se_s"]
    if not det and not g(m, "se_mod") and ctx.prev_word(m.start()) not in PREPS:
        return None
    if season in ("fall", "spring") and not det and not g(m, "se_mod"):
        return None
    if ctx.next_word(m.end()) == "of" and season in ("fall", "spring"):
        return None  # "the fall of Kabul"
    if det in ("that",):
        return None
    tense = (
        None
        if det in ("last", "next", "this past", "this coming", "coming", "past")
        else (ctx.tense(m.start(), m.end()) if det != "this" else None)
    )
    value = resolve_season(ctx.dct, code, det if det != "the" else None, tense)
    return Hit(DATE, value, mod_of(g(m, "se_mod")), m.start(), m.end())
