"""The "Periksa mutu" page, dismissals with a reason, temuan_galat_terbuka and `kinerja periksa`."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.cli import main
from kinerja.iki.models import Indikator, Variabel
from kinerja.telaah import layanan
from kinerja.telaah.models import Pengabaian
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dokumen():
    """The small catalogue plus an indicator whose numerator and denominator are swapped."""
    dokumen = katalog_kecil()
    sasaran = dokumen.sasaran.first()
    ind = Indikator.objects.create(
        sasaran=sasaran, nama="Persentase surat keterangan terbit tepat waktu", ekspresi="a / b * 100", satuan="%"
    )
    Variabel.objects.create(indikator=ind, kode="a", uraian="Jumlah permohonan surat keterangan")
    Variabel.objects.create(indikator=ind, kode="b", uraian="Jumlah surat keterangan yang terbit tepat waktu")
    return dokumen


def _pengguna(dokumen, jenis):
    user = get_user_model().objects.create_user(f"u-{jenis}", password="x")
    Peran.objects.create(pengguna=user, jenis=jenis, pemda=dokumen.instansi.pemda, instansi=dokumen.instansi)
    return user


@pytest.fixture
def admin(dokumen):
    return _pengguna(dokumen, Peran.Jenis.ADMIN_INSTANSI)


def _terbalik(dokumen):
    return next(t for t in layanan.temuan_dokumen(dokumen) if t["jenis"] == "rumus_terbalik")


def test_the_catalogue_is_checked_through_its_export(dokumen):
    t = _terbalik(dokumen)
    assert t["tingkat"] == "galat"
    assert (
        t["saran_perbaikan"]
        == "Jumlah surat keterangan yang terbit tepat waktu / Jumlah permohonan surat keterangan × 100%"
    )
    assert t in layanan.temuan_galat_terbuka(dokumen)


def test_dismissing_needs_a_reason_is_audited_and_closes_the_galat(dokumen, admin):
    t = _terbalik(dokumen)
    with pytest.raises(Exception, match="alasan"):
        layanan.abaikan_temuan(dokumen, t["kunci"], "  ", admin)
    layanan.abaikan_temuan(dokumen, t["kunci"], "Rumus ini memang dihitung terbalik atas arahan BKD.", admin)
    assert all(x["kunci"] != t["kunci"] for x in layanan.temuan_galat_terbuka(dokumen))
    jejak = Jejak.objects.get(aksi="abaikan_temuan")
    assert jejak.alasan.startswith("Rumus ini") and jejak.pengguna == admin
    layanan.batalkan_pengabaian(dokumen, t["kunci"], admin)
    assert any(x["kunci"] == t["kunci"] for x in layanan.temuan_galat_terbuka(dokumen))
    assert Jejak.objects.filter(aksi="batal_abaikan_temuan").count() == 1


def test_fixing_the_formula_in_place_closes_the_finding(dokumen, admin):
    t = _terbalik(dokumen)
    layanan.abaikan_temuan(dokumen, t["kunci"], "Sudah dibahas dalam rapat evaluasi.", admin)
    ind = Indikator.objects.get(nama="Persentase surat keterangan terbit tepat waktu")
    ind.variabel.filter(kode="a").update(uraian="Jumlah surat keterangan yang terbit tepat waktu")
    ind.variabel.filter(kode="b").update(uraian="Jumlah permohonan surat keterangan")
    assert not any(x["jenis"] == "rumus_terbalik" for x in layanan.temuan_dokumen(dokumen))


def test_the_page_lists_findings_and_a_planner_dismisses_one(client, dokumen, admin):
    client.force_login(admin)
    url = reverse("telaah:mutu", args=[dokumen.pk])
    halaman = client.get(url).content.decode()
    assert "Periksa mutu" in halaman and "Pembilang" in halaman and "Perbaiki indikator" in halaman
    t = _terbalik(dokumen)
    r = client.post(
        reverse("telaah:abaikan", args=[dokumen.pk]), {"kunci": t["kunci"], "alasan": "Sudah sesuai juknis."}
    )
    assert r.status_code == 302
    halaman = client.get(url).content.decode()
    assert "Alasan diabaikan:" in halaman and "Sudah sesuai juknis." in halaman
    assert Pengabaian.objects.filter(dokumen=dokumen).count() == 1


def test_the_document_page_links_to_the_check(client, dokumen, admin):
    client.force_login(admin)
    halaman = client.get(reverse("web:dokumen", args=[dokumen.pk])).content.decode()
    assert reverse("telaah:mutu", args=[dokumen.pk]) in halaman


def test_a_reader_sees_the_findings_but_cannot_dismiss(client, dokumen):
    pembaca = _pengguna(dokumen, Peran.Jenis.PEJABAT)
    client.force_login(pembaca)
    halaman = client.get(reverse("telaah:mutu", args=[dokumen.pk])).content.decode()
    assert "Pembilang" in halaman and "Abaikan temuan ini" not in halaman
    t = _terbalik(dokumen)
    r = client.post(reverse("telaah:abaikan", args=[dokumen.pk]), {"kunci": t["kunci"], "alasan": "Saya tidak setuju."})
    assert r.status_code in (403, 404)
    assert not Pengabaian.objects.exists()


def test_a_decreed_document_refuses_dismissals(dokumen, admin):
    t = _terbalik(dokumen)
    dokumen.__class__.objects.filter(pk=dokumen.pk).update(status="ditetapkan")
    dokumen.refresh_from_db()
    with pytest.raises(Exception, match="ditetapkan"):
        layanan.abaikan_temuan(dokumen, t["kunci"], "Alasan yang cukup panjang.", admin)


def test_kinerja_periksa_on_the_catalogue_prints_json(dokumen, capsys):
    assert main(["periksa", "--instansi", str(dokumen.instansi.pk), "--tahun", str(dokumen.tahun), "--json"]) == 0
    temuan = json.loads(capsys.readouterr().out)["temuan"]
    assert any(t["jenis"] == "rumus_terbalik" for t in temuan)


def test_kinerja_periksa_refuses_a_missing_catalogue_in_one_line(dokumen, capsys):
    assert main(["periksa", "--instansi", str(dokumen.instansi.pk), "--tahun", "2099"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"kinerja periksa: tidak ada dokumen IKI {dokumen.instansi.nama} tahun 2099."]


def test_a_decree_confirmed_despite_open_galat_is_recorded_with_them(dokumen, admin):
    jejak = layanan.catat_konfirmasi_penetapan(dokumen, admin, "Akan diperbaiki pada revisi berikut.")
    assert jejak.aksi == "tetapkan_dengan_galat"
    assert any(baris[0].startswith("rumus_terbalik") for baris in jejak.perubahan["galat_terbuka"])
    for t in layanan.temuan_galat_terbuka(dokumen):
        layanan.abaikan_temuan(dokumen, t["kunci"], "Sudah dibahas dengan perencana.", admin)
    assert layanan.catat_konfirmasi_penetapan(dokumen, admin) is None
