"""The admin shows the directory and staff accounts, never a person's file (issue 7, item 11).

The whole admin asks for the second factor (django-otp's OTPAdminSite), and its sign-in is
the desk's own (password, lockout, TOTP code).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django_otp.admin import OTPAdminSite

from .models import StaffProfile


class StaffAdminSite(OTPAdminSite):
    def login(self, request, extra_context=None):
        return redirect_to_login(request.get_full_path(), "accueil:connexion")


admin.site.__class__ = StaffAdminSite


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    extra = 0
    max_num = 1


class StaffUserAdmin(UserAdmin):
    inlines = [StaffProfileInline]
    list_display = ("username", "first_name", "last_name", "role", "structure", "is_active")
    list_select_related = ("staff_profile__structure",)

    @admin.display(description="rôle")
    def role(self, user):
        profile = getattr(user, "staff_profile", None)
        return profile.get_role_display() if profile else "—"

    @admin.display(description="structure")
    def structure(self, user):
        profile = getattr(user, "staff_profile", None)
        return profile.structure if profile else "—"


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
