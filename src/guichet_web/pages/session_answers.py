"""« Mes droits »: the answers kept in the session, nowhere else (no account, no database row).

Two ways to answer: the questionnaire, one question per screen, and the one-page form for
mediators (« expert »). The results page uses whichever was filled in last.
"""

from __future__ import annotations

QUESTIONNAIRE = "mes_droits_questionnaire"  # {clé de réponse: valeur JSON}
EXPERT = "mes_droits"  # ce qui a été tapé dans le formulaire sur une page
DRAFTS = "mes_droits_brouillons"  # {étape: {champ: [valeurs tapées]}}, laissé par « Retour »
ERROR = "mes_droits_erreur"  # une réponse refusée par le simulateur, à corriger
SOURCE = "mes_droits_parcours"  # "questionnaire" ou "expert"
KEYS = (QUESTIONNAIRE, EXPERT, DRAFTS, ERROR, SOURCE)


def answers(session) -> dict:
    return dict(session.get(QUESTIONNAIRE) or {})


def save(session, answers: dict, step_id: str) -> None:
    session[QUESTIONNAIRE] = answers
    session[SOURCE] = "questionnaire"
    drafts = dict(session.get(DRAFTS) or {})
    if drafts.pop(step_id, None) is not None:
        session[DRAFTS] = drafts


def keep_draft(session, step_id: str, typed: dict) -> None:
    session[DRAFTS] = {**(session.get(DRAFTS) or {}), step_id: typed}


def draft(session, step_id: str) -> dict | None:
    return (session.get(DRAFTS) or {}).get(step_id)


def save_expert(session, typed: dict) -> None:
    session[EXPERT] = typed
    session[SOURCE] = "expert"


def expert(session) -> dict | None:
    return session.get(EXPERT)


def source(session) -> str | None:
    """Which answers the results come from; the questionnaire when nothing says."""
    chosen = session.get(SOURCE)
    if chosen in ("questionnaire", "expert"):
        return chosen
    if session.get(EXPERT):
        return "expert"
    return "questionnaire" if session.get(QUESTIONNAIRE) else None


def flag_error(session, step_id: str, key: str | None, message: str) -> None:
    session[ERROR] = {"step": step_id, "key": key, "message": message}


def pop_error(session, step_id: str) -> dict | None:
    error = session.get(ERROR)
    if not error or error.get("step") != step_id:
        return None
    del session[ERROR]
    return error


def forget(session) -> None:
    for key in KEYS:
        session.pop(key, None)
