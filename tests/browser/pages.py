"""The pages the browser tests visit, and the steps that bring a page into a given state."""

from __future__ import annotations

from guichet.catalogue import load_catalogue

KIOSK_TOKEN = "jeton-de-test-accueil"
HOME_PLACE = "france-services-besancon-planoise"
NEED_WITH_MISTAKES = "jarive plu a payé mon loyé"
NEED_URGENT = "je dors dehors ce soir"
NEED_UNCLEAR = "aide"

LETTER = (
    "Caisse d'allocations familiales du Doubs. Objet : notification d'indu. "
    "Madame, Monsieur, suite au contrôle de votre dossier, nous avons constaté un indu de "
    "350,00 € au titre de la prime d'activité pour la période de janvier à mars 2026. "
    "Vous pouvez contester cette décision dans un délai de deux mois à compter de la "
    "réception du présent courrier auprès de la commission de recours amiable (CRA)."
)

# Pages reached by a plain GET, as a person would open them.
CITIZEN_PAGES = [
    "/",
    "/besoin",
    "/besoin?texte=",
    f"/besoin?texte={NEED_WITH_MISTAKES}",
    f"/besoin?texte={NEED_URGENT}",
    f"/besoin?texte={NEED_UNCLEAR}",
    "/besoin?texte=xqzwv",
    "/demarches/",
    "/lieux/",
    f"/lieux/{HOME_PLACE}",
    "/mes-droits/",
    "/mes-droits/expert",
    "/recapitulatif",
    "/reprendre",
    "/kiosque/fin",
    "/courrier",
    "/page-qui-n-existe-pas",
]


def demarche_urls() -> list[str]:
    return [f"/demarches/{d.id}" for d in sorted(load_catalogue(), key=lambda d: d.id)]


# The step-by-step questionnaire: a person alone, renting privately, looking for work.
CHOICES = (
    "Seul ou seule",
    "Aucun enfant",
    "Je loue à un propriétaire privé",
    "Je cherche du travail",
    "Non",
)


def typed_value(name: str) -> str:
    if name.endswith("_age"):
        return "35"
    return "450" if name == "loyer" else "0"


def answer_step(page) -> None:
    """Answers the question on screen (radios by CHOICES, else the first; amounts 0)."""
    for group in page.locator("fieldset.choices").all():
        if not group.locator("input[type=radio]").count():
            continue  # checkboxes (« Cochez ce qui vous concerne ») stay empty
        if group.locator("input:checked").count():
            continue
        for choice in CHOICES:
            option = group.get_by_label(choice, exact=True)
            if option.count():
                option.check()
                break
        else:
            group.locator("input[type=radio]").first.check()
    for field in page.locator(".question-form input[type=text]").all():
        if not field.input_value():
            field.fill(typed_value(field.get_attribute("name")))


def answer_questionnaire(page, on_screen=None, tap: bool = False) -> None:
    """From /mes-droits/ to « Vérifiez vos réponses », one screen at a time."""
    page.goto("/mes-droits/")
    for _ in range(20):
        if page.url.endswith("/mes-droits/verifier"):
            return
        if on_screen:
            on_screen(page)
        answer_step(page)
        button = page.get_by_role("button", name="Continuer")
        with page.expect_navigation():
            button.tap() if tap else button.click()
    raise AssertionError(f"questionnaire sans fin : {page.url}")


def see_rights(page, tap: bool = False) -> None:
    """From « Vérifiez vos réponses » to the results (the real simulator: ~15 s cold)."""
    link = page.get_by_role("link", name="Voir les aides que je pourrais avoir")
    with page.expect_navigation(url="**/mes-droits/resultats", timeout=120_000):
        link.tap(no_wait_after=True) if tap else link.click(no_wait_after=True)


def fill_rights_form(page, rent: str = "450", age: str = "35") -> None:
    """The one-page form (/mes-droits/expert): alone, renting privately, no income."""
    page.get_by_label("Je loue à un propriétaire privé").check()
    page.get_by_label("Loyer par mois, sans les charges (en euros)").fill(rent)
    page.locator("#id_demandeur_age").fill(age)


def submit_rights(page) -> None:
    with page.expect_navigation(url="**/mes-droits/resultats", timeout=120_000):
        page.get_by_role("button", name="Calculer mes droits").click(no_wait_after=True)


def search_need(page, text: str) -> None:
    page.goto("/")
    page.get_by_label("Dites-nous ce qui ne va pas").fill(text)
    page.get_by_role("button", name="Chercher de l'aide").click()
    page.wait_for_url("**/besoin?*")


def activate_kiosk(page, name: str = "Poste 1") -> None:
    page.goto("/kiosque/activer")
    page.get_by_label("Nom du poste").fill(name)
    page.get_by_label("Code de l'accueil").fill(KIOSK_TOKEN)
    page.get_by_role("button", name="Passer en poste en libre accès").click()
    page.wait_for_url("**/")


def explain_letter(page, text: str = LETTER) -> None:
    page.goto("/courrier")
    page.get_by_label("Copiez ou tapez le texte du courrier").fill(text)
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Expliquer le courrier").click(no_wait_after=True)
