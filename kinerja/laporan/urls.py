"""Documents and reports. Names for links elsewhere (add ?format=pdf|docx|xlsx to download,
&kertas=f4 for F4 paper, &periode=SD_TW3 for the year so far):

- laporan:iki    instansi_id, tahun   Dokumen IKI (PDF, DOCX; XLSX = the catalogue)
- laporan:pk     jabatan_id, tahun    Perjanjian Kinerja (PDF, DOCX); ?tanggal=2026-01-02
- laporan:lkjip  instansi_id, tahun   Pengukuran Kinerja / LKjIP tables (PDF, XLSX)
- laporan:rekap  pemda_id, tahun      Kabupaten recap of every kecamatan (PDF, XLSX)
- laporan:teks   instansi_id          the instansi's standard texts (edit)
- laporan:kepala_daerah  pemda_id     the Bupati / Wali Kota named in the Camat's PK (edit)
- laporan:tandatangani_iki  instansi_id, tahun   the decreed Dokumen IKI as a PAdES-signed PDF (upload .p12)
- laporan:tandatangani_pk   jabatan_id, tahun    the PK as a PAdES-signed PDF (upload .p12)
- laporan:verifikasi                  check the signatures of an uploaded PDF
- laporan:kop    instansi_id          the kop surat (letterhead, lambang daerah, tembusan) (edit)
- laporan:program_pk  jabatan_id, tahun   programs and budgets of an eselon III/IV head's PK (edit)
"""

from django.urls import path

from . import views

app_name = "laporan"

urlpatterns = [
    path("iki/<int:instansi_id>/<int:tahun>/", views.iki, name="iki"),
    path("pk/<int:jabatan_id>/<int:tahun>/", views.pk, name="pk"),
    path("lkjip/<int:instansi_id>/<int:tahun>/", views.lkjip, name="lkjip"),
    path("rekap/<int:pemda_id>/<int:tahun>/", views.rekap, name="rekap"),
    path("teks/<int:instansi_id>/", views.teks, name="teks"),
    path("kepala-daerah/<int:pemda_id>/", views.kepala_daerah, name="kepala_daerah"),
    path("iki/<int:instansi_id>/<int:tahun>/tanda-tangan/", views.tandatangani_iki, name="tandatangani_iki"),
    path("pk/<int:jabatan_id>/<int:tahun>/tanda-tangan/", views.tandatangani_pk, name="tandatangani_pk"),
    path("verifikasi/", views.verifikasi, name="verifikasi"),
    path("kop/<int:instansi_id>/", views.kop, name="kop"),
    path("pk/<int:jabatan_id>/<int:tahun>/program/", views.program_pk, name="program_pk"),
]
