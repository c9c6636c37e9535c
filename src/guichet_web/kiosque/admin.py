from django.contrib import admin

from .models import HelpRequest


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ("kiosk", "created_at", "status", "taken_by")
    list_filter = ("status", "kiosk")
    readonly_fields = ("created_at", "updated_at")
