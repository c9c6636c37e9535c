"""Who wrote the letter: from its header, its logo's words, its e-mail domain, its phone.

Each sender has clues with a weight: its full name (3), its acronym or usual name (2),
its domain or phone number (3), words of its trade (1). Where the clue is matters as
much. A name in the letterhead (the first two lines, where a logo's text lands when a
photo is read) decides: a CAF letter says « informez France Travail, le 39 49 », but it is
headed « Caisse d'allocations familiales ». Without one, clues count three times in the
letterhead, twice in the top quarter, and the best score wins if it reaches 3. A street
name (« rue de la Préfecture ») and the line naming the client of a bailiff's act do not
count.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .tokens import fold_in_place

TOP_SHARE = 0.25
MIN_SCORE = 3
LETTERHEAD = 3
MAX_PER_CLUE = 2
A = r"['’ ]"  # an apostrophe, or the space an OCR puts in its place
_OTHER_PARTY = re.compile(
    r"\b(?:a la demande de|pour le compte de|requerant|signifie a|destinataire)\b"
)
_STREET = re.compile(
    r"\b(?:rue|avenue|place|boulevard|bd|allee|chemin|quai|impasse)\s+(?:de la |du |des |de l'|d'|de )?$"
)


@dataclass(frozen=True)
class Sender:
    id: str
    name: str
    networks: tuple[str, ...]
    demarches: tuple[str, ...]
    clues: tuple[tuple[str, int], ...]

    def to_json(self) -> dict:
        return {"id": self.id, "nom": self.name}

    def names(self, text: str) -> bool:
        """Whether a piece of text is this sender's name (a clue of weight 2 or more)."""
        folded = fold_in_place(text)
        return any(weight >= 2 and re.search(p, folded) for p, weight in self.clues)


