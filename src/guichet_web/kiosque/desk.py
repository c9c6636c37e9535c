"""The desk's view of the help queue (staff only, until the back-office takes it over).

Sign-in goes through settings.LOGIN_URL (the desk's own sign-in, with its second factor).
"""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import services
from .models import HelpRequest


@staff_member_required(login_url=None)
def queue(request):
    return render(request, "kiosque/file_attente.html", {"requests": services.queue()})


@staff_member_required(login_url=None)
@require_POST
def update(request, pk: int):
    help_request = get_object_or_404(HelpRequest, pk=pk, status__in=services.OPEN)
    if request.POST.get("action") == "prendre":
        services.take(help_request, request.user)
    elif request.POST.get("action") == "terminer":
        services.close(help_request)
    return redirect("kiosque:file-attente")
