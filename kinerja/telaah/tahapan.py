"""The four stages of choosing IKI, per jabatan of a draft (BAB II of the documents; issue 12).

1. the sasaran (the result statement) is the draft's own;
2. *usulan*: the planner, or any official for their own jabatan, proposes candidate indicators with
   their formula, sumber data and reason (:func:`usulkan`);
3. *penilaian*: the assessors the planner assigned (:func:`tetapkan_penilai`) judge each candidate
   against the 3 syarat and 5 kriteria with a note (:func:`nilai`), the automatic findings beside
   (:func:`temuan_usulan`);
4. *pemilihan*: the planner selects the set per sasaran seeing the scores (:func:`pilih`); the
   selected candidates become the draft's indicators.

Every write is in a transaction with an audit record; a decreed document refuses all of them.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from kinerja.akun import lingkup
from kinerja.audit.models import catat
from kinerja.dokumen.formula import pahami
from kinerja.iki.models import DokumenIKI, Indikator, Sasaran, Variabel
from kinerja.mutu import periksa
from kinerja.telaah.models import KRITERIA, SKOR_MAKS, SYARAT, Penilai, Penilaian, Usulan


def _wajib_draft(dokumen: DokumenIKI) -> None:
    if dokumen.status != DokumenIKI.Status.DRAFT:
        raise PermissionDenied("Dokumen IKI yang sudah ditetapkan tidak dapat diubah.")


def boleh_usulkan(user, sasaran: Sasaran) -> bool:
    """The planner of the instansi, or the official who holds the sasaran's jabatan."""
    instansi = sasaran.dokumen.instansi
    return (
        lingkup.boleh_kelola_katalog(user, instansi)
        or lingkup.jabatan_dipegang(user).filter(pk=sasaran.jabatan_id).exists()
    )


def boleh_nilai(user, dokumen: DokumenIKI) -> bool:
    return Penilai.objects.filter(dokumen=dokumen, pengguna=user).exists() if user.is_authenticated else False


def usulkan(sasaran: Sasaran, pengguna, *, nama, penjelasan, satuan, sumber_data, alasan) -> Usulan:
    _wajib_draft(sasaran.dokumen)
    if not boleh_usulkan(pengguna, sasaran):
        raise PermissionDenied("Hanya perencana atau pemegang jabatan ini yang dapat mengusulkan indikatornya.")
    isian = {"nama": nama, "penjelasan": penjelasan, "sumber_data": sumber_data, "alasan": alasan}
    kosong = [k.replace("_", " ") for k, v in isian.items() if not (v or "").strip()]
    if kosong:
        raise ValidationError(f"Lengkapi usulan: {', '.join(kosong)} belum diisi.")
    with transaction.atomic():
        usulan = Usulan.objects.create(
            sasaran=sasaran,
            satuan=(satuan or "").strip()[:40],
            diusulkan_oleh=pengguna,
            **{k: v.strip() for k, v in isian.items()},
        )
        catat(pengguna, "usulkan_indikator", usulan, f"Usulan indikator: {usulan.nama[:200]}", alasan=usulan.alasan)
    return usulan


def tetapkan_penilai(dokumen: DokumenIKI, pengguna_list, oleh) -> None:
    """Set the assessors of ``dokumen``'s candidates to exactly ``pengguna_list``."""
    _wajib_draft(dokumen)
    if not lingkup.boleh_kelola_katalog(oleh, dokumen.instansi):
        raise PermissionDenied("Hanya perencana yang menetapkan penilai.")
    with transaction.atomic():
        lama = set(Penilai.objects.filter(dokumen=dokumen).values_list("pengguna_id", flat=True))
        baru = {u.pk for u in pengguna_list}
        Penilai.objects.filter(dokumen=dokumen, pengguna_id__in=lama - baru).delete()
        Penilai.objects.bulk_create([Penilai(dokumen=dokumen, pengguna_id=pk) for pk in baru - lama])
        catat(
            oleh,
            "tetapkan_penilai",
            dokumen,
            f"Penilai usulan IKI: {len(baru)} orang",
            {"penilai": [sorted(lama), sorted(baru)]},
        )


