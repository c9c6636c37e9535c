"""The `guichet` command: the main jobs from a terminal.

    guichet besoin "texte"            need → démarches (--json for machines)
    guichet besoin --json < besoins   one need per line → one JSON object per line
    guichet evaluer FICHIER.tsv       top-1, top-3 and MRR of the matcher on phrasings
    guichet simuler FILE | -          household → rights (situation format of the README)
    guichet expliquer FICHIER         a letter (.txt, .pdf, photo) explained (--json)
    guichet purger [--execute]        desk files past their retention anonymised (dry run)

Bad input gets a message in plain French and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence

from guichet.commands import expliquer, purger

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A mistake in how the command was called, said in plain French."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are in English
        raise UsageError(f"commande mal formée ({message}). Essayez : guichet --help")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="guichet", description="Guichet : vos droits et vos démarches.")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)

    besoin = commands.add_parser("besoin", help="trouver les démarches pour un besoin écrit")
    besoin.add_argument("texte", nargs="*", help="le besoin, en vos mots")
    besoin.add_argument("--json", action="store_true", help="réponse en JSON")
    besoin.add_argument("--nombre", type=int, default=5, help="nombre de démarches (défaut 5)")

    evaluer = commands.add_parser("evaluer", help="mesurer la recherche sur un fichier de besoins")
    evaluer.add_argument("fichiers", nargs="+", help="fichiers TSV : texte, attendus, tags")

    simuler = commands.add_parser("simuler", help="estimer les aides d'un foyer")
    simuler.add_argument(
        "fichier", help="fichier JSON de la situation, ou - pour l'entrée standard"
    )
    simuler.add_argument("--json", action="store_true", help="réponse en JSON")
    simuler.add_argument(
        "--processus",
        type=int,
        default=2,
        help="processus de calcul pour un gros fichier (2 par défaut)",
    )
    simuler.add_argument(
        "--variantes",
        action="store_true",
        help="calculer aussi « ce qui changerait » pour chaque foyer d'un lot (plus lent)",
    )

    expliquer.add_parser(commands)
    purger.add_parser(commands)
    return parser


def _stdin_lines() -> list[str]:
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return [line.rstrip("\n") for line in stream]


def _print_json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def run_besoin(args: argparse.Namespace) -> int:
    from guichet.matching import get_matcher

    if not 1 <= args.nombre <= 20:
        raise UsageError("--nombre doit être entre 1 et 20.")
    matcher = get_matcher()
    if not args.texte:
        for line in _stdin_lines():
            _print_json(matcher.match(line, limit=args.nombre).to_json())
        return 0
    text = " ".join(args.texte).strip()
    if not text:
        raise UsageError("le besoin est vide : écrivez en quelques mots ce qui ne va pas.")
    result = matcher.match(text, limit=args.nombre)
    if args.json:
        _print_json(result.to_json())
        return 0
    if result.message:
        print(result.message)
    for rank, match in enumerate(result.demarches, 1):
        print(f"{rank}. {match.titre}  [{match.id}]")
        print(f"   {match.pourquoi}")
    return 0


def run_evaluer(args: argparse.Namespace) -> int:
    from pathlib import Path

    from guichet.matching import get_matcher
    from guichet.matching.evaluation import evaluate, read_phrasings

    for name in args.fichiers:
        try:
            rows = read_phrasings(Path(name))
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            raise UsageError(f"le fichier « {name} » ne peut pas être lu ({exc}).") from None
        if not rows:
            raise UsageError(f"le fichier « {name} » ne contient aucun besoin.")
        print(f"== {name}")
        print("\n".join(evaluate(get_matcher(), rows).lines()))
    return 0


def _read_situations(path: str) -> tuple[list[str], bool]:
    """The situations to compute, each as JSON text, and whether they come as a batch."""
    if path == "-":
        return [line for line in _stdin_lines() if line.strip()], True
    try:
        with open(path, encoding="utf-8") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise UsageError(f"le fichier « {path} » n'existe pas.") from None
    except IsADirectoryError:
        raise UsageError(
            f"« {path} » est un dossier, pas un fichier : donnez le chemin du fichier JSON "
            "de la situation."
        ) from None
    except PermissionError:
        raise UsageError(
            f"le fichier « {path} » ne peut pas être lu : vous n'avez pas le droit de l'ouvrir."
        ) from None
    except UnicodeDecodeError:
        raise UsageError(
            f"le fichier « {path} » n'est pas un fichier texte en UTF-8 : enregistrez la "
            "situation au format JSON, en texte UTF-8."
        ) from None
    except OSError as exc:
        reason = exc.strerror or "erreur de lecture"
        raise UsageError(f"le fichier « {path} » ne peut pas être lu ({reason}).") from None
    try:
        whole = json.loads(content)
    except json.JSONDecodeError:
        lines = [line for line in content.splitlines() if line.strip()]
        return lines, len(lines) != 1
    if whole == []:
        raise UsageError(
            f"le fichier « {path} » ne contient aucune situation : c'est une liste vide []. "
            "Une situation s'écrit entre accolades { … }."
        )
    if isinstance(whole, list):
        return [json.dumps(item, ensure_ascii=False) for item in whole], True
    return [content], False


def run_simuler(args: argparse.Namespace) -> int:
    from guichet.simulator import SituationError, parse_situation
    from guichet.simulator.api import simulate_json_lines

    texts, batch = _read_situations(args.fichier)
    if not texts:
        raise UsageError("aucune situation à calculer : le fichier est vide.")
    parsed: list = []
    for text in texts:
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise SituationError("une situation doit être un objet JSON { … }.", "situation")
            parsed.append(parse_situation(data))
        except json.JSONDecodeError as exc:
            parsed.append(
                SituationError(
                    f"JSON mal formé (ligne {exc.lineno}, colonne {exc.colno}).", "situation"
                )
            )
        except SituationError as exc:
            parsed.append(exc)
    if not batch and isinstance(parsed[0], SituationError):
        error = parsed[0]
        raise UsageError(f"situation refusée, champ « {error.champ} » : {error.message}")
    valid = [item for item in parsed if not isinstance(item, SituationError)]
    explain = args.variantes or not batch  # un lot : sans variantes, sauf --variantes
    if not 1 <= args.processus <= 16:
        raise UsageError("--processus doit être entre 1 et 16.")
    lines = iter(simulate_json_lines(valid, explain, args.processus)) if valid else iter(())
    for item in parsed:
        if isinstance(item, SituationError):
            line = json.dumps({"erreur": item.message, "champ": item.champ}, ensure_ascii=False)
        else:
            line = next(lines)
        if args.json or batch:
            sys.stdout.write(line + "\n")
        else:
            _print_household(json.loads(line))
    return 0


def _print_household(answer: dict) -> None:
    if "erreur" in answer:
        print(f"Erreur ({answer.get('champ')}) : {answer['erreur']}")
        contact = answer.get("contact")
        if contact:
            print(f"{contact['nom']}, {contact['adresse']}, {contact['telephone']}")
        return
    shown = [a for a in answer.get("aides", []) if a.get("statut", "probable") != "non éligible"]
    for aide in shown:
        period = {"mensuelle": "par mois", "annuelle": "par an", "ponctuelle": "une fois"}
        amount = (
            f" : ≈ {aide['montant']:.2f} € {period.get(aide['periodicite'], '')}".rstrip()
            if aide.get("montant")
            else ""
        )
        status = f" ({aide['statut']})" if aide.get("statut", "probable") != "probable" else ""
        print(f"- {aide.get('libelle', aide['id'])}{amount}{status}")
        for line in aide.get("pourquoi", [])[:3]:
            print(f"    {line}")
        for change in aide.get("ce_qui_changerait", [])[:2]:
            print(f"    → {change['texte']}")
    if not any(aide.get("montant") for aide in shown):
        print("Aucune aide estimée pour cette situation. Venez en parler à France services.")


COMMANDS = {
    "besoin": run_besoin,
    "evaluer": run_evaluer,
    "simuler": run_simuler,
    "expliquer": expliquer.run,
    "purger": purger.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return EXIT_BAD_INPUT
        return COMMANDS[args.command](args)
    except UsageError as exc:
        sys.stderr.write(f"guichet : {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
