"""Small builders for a minimal catalogue, shared by the Django tests."""

from datetime import date
from decimal import Decimal

from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Sasaran, Variabel
from kinerja.organisasi.models import Instansi, Jabatan, Pemda


def katalog_kecil(nama_instansi="Kecamatan Uji", tahun=2025, pemda=None):
    """An instansi with Camat and Sekcam, a draft document, two indicators and a cascading link."""
    pemda = pemda or Pemda.objects.get_or_create(nama="Kabupaten Uji")[0]
    instansi = Instansi.objects.create(pemda=pemda, nama=nama_instansi)
    camat = Jabatan.objects.create(instansi=instansi, nama="Camat", eselon="III.a")
    sekcam = Jabatan.objects.create(instansi=instansi, nama="Sekretaris Kecamatan", atasan=camat, eselon="III.b")
    desa = Konstanta.objects.create(instansi=instansi, tahun=tahun, kode="jumlah_desa", nama="Jumlah desa", nilai=7)
    dokumen = DokumenIKI.objects.create(
        instansi=instansi, tahun=tahun, sk_nomor="188/01/KEP/2025", sk_tanggal=date(tahun, 1, 6)
    )
    s_camat = Sasaran.objects.create(dokumen=dokumen, jabatan=camat, uraian="Meningkatnya tata kelola desa")
    induk = Indikator.objects.create(
        sasaran=s_camat, nama="Persentase desa tertib", ekspresi="desa_tertib / jumlah_desa * 100"
    )
    Variabel.objects.create(indikator=induk, kode="desa_tertib", uraian="Jumlah desa tertib", agregasi="terakhir")
    Variabel.objects.create(indikator=induk, kode="jumlah_desa", uraian="Jumlah desa", konstanta=desa)
    s_sek = Sasaran.objects.create(dokumen=dokumen, jabatan=sekcam, uraian="Meningkatnya akuntabilitas")
    anak = Indikator.objects.create(sasaran=s_sek, nama="Persentase LPJ tepat waktu", ekspresi="lpj_tepat / lpj * 100")
    Variabel.objects.create(indikator=anak, kode="lpj_tepat", uraian="LPJ tepat waktu")
    Variabel.objects.create(indikator=anak, kode="lpj", uraian="LPJ wajib", nilai_tetap=Decimal(4))
    anak.induk.add(induk)
    return dokumen


def sk_baru(dokumen, nomor=None):
    """Give a draft revision its own SK before decreeing it (every revision has a new SK nomor)."""
    dokumen.sk_nomor = nomor or f"188/{dokumen.revisi:02d}/KEP/{dokumen.instansi_id}/{dokumen.tahun}"
    dokumen.sk_tanggal = date(dokumen.tahun, 6, 1)
    dokumen.save(update_fields=["sk_nomor", "sk_tanggal"])
    return dokumen
