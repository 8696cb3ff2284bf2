from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .konteks import jumlah_tugas
from .pengingat import atur_preferensi, menerima_pengingat


@login_required
@require_http_methods(["GET"])
def jumlah(request):
    """The menu's count, fetched by htmx after the page loads."""
    return render(request, "tugas/_jumlah.html", {"jumlah": jumlah_tugas(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def pengingat(request):
    """The person's own choice: reminders by e-mail or none."""
    if request.method == "POST":
        aktif = request.POST.get("aktif") == "1"
        atur_preferensi(request.user, aktif)
        messages.success(request, "Pengingat diaktifkan." if aktif else "Anda tidak akan menerima pengingat lagi.")
        return redirect("tugas:pengingat")
    return render(request, "tugas/pengingat.html", {"aktif": menerima_pengingat(request.user)})
