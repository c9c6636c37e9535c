"""What the browser tests check on a page: axe-core's WCAG rules, and what axe cannot see
(horizontal scroll, visible focus, size of touch targets)."""

from __future__ import annotations

# WCAG 2.0 and 2.1, levels A and AA (RGAA 4.1 is built on WCAG 2.1 AA), plus the
# best-practice rules on structure that RGAA asks for (landmarks, headings in order).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_STRUCTURE_RULES = [
    "heading-order",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "page-has-heading-one",
    "region",
    "skip-link",
]

AXE_RULES = """(tags) => axe.getRules(tags).map((rule) => rule.ruleId)"""
AXE_RUN = """async (rules) => {
  const result = await axe.run(document, {runOnly: {type: "rule", values: rules},
                                          resultTypes: ["violations"], preload: false});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " : " + n.failureSummary),
  }));
}"""


def with_axe(context, axe_source: str):
    """Every page of this browser context gets axe-core (injected before the page's own
    scripts, through the DevTools protocol: the site's CSP stays as it is)."""
    context.add_init_script(axe_source)
    return context


def axe_violations(page) -> list[dict]:
    rules = page.evaluate(AXE_RULES, AXE_TAGS) + AXE_STRUCTURE_RULES
    return page.evaluate(AXE_RUN, rules)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"])
    return "\n".join(lines)


HORIZONTAL_OVERFLOW = """() => {
  const root = document.scrollingElement;
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


def horizontal_overflow(page) -> dict | None:
    """None when the page fits its viewport's width, else what sticks out."""
    sizes = page.evaluate(HORIZONTAL_OVERFLOW)
    return None if sizes["scroll"] <= sizes["client"] else sizes


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || "").slice(0, 40),
    focusVisible: el.matches(":focus-visible"),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow !== "none",
  };
}"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUS_STYLE)


def focus_is_visible(state: dict) -> bool:
    return state["focusVisible"] and (state["outline"] >= 2 or state["shadow"])


# Targets people touch: buttons, fields, and links that stand alone (a link inside a
# sentence is exempt, as in WCAG 2.5.5). A checkbox or radio counts with its label.
SMALL_TARGETS = """() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const inSentence = (a) => {
    const block = a.closest("p, li, td, dd, caption, figcaption, h1, h2, h3, h4");
    return block && block.textContent.trim() !== a.textContent.trim();
  };
  const box = (el) => {
    if ((el.type === "checkbox" || el.type === "radio") && el.labels && el.labels.length) {
      const r = el.parentElement.getBoundingClientRect();
      return {width: r.width, height: r.height};
    }
    return el.getBoundingClientRect();
  };
  return [...document.querySelectorAll("a[href], button, input, select, textarea, summary")]
    .filter((el) => el.type !== "hidden" && visible(el))
    .filter((el) => !(el.tagName === "A" && inSentence(el)))
    .filter((el) => !el.closest(".skip-link, .visually-hidden"))
    .map((el) => ({el, r: box(el)}))
    .filter(({r}) => r.height < 43.5 || r.width < 43.5)
    .map(({el, r}) => `${el.tagName.toLowerCase()} « ${(el.innerText || el.name || "").trim().slice(0, 30)} » ${Math.round(r.width)}×${Math.round(r.height)}`);
}"""


def small_targets(page) -> list[str]:
    return page.evaluate(SMALL_TARGETS)
