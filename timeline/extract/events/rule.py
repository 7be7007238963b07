"""What a trigger rule is, and the word classes rules share (troops, weapons, aircraft).

A rule is a regex for the trigger words of one event type and part of speech,
plus optional context: ``need`` (a word that must occur near it — "sent" only
counts with "troops") and ``veto`` (context that disqualifies it — "heart
attack", "meet the demand"). Nouns and verbs are kept apart because they
behave differently for tense, status and date attachment ("the June summit"
vs "met in June").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Objects that make a movement verb ("sent", "dispatched") a military deployment.
MILITARY = (
    r"troops?|soldiers|forces|personnel|service ?members|servicemen|marines|sailors|warships|"
    r"ships|vessels|destroyers|carriers?|submarines|jets|fighter|aircraft|bombers|tanks|"
    r"battalions?|brigades?|regiments?|divisions?|units|peacekeepers|advisers|advisors|"
    r"contingent|reinforcements|mercenaries|fighters|military"
)
# Weapons that make "fired", "hit" or "launched" an attack.
WEAPON = (
    r"missiles?|rockets?|drones?|shells?|bombs?|artillery|mortars?|munitions|projectiles|"
    r"ballistic|cruise|warheads?|grenades?|airstrikes?|strikes?|attacks?|gunfire|bullets"
)
# Things air defences bring down.
AERIAL = (
    r"drones?|missiles?|rockets?|UAVs?|unmanned|aircraft|jets?|warplanes?|helicopters?|"
    r"projectiles|balloons?|planes?|shaheds?"
)
POLICY_OBJECT = (
    r"plans?|polic(?:y|ies)|measures|ban|package|aid|strategy|program|programme|initiative|"
    r"reforms?|withdrawal|law|legislation|rules?|budget|tax(?:es)?|cuts|funding|assistance|"
    r"restrictions|mobili[sz]ation|conscription|curfew"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger family: its type, part of speech, strength and context conditions."""

    name: str
    type: str
    pos: str  # "verb" | "noun"
    pattern: str
    strength: float = 0.6
    #: A word that must appear within ``window`` characters (either side, same sentence).
    need: re.Pattern[str] | None = None
    #: Context that disqualifies the match (checked on ``left + match + right``).
    veto: re.Pattern[str] | None = None
    window: int = 60


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string (easier to read and extend)."""
    return frozenset(text.split())


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