SENDERS = (
    Sender(
        "caf",
        "la CAF (Caisse d'allocations familiales)",
        ("caf",),
        (),
        (
            (rf"caisse d{A}allocations? familiales", 3),
            (r"\bcaf\b", 2),
            (r"\bcaf\.fr\b|@caf\.", 3),
            (r"\b32 ?30\b", 3),
            (r"\ballocataire\b", 1),
        ),
    ),
    Sender(
        "cpam",
        "l'Assurance maladie (CPAM)",
        ("cpam",),
        (),
        (
            (rf"caisse primaire d{A}assurance maladie", 3),
            (r"\bcpam\b", 2),
            (r"\bassurance maladie\b", 2),
            (r"\bameli(?:\.fr)?\b", 3),
            (r"\b36 ?46\b", 3),
            (r"\bassure\b|\bcarte vitale\b|\barret de travail\b", 1),
        ),
    ),
    Sender(
        "france-travail",
        "France Travail (ancien Pôle emploi)",
        ("france-travail",),
        ("actualisation-france-travail",),
        (
            (r"\bfrance travail\b", 3),
            (r"\bpole emploi\b", 2),
            (r"\bfrancetravail\.fr\b", 3),
            (r"\b39 ?49\b", 3),
            (rf"\bdemandeur d{A}emploi\b|\bconseiller (?:emploi|referent)\b", 1),
        ),
    ),
    Sender(
        "impots",
        "les impôts (Direction générale des finances publiques)",
        ("impots",),
        ("declaration-impots",),
        (
            (r"finances publiques|\bdgfip\b", 3),
            (r"service des impots|centre des impots|\bsip\b|tresor public", 3),
            (r"impots\.gouv\.fr|\bgouv\.fr/impots", 3),
            (r"\b0 ?809 ?401 ?401\b", 3),
            (r"\bimpots?\b|\bcontribuable\b|\bfiscal(?:e|es)?\b", 1),
        ),
    ),
    Sender(
        "commissaire-justice",
        "un commissaire de justice (ancien huissier)",
        ("points-justice", "tribunal"),
        ("prevention-expulsion", "point-justice"),
        (
            (r"commissaires? de justice", 3),
            (r"huissiers? de justice|\bhuissier\b", 3),
            (r"\bacte\b|\bsignifi", 1),
        ),
    ),
    Sender(
        "tribunal",
        "le tribunal",
        ("tribunal", "points-justice"),
        ("point-justice", "aide-juridictionnelle"),
        (
            (r"tribunal judiciaire|tribunal de proximite|tribunal administratif", 3),
            (r"\bgreffe\b|\bjuge des contentieux\b", 2),
            (r"\baudience\b|\bjugement\b", 1),
        ),
    ),
    Sender(
        "bailleur",
        "votre bailleur (propriétaire ou organisme HLM)",
        ("ccas-cias", "points-justice"),
        ("prevention-expulsion", "fsl"),
        (
            (
                rf"\bbailleur\b|office public de l{A}habitat|\bhabitat 25\b|grand besancon habitat",
                3,
            ),
            (r"\bneolia\b|\bloge\.gbh\b|\bagence immobiliere\b|\bgestion locative\b", 3),
            (r"\blocataire\b|\bloyers? impayes?\b|\bbail\b", 1),
        ),
    ),
    Sender(
        "prefecture",
        "la préfecture",
        ("prefecture",),
        ("titre-sejour",),
        (
            (r"\bprefecture\b|\bprefet\b|\bprefete\b", 3),
            (r"\bdoubs\.gouv\.fr\b|\banef\b", 3),
            (r"\btitre de sejour\b|\brecepisse\b|\bsejour\b", 1),
        ),
    ),
    Sender(
        "mdph",
        "la MDPH (Maison départementale des personnes handicapées)",
        ("mdph",),
        ("mdph",),
        (
            (r"maison departementale des personnes handicapees|\bmdph\b", 3),
            (r"\bcdaph\b|commission des droits et de l'autonomie", 3),
            (r"\bhandicap\b|\btaux d'incapacite\b", 1),
        ),
    ),
    Sender(
        "departement",
        "le Département (conseil départemental)",
        ("cms", "departements"),
        ("rsa",),
        (
            (r"conseil departemental|departement du doubs|\bdoubs\.fr\b", 3),
            (r"president du conseil departemental|\bcentre medico-social\b", 3),
            (r"\bdepartement\b", 1),
        ),
    ),
    Sender(
        "energie",
        "votre fournisseur d'énergie",
        ("france-service", "ccas-cias", "points-conseil-budget"),
        ("cheque-energie", "fsl"),
        (
            (r"\bedf\b|\bengie\b|totalenergies|\beni\b|\bekwateur\b|\bmint energie\b", 3),
            (rf"fournisseur d{A}(?:energie|electricite|gaz)", 3),
            (r"\bkwh\b|\bcompteur\b|\blinky\b|\belectricite\b|\bgaz\b|\bpdl\b", 1),
        ),
    ),
    Sender(
        "banque",
        "votre banque",
        ("points-conseil-budget", "banque-de-france"),
        ("point-conseil-budget",),
        (
            (r"banque postale|credit agricole|caisse d'epargne|credit mutuel|\bbnp\b", 3),
            (r"societe generale|\blcl\b|\bcic\b|banque populaire|\bbanque\b", 2),
            (r"commission d'intervention|frais bancaires|decouvert|\bagios\b|rejet de", 1),
        ),
    ),
)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: « a|b(c|d) » → [« a », « b(c|d) »]."""
    branches, depth, start, in_class, escaped = [], 0, 0, False, False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
    return [*branches, pattern[start:]]


def _leading_literal(branch: str) -> str:
    """The text a branch must start with: « \\bcaisse d['’ ]allocations » → « caisse d »."""
    literal, index = [], 2 if branch.startswith("\\b") else 0
    while index < len(branch):
        char = branch[index]
        if char == "\\" and index + 1 < len(branch) and branch[index + 1] in ".-@/":
            literal.append(branch[index + 1])
            index += 2
            continue
        if char in "\\.^$*+?{}[]()|":
            if char in "?*{" and literal:
                literal.pop()  # « allocations? »: the s may be missing
            break
        literal.append(char)
        index += 1
    return "".join(literal).strip()


def _hints(pattern: str) -> tuple[str, ...]:
    """Texts of which one must be in the letter for the pattern to match, or () when the
    pattern does not tell: a quick substring test spares most regular expressions."""
    hints = tuple(_leading_literal(branch) for branch in _branches(pattern))
    return hints if all(len(h) >= 2 for h in hints) else ()


_COMPILED = [
    (sender, [(re.compile(p), w, _hints(p)) for p, w in sender.clues]) for sender in SENDERS
]


def _weights(folded: str) -> list[int]:
    """How much a clue counts at each line: 3 in the letterhead (the first two lines),
    2 in the top of the letter, 1 below, 0 on a line that names someone else
    (« À la demande de : … bailleur » in a bailiff's act, « Signifié à : … locataire »)."""
    top = max(len(folded) * TOP_SHARE, 300)
    weights, position, written = [], 0, 0
    for line in folded.split("\n"):
        if line.strip():
            written += 1
        weight = LETTERHEAD if written and written <= 2 else 2 if position < top else 1
        weights.append(0 if _OTHER_PARTY.search(line) else weight)
        position += len(line) + 1
    return weights


def find_sender(text: str, folded: str | None = None) -> Sender | None:
    folded = (fold_in_place(text) if folded is None else folded).replace("’", "'")
    weights = _weights(folded)
    line_starts = [m.start() for m in re.finditer(r"^", folded, re.MULTILINE)]
    scores: dict[str, int] = {}
    letterhead: dict[str, int] = {}
    for sender, clues in _COMPILED:
        for pattern, weight, hints in clues:
            if hints and not any(hint in folded for hint in hints):
                continue
            counted = 0
            for match in pattern.finditer(folded):
                if _STREET.search(folded, max(0, match.start() - 20), match.start()):
                    continue  # « rue de la Préfecture » is an address, not a sender
                line_weight = weights[bisect.bisect_right(line_starts, match.start()) - 1]
                scores[sender.id] = scores.get(sender.id, 0) + weight * line_weight
                if line_weight == LETTERHEAD and weight >= 2:
                    letterhead[sender.id] = letterhead.get(sender.id, 0) + weight
                counted += 1
                if counted == MAX_PER_CLUE:
                    break
    if letterhead:  # the letterhead names the sender; the body names others
        return SENDERS_BY_ID[max(letterhead, key=lambda i: (letterhead[i], scores[i]))]
    best = max(scores, key=scores.get, default=None)
    return SENDERS_BY_ID[best] if best and scores[best] >= MIN_SCORE else None


SENDERS_BY_ID = {sender.id: sender for sender in SENDERS}
# The offices of one body: proposed for its own letters only.
OFFICE_NETWORKS = frozenset({"caf", "cpam", "france-travail", "impots", "mdph", "prefecture"})
