"""`guichet expliquer FICHIER [--json]`: a letter (.txt, .pdf, .jpg, .png) explained.

guichet expliquer courrier.pdf          the explanation, to read
guichet expliquer photo.jpg --json      the explanation as JSON (see Explanation.to_json)
guichet expliquer - < courrier.txt      the letter's text from standard input
"""

from __future__ import annotations

import argparse
import json
import sys

HELPER_LABELS = {
    "france-service": "France services",
    "caf": "la CAF",
    "cpam": "l'Assurance maladie (CPAM)",
    "france-travail": "France Travail",
    "impots": "le centre des impôts",
    "mdph": "la MDPH",
    "prefecture": "la préfecture",
    "ccas-cias": "le CCAS",
    "cms": "le centre médico-social du Département",
    "departements": "le Département",
    "points-conseil-budget": "un Point conseil budget",
    "points-justice": "un Point-justice (conseil juridique gratuit)",
    "tribunal": "le tribunal",
    "banque-de-france": "la Banque de France",
    "defenseur-des-droits": "le Défenseur des droits",
}


def add_parser(commands) -> None:
    parser = commands.add_parser("expliquer", help="expliquer un courrier (texte, PDF ou photo)")
    parser.add_argument(
        "fichier", help="le courrier : .txt, .pdf, .jpg ou .png ; - pour le texte au clavier"
    )
    parser.add_argument("--json", action="store_true", help="réponse en JSON")


def run(args: argparse.Namespace) -> int:
    from guichet.cli import UsageError
    from guichet.letters import LetterError, explain, explain_file

    try:
        if args.fichier == "-":
            data = sys.stdin.buffer.read()
            explanation = explain(data.decode("utf-8", errors="replace"))
        else:
            explanation = explain_file(args.fichier)
    except LetterError as error:
        raise UsageError(error.message) from None
    if args.json:
        sys.stdout.write(json.dumps(explanation.to_json(), ensure_ascii=False) + "\n")
    else:
        print("\n".join(describe(explanation)))
    return 0


def _euros(value: float) -> str:
    whole, cents = f"{value:,.2f}".split(".")
    whole = whole.replace(",", "\u202f")
    return f"{whole} €" if cents == "00" else f"{whole},{cents} €"


def describe(explanation) -> list[str]:
    """The explanation as lines of plain French, most urgent first."""
    from guichet.letters.dates import date_fr

    data = explanation.to_json()
    lines = []
    sender = explanation.sender
    lines.append(f"Ce courrier vient de {sender.name}." if sender else "Expéditeur non reconnu.")
    if explanation.letter_date:
        lines.append(f"Il est daté du {date_fr(explanation.letter_date.date)}.")
    lines.append(data["lisibilite"]["message"])
    if explanation.deadlines:
        lines += ["", "Les délais :"]
        for deadline in explanation.deadlines:
            when = f"avant le {date_fr(deadline.date)}" if deadline.date else deadline.rule
            lines.append(f"- {when}  (« {deadline.text} »)")
            if deadline.date and not deadline.rule.startswith("avant"):
                lines.append(f"  Règle : {deadline.rule}, compté depuis la date du courrier.")
    if data["montants"]:
        lines += ["", "Les sommes :"]
        lines += [f"- {_euros(m['valeur'])}  (« {m['texte']} »)" for m in data["montants"]]
    if explanation.terms:
        lines += ["", "Les mots difficiles :"]
        for found in explanation.terms:
            lines.append(f"- {found.terme} : {found.definition}")
            if found.known and found.term.que_faire:
                lines.append(f"  Que faire : {found.term.que_faire}")
    if explanation.demarches:
        lines += ["", "Ce que vous pouvez faire :"]
        for rank, suggestion in enumerate(explanation.demarches, 1):
            lines.append(f"{rank}. {suggestion.titre}  [{suggestion.id}]")
            lines.append(f"   Pourquoi : {suggestion.pourquoi}.")
    helpers = [HELPER_LABELS.get(n, n) for n in explanation.networks]
    lines += ["", f"Qui peut vous aider : {', '.join(helpers)}."]
    return lines
