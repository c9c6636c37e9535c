"""Need matching: a person's free text, in any spelling, matched to catalogue démarches."""

from .matcher import Match, Matcher, MatchResult, NeedGroup, get_matcher


def warm_up() -> None:
    """Build the matcher and load the embedding model before the first person asks."""
    get_matcher().match("loyer")


__all__ = ["Match", "MatchResult", "Matcher", "NeedGroup", "get_matcher", "warm_up"]
