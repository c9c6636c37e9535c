"""The desk's home: record a visit in three clicks, find a file; and the coordinator's figures."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import permissions, stats
from ..choices import AppointmentStatus, ReferralStatus
from ..forms.activity import VisitForm
from ..forms.files import SearchForm
from ..models import Appointment, PersonFile, Referral
from ..services import ServiceError, visits
from .access import check, staff_required
from .files import service_error

SEARCH_LIMIT = 30


def _desk_context(request, form) -> dict:
    staff = request.staff
    today = timezone.localdate()
    return {
        "form": form,
        "search": SearchForm(),
        "appointments": Appointment.objects.filter(
            person_file__structure_id=staff.structure_id,
            person_file__anonymised_at__isnull=True,
            person_file__consent_withdrawn_at__isnull=True,
            starts_at__date=today,
            status=AppointmentStatus.PLANNED,
        ).select_related("person_file", "structure"),
        "waiting_referrals": Referral.objects.filter(
            to_structure_id=staff.structure_id,
            status=ReferralStatus.SENT,
            consent__revoked_at__isnull=True,
            person_file__anonymised_at__isnull=True,
            person_file__consent_withdrawn_at__isnull=True,
        ).count(),
    }


@staff_required
@require_http_methods(["GET"])
def home(request):
    if permissions.can_view_stats(request.user):
        return redirect("accueil:chiffres")
    check(permissions.can_use_desk(request.user))
    return render(request, "accueil/bureau.html", _desk_context(request, VisitForm()))


@staff_required
@require_http_methods(["GET", "POST"])
def record_visit(request):
    """The anonymous visit of the home page (no file opened)."""
    check(permissions.can_use_desk(request.user))
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visits.record_visit(
                request.user,
                channel=form.cleaned_data["channel"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                reasons=form.cleaned_data["all_reasons"],
                outcome=form.cleaned_data["outcome"],
                demarche_ids=form.cleaned_data["demarches"],
                at=form.cleaned_data["at"],
            )
        except ServiceError as error:
            service_error(form, error)
        else:
            messages.success(request, "Passage enregistré.")
            return redirect("accueil:bureau")
    return render(request, "accueil/bureau.html", _desk_context(request, form))


@staff_required
@require_http_methods(["GET"])
def file_list(request):
    """Files of the mediator's own structure only; search by name or file number."""
    check(permissions.can_use_desk(request.user))
    form = SearchForm(request.GET or None)
    files = PersonFile.objects.filter(
        structure_id=request.staff.structure_id,
        anonymised_at__isnull=True,
        consent_withdrawn_at__isnull=True,
    )
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if query:
        condition = Q(last_name__icontains=query) | Q(first_name__icontains=query)
        if query.isdigit():
            condition |= Q(pk=int(query))
        files = files.filter(condition)
    else:
        files = files.order_by("-last_activity_at")
    context = {"search": form, "query": query, "files": files[:SEARCH_LIMIT]}
    return render(request, "accueil/personnes.html", context)


@staff_required
@require_http_methods(["GET"])
def figures(request):
    check(permissions.can_view_stats(request.user))
    days = request.GET.get("jours", "90")
    days = int(days) if days.isdigit() and 1 <= int(days) <= 3660 else 90
    since = timezone.now() - dt.timedelta(days=days)
    context = {"days": days, "since": since, "figures": stats.aggregates(since)}
    return render(request, "accueil/chiffres.html", context)
