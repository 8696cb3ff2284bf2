"""Dashboards: per instansi (capaian per jabatan and sasaran, trend, late and missing) and per pemda."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja import format as fmt
from kinerja.pengukuran import kategori
from kinerja.realisasi.berlaku import dokumen_berlaku
from kinerja.realisasi.hitung import hitung_instansi, hitung_pemda
from kinerja.realisasi.periode import periode_hitung
from kinerja.web.ringkasan import matriks_isian
from kinerja.web.views.dasbor import periode_bawaan

from .conftest import KEC_A
from .test_isian import teks

pytestmark = pytest.mark.django_db


def rata(hasil) -> Decimal:
    nilai = [h.capaian.nilai for h in hasil if h.capaian.nilai is not None]
    return sum(nilai) / len(nilai)


def test_instansi_dashboard_numbers_come_from_the_computation(masuk, demo, django_assert_max_num_queries):
    a = demo.instansi[0]
    tahun = timezone.localdate().year
    client = masuk(f"camat.{KEC_A}")
    # The first reader computes and keeps the results (this year's and last year's document) …
    with django_assert_max_num_queries(22):
        client.get(reverse("web:dasbor_instansi", args=[a.pk]))
    # … every later one reads what is kept.
    with django_assert_max_num_queries(15):
        respons = client.get(reverse("web:dasbor_instansi", args=[a.pk]))
    periode = periode_bawaan(tahun)
    hasil = hitung_instansi(a, tahun, periode)
    halaman = teks(respons)
    rata_rata = rata(hasil)
    assert f"{fmt.format_persen(rata_rata)} · {kategori(rata_rata)}" in halaman
    for h in hasil:
        assert h.nama in halaman
    per_jabatan = {}
    for h in hasil:
        per_jabatan.setdefault(h.jabatan, []).append(h)
    for jabatan, daftar in per_jabatan.items():
        if any(h.capaian.nilai is not None for h in daftar):
            assert f"{jabatan} {fmt.format_persen(rata(daftar))}" in halaman
    html = respons.content.decode()
    assert "chart.umd.min.js" in html and 'id="grafik-tren"' in html
    assert f"{reverse('laporan:lkjip', args=[a.pk, tahun])}?periode={periode}&amp;format=pdf" in html


def test_late_and_missing_reports_are_listed(masuk, demo):
    a = demo.instansi[0]
    dokumen = dokumen_berlaku(a, timezone.localdate().year)
    html = masuk(f"admin.{KEC_A}").get(reverse("web:dasbor_instansi", args=[a.pk])).content.decode()
    bagian = html.split('id="laporan-terlambat"')[1]
    sel = [s for _, daftar in matriks_isian(dokumen) for s in daftar]
    terlambat = [s for s in sel if s.terlambat]
    belum = [s for s in sel if s.belum_masuk]
    assert terlambat and belum
    assert bagian.count(">terlambat</span>") == len(terlambat)
    assert bagian.count(">belum masuk</span>") == len(belum)


def test_another_period_and_year_can_be_chosen(masuk, demo):
    a = demo.instansi[0]
    tahun = timezone.localdate().year - 1
    respons = masuk(f"admin.{KEC_A}").get(
        reverse("web:dasbor_instansi", args=[a.pk]), {"tahun": tahun, "periode": "TW2"}
    )
    assert f"Capaian Triwulan II {tahun}" in teks(respons)
    assert fmt.format_persen(rata(hitung_instansi(a, tahun, "TW2"))) in teks(respons)
    ngawur = masuk(f"admin.{KEC_A}").get(reverse("web:dasbor_instansi", args=[a.pk]), {"periode": "TW9", "tahun": "x"})
    bawaan = periode_hitung(periode_bawaan(tahun + 1)).label
    assert ngawur.status_code == 200 and f"Capaian {bawaan} {tahun + 1}" in teks(ngawur)


def test_the_trend_chart_data_is_one_small_json_answer(masuk, demo, django_assert_max_num_queries):
    a = demo.instansi[0]
    tahun = timezone.localdate().year
    client = masuk(f"camat.{KEC_A}")
    url = reverse("web:tren_json", args=[a.pk])
    assert f'data-url="{url}?tahun={tahun}"' in client.get(reverse("web:dasbor_instansi", args=[a.pk])).content.decode()
    with django_assert_max_num_queries(15):
        data = client.get(url, {"tahun": tahun}).json()
    assert data["label"] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert [s["tahun"] for s in data["seri"]] == [tahun - 1, tahun]
    lalu = [h.capaian.nilai for h in hitung_instansi(a, tahun - 1, "TW2") if h.capaian.nilai is not None]
    assert data["seri"][0]["rata_rata"][1] == float(round(sum(lalu) / len(lalu), 2))
    assert data["seri"][1]["rata_rata"][3] is None  # this year's last quarter has no values yet
    assert client.get(url, {"tahun": "x"}).status_code == 400


def test_pages_without_charts_do_not_load_chart_js(masuk, demo):
    client = masuk(f"camat.{KEC_A}")
    for url in (
        reverse("web:beranda"),
        reverse("web:katalog", args=[demo.instansi[0].pk]),
        reverse("web:isian_instansi", args=[demo.instansi[0].pk]),
    ):
        assert "chart.umd" not in client.get(url).content.decode()


def test_pemda_dashboard_ranks_every_kecamatan_with_drill_down(masuk, demo, django_assert_max_num_queries):
    pemda = demo.pemda
    pemda.ambang_kelengkapan = 0  # every kecamatan with a capaian is ranked
    pemda.save()
    tahun = timezone.localdate().year
    client = masuk("pemeriksa")
    with django_assert_max_num_queries(22):
        respons = client.get(reverse("web:dasbor_pemda", args=[pemda.pk]))
    hasil = hitung_pemda(pemda, tahun, periode_bawaan(tahun))
    urut = sorted(demo.instansi, key=lambda i: -rata(hasil[i.pk]))
    html = respons.content.decode()
    posisi = [html.index(reverse("web:dasbor_instansi", args=[i.pk])) for i in urut]
    assert posisi == sorted(posisi)
    for n, instansi in enumerate(urut, start=1):
        assert f"{n} {instansi.nama} {fmt.format_persen(rata(hasil[instansi.pk]))}" in teks(respons)
    assert f"?tahun={tahun}&amp;periode={periode_bawaan(tahun)}" in html
    assert f"{reverse('laporan:rekap', args=[pemda.pk, tahun])}?periode={periode_bawaan(tahun)}&amp;format=xlsx" in html


def test_the_pemeriksa_reads_everything_and_changes_nothing(masuk, demo):
    from kinerja.iki.models import DokumenIKI

    client = masuk("pemeriksa")
    a = demo.instansi[0]
    assert client.get(reverse("web:dasbor_instansi", args=[a.pk])).status_code == 200
    assert "Buat revisi" not in teks(client.get(reverse("web:katalog", args=[a.pk])))
    dokumen = DokumenIKI.objects.filter(instansi=a).first()
    assert client.post(reverse("web:buat_revisi", args=[dokumen.pk])).status_code == 403


def test_pemda_results_are_kept_and_a_saved_value_shows_at_once(masuk, demo, django_assert_max_num_queries):
    from kinerja.iki.models import Variabel
    from kinerja.organisasi.models import Jabatan
    from kinerja.realisasi import layanan

    hari_ini = timezone.localdate()
    periode = f"TW{(hari_ini.month - 1) // 3 + 1}"  # the open quarter: nothing entered yet
    client = masuk("admin.pemda")
    url = reverse("web:dasbor_pemda", args=[demo.pemda.pk])
    with django_assert_max_num_queries(22) as dingin:
        sebelum = teks(client.get(url, {"periode": periode}))
    jumlah_dingin = len(dingin.captured_queries)  # read now: every request resets the query log
    with django_assert_max_num_queries(15) as hangat:
        assert teks(client.get(url, {"periode": periode})) == sebelum
    jumlah_hangat = len(hangat.captured_queries)
    assert jumlah_hangat <= jumlah_dingin - 4  # kept results read, nothing computed again
    # Each kecamatan's counts are kept under the moment its rows were computed: no row read again.
    assert not [q for q in hangat.captured_queries if "realisasi_hasilukur" in q["sql"]]
    a = demo.instansi[0]
    staf = Jabatan.objects.get(instansi=a, nama="Pengadministrasi Umum")
    pegawai = staf.pemegang().pengguna
    dokumen = dokumen_berlaku(a, hari_ini.year)
    for kode, nilai in (("surat_diterima", 7), ("surat_didistribusikan_tepat", 6)):
        v = Variabel.objects.get(indikator__sasaran__dokumen=dokumen, kode=kode)
        layanan.simpan_nilai(pegawai, v, periode, nilai)
    # Saving refreshed the kept rows it touched: the page reads them, nothing is computed again,
    # and only that kecamatan's rows are read again for its counts.
    with django_assert_max_num_queries(15) as sesudah_simpan:
        sesudah = teks(client.get(url, {"periode": periode}))
    assert "85,71% · Tinggi" in sesudah and "85,71% · Tinggi" not in sebelum
    [baca] = [q["sql"] for q in sesudah_simpan.captured_queries if "realisasi_hasilukur" in q["sql"]]
    assert f"IN ({dokumen.pk})" in baca
    with django_assert_max_num_queries(15) as lagi:
        assert teks(client.get(url, {"periode": periode})) == sesudah
    assert len(lagi.captured_queries) == jumlah_hangat


def test_kecamatan_below_the_completeness_threshold_are_listed_apart_with_the_reason(masuk, demo):
    pemda = demo.pemda
    tahun = timezone.localdate().year
    hasil = hitung_pemda(pemda, tahun, periode_bawaan(tahun))
    kelengkapan = {
        i.pk: Decimal(sum(h.lengkap and h.realisasi.nilai is not None for h in hasil[i.pk]) * 100) / len(hasil[i.pk])
        for i in demo.instansi
    }
    # A threshold between the kecamatan: those above are ranked, those below are not.
    urut = sorted(kelengkapan.values())
    assert urut[0] < urut[-1]
    pemda.ambang_kelengkapan = urut[-1]
    pemda.save()
    respons = masuk("pemeriksa").get(reverse("web:dasbor_pemda", args=[pemda.pk]))
    isi = teks(respons)
    assert "Tidak diberi peringkat" in isi
    for instansi in demo.instansi:
        if kelengkapan[instansi.pk] < urut[-1]:
            assert (
                f"{instansi.nama} {fmt.format_persen(rata(hasil[instansi.pk]))}"
                in isi.split("Tidak diberi peringkat")[1]
            )
            assert f"Kelengkapan data {fmt.format_persen(kelengkapan[instansi.pk])} di bawah ambang" in isi
        else:
            assert f"{instansi.nama} {fmt.format_persen(rata(hasil[instansi.pk]))}" in isi.split("Tidak diberi")[0]


def test_derived_targets_are_labelled_and_indicators_without_rencana_aksi_listed(masuk, demo):
    a = demo.instansi[0]
    tahun = timezone.localdate().year
    respons = masuk(f"camat.{KEC_A}").get(
        reverse("web:dasbor_instansi", args=[a.pk]) + f"?periode=SD_TW2&tahun={tahun}"
    )
    hasil = hitung_instansi(a, tahun, "SD_TW2")
    turunan = [h for h in hasil if h.target_turunan]
    tanpa = [h for h in hasil if h.tanpa_rencana_aksi]
    assert turunan and tanpa  # the demo has counts with only an annual target
    html = respons.content.decode()
    assert html.count("<small>target turunan</small>") == len(turunan)
    bagian = html.split('id="tanpa-rencana-aksi"')[1]
    for h in tanpa:
        assert reverse("web:indikator", args=[h.indikator_id]) in bagian


def test_reporting_counts_are_kept_until_a_report_changes_not_a_value(masuk, demo, django_assert_max_num_queries):
    """The kabupaten dashboard's reporting counts are kept: a saved value leaves them, a report
    submitted (any IsianPeriode saved) has them counted again at the next view."""
    from kinerja.iki.models import Variabel
    from kinerja.realisasi.models import IsianPeriode, NilaiVariabel
    from kinerja.web.ringkasan import rekap_isian_banyak

    tahun = timezone.localdate().year - 1  # a whole year of the demo: every window has opened
    a = demo.instansi[0]
    dokumen = dokumen_berlaku(a, tahun)
    pertama = rekap_isian_banyak([dokumen.pk], tahun)[dokumen.pk]
    with django_assert_max_num_queries(0):
        assert rekap_isian_banyak([dokumen.pk], tahun)[dokumen.pk] == pertama
    nilai = NilaiVariabel.objects.filter(variabel__indikator__sasaran__dokumen=dokumen).first()
    nilai.nilai = (nilai.nilai or 0) + 1
    nilai.save()
    assert Variabel.objects.filter(pk=nilai.variabel_id).exists()
    with django_assert_max_num_queries(0):
        rekap_isian_banyak([dokumen.pk], tahun)
    lain = IsianPeriode.objects.filter(dokumen=dokumen_berlaku(demo.instansi[1], tahun)).first()
    lain.save()  # another kecamatan's report: these counts stay kept
    with django_assert_max_num_queries(0):
        rekap_isian_banyak([dokumen.pk], tahun)
    isian = IsianPeriode.objects.filter(dokumen=dokumen, status="disahkan").first()
    isian.status = "dikembalikan"
    isian.save()
    kedua = rekap_isian_banyak([dokumen.pk], tahun)[dokumen.pk]
    assert kedua.masuk == pertama.masuk - 1
