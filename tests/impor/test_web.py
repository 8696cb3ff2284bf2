"""Impor dokumen IKI in the browser: upload → background reading → review → mapping → draft."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja.audit.models import Jejak
from kinerja.iki.models import DokumenIKI, Sasaran
from kinerja.impor import layanan
from kinerja.impor.models import PekerjaanImpor
from kinerja.organisasi.models import Instansi, Jabatan

from .dokumen_uji import dokumen_teks

BANYUATES = "Kecamatan Banyuates"


def _instansi():
    return Instansi.objects.get(nama=BANYUATES)


def _unggah(client, nama, isi):
    return client.post(
        reverse("impor:unggah", args=[_instansi().pk]), {"berkas": SimpleUploadedFile(nama, isi)}, follow=False
    )


def _jumlah():
    return (DokumenIKI.objects.count(), Jabatan.objects.count(), Sasaran.objects.count())


def test_the_whole_journey_maps_one_jabatan_to_an_existing_one_and_saves_a_draft(masuk):
    client = masuk("admin.banyuates")
    katalog = client.get(reverse("web:katalog", args=[_instansi().pk]))
    assert reverse("impor:unggah", args=[_instansi().pk]) in katalog.content.decode()
    jabatan_sebelum = set(Jabatan.objects.filter(instansi=_instansi()).values_list("nama", flat=True))

    respons = _unggah(client, "iki-2021.txt", dokumen_teks(4, 2021).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    assert respons.status_code == 302 and respons["Location"] == reverse("impor:status", args=[pekerjaan.pk])
    assert pekerjaan.status == PekerjaanImpor.Status.SIAP and pekerjaan.progres == 100
    # The status page survives a reload: it sends a finished job on to its review.
    assert client.get(reverse("impor:status", args=[pekerjaan.pk]))["Location"] == reverse(
        "impor:tinjau", args=[pekerjaan.pk]
    )

    halaman = client.get(reverse("impor:tinjau", args=[pekerjaan.pk]))
    html = halaman.content.decode()
    assert halaman.status_code == 200
    assert "KECAMATAN BANYUATES KABUPATEN SAMPANG TAHUN 2021" in html  # the source text
    assert 'class="pecahan"' in html and "Jumlah berkas jenis 1 yang diterima" in html  # formula as a fraction
    assert "Simpan sebagai draf" in html and "berkas_jenis" not in html.split("<form")[0]
    peta = {n: c for n, c in enumerate(halaman.context["peta"])}
    nama = {p["nama"]: p for p in peta.values()}
    assert nama["Kasi Trantib"]["usulan"].nama_ada == "Kepala Seksi Ketentraman dan Ketertiban Umum"
    pelayanan = nama["Kepala Seksi Pelayanan Umum dan Informasi Kecamatan Banyuates"]
    assert not pelayanan["usulan"].yakin and "mohon periksa" in html

    kasi_pem = Jabatan.objects.get(instansi=_instansi(), nama="Kepala Seksi Pemerintahan")
    data = {"tahun": "2021"} | {f"peta-{p['nomor']}": p["pilihan"] for p in peta.values()}
    data[f"peta-{pelayanan['nomor']}"] = str(kasi_pem.pk)  # the user changes one suggestion
    data["ind-0-0-0-nama"] = "Persentase berkas jenis 1 yang diselesaikan tepat waktu"  # and edits a name
    respons = client.post(reverse("impor:tinjau", args=[pekerjaan.pk]), data)
    dokumen = DokumenIKI.objects.get(instansi=_instansi(), tahun=2021)
    assert respons.status_code == 302 and respons["Location"] == reverse("web:dokumen", args=[dokumen.pk])
    assert dokumen.status == DokumenIKI.Status.DRAFT
    assert set(Jabatan.objects.filter(instansi=_instansi()).values_list("nama", flat=True)) == jabatan_sebelum
    assert Sasaran.objects.filter(dokumen=dokumen, jabatan=kasi_pem).count() == 1
    assert dokumen.sasaran.filter(indikator__nama="Persentase berkas jenis 1 yang diselesaikan tepat waktu").exists()
    assert Jejak.objects.filter(aksi="impor_berkas", objek_id=str(dokumen.pk)).exists()
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == PekerjaanImpor.Status.DISIMPAN and pekerjaan.dokumen == dokumen
    # The draft is visible in the catalogue.
    assert "2021" in client.get(reverse("web:katalog", args=[_instansi().pk])).content.decode()
    assert client.get(reverse("web:dokumen", args=[dokumen.pk])).status_code == 200

    # The same file again is recognised and replaces the draft it made.
    _unggah(client, "salinan.txt", dokumen_teks(4, 2021).encode())
    kedua = PekerjaanImpor.objects.exclude(pk=pekerjaan.pk).get()
    halaman = client.get(reverse("impor:tinjau", args=[kedua.pk]))
    assert halaman.context["sebelumnya"] == pekerjaan and "Berkas yang sama sudah diimpor" in halaman.content.decode()
    data = {"tahun": "2021"} | {f"peta-{p['nomor']}": p["pilihan"] for p in halaman.context["peta"]}
    client.post(reverse("impor:tinjau", args=[kedua.pk]), data)
    assert DokumenIKI.objects.filter(instansi=_instansi(), tahun=2021).get() == dokumen


def _zip_bukan_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("catatan.txt", "bukan dokumen word")
    return buf.getvalue()


def _pdf_pindaian():
    buf = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buf, "PDF")
    return buf.getvalue()


@pytest.mark.parametrize(
    "nama,isi,pesan",
    [
        ("kosong.txt", b"", "berkas kosong"),
        ("kosong.pdf", b"", "berkas kosong"),
        ("biner.txt", bytes(range(256)) * 20, "biner"),
        ("palsu.docx", b"ini bukan zip sama sekali", "bukan arsip zip"),
        ("gambar.exe", b"MZ", "tidak didukung"),
    ],
)
def test_bad_files_get_the_readers_message_and_write_nothing(masuk, nama, isi, pesan):
    client = masuk("admin.banyuates")
    sebelum = _jumlah()
    respons = client.post(
        reverse("impor:unggah", args=[_instansi().pk]), {"berkas": SimpleUploadedFile(nama, isi)}, follow=True
    )
    teks = respons.content.decode()
    assert respons.status_code == 200 and pesan in teks and nama in teks
    assert not PekerjaanImpor.objects.exists() and _jumlah() == sebelum


def test_a_file_over_the_size_limit_is_refused_with_the_readers_message(masuk, monkeypatch):
    from kinerja.dokumen import masukan

    monkeypatch.setattr(masukan, "UKURAN_MAKS", 100)
    client = masuk("admin.banyuates")
    respons = client.post(
        reverse("impor:unggah", args=[_instansi().pk]),
        {"berkas": SimpleUploadedFile("besar.txt", dokumen_teks(4).encode())},
        follow=True,
    )
    assert "berkas terlalu besar" in respons.content.decode() and not PekerjaanImpor.objects.exists()


@pytest.mark.parametrize(
    "nama,isi,pesan", [("pindai.pdf", _pdf_pindaian(), "OCR"), ("arsip.docx", _zip_bukan_docx(), "arsip.docx")]
)
def test_what_only_reading_finds_fails_the_job_not_the_catalogue(masuk, nama, isi, pesan):
    client = masuk("admin.banyuates")
    sebelum = _jumlah()
    respons = _unggah(client, nama, isi)
    pekerjaan = PekerjaanImpor.objects.get()
    assert pekerjaan.status == PekerjaanImpor.Status.GAGAL and pesan in " ".join(pekerjaan.galat)
    halaman = client.get(respons["Location"])
    assert pesan in halaman.content.decode() and "Katalog tidak diubah" in halaman.content.decode()
    assert client.get(reverse("impor:tinjau", args=[pekerjaan.pk])).status_code == 302
    assert _jumlah() == sebelum


def test_progress_is_polled_with_htmx_until_the_review_is_ready(masuk, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    client = masuk("admin.banyuates")
    _unggah(client, "iki.txt", dokumen_teks(4).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    url = reverse("impor:status", args=[pekerjaan.pk])
    menunggu = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in menunggu.content.decode() and "HX-Redirect" not in menunggu
    assert 'hx-trigger="every 1s"' in client.get(url).content.decode()  # a reload shows the same progress
    layanan.baca_pekerjaan(pekerjaan.pk)
    siap = client.get(url, headers={"HX-Request": "true"})
    assert siap["HX-Redirect"] == reverse("impor:tinjau", args=[pekerjaan.pk])


def test_only_those_who_manage_the_catalogue_may_import(masuk):
    banyuates = _instansi()
    url = reverse("impor:unggah", args=[banyuates.pk])
    assert masuk("kasi.pem.banyuates").get(url).status_code == 404
    assert masuk("pemeriksa").get(url).status_code == 404
    assert masuk("admin.pemda").get(url).status_code == 200
    client = masuk("admin.banyuates")
    _unggah(client, "iki.txt", dokumen_teks(4).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    lain = Instansi.objects.exclude(pk=banyuates.pk).first()
    assert client.get(reverse("impor:unggah", args=[lain.pk])).status_code == 404
    assert masuk("admin.karangpenang").get(reverse("impor:tinjau", args=[pekerjaan.pk])).status_code == 404


def test_kinerja_worker_runs_the_jobs_stored_in_the_database(masuk, settings, monkeypatch):
    from django_tasks_db.management.commands import db_worker

    from kinerja.cli import main

    # The worker closes connections whose autocommit differs from the settings, which is this test's
    # own transaction on PostgreSQL; a real worker runs in its own process and keeps that behaviour.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client = masuk("admin.banyuates")
    _unggah(client, "iki.txt", dokumen_teks(4).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    assert pekerjaan.status == PekerjaanImpor.Status.MENUNGGU
    assert main(["worker", "--sekali"]) == 0
    pekerjaan.refresh_from_db()
    assert pekerjaan.status == PekerjaanImpor.Status.SIAP


def test_several_files_at_once_each_get_a_job_and_a_bad_one_only_its_message(masuk):
    client = masuk("admin.banyuates")
    respons = client.post(
        reverse("impor:unggah", args=[_instansi().pk]),
        {
            "berkas": [
                SimpleUploadedFile("iki-2021.txt", dokumen_teks(4, 2021).encode()),
                SimpleUploadedFile("iki-2022.txt", dokumen_teks(5, 2022).encode()),
                SimpleUploadedFile("kosong.txt", b""),
            ]
        },
        follow=True,
    )
    teks = respons.content.decode()
    assert respons.redirect_chain[-1][0] == reverse("impor:unggah", args=[_instansi().pk])
    assert "kosong.txt: berkas kosong." in teks and "iki-2021.txt" in teks and "iki-2022.txt" in teks
    assert sorted(PekerjaanImpor.objects.values_list("nama_berkas", "status")) == [
        ("iki-2021.txt", "siap"),
        ("iki-2022.txt", "siap"),
    ]


def test_a_job_nobody_picks_up_says_that_the_worker_is_not_running(masuk, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    client = masuk("admin.banyuates")
    _unggah(client, "iki.txt", dokumen_teks(4).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    url = reverse("impor:status", args=[pekerjaan.pk])
    assert "kinerja worker" not in client.get(url).content.decode()
    PekerjaanImpor.objects.filter(pk=pekerjaan.pk).update(dibuat_pada=timezone.now() - timedelta(minutes=1))
    assert "kinerja worker" in client.get(url).content.decode()


def test_the_review_shows_the_quality_findings_before_saving(masuk):
    client = masuk("admin.banyuates")
    _unggah(client, "iki-2021.txt", dokumen_teks(4, 2021).encode())
    pekerjaan = PekerjaanImpor.objects.get()
    indikator = pekerjaan.hasil["jabatan"][0]["sasaran"][0]["indikator"][0]
    indikator["nama"] = "Persentase berkas yang diselesaikan tepat waktu"
    ekspresi = indikator["formula"]["ekspresi"]
    indikator["formula"]["ekspresi"] = ekspresi.replace(" * 100", "")
    pekerjaan.save(update_fields=["hasil"])
    html = client.get(reverse("impor:tinjau", args=[pekerjaan.pk])).content.decode()
    temuan = html.split("Temuan mutu")[1].split("</details>")[0]
    assert " * 100" in ekspresi
    assert "Persentase tanpa dikalikan 100" in temuan and "Persentase berkas yang diselesaikan tepat waktu" in temuan
