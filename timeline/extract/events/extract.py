"""The events stage: triggers → grouped candidates → dated, typed events with participants.

Order of work, per sentence: find triggers (one regex pass), attach each to its
clause and reporting statement, group triggers of one event ("signed ... pact",
"attacks killed"), give time expressions to the nearest event, then read
status, participants, figures and a title. Across the document, a bare
anaphoric mention ("the attack destroyed two houses") borrows the participants
and date of the same-type event just before it, and undated mentions of a
one-off event (an invasion, a pact) borrow the date of a dated mention with
the same participants, so the service can merge them.

Duplicates: triggers of one type in one clause are one event, and same-type
events of one sentence with compatible dates and participants are merged.
Mentions in different sentences stay separate events (each with its own
evidence span); the service merges events of the same type, date and actors.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.extract.events import dating
from timeline.extract.events.build import Context, build_event
from timeline.extract.events.lexicon import Rule
from timeline.extract.events.merging import across_sentences, merge_in_sentence
from timeline.extract.events.modality import CONDITIONAL, mood
from timeline.extract.events.roles import RoleReader
from timeline.extract.events.scan import scan
from timeline.extract.events.scope import Scope, scope_of, statement_spans
from timeline.extract.types import Document, ExtractedEvent, ExtractedStatement, Span

_VIOLENT_SENTENCE = frozenset(["attack", "air-defense"])
_VIOLENT_CLAUSE = frozenset(["invasion", "incursion"])
_MANNER_ATTACK = re.compile(r"\s+(?:in|with|during|through)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$")
_NAME_KINDS = frozenset(["person", "organization", "group"])
# "did not comment on the meeting", "condemned the attack": a reaction to an event named
# before, not a new one.
_REACTION = re.compile(
    r"\b(?:comment(?:ed|ing)? on|condemn(?:ed|s|ing)?|welcom(?:ed|es|ing)|critici[sz](?:ed|es|ing)|"
    r"denounc(?:ed|es|ing)|respond(?:ed|ing)? to|react(?:ed|ing)? to|prais(?:ed|es|ing)|"
    r"hail(?:ed|s|ing)|mourn(?:ed|s|ing)?)\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_REACTION_STEMS = (
    "comment", "condemn", "welcom", "critici", "denounc", "respond", "react", "prais", "hail",
    "mourn",
)  # fmt: skip


def _reaction_before(text: str, s: int) -> bool:
    """Whether a reaction verb ("condemned the ...") governs the noun trigger at ``s``."""
    window = text[max(0, s - 60) : s].lower()
    if not any(stem in window for stem in _REACTION_STEMS):
        return False  # the regex needs one of these verbs
    return _REACTION.search(text, max(0, s - 60), s) is not None


_SAME_EVENT_GAP = 90


@dataclass
class Group:
    """Triggers that name one event, with the clause and statement of the first."""

    type: str
    rule: Rule
    start: int
    end: int
    scope: Scope
    triggers: list[tuple[int, int, str]] = field(default_factory=list)
    extra_clauses: list[Span] = field(default_factory=list)
    #: Condition or modality of the main trigger (``modality.mood``), once computed.
    mood: str | None = None


def find_triggers(doc: Document) -> list[tuple[Rule, int, int]]:
    """Every trigger that passes its context conditions, in text order."""
    text = doc.text
    names = bytearray(len(text))
    for mention in doc.mentions:
        if mention.kind in _NAME_KINDS:
            names[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    out = []
    for rule, s, e in scan(text):
        if names[s] or names[e - 1]:
            continue  # "Strike Group", "Treaty Organization" are names, not events
        if rule.pos == "noun" and _reaction_before(text, s):
            continue
        if rule.need is not None or rule.veto is not None:
            sentence = doc.sentence_at(s)
            if rule.need is not None:
                lo, hi = max(sentence.start, s - rule.window), min(sentence.end, e + rule.window)
                if not any(n.start() < s or n.end() > e for n in rule.need.finditer(text, lo, hi)):
                    continue
            if rule.veto is not None:
                lo, hi = max(sentence.start, s - 45), min(sentence.end, e + 45)
                if any(v.start() < e and v.end() > s for v in rule.veto.finditer(text, lo, hi)):
                    continue
        out.append((rule, s, e))
    return out


def _group(doc: Document, cands: list[tuple[Rule, int, int, Scope]]) -> list[Group]:
    """Group one sentence's triggers into events (see the module doc for the rules)."""
    text = doc.text
    groups: list[Group] = []
    casualties = []
    # "announced new sanctions": the announcement is how the sanctions event is told
    cands = [
        c
        for c in cands
        if not (
            c[0].name == "policy_announce"
            and any(
                o[0].type not in ("statement-of-policy", "casualties")
                and o[3].clause == c[3].clause
                and 0 <= o[1] - c[2] < 50
                for o in cands
            )
        )
    ]
    for rule, s, e, scope in cands:
        if rule.type == "casualties":
            casualties.append((rule, s, e, scope))
            continue
        if rule.type == "attack":
            host = next(
                (
                    g
                    for g in groups
                    if g.type in _VIOLENT_CLAUSE
                    and g.scope.clause == scope.clause
                    and _MANNER_ATTACK.fullmatch(text, g.end, s)
                ),
                None,
            )
            if host is not None:  # "invaded in a surprise attack" is one event
                host.triggers.append((s, e, rule.pos))
                continue
        same = next(
            (
                g
                for g in groups
                if g.type == rule.type
                and g.scope.clause == scope.clause
                and s - g.end < _SAME_EVENT_GAP
            ),
            None,
        )
        if same is not None:
            same.triggers.append((s, e, rule.pos))
            same.end = max(same.end, e)
            if (
                rule.pos == "verb"
                and same.rule.pos == "noun"
                and rule.strength > same.rule.strength
            ):
                same.rule = rule
            continue
        groups.append(Group(rule.type, rule, s, e, scope, [(s, e, rule.pos)]))
    for rule, s, e, scope in casualties:
        host = next((g for g in groups if g.type in _VIOLENT_SENTENCE), None) or next(
            (g for g in groups if g.type in _VIOLENT_CLAUSE and g.scope.clause == scope.clause),
            None,
        )
        if host is None:
            host = next(
                (g for g in groups if g.type == "casualties" and g.scope.clause == scope.clause),
                None,
            )
        if host is not None:
            host.triggers.append((s, e, rule.pos))
            if scope.clause != host.scope.clause:
                host.extra_clauses.append(scope.clause)
            continue
        groups.append(Group(rule.type, rule, s, e, scope, [(s, e, rule.pos)]))
    groups.sort(key=lambda g: g.start)
    return groups


