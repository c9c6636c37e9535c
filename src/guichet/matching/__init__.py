"""Need matching: a person's free text, in any spelling, matched to catalogue démarches."""

from .matcher import Match, Matcher, MatchResult, get_matcher

__all__ = ["Match", "MatchResult", "Matcher", "get_matcher"]
