"""Login, logout (POST only) and password change, with Indonesian pages of our own."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.urls import reverse_lazy

from kinerja.akun import sandi
from kinerja.audit.models import catat

from ..forms import FormAturSandi, FormGantiSandi, FormMasuk


class Masuk(auth_views.LoginView):
    template_name = "web/masuk.html"
    authentication_form = FormMasuk
    redirect_authenticated_user = True


class Keluar(auth_views.LogoutView):
    """Django's LogoutView accepts POST only: a link or an image cannot log anybody out."""


class GantiSandi(auth_views.PasswordChangeView):
    template_name = "web/ganti_sandi.html"
    form_class = FormGantiSandi
    success_url = reverse_lazy("web:beranda")

    def form_valid(self, form):
        with transaction.atomic():
            respons = super().form_valid(form)
            catat(
                self.request.user,
                "ganti_sandi",
                self.request.user,
                ringkasan=f"{self.request.user} mengganti kata sandi",
            )
        self.request.session.pop(sandi.KUNCI_SESI, None)
        messages.success(self.request, "Kata sandi berhasil diganti.")
        return respons


class AturSandi(auth_views.PasswordResetConfirmView):
    """The page a one-time reset link opens (kinerja.akun.sandi): a new password, then log in."""

    template_name = "web/atur_sandi.html"
    form_class = FormAturSandi
    success_url = reverse_lazy("web:masuk")

    def form_valid(self, form):
        with transaction.atomic():
            respons = super().form_valid(form)
            catat(form.user, "ganti_sandi", form.user, ringkasan=f"{form.user} membuat kata sandi baru lewat tautan")
        messages.success(self.request, "Kata sandi baru tersimpan; silakan masuk.")
        return respons