def extract_events(
    doc: Document, statements: Sequence[ExtractedStatement] = ()
) -> list[ExtractedEvent]:
    """Typed, dated events of one document (see the module doc)."""
    triggers = find_triggers(doc)
    if not triggers:
        return []
    bounds: dict[int, list[int]] = {}
    by_sentence: dict[int, list[tuple[Rule, int, int, Scope]]] = {}
    for rule, s, e in triggers:
        scope = scope_of(doc, bounds, statements, s, e)
        by_sentence.setdefault(scope.sentence.start, []).append((rule, s, e, scope))
    reader = RoleReader(doc, statements)
    events: list[ExtractedEvent] = []
    starts = [s.start for s in doc.sentences]
    for cands in by_sentence.values():
        groups = [g for g in _group(doc, cands) if not _conditional(doc.text, g)]
        if not groups:
            continue
        sentence = groups[0].scope.sentence
        in_sentence = [st for st in statements if sentence.start <= st.cue_start < sentence.end]
        content = [span for st in in_sentence for span in statement_spans(st)]
        anchors = [
            dating.Anchor(i, _anchor_clause(doc.text, g, groups, bounds), tuple(g.triggers))
            for i, g in enumerate(groups)
        ]
        owned = dating.assign(doc.text, sentence, anchors, doc.timexes, content)
        ctx = Context(
            doc,
            reader,
            statements,
            _narrative(events, starts, sentence.start),
            frozenset(ev.type for ev in events),
        )
        built = [build_event(ctx, g, owned.get(i)) for i, g in enumerate(groups)]
        built = _linked_clauses(doc, groups, built, in_sentence)
        kept = [ev for ev, g in zip(built, groups, strict=True) if _has_evidence(doc.text, ev, g)]
        events.extend(merge_in_sentence(kept))
    return across_sentences(doc, events)


_RELATIVE = re.compile(r"[\s,]*(?:which|that)\s", re.IGNORECASE)