def nilai(usulan: Usulan, pengguna, *, syarat: dict, kriteria: dict, catatan: str = "") -> Penilaian:
    dokumen = usulan.sasaran.dokumen
    _wajib_draft(dokumen)
    if not boleh_nilai(pengguna, dokumen):
        raise PermissionDenied("Anda tidak ditugaskan menilai usulan indikator dokumen ini.")
    if usulan.status != Usulan.Status.DIUSULKAN:
        raise ValidationError("Usulan ini sudah diputuskan; penilaiannya tidak dapat diubah.")
    nilai_kriteria = {}
    for kode, label in KRITERIA:
        try:
            angka = int(kriteria.get(kode))
        except (TypeError, ValueError):
            angka = 0
        if not 1 <= angka <= SKOR_MAKS:
            raise ValidationError(f"Nilai kriteria '{label}' harus 1 sampai {SKOR_MAKS}.")
        nilai_kriteria[kode] = angka
    nilai_syarat = {kode: bool(syarat.get(kode)) for kode, _ in SYARAT}
    with transaction.atomic():
        penilaian, _ = Penilaian.objects.update_or_create(
            usulan=usulan, penilai=pengguna, defaults={**nilai_syarat, **nilai_kriteria, "catatan": catatan.strip()}
        )
        catat(
            pengguna,
            "nilai_usulan",
            usulan,
            f"Penilaian usulan: {usulan.nama[:150]} (skor {penilaian.skor:.0f})",
            {**nilai_syarat, **nilai_kriteria},
            alasan=penilaian.catatan,
        )
    return penilaian


def skor_usulan(usulan: Usulan) -> Decimal | None:
    """Mean score of the assessors (0–100); None before any assessment."""
    skor = [p.skor for p in usulan.penilaian.all()]
    return sum(skor) / len(skor) if skor else None


def temuan_usulan(usulan: Usulan) -> list[dict]:
    """The automatic findings about the candidate itself (its name, formula, satuan, sumber data)."""
    formula = pahami(usulan.penjelasan, usulan.nama).sebagai_dict()
    data = {
        "instansi": usulan.sasaran.dokumen.instansi.nama,
        "jabatan": [
            {
                "nama": usulan.sasaran.jabatan.nama,
                "tugas": ["-"],
                "sasaran": [
                    {
                        "uraian": usulan.sasaran.uraian,
                        "indikator": [
                            {
                                "nama": usulan.nama,
                                "formula": formula,
                                "satuan": usulan.satuan,
                                "sumber_data": usulan.sumber_data,
                            }
                        ],
                    }
                ],
            }
        ],
    }
    return [t for t in periksa(data) if t["indikator"] == usulan.nama]


def pilih(sasaran: Sasaran, usulan_ids, pengguna) -> list[Indikator]:
    """Select the candidates ``usulan_ids`` of ``sasaran``; they become the draft's indicators."""
    _wajib_draft(sasaran.dokumen)
    if not lingkup.boleh_kelola_katalog(pengguna, sasaran.dokumen.instansi):
        raise PermissionDenied("Hanya perencana yang memilih indikator.")
    ids = {int(i) for i in usulan_ids}
    with transaction.atomic():
        calon = list(Usulan.objects.select_for_update().filter(sasaran=sasaran, status=Usulan.Status.DIUSULKAN))
        dipilih = [u for u in calon if u.pk in ids]
        if not dipilih:
            raise ValidationError("Pilih paling sedikit satu usulan.")
        urutan = (Indikator.objects.filter(sasaran=sasaran).aggregate(m=Max("urutan"))["m"] or 0) + 1
        hasil = []
        for u in dipilih:
            formula = pahami(u.penjelasan, u.nama)
            ind = Indikator.objects.create(
                sasaran=sasaran,
                nama=u.nama,
                penjelasan=u.penjelasan,
                satuan=u.satuan,
                sumber_data=u.sumber_data,
                urutan=urutan,
                catatan=f"Dipilih dari usulan: {u.alasan}"[:2000],
            )
            # Where the formula text is understood, its variables come with it; otherwise the planner
            # writes them on the indicator's page, the text keeping the intent.
            if formula.ekspresi:
                ind.ekspresi = formula.ekspresi
                ind.save(update_fields=["ekspresi"])
                for v in formula.variabel:
                    Variabel.objects.create(
                        indikator=ind, kode=v["kode"], uraian=v.get("uraian", ""), nilai_tetap=v.get("nilai_tetap")
                    )
            urutan += 1
            u.status, u.indikator = Usulan.Status.DIPILIH, ind
            u.save(update_fields=["status", "indikator"])
            catat(pengguna, "pilih_usulan", ind, f"Usulan dipilih menjadi indikator: {u.nama[:200]}")
            hasil.append(ind)
        for u in calon:
            if u.pk not in ids:
                u.status = Usulan.Status.TIDAK_DIPILIH
                u.save(update_fields=["status"])
                catat(pengguna, "tolak_usulan", u, f"Usulan tidak dipilih: {u.nama[:200]}")
    return hasil
