"""RGPD right of access: everything held about the person, on a page and as JSON."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .. import permissions
from ..services import export
from .access import check, person_file, staff_required


@staff_required
@require_http_methods(["GET"])
def held_page(request, pk: int):
    item = person_file(pk)
    check(permissions.can_export_file(request.user, item))
    data = export.everything_held(request.user, item)
    context = {
        "file": item,
        "data": data,
        "data_json": json.dumps(data, ensure_ascii=False, indent=2),
    }
    return render(request, "accueil/droit_acces.html", context)


@staff_required
@require_http_methods(["GET"])
def held_json(request, pk: int):
    item = person_file(pk)
    check(permissions.can_export_file(request.user, item))
    data = export.everything_held(request.user, item, export=True)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="dossier-{item.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response