def _anchor_clause(text: str, g: Group, groups: list[Group], bounds: dict[int, list[int]]) -> Span:
    """Where a group's time expression may be: its clause, plus a relative clause that
    describes a noun trigger ("the election, which ended on Sunday") and names no event."""
    clause = g.scope.clause
    if max(t[2] == "noun" for t in g.triggers) is False or not _RELATIVE.match(text, clause.end):
        return clause
    cuts = bounds.get(g.scope.sentence.start, [])
    nxt = next((b for b in cuts if b > clause.end + 1), g.scope.sentence.end)
    if any(clause.end <= o.start < nxt for o in groups if o is not g):
        return clause
    return Span(clause.start, nxt)


# An election "happens" in a clause that says so; "the election" alone is background.
_ELECTION_OCCURS = re.compile(
    r"\b(?:won|wins?|winning|held|hold(?:s|ing)?|lost|loses|conceded|called|voted|cast|turnout|"
    r"results?|polls|snap|early|landslide|re-?elected|elected|runoff|upcoming|next)\b",
    re.IGNORECASE,
)


def _conditional(text: str, g: Group) -> bool:
    """A trigger inside a condition ("if the other is attacked") names no event; the mood
    is kept for ``build_event``."""
    s, e, pos = next((t for t in g.triggers if t[2] == "verb"), min(g.triggers))
    g.mood = mood(text, g.scope.sentence, g.scope.clause, s, e, pos)
    return g.mood == CONDITIONAL


def _has_evidence(text: str, ev: ExtractedEvent, g: Group) -> bool:
    """Drop bare mentions: an event needs a date, a participant, a place or a figure, and an
    undated election noun needs a verb of occurrence ("won the election", "hold a vote")."""
    if ev.type == "election" and ev.date is None and g.rule.pos == "noun":
        clause = g.scope.clause
        if not _ELECTION_OCCURS.search(text, clause.start, clause.end):
            return False
    return bool(ev.date or ev.actors or ev.people or ev.places or ev.figures)


def _narrative(events: list[ExtractedEvent], starts: list[int], here: int) -> dating.When | None:
    """The news reference time: the last dated, day-precise event of the two sentences before."""
    index = bisect.bisect_right(starts, here) - 1
    floor = starts[max(0, index - 2)]
    for ev in reversed(events):
        if ev.sentence_start < floor:
            break
        if ev.date and ev.precision == "day" and ev.status in ("happened", "reported"):
            return dating.When(ev.date, ev.date_start, ev.date_end, ev.precision, "narrative")
    return None


def _linked_clauses(
    doc: Document,
    groups: list[Group],
    built: list[ExtractedEvent],
    in_sentence: Sequence[ExtractedStatement],
) -> list[ExtractedEvent]:
    """ "met ... on Friday, where they agreed on a deal", "told reporters after a briefing":
    an undated event in a linked clause takes the date of its host event, else of the
    sentence's statement."""
    from timeline.extract.events.build import with_date

    out = list(built)
    for i, (g, ev) in enumerate(zip(groups, built, strict=True)):
        if ev.date is not None:
            continue
        same = next(  # "launched an attack on Saturday, ... and crossing the border"
            (
                o
                for j, o in enumerate(built)
                if j != i
                and o.date is not None
                and o.status != "scheduled"
                and groups[j].scope.clause == g.scope.clause
                and ev.status != "scheduled"
            ),
            None,
        )
        if same is not None:
            out[i] = with_date(ev, dating.When(same.date, same.date_start, same.date_end,
                                               same.precision, "clause"))  # fmt: skip
            continue
        if not dating.is_linked_clause(doc.text, g.scope.clause):
            continue
        host = next(
            (
                o
                for j, o in enumerate(built)
                if j != i
                and o.date is not None
                and o.status != "scheduled"
                and groups[j].scope.clause != g.scope.clause
            ),
            None,
        )
        if host is not None:
            out[i] = with_date(ev, dating.When(host.date, host.date_start, host.date_end,
                                               host.precision, "linked"))  # fmt: skip
            continue
        clause = g.scope.clause
        said = next(
            (
                s
                for s in in_sentence
                if not (s.quote_start <= clause.start < s.quote_end) and s.precision == "day"
            ),
            None,
        )
        if said is not None and said.date_start is not None:
            out[i] = with_date(ev, dating.from_statement(said, "speech"))
    return out
