"""Short readable titles from an event's pieces, one deterministic template per type.

Headline style: present tense for what happened ("Russian attack kills 4 in
Kharkiv"), "to" + verb for what is scheduled ("Lloyd Austin to host Kim
Yong-Hyun at the Pentagon"), a "(denied)" suffix for what a source denies.
Templates only use what was extracted, so a title never claims more than
the evidence; with nothing to fill them they fall back to the trigger's own
noun phrase ("Cabinet meeting in Seoul").
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.extract.entities.gazetteer import load
from timeline.extract.events.rule import words

_MAX = 90


@dataclass(frozen=True, slots=True)
class TitleParts:
    """What a title template may use."""

    type: str
    status: str
    verb: str  # the trigger's lemma-ish head: "host", "visit", "meet", "sign", "send", ...
    phrase: str  # the trigger's noun phrase: "mutual defense security pact", "rocket attack"
    agent: str | None
    others: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]  # surface forms, first is the most specific
    figures: tuple[tuple[str, float], ...]
    #: Actors named by a demonym ("Ukrainian"), which can modify a noun of the event.
    demonyms: tuple[str, ...] = ()


# Verbs that open a sanctions phrase ("roll back existing tariffs", "raise tariffs").
_SANCTION_VERBS = words(
    "raise remove lift cut ease impose slap extend suspend delay drop scrap reduce increase "
    "double hike roll levy expand tighten"
)


def _sanction_verb(word: str) -> str | None:
    """The lemma of a sanctions verb in any form ("raised" → "raise", "slapped" → "slap")."""
    for lemma in (
        (word, word[:-1], word[:-2], word[:-3]) if word.endswith(("ed", "es", "s")) else (word,)
    ):
        if lemma in _SANCTION_VERBS:
            return lemma
    return None


def demonym(country: str) -> str:
    """ "Russia" → "Russian"; names without a known demonym are used as they are."""
    entry = load().by_name.get(country)
    return entry.demonym if entry is not None and entry.demonym else country


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _num(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


def _verb(base: str, plural: bool, status: str) -> str:
    """Headline verb form: "signs"/"sign", "to sign"."""
    if status == "scheduled":
        return "to " + base
    if plural:
        return base
    if base.endswith("ing") and len(base) > 5 and " " not in base:
        return base  # already inflected ("declaring"): never "declarings"
    if " " in base:  # "vow to" → "vows to"
        head, rest = base.split(" ", 1)
        return f"{_verb(head, plural, status)} {rest}"
    if base.endswith(("s", "sh", "ch", "x")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def title(p: TitleParts) -> str:
    """The title for one event."""
    actors = [a for a in (p.agent, *p.others) if a]
    who = _and(actors[:3])
    plural = len(actors) > 1
    place = f" in {p.places[0]}" if p.places else ""
    fig = dict(p.figures)
    t = p.type
    if t == "agreement":
        s = f"{who} {_verb('sign', plural, p.status)} {p.phrase}" if who else f"{p.phrase} signed"
    elif t == "meeting":
        s = _meeting(p, who, plural, place)
    elif t == "deployment":
        troops = f"{_num(fig['troops'])} troops" if "troops" in fig else "troops"
        base = "send" if p.verb in ("send", "dispatch") else "deploy"
        src = p.agent or (actors[0] if actors else "")
        dest = [o for o in actors if o != src]
        to = f" to {dest[0]}" if dest else (f" to {p.places[0]}" if p.places else "")
        s = f"{src} {_verb(base, False, p.status)} {troops}{to}".strip()
    elif t == "invasion":
        target = next((o for o in p.others if o != p.agent), None)
        if p.agent and target:
            s = f"{p.agent} {_verb('invade', False, p.status)} {target}"
        else:
            s = f"Invasion of {target or (p.places[0] if p.places else who or 'territory')}"
    elif t == "incursion":
        into = f" into {p.places[0]}" if p.places else ""
        s = f"{demonym(actors[0]) + ' ' if actors else ''}incursion{into}"
    elif t in ("attack", "casualties"):
        s = _attack(p, actors, place, fig)
    elif t == "air-defense":
        what = next(((k, v) for k, v in p.figures if k in ("drones", "missiles")), None)
        src = p.agent or (actors[0] if actors else "Air defenses")
        # the owner of what was shot down is named by a demonym ("seven Ukrainian drones")
        target = next((o for o in p.demonyms if o != src), None)
        obj = f"{_num(what[1])} " if what else ""
        obj += f"{demonym(target)} " if target else ""
        obj += what[0] if what else "drones"
        s = f"{src} {_verb('shoot', False, p.status)} down {obj}"
    elif t == "election":
        s = f"{p.phrase[:1].upper() + p.phrase[1:]}{place or (' in ' + who if who else '')}"
    elif t == "sanctions":
        target = next((o for o in p.others if o != p.agent), None)
        on = f" on {target}" if target and f" on {target}" not in p.phrase else ""
        first, _, rest = p.phrase.partition(" ")
        lemma = _sanction_verb(first.lower())
        if p.agent and lemma and rest:
            # "remove existing tariffs": the phrase has its own verb ("United States removes …")
            s = f"{p.agent} {_verb(lemma, False, p.status)} {rest}{on}"
        elif p.agent:
            s = f"{p.agent} {_verb('impose', False, p.status)} {p.phrase}{on}"
        else:
            s = f"{p.phrase[:1].upper() + p.phrase[1:]}{on}"
    elif t == "protest":
        n = f"{_num(fig['protesters'])} " if "protesters" in fig else ""
        s = f"{n}{p.phrase[:1].upper() + p.phrase[1:] if not n else p.phrase}{place}"
    elif t == "statement-of-policy" and p.verb:
        head = p.agent or (p.people[0] if p.people else "")
        verb = _verb(p.verb, False, p.status) if head else p.verb
        s = f"{head} {verb} {p.phrase}".strip()
    else:
        head = p.agent or who or (p.people[0] if p.people else "")
        s = f"{head}: {p.phrase}" if head else p.phrase[:1].upper() + p.phrase[1:]
    s = _name_someone(s, p, actors)
    if p.status == "denied":
        s += " (denied)"
    s = s[:1].upper() + s[1:]
    return s if len(s) <= _MAX else s[: _MAX - 1].rsplit(" ", 1)[0] + "…"


def _name_someone(s: str, p: TitleParts, actors: list[str]) -> str:
    """A title names at least one participant or place of the event when it has one
    ("Protest" with Russia as actor → "Russia: protest")."""
    names = [*actors, *p.people, *p.places]
    if not names or any(n in s or demonym(n) in s for n in names):
        return s
    if p.phrase and s.lower().startswith(p.phrase.lower()):
        s = p.phrase[:1] + s[1:]  # the phrase's own case: "protest", "NATO summit"
    if actors or p.people:
        return f"{_and((actors or list(p.people))[:2])}: {s}"
    return f"{s} in {p.places[0]}"


def _meeting(p: TitleParts, who: str, plural: bool, place: str) -> str:
    people = list(p.people)
    if people and not who and not p.verb:  # "Televised meeting with Ana Ruiz and Leo Park"
        return f"{p.phrase} with {_and(people[:2])}{place}"
    at = f" at {p.places[0]}" if p.places and p.verb == "host" else place
    if p.verb in ("host", "meet", "visit") and people:
        host = people[0]
        other = people[1] if len(people) > 1 else (p.others[0] if p.others else None)
        if p.verb == "visit":
            dest = p.places[0] if p.places else other
            return f"{host} {_verb('visit', False, p.status)} {dest}" if dest else host + " visit"
        if other:
            return f"{host} {_verb(p.verb, False, p.status)} {other}{at}"
    if who and plural:
        return f"{who} {p.phrase}{place}"
    if who and not p.phrase.startswith(who):
        return f"{demonym(who)} {p.phrase}{place}"
    return f"{p.phrase}{place}"


def _attack(p: TitleParts, actors: list[str], place: str, fig: dict[str, float]) -> str:
    if p.type == "casualties":
        side = f"{demonym(actors[0])} " if actors else ""
        if "casualties" in fig:
            return f"{_num(fig['casualties'])} {side}casualties{place}"
        if "killed" in fig:
            return f"{_num(fig['killed'])} {side}killed{place}".replace("  ", " ")
        if "injured" in fig:
            return f"{_num(fig['injured'])} {side}injured{place}"
        return f"{side}casualties{place}".strip()
    agent = p.agent or (actors[0] if actors and p.type == "attack" else None)
    head = f"{demonym(agent)} {p.phrase}" if agent else p.phrase
    plural = p.phrase.endswith("s") and not p.phrase.endswith("ss")
    if "killed" in fig:
        return f"{head} {'kill' if plural else 'kills'} {_num(fig['killed'])}{place}"
    if "casualties" in fig:
        return f"{_num(fig['casualties'])} {head} killed or wounded{place}"
    if "injured" in fig:
        return f"{head} {'injure' if plural else 'injures'} {_num(fig['injured'])}{place}"
    return f"{head}{place if place else ''}"
