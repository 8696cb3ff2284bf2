"""URLs of the web application. Every pattern with an id is walked by tests/web/test_lingkup_url.py
with another office's ids: a new pattern must keep the scope check (and name its ids there)."""

from django.urls import path

from .views import (
    akun,
    banding,
    beranda,
    capaian_indikator,
    dasbor,
    excel,
    isian,
    kaskade,
    katalog,
    kelola,
    penetapan,
    pengguna,
    renstra,
)

app_name = "web"

_ISIAN = "isian/<int:dokumen_id>/<int:jabatan_id>/<str:periode>/"

urlpatterns = [
    path("", beranda.beranda, name="beranda"),
    path("masuk/", akun.Masuk.as_view(), name="masuk"),
    path("keluar/", akun.Keluar.as_view(), name="keluar"),
    path("sandi/", akun.GantiSandi.as_view(), name="ganti_sandi"),
    path("sandi/atur/<uidb64>/<token>/", akun.AturSandi.as_view(), name="atur_sandi"),
    # Catalogue and cascade.
    path("instansi/<int:instansi_id>/katalog/", katalog.katalog, name="katalog"),
    path("dokumen/<int:dokumen_id>/", katalog.dokumen, name="dokumen"),
    path("dokumen/<int:dokumen_id>/ubah/", katalog.ubah_dokumen, name="ubah_dokumen"),
    path("dokumen/<int:dokumen_id>/tetapkan/", penetapan.tetapkan, name="tetapkan"),
    path("dokumen/<int:dokumen_id>/perubahan/", penetapan.perubahan, name="perubahan"),
    path("dokumen/<int:dokumen_id>/tahun-baru/", penetapan.mulai_tahun_baru, name="tahun_baru"),
    path("dokumen/<int:dokumen_id>/target/", penetapan.target_jabatan, name="target_jabatan"),
    path("dokumen/<int:dokumen_id>/renstra/", renstra.target_renstra, name="target_renstra"),
    path("dokumen/<int:dokumen_id>/revisi/", katalog.buat_revisi, name="buat_revisi"),
    path("dokumen/<int:dokumen_id>/periksa-rumus/", katalog.periksa_rumus, name="periksa_rumus"),
    path("dokumen/<int:dokumen_id>/kaskade/", kaskade.kaskade, name="kaskade"),
    path("dokumen/<int:dokumen_id>/pohon-kinerja.svg", kaskade.kaskade_svg, name="kaskade_svg"),
    path("dokumen/<int:dokumen_id>/pohon-kinerja.pdf", kaskade.kaskade_pdf, name="kaskade_pdf"),
    path("sasaran/<int:sasaran_id>/indikator-baru/", katalog.tambah_indikator, name="tambah_indikator"),
    path("indikator/<int:indikator_id>/", katalog.indikator, name="indikator"),
    path("indikator/<int:indikator_id>/capaian/", capaian_indikator.capaian_indikator, name="capaian_indikator"),
    path("indikator/<int:indikator_id>/ubah/", katalog.ubah_indikator, name="ubah_indikator"),
    path("indikator/<int:indikator_id>/hapus/", katalog.hapus_indikator, name="hapus_indikator"),
    path("indikator/<int:indikator_id>/target/", katalog.target_indikator, name="target_indikator"),
    path("indikator/<int:indikator_id>/geser/", kelola.geser_indikator, name="geser_indikator"),
    # Keeping the catalogue: a new document, tujuan and sasaran of a draft, konstanta.
    path("instansi/<int:instansi_id>/dokumen-baru/", kelola.buat_dokumen, name="buat_dokumen"),
    path(
        "dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/sasaran-baru/", kelola.tambah_sasaran, name="tambah_sasaran"
    ),
    path("sasaran/<int:sasaran_id>/ubah/", kelola.ubah_sasaran, name="ubah_sasaran"),
    path("sasaran/<int:sasaran_id>/hapus/", kelola.hapus_sasaran, name="hapus_sasaran"),
    path("sasaran/<int:sasaran_id>/geser/", kelola.geser_sasaran, name="geser_sasaran"),
    path("dokumen/<int:dokumen_id>/jabatan/<int:jabatan_id>/tujuan-baru/", kelola.tambah_tujuan, name="tambah_tujuan"),
    path("tujuan/<int:tujuan_id>/ubah/", kelola.ubah_tujuan, name="ubah_tujuan"),
    path("tujuan/<int:tujuan_id>/hapus/", kelola.hapus_tujuan, name="hapus_tujuan"),
    path("tujuan/<int:tujuan_id>/geser/", kelola.geser_tujuan, name="geser_tujuan"),
    path("instansi/<int:instansi_id>/konstanta/<int:tahun>/", kelola.konstanta, name="konstanta"),
    path("konstanta/<int:konstanta_id>/ubah/", kelola.ubah_konstanta, name="ubah_konstanta"),
    path("konstanta/<int:konstanta_id>/hapus/", kelola.hapus_konstanta, name="hapus_konstanta"),
    # The organisation: unit kerja, jabatan, pegawai and penugasan.
    path("instansi/<int:instansi_id>/organisasi/", kelola.organisasi_instansi, name="organisasi"),
    path("instansi/<int:instansi_id>/unit-kerja/baru/", kelola.tambah_unit_kerja, name="tambah_unit_kerja"),
    path("unit-kerja/<int:unit_kerja_id>/ubah/", kelola.ubah_unit_kerja, name="ubah_unit_kerja"),
    path("unit-kerja/<int:unit_kerja_id>/hapus/", kelola.hapus_unit_kerja, name="hapus_unit_kerja"),
    path("unit-kerja/<int:unit_kerja_id>/geser/", kelola.geser_unit_kerja, name="geser_unit_kerja"),
    path("instansi/<int:instansi_id>/jabatan/baru/", kelola.tambah_jabatan, name="tambah_jabatan"),
    path("jabatan/<int:jabatan_id>/", kelola.jabatan, name="jabatan"),
    path("jabatan/<int:jabatan_id>/ubah/", kelola.ubah_jabatan, name="ubah_jabatan"),
    path("jabatan/<int:jabatan_id>/hapus/", kelola.hapus_jabatan, name="hapus_jabatan"),
    path("jabatan/<int:jabatan_id>/geser/", kelola.geser_jabatan, name="geser_jabatan"),
    path("jabatan/<int:jabatan_id>/penugasan-baru/", kelola.tambah_penugasan, name="tambah_penugasan"),
    path("penugasan/<int:penugasan_id>/ubah/", kelola.ubah_penugasan, name="ubah_penugasan"),
    path("penugasan/<int:penugasan_id>/hapus/", kelola.hapus_penugasan, name="hapus_penugasan"),
    path("instansi/<int:instansi_id>/pegawai/", kelola.daftar_pegawai, name="pegawai"),
    path("instansi/<int:instansi_id>/pegawai/baru/", kelola.tambah_pegawai, name="tambah_pegawai"),
    path("instansi/<int:instansi_id>/pegawai/<int:pegawai_id>/ubah/", kelola.ubah_pegawai, name="ubah_pegawai"),
    path("instansi/<int:instansi_id>/pegawai/<int:pegawai_id>/hapus/", kelola.hapus_pegawai, name="hapus_pegawai"),
    # Isian Realisasi and its workflow.
    path("instansi/<int:instansi_id>/isian/", isian.ikhtisar, name="isian_instansi"),
    path(_ISIAN, isian.isian, name="isian"),
    path(_ISIAN + "nilai/<int:variabel_id>/", isian.simpan_nilai, name="simpan_nilai"),
    path(_ISIAN + "bukti/", isian.unggah_bukti, name="unggah_bukti"),
    path(_ISIAN + "ajukan/", isian.aksi, {"aksi": "ajukan"}, name="ajukan"),
    path(_ISIAN + "verifikasi/", isian.aksi, {"aksi": "verifikasi"}, name="verifikasi"),
    path(_ISIAN + "kembalikan/", isian.aksi, {"aksi": "kembalikan"}, name="kembalikan"),
    path(_ISIAN + "sahkan/", isian.aksi, {"aksi": "sahkan"}, name="sahkan"),
    path(_ISIAN + "buka-kembali/", isian.aksi, {"aksi": "buka_kembali"}, name="buka_kembali"),
    path(_ISIAN + "templat.xlsx", excel.templat_jabatan, name="templat_jabatan"),
    path("bukti/<int:bukti_id>/", isian.unduh_bukti, name="unduh_bukti"),
    path("instansi/<int:instansi_id>/templat.xlsx", excel.templat_instansi, name="templat_instansi"),
    path("instansi/<int:instansi_id>/unggah/", excel.unggah, name="unggah"),
    # Accounts of an instansi.
    path("instansi/<int:instansi_id>/pengguna/", pengguna.daftar, name="pengguna"),
    path(
        "instansi/<int:instansi_id>/pengguna/<int:pengguna_id>/sandi/",
        pengguna.atur_ulang_sandi,
        name="atur_ulang_sandi",
    ),
    path("instansi/<int:instansi_id>/pengguna/<int:pengguna_id>/aktif/", pengguna.ubah_aktif, name="ubah_aktif"),
    path("instansi/<int:instansi_id>/pegawai/<int:pegawai_id>/akun/", pengguna.buat_akun, name="buat_akun"),
    # Dashboards.
    path("instansi/<int:instansi_id>/dasbor/", dasbor.dasbor_instansi, name="dasbor_instansi"),
    path("instansi/<int:instansi_id>/dasbor/tren.json", dasbor.tren_json, name="tren_json"),
    path("pemda/<int:pemda_id>/dasbor/", dasbor.dasbor_pemda, name="dasbor_pemda"),
    path("pemda/<int:pemda_id>/indikator/", banding.banding_indikator, name="banding_indikator"),
    path("pemda/<int:pemda_id>/indikator.xlsx", banding.banding_indikator_xlsx, name="banding_indikator_xlsx"),
]
