""" "Tugas saya" on the home page and in the menu, and the reminders sent from the same inbox."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinerja.cli import main
from kinerja.iki import layanan as layanan_iki
from kinerja.impor.models import PekerjaanImpor
from kinerja.organisasi.models import Jabatan
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.models import IsianPeriode
from kinerja.survei.models import Survei
from kinerja.tugas.kotak import kotak_tugas
from kinerja.tugas.models import PengingatTerkirim
from kinerja.tugas.pengingat import atur_preferensi, kirim_pengingat

from .conftest import KEC_A

pytestmark = pytest.mark.django_db
TAHUN = date.today().year
# Two days before the last day of entry of TW4 (10 January of the next year): urgent.
MENDESAK = date(TAHUN + 1, 1, 8)
Status = IsianPeriode.Status


def pengguna(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def kantor(demo):
    a = demo.instansi[0]
    dokumen = dokumen_berlaku(a, TAHUN)
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    kasubag = Jabatan.objects.get(instansi=a, nama="Kepala Sub Bagian Umum dan Kepegawaian")
    return a, dokumen, staf, kasubag


def isian(dokumen, jabatan, periode, **nilai):
    baris, _ = IsianPeriode.objects.update_or_create(dokumen=dokumen, jabatan=jabatan, periode=periode, defaults=nilai)
    return baris


def test_a_returned_report_is_on_the_home_page_with_its_reason(masuk, kantor):
    _, dokumen, staf, _ = kantor
    isian(dokumen, staf, "TW2", status=Status.DIKEMBALIKAN, catatan_status="Bukti dukung surat keluar belum ada")
    html = masuk(f"staf.umum.{KEC_A}").get(reverse("web:beranda")).content.decode()
    kotak = html.split('id="kotak-tugas"')[1].split("</section>")[0]
    assert "Isian dikembalikan" in kotak and "Bukti dukung surat keluar belum ada" in kotak
    assert reverse("web:isian", args=[dokumen.pk, staf.pk, "TW2"]) in kotak


def test_the_camat_finds_his_approval_queue_on_his_home_page(masuk, kantor):
    _, dokumen, staf, _ = kantor
    isian(dokumen, staf, "TW1", status=Status.DIVERIFIKASI)
    html = masuk("camat.banyuates").get(reverse("web:beranda")).content.decode()
    antrean = html.split("Menunggu pengesahan Anda")[1].split("</ul>")[0]
    assert reverse("web:isian", args=[dokumen.pk, staf.pk, "TW1"]) in antrean


def test_the_planner_sees_surveys_to_finalise_and_drafts_to_review(masuk, kantor):
    a, dokumen, _, _ = kantor
    draft = layanan_iki.buat_revisi(dokumen)
    survei = Survei.objects.create(instansi=a, tahun=TAHUN, periode="TW4")
    impor = PekerjaanImpor.objects.create(instansi=a, nama_berkas="iki-2027.docx", hash_isi="0" * 64, status="siap")
    html = masuk(f"admin.{KEC_A}").get(reverse("web:beranda")).content.decode()
    assert reverse("impor:tinjau", args=[impor.pk]) in html.split("Impor dokumen yang siap ditinjau")[1]
    assert reverse("web:dokumen", args=[draft.pk]) in html.split("Draf dokumen IKI yang perlu ditinjau")[1]
    assert reverse("survei:detail", args=[survei.pk]) in html.split("Survei IKM yang belum difinalkan")[1]
    # Another kecamatan's planner sees neither.
    lain = masuk("admin.karangpenang").get(reverse("web:beranda")).content.decode()
    assert reverse("web:dokumen", args=[draft.pk]) not in lain
    assert reverse("survei:detail", args=[survei.pk]) not in lain


def test_values_to_fill_carry_their_deadline_and_become_urgent_near_it(kantor):
    _, dokumen, staf, _ = kantor
    biasa = [t for t in kotak_tugas(pengguna(f"staf.umum.{KEC_A}"), date(TAHUN, 11, 2)) if t.jenis == "isi"]
    assert [t.tautan for t in biasa] == [reverse("web:isian", args=[dokumen.pk, staf.pk, "TW4"])]
    assert "Batas pengisian 10 Januari" in biasa[0].keterangan and not biasa[0].mendesak
    [dekat] = [t for t in kotak_tugas(pengguna(f"staf.umum.{KEC_A}"), MENDESAK) if t.jenis == "isi"]
    assert dekat.mendesak and "(2 hari lagi)" in dekat.keterangan and dekat.kunci_pengingat
    # Once submitted, the quarter leaves the list.
    isian(dokumen, staf, "TW4", status=Status.DIAJUKAN)
    assert not [t for t in kotak_tugas(pengguna(f"staf.umum.{KEC_A}"), MENDESAK) if t.jenis == "isi"]


def test_the_menu_counts_the_waiting_tasks_on_every_page(masuk, kantor):
    a, dokumen, staf, _ = kantor
    isian(dokumen, staf, "TW2", status=Status.DIKEMBALIKAN, catatan_status="Perbaiki")
    klien = masuk(f"staf.umum.{KEC_A}")
    jumlah = len(kotak_tugas(pengguna(f"staf.umum.{KEC_A}")))
    html = klien.get(reverse("web:katalog", args=[a.pk])).content.decode()
    assert f'hx-get="{reverse("tugas:jumlah")}"' in html
    lencana = klien.get(reverse("tugas:jumlah")).content.decode()
    assert lencana.strip() == f'<span class="lencana" aria-label="{jumlah} tugas">{jumlah}</span>'
    assert jumlah >= 2


def test_reminders_are_sent_once_to_whoever_has_something_due(kantor, settings):
    _, dokumen, staf, kasubag = kantor
    settings.KINERJA_URL = "https://kinerja.contoh.go.id"
    isian(dokumen, staf, "TW3", status=Status.DIKEMBALIKAN, catatan_status="Angka surat masuk tertukar")
    hasil = kirim_pengingat(MENDESAK)
    assert hasil.terkirim >= 2 and not hasil.gagal
    kepada = {m.to[0]: m for m in mail.outbox}
    surat = kepada[f"staf.umum.{KEC_A}@demo.kinerja.invalid"]
    assert "Angka surat masuk tertukar" in surat.body and "(2 hari lagi)" in surat.body
    assert "https://kinerja.contoh.go.id" + reverse("web:isian", args=[dokumen.pk, staf.pk, "TW3"]) in surat.body
    assert "https://kinerja.contoh.go.id" + reverse("tugas:pengingat") in surat.body
    # Nothing new: nothing sent again.
    mail.outbox.clear()
    assert kirim_pengingat(MENDESAK).terkirim == 0 and mail.outbox == []
    # A new submission waiting for the kasubag is a new occasion.
    isian(dokumen, staf, "TW3", status=Status.DIAJUKAN, diajukan_pada="2027-01-08T09:00:00+07:00")
    kirim_pengingat(MENDESAK)
    [baru] = [m for m in mail.outbox if m.to == [f"kasubag.umum.{KEC_A}@demo.kinerja.invalid"]]
    assert "Menunggu verifikasi Anda" in baru.body and kasubag.nama not in baru.subject


def test_a_person_who_opts_out_gets_no_reminder(kantor, masuk):
    klien = masuk(f"staf.umum.{KEC_A}")
    assert "aktif" in klien.get(reverse("tugas:pengingat")).content.decode()
    klien.post(reverse("tugas:pengingat"), {"aktif": "0"})
    kirim_pengingat(MENDESAK)
    assert f"staf.umum.{KEC_A}@demo.kinerja.invalid" not in {m.to[0] for m in mail.outbox}
    assert not PengingatTerkirim.objects.filter(pengguna__username=f"staf.umum.{KEC_A}").exists()
    atur_preferensi(pengguna(f"staf.umum.{KEC_A}"), True)
    kirim_pengingat(MENDESAK)
    assert f"staf.umum.{KEC_A}@demo.kinerja.invalid" in {m.to[0] for m in mail.outbox}


def test_the_file_backend_keeps_reminders_as_files(kantor, settings, tmp_path, capsys):
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend", "OPTIONS": {"file_path": tmp_path}}
    }
    assert main(["pengingat", "--tanggal", MENDESAK.isoformat()]) == 0
    assert "pengingat terkirim" in capsys.readouterr().out
    isi = "".join(p.read_text() for p in tmp_path.iterdir())
    assert f"staf.umum.{KEC_A}@demo.kinerja.invalid" in isi and "Kinerja:" in isi


@pytest.mark.django_db(transaction=True)
def test_the_worker_books_one_daily_reminder_run_and_each_run_books_the_next(settings):
    from django_tasks_db.models import DBTaskResult

    from kinerja.tugas.tugas_latar import _pagi_berikut, jadwalkan_pengingat, pengingat_harian

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    assert jadwalkan_pengingat() is True
    assert jadwalkan_pengingat() is False  # a second worker start books nothing more
    [antre] = DBTaskResult.objects.filter(task_path=pengingat_harian.module_path)
    pengingat_harian.call()
    berikut = DBTaskResult.objects.filter(task_path=pengingat_harian.module_path).exclude(pk=antre.pk).get()
    assert berikut.run_after == _pagi_berikut(berikut.enqueued_at)
    assert timezone.localtime(berikut.run_after).hour == 7
