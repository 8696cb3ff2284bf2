"""The four stages per jabatan of a draft: usulan, penilaian, pemilihan, and the Lembar Penilaian IKI."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.akun.models import Peran
from kinerja.audit.models import Jejak
from kinerja.iki.models import Indikator, Sasaran
from kinerja.telaah import lembar, tahapan
from kinerja.telaah.models import Usulan
from tests.factories import katalog_kecil

pytestmark = pytest.mark.django_db

SEMUA_SYARAT = {"syarat_relevan": True, "syarat_penting": True, "syarat_efektif_layak": True}
KRITERIA_4 = dict.fromkeys(
    ["kriteria_spesifik", "kriteria_dapat_dicapai", "kriteria_relevan", "kriteria_menggambarkan", "kriteria_terukur"], 4
)


@pytest.fixture
def dokumen():
    return katalog_kecil()


def _pengguna(dokumen, nama, jenis=Peran.Jenis.PEJABAT):
    user = get_user_model().objects.create_user(nama, password="x", first_name=nama.title())
    Peran.objects.create(pengguna=user, jenis=jenis, pemda=dokumen.instansi.pemda, instansi=dokumen.instansi)
    return user


@pytest.fixture
def perencana(dokumen):
    return _pengguna(dokumen, "perencana", Peran.Jenis.ADMIN_INSTANSI)


@pytest.fixture
def sasaran(dokumen):
    return Sasaran.objects.get(dokumen=dokumen, jabatan__nama="Sekretaris Kecamatan")


def _usul(sasaran, user, nama="Persentase SPJ desa yang diverifikasi tepat waktu", **lain):
    isian = {
        "nama": nama,
        "penjelasan": "Jumlah SPJ desa yang diverifikasi tepat waktu / Jumlah SPJ desa yang masuk x 100 %",
        "satuan": "%",
        "sumber_data": "Register verifikasi SPJ desa",
        "alasan": "Verifikasi SPJ adalah pekerjaan utama jabatan ini.",
    }
    return tahapan.usulkan(sasaran, user, **(isian | lain))


def test_propose_assess_and_select_make_the_drafts_indicators(dokumen, perencana, sasaran):
    usul_a = _usul(sasaran, perencana)
    usul_b = _usul(sasaran, perencana, nama="Pelaksanaan rapat koordinasi desa", penjelasan="Rapat koordinasi")
    penilai = _pengguna(dokumen, "penilai")
    with pytest.raises(PermissionDenied):
        tahapan.nilai(usul_a, penilai, syarat=SEMUA_SYARAT, kriteria=KRITERIA_4)
    tahapan.tetapkan_penilai(dokumen, [penilai], perencana)
    tahapan.nilai(usul_a, penilai, syarat=SEMUA_SYARAT, kriteria=KRITERIA_4, catatan="Jelas dan terukur.")
    tahapan.nilai(usul_b, penilai, syarat=SEMUA_SYARAT | {"syarat_penting": False}, kriteria=KRITERIA_4)
    assert tahapan.skor_usulan(usul_a) == 80
    assert tahapan.skor_usulan(usul_b) == 0  # a syarat failed
    [ind] = tahapan.pilih(sasaran, [usul_a.pk], perencana)
    assert ind.sasaran == sasaran and ind.nama == usul_a.nama
    assert ind.ekspresi and ind.variabel.count() == 2  # the formula text was understood
    usul_a.refresh_from_db()
    usul_b.refresh_from_db()
    assert (usul_a.status, usul_a.indikator, usul_b.status) == ("dipilih", ind, "tidak_dipilih")
    assert {"usulkan_indikator", "tetapkan_penilai", "nilai_usulan", "pilih_usulan", "tolak_usulan"} <= set(
        Jejak.objects.values_list("aksi", flat=True)
    )


def test_an_official_proposes_for_their_own_jabatan_only(dokumen, sasaran):
    orang_lain = _pengguna(dokumen, "orang.lain")
    with pytest.raises(PermissionDenied):
        _usul(sasaran, orang_lain)


def test_an_assessment_needs_every_kriteria_between_1_and_5(dokumen, perencana, sasaran):
    usul = _usul(sasaran, perencana)
    tahapan.tetapkan_penilai(dokumen, [perencana], perencana)
    with pytest.raises(ValidationError, match="1 sampai 5"):
        tahapan.nilai(usul, perencana, syarat=SEMUA_SYARAT, kriteria=KRITERIA_4 | {"kriteria_terukur": 9})


def test_a_proposal_needs_its_fields(perencana, sasaran):
    with pytest.raises(ValidationError, match="sumber data"):
        _usul(sasaran, perencana, sumber_data=" ")


def test_the_candidates_findings_are_shown_beside(perencana, sasaran):
    usul = _usul(sasaran, perencana, nama="Pelaksanaan rapat koordinasi desa")
    assert "kegiatan_bukan_indikator" in {t["jenis"] for t in tahapan.temuan_usulan(usul)}


def test_the_lembar_records_who_assessed_what_in_xlsx_and_html(dokumen, perencana, sasaran):
    usul = _usul(sasaran, perencana, nama="=HYPERLINK(1)")
    tahapan.tetapkan_penilai(dokumen, [perencana], perencana)
    tahapan.nilai(usul, perencana, syarat=SEMUA_SYARAT, kriteria=KRITERIA_4, catatan="Baik.")
    ws = load_workbook(BytesIO(lembar.lembar_xlsx(dokumen))).active
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert baris[0][:4] == ["Sekretaris Kecamatan", "Meningkatnya akuntabilitas", "'=HYPERLINK(1)", "Perencana"]
    assert "80,00" in baris[0] and "Baik." in baris[0]
    html = lembar.lembar_html(dokumen)
    assert "LEMBAR PENILAIAN" in html and "Perencana" in html


def test_the_page_proposes_assesses_and_selects(client, dokumen, perencana, sasaran):
    client.force_login(perencana)
    url = reverse("telaah:usulan", args=[dokumen.pk, sasaran.jabatan_id])
    assert "Usulkan indikator untuk sasaran ini" in client.get(url).content.decode()
    client.post(
        reverse("telaah:usulkan", args=[dokumen.pk, sasaran.jabatan_id]),
        {
            "sasaran": sasaran.pk,
            "nama": "Persentase SPJ desa yang diverifikasi tepat waktu",
            "penjelasan": "Jumlah SPJ desa diverifikasi tepat waktu / Jumlah SPJ desa masuk x 100 %",
            "satuan": "%",
            "sumber_data": "Register SPJ",
            "alasan": "Pekerjaan utama.",
        },
    )
    usul = Usulan.objects.get()
    client.post(reverse("telaah:tetapkan_penilai", args=[dokumen.pk, sasaran.jabatan_id]), {"penilai": [perencana.pk]})
    client.post(
        reverse("telaah:nilai", args=[dokumen.pk, sasaran.jabatan_id]),
        {"usulan": usul.pk, "syarat_relevan": "ya", "syarat_penting": "ya", "syarat_efektif_layak": "ya"}
        | {k: "5" for k in KRITERIA_4},
    )
    assert "skor 100 dari 100" in client.get(url).content.decode()
    client.post(
        reverse("telaah:pilih", args=[dokumen.pk, sasaran.jabatan_id]), {"sasaran": sasaran.pk, "usulan": [usul.pk]}
    )
    assert Indikator.objects.filter(sasaran=sasaran, nama=usul.nama).exists()
    r = client.get(reverse("telaah:lembar_penilaian_xlsx", args=[dokumen.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_lembar_as_pdf(dokumen, perencana, sasaran):
    import pdfplumber

    usul = _usul(sasaran, perencana)
    tahapan.tetapkan_penilai(dokumen, [perencana], perencana)
    tahapan.nilai(usul, perencana, syarat=SEMUA_SYARAT, kriteria=KRITERIA_4)
    pdf = lembar.lembar_pdf(dokumen)
    with pdfplumber.open(BytesIO(pdf)) as berkas:
        teks = " ".join(h.extract_text() or "" for h in berkas.pages)
    assert "LEMBAR PENILAIAN" in teks and "Perencana" in teks
