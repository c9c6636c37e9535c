"""Variants chosen by rules and help to check at the desk: fast, without the engine."""

from __future__ import annotations

from guichet.simulator import parse_situation
from guichet.simulator.desk import consumption_units, desk_benefits
from guichet.simulator.results import TO_CHECK
from guichet.simulator.shortcuts import signature, zero_benefits
from guichet.simulator.variants import birth_row, describe, variants_of


def situation(personnes, logement=None, **extra):
    return parse_situation(
        {
            "mois": "2026-05",
            "logement": logement or {"statut": "locataire", "loyer": 500},
            "personnes": personnes,
            **extra,
        }
    )


def keys(s):
    return [variant.key for variant in variants_of(s)]


def test_a_couple_with_a_wage_and_a_toddler_gets_the_relevant_variants():
    s = situation(
        [
            {"role": "demandeur", "age": 30, "revenus_mensuels": {"salaire_net": 1500}},
            {"role": "conjoint", "age": 29},
            {"role": "enfant", "age": 2},
        ]
    )
    assert keys(s) == [
        "revenus_moins_200",
        "perte_emploi",
        "separation",
        "enfant_3_ans",
        "enfant_en_plus",
    ]


def test_a_young_person_at_the_parents_gets_a_home_and_a_job():
    s = situation([{"role": "demandeur", "age": 22}], logement={"statut": "heberge_gratuit"})
    assert keys(s) == ["reprise_emploi", "logement_autonome"]
    home = next(v for v in variants_of(s) if v.key == "logement_autonome")
    assert home.situation.logement.statut == "locataire" and home.situation.logement.loyer == 450
    assert home.situation.id is None


def test_lower_income_takes_200_euros_from_the_main_income():
    s = situation([{"role": "demandeur", "age": 50, "revenus_mensuels": {"chomage_net": 900}}])
    lower = variants_of(s)[0]
    assert lower.key == "revenus_moins_200"
    assert lower.situation.personnes[0].revenus.chomage_net == 700
    assert "200" in lower.si


def test_job_loss_keeps_the_past_wage_for_the_look_back_months():
    s = situation([{"role": "demandeur", "age": 40, "revenus_mensuels": {"salaire_net": 1300}}])
    lost = next(v for v in variants_of(s) if v.key == "perte_emploi").situation.personnes[0]
    assert lost.revenus.salaire_net == 0 and lost.activite == "chomeur"
    assert lost.incomes_at("2026-04").salaire_net == 1300
    assert lost.incomes_at("2026-05").salaire_net == 0


def test_the_birth_row_has_the_child_born_two_months_later():
    s = situation([{"role": "demandeur", "age": 28, "enceinte": True}])
    row = birth_row(s)
    baby = row.personnes[-1]
    assert baby.role == "enfant" and baby.naissance_prevue == "2026-07"
    assert birth_row(situation([{"role": "demandeur", "age": 28}])) is None


def test_a_change_is_described_only_when_it_changes_the_amount():
    s = situation([{"role": "demandeur", "age": 50, "revenus_mensuels": {"chomage_net": 900}}])
    variant = variants_of(s)[0]
    assert describe(variant, "de RSA", "mensuelle", 100.0, 100.4) is None
    more = describe(variant, "de prime d'activité", "mensuelle", 100.0, 185.0)
    assert more.ecart == 85.0
    assert more.texte.endswith("environ +85\u202f€ par mois de prime d'activité")
    gone = describe(variant, "de RSA", "mensuelle", 300.0, 0.0)
    assert "vous n'auriez plus de RSA (−300\u202f€ par mois)" in gone.texte
    new = describe(variant, "de RSA", "mensuelle", 0.0, 120.0)
    assert "vous pourriez toucher environ 120\u202f€ par mois de RSA" in new.texte


def test_low_income_tenant_is_sent_to_check_fsl_ccas_and_fares():
    s = situation([{"role": "demandeur", "age": 40}])
    ids = [b.id for b in desk_benefits(s, {"rsa": 500.0})]
    assert ids == ["fsl", "aide-urgence-ccas", "transport-solidaire"]
    for benefit in desk_benefits(s, {"rsa": 500.0}):
        assert benefit.status == TO_CHECK and not benefit.calcule and benefit.pourquoi


def test_comfortable_owner_gets_no_desk_help():
    s = situation(
        [{"role": "demandeur", "age": 45, "revenus_mensuels": {"salaire_net": 3500}}],
        logement={"statut": "proprietaire"},
    )
    assert desk_benefits(s, {}) == []


def test_recent_separation_mentions_the_emergency_aid_and_3919():
    s = situation(
        [{"role": "demandeur", "age": 33}, {"role": "enfant", "age": 5}],
        separation_depuis="2026-03",
    )
    urgent = next(b for b in desk_benefits(s, {}) if b.id == "aide-universelle-urgence")
    assert "3919" in urgent.pourquoi[0]


def test_consumption_units():
    s = situation(
        [
            {"role": "demandeur", "age": 40},
            {"role": "conjoint", "age": 38},
            {"role": "enfant", "age": 15},
            {"role": "enfant", "age": 3},
        ]
    )
    assert consumption_units(s) == 1 + 0.5 + 0.5 + 0.3


def test_zero_benefits_and_signature():
    young = situation([{"role": "demandeur", "age": 30}]).personnes
    assert {s.benefit for s in zero_benefits(list(young))} >= {"aah", "asi", "aspa", "ass", "apa"}
    assert signature(list(young)) == {"aah", "asi", "aspa", "ass"}
    old = situation([{"role": "demandeur", "age": 70, "taux_incapacite": 80}]).personnes
    assert signature(list(old)) == {"ass"}
