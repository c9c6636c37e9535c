"""A territory's places, read from the files shipped in data/<territory>/.

The result is a list of structure dicts aligned with the data·inclusion v1 structure
schema (plus a few keys of ours, see EXTRA_KEYS), a list of service dicts, and the
national phone lines. Nothing is guessed: an empty cell stays empty; a fact that rests on
an old or single source is flagged `a_verifier`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .hours import Hours, parse_france_services, parse_free_hours

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_TERRITORY = "besancon-planoise"
SOURCE = "guichet"

# data·inclusion structure v1 fields that we fill (schema 1.0.8, structure.json).
DATA_INCLUSION_KEYS = (
    "id",
    "source",
    "nom",
    "adresse",
    "complement_adresse",
    "code_postal",
    "commune",
    "code_insee",
    "telephone",
    "courriel",
    "site_web",
    "horaires_accueil",
    "latitude",
    "longitude",
    "lien_source",
    "date_maj",
    "description",
    "reseaux_porteurs",
)
EXTRA_KEYS = ("type", "horaires", "horaires_remarque", "date_source", "a_verifier", "remarque")

# The body a row's `type` names, when it is one of our networks (catalogue EXTRA_NETWORKS).
# Added to the row's reseau_porteur: the Préfecture row says « regions » in the source,
# yet démarches look for a « prefecture » place.
TYPE_NETWORKS = {
    "Préfecture": "prefecture",
    "Banque de France": "banque-de-france",
    "Étudiants": "crous",
    "Défenseur des droits": "defenseur-des-droits",
    "Transport": "transport",
    "Justice": "tribunal",
}
# Communes of our territories whose INSEE code is certain.
INSEE_CODES = {"Besançon": "25056"}
# Bodies that receive the public at France services Planoise (macommune.info, 08/01/2018).
HOSTED_AT_FRANCE_SERVICES = ("ccas-cias", "caf", "cpam", "mission-locale")


@dataclass(frozen=True)
class NationalLine:
    id: str
    nom: str
    telephone: str
    reseaux: tuple[str, ...]
    description: str
    horaires: str | None
    source: str
    date: dt.date


@dataclass(frozen=True)
class Territory:
    slug: str
    home: str
    structures: tuple[dict, ...]
    services: tuple[dict, ...]
    national_lines: tuple[NationalLine, ...]

    def structure(self, slug: str) -> dict | None:
        return next((s for s in self.structures if s["id"] == slug), None)


def slugify(name: str, max_length: int = 80) -> str:
    """Stable id from a place's name: « SIAO du Doubs – 115 (…) » → « siao-du-doubs-115 »."""
    text = re.sub(r"\([^)]*\)", " ", name)
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("’", " ")
    text = text.replace("'", " ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug


def parse_source_date(text: str) -> dt.date | None:
    """« 2024-08-01 », « 2021-11 » or « 2013 »: a partial date counts from its first day."""
    text = (text or "").strip()
    for pattern, fmt in (
        (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
        (r"\d{4}-\d{2}", "%Y-%m"),
        (r"\d{4}", "%Y"),
    ):
        if re.fullmatch(pattern, text):
            return dt.datetime.strptime(text, fmt).date()
    return None


def needs_checking(remark: str) -> bool:
    """The partner file writes « À VÉRIFIER » (in capitals) where a fact must be checked."""
    return "À VÉRIFIER" in (remark or "")


def _clean(value: str | None) -> str | None:
    value = (value or "").strip().rstrip(".").strip()
    return value or None


def _float(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def _networks(row: dict) -> list[str]:
    networks = [row["reseau_porteur"].strip()] if row.get("reseau_porteur", "").strip() else []
    extra = TYPE_NETWORKS.get(row.get("type", "").strip())
    if extra and extra not in networks:
        networks.append(extra)
    return networks


def _hours_fields(hours: Hours) -> dict:
    return {
        "horaires_accueil": hours.to_osm() or None,
        "horaires": hours.as_dicts(),
        "horaires_remarque": " ; ".join(hours.remarks) or None,
    }


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _france_services_structure(row: dict, partner: dict | None) -> dict:
    """The ANCT row (id_fs) is the reference; the same place in partenaires.csv adds its remark."""
    hours = parse_france_services(row)
    comment = _clean(row.get("commentaire"))
    hours_remark = "; ".join(filter(None, (*hours.remarks, comment))) or None
    facts = [
        "Un lieu unique pour vos démarches, gratuit.",
        "Le CCAS, la CAF, la CPAM et la Mission locale y reçoivent le public.",
    ]
    if row.get("prise_rdv", "").strip() == "Non":
        facts.append("Pas de prise de rendez-vous en ligne.")
    structure = {
        "id": slugify(row["lib_fs"]),
        "source": SOURCE,
        "nom": row["lib_fs"].strip(),
        "adresse": _clean(row.get("adresse")),
        "complement_adresse": _clean(row.get("complement_adresse")),
        "code_postal": _clean(row.get("code_postal")),
        "commune": _clean(row.get("lib_com")),
        "code_insee": _clean(row.get("insee_com")),
        "telephone": _clean(row.get("telephone")),
        "courriel": _clean(row.get("mail")),
        "site_web": _clean(partner.get("site_web")) if partner else None,
        **_hours_fields(hours),
        "latitude": _float(row.get("latitude")),
        "longitude": _float(row.get("longitude")),
        "lien_source": "https://github.com/anct-carto/france_services/blob/main/data/liste-fs-20240801.csv",
        "date_maj": dt.date(2024, 8, 1),
        "description": " ".join(facts),
        "reseaux_porteurs": ["france-service"],
        "type": "France services",
        "date_source": "2024-08-01",
        "a_verifier": False,
        "remarque": _clean(partner.get("remarque")) if partner else None,
    }
    structure["horaires_remarque"] = hours_remark
    return structure


def _partner_structure(row: dict) -> dict:
    remark = _clean(row.get("remarque"))
    commune = _clean(row.get("commune"))
    return {
        "id": slugify(row["nom"]),
        "source": SOURCE,
        "nom": row["nom"].strip(),
        "adresse": _clean(row.get("adresse")),
        "complement_adresse": None,
        "code_postal": _clean(row.get("code_postal")),
        "commune": commune,
        "code_insee": INSEE_CODES.get(commune or ""),
        "telephone": _clean(row.get("telephone")),
        "courriel": _clean(row.get("courriel")),
        "site_web": _clean(row.get("site_web")),
        **_hours_fields(parse_free_hours(row.get("horaires", ""))),
        "latitude": _float(row.get("latitude")),
        "longitude": _float(row.get("longitude")),
        "lien_source": _clean(row.get("source_url")),
        "date_maj": parse_source_date(row.get("source_date", "")),
        "description": None,
        "reseaux_porteurs": _networks(row),
        "type": _clean(row.get("type")),
        "date_source": _clean(row.get("source_date")),
        "a_verifier": needs_checking(remark or ""),
        "remarque": remark,
    }


def _structures(folder: Path) -> tuple[str, list[dict]]:
    france_services = [
        row for path in sorted(folder.glob("france-services*.csv")) for row in _read_csv(path)
    ]
    if not france_services:
        raise ValueError(f"{folder}: aucun fichier france-services*.csv (le lieu d'accueil)")
    partners = _read_csv(folder / "partenaires.csv")
    names = {row["lib_fs"].strip() for row in france_services}
    structures = [
        _france_services_structure(row, next((p for p in partners if p["nom"] == name), None))
        for row, name in ((row, row["lib_fs"].strip()) for row in france_services)
    ]
    structures += [_partner_structure(row) for row in partners if row["nom"].strip() not in names]
    seen: set[str] = set()
    for structure in structures:
        if structure["id"] in seen:
            raise ValueError(f"{folder}: deux lieux ont le même identifiant « {structure['id']} »")
        seen.add(structure["id"])
    return structures[0]["id"], structures


def _services(folder: Path, structure_ids: set[str]) -> list[dict]:
    path = folder / "services.yaml"
    if not path.exists():
        return []
    services = yaml.safe_load(path.read_text(encoding="utf-8"))["services"]
    for service in services:
        if service["structure"] not in structure_ids:
            raise ValueError(
                f"{path}: service « {service['id']} » : lieu inconnu « {service['structure']} »"
            )
        service.setdefault("source", SOURCE)
    return services


def _national_lines(folder: Path) -> list[NationalLine]:
    path = folder / "lignes-nationales.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        NationalLine(
            id=line["id"],
            nom=line["nom"],
            telephone=str(line["telephone"]),
            reseaux=tuple(line.get("reseaux") or ()),
            description=line["description"],
            horaires=line.get("horaires"),
            source=data["source"],
            date=data["date"],
        )
        for line in data["lignes"]
    ]


@cache
def load_territory(slug: str = DEFAULT_TERRITORY) -> Territory:
    """Read data/<slug>/: the France services row first (the territory's home place)."""
    folder = DATA_DIR / slug
    if not (folder / "partenaires.csv").is_file():
        raise ValueError(f"territoire inconnu : « {slug} »")
    home, structures = _structures(folder)
    services = _services(folder, {s["id"] for s in structures})
    return Territory(slug, home, tuple(structures), tuple(services), tuple(_national_lines(folder)))


def to_data_inclusion(structure: dict) -> dict:
    """Only the data·inclusion keys, dates as ISO strings (for export)."""
    out = {key: structure.get(key) for key in DATA_INCLUSION_KEYS}
    if isinstance(out["date_maj"], dt.date):
        out["date_maj"] = out["date_maj"].isoformat()
    return out


def lines_for_networks(lines: tuple[NationalLine, ...], networks: list[str]) -> list[NationalLine]:
    """National lines of the given networks, in the networks' order."""
    found: list[NationalLine] = []
    for network in networks:
        for line in lines:
            if network in line.reseaux and line not in found:
                found.append(line)
    return found
