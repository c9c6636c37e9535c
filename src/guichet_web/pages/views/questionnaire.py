"""« Mes droits », one question per screen, then « Vérifiez vos réponses ».

The answers live in the session only (no account, no database row). « Retour » keeps
everything, even a screen left half-filled (kept as typed, checked when it is sent again).
Works without JavaScript: every screen is a form posted to the server.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods

from .. import questionnaire as q
from .. import session_answers as store
from ..answer_fields import current_month
from ..question_forms import StepForm, build_form, initial_values, summary


def step_url(step_id: str, revisiting: bool = False) -> str:
    if step_id == q.REVIEW:
        return reverse("pages:droits-verifier")
    url = reverse("pages:droits-question", args=[step_id])
    return f"{url}?retour=verifier" if revisiting else url


def start(request):
    """/mes-droits/: a few words, then the first question on the same screen."""
    return _show(request, q.STEPS[0].id, intro=True)


@require_http_methods(["GET", "POST"])
def question(request, step_id: str):
    if step_id not in q.BY_ID:
        raise Http404("question inconnue")
    answers = store.answers(request.session)
    if not q.reachable(answers, step_id):
        return redirect(step_url(q.resume(answers)))
    if request.method == "GET":
        return _show(request, step_id)
    revisiting = request.POST.get("retour") == "verifier"
    form = build_form(step_id, answers, data=request.POST)
    going_back = request.POST.get("action") == "retour"
    if form.is_valid():
        answers.update(form.to_answers())
        answers.setdefault("mois", current_month())
        store.save(request.session, answers, step_id)
    elif going_back:
        store.keep_draft(
            request.session, step_id, {k: request.POST.getlist(k) for k in form.fields}
        )
    else:
        return _render(request, form, revisiting=revisiting, status=200)
    if going_back:
        previous = q.previous_step(answers, step_id)
        return redirect(step_url(previous) if previous else reverse("pages:droits"))
    return redirect(step_url(q.next_step(answers, step_id, revisiting), revisiting))


def _show(request, step_id: str, intro: bool = False):
    """A step as last left: the stored answers, or what was typed before « Retour »."""
    session = request.session
    answers = store.answers(session)
    draft = store.draft(session, step_id)
    flagged = store.pop_error(session, step_id)
    revisiting = request.GET.get("retour") == "verifier" or flagged is not None
    if draft is None and flagged is None:
        return _render(request, build_form(step_id, answers), revisiting=revisiting, intro=intro)
    values = {k: v if isinstance(v, list) else [v] for k, v in initial_values(answers).items()}
    values.update(draft or {})
    form = build_form(step_id, answers, data=MultiValueDict(values))
    if flagged is not None:
        form.is_valid()
        key = flagged["key"] if flagged["key"] in form.fields else None
        form.add_error(key, flagged["message"])
    else:
        form.errors.clear()  # a draft comes back as typed, without blame
    return _render(request, form, revisiting=revisiting, intro=intro)


def _render(request, form: StepForm, revisiting: bool, intro: bool = False, status=200):
    answers = form.answers
    number, total = q.progress(answers, form.step_id)
    previous = q.previous_step(answers, form.step_id)
    context = {
        "form": form,
        "groups": form.groups(),
        "step_id": form.step_id,
        "number": number,
        "total": total,
        "has_previous": previous is not None,
        "revisiting": revisiting,
        "intro": intro,
        "started": intro and bool(answers),
        "resume_url": step_url(q.resume(answers)) if intro and answers else "",
        "action": reverse("pages:droits-question", args=[form.step_id]),
    }
    return render(request, "pages/question.html", context, status=status)


def review(request):
    answers = store.answers(request.session)
    if not q.complete(answers):
        return redirect(step_url(q.resume(answers)))
    sections = [
        {
            "question": build_form(step.id, answers).question,
            "lines": summary(step.id, answers),
            "url": step_url(step.id, revisiting=True),
        }
        for step in q.path(answers)
    ]
    return render(request, "pages/verifier.html", {"sections": sections})
