"""Forms of the survey pages; they only collect input, kinerja.survei.layanan decides and writes."""

from django import forms
from django.utils import timezone

from kinerja.ikm import KOLOM_PROFIL, ambil_regulasi

from .models import Survei

BATAS_UKURAN_BERKAS = 5 * 1024 * 1024  # a few thousand respondents fit in far less

PILIHAN_SKOR = [
    ("", "Tidak dijawab"),
    ("1", "1 – Tidak baik"),
    ("2", "2 – Kurang baik"),
    ("3", "3 – Baik"),
    ("4", "4 – Sangat baik"),
]


class SurveiForm(forms.ModelForm):
    jenis_layanan = forms.CharField(
        label="Jenis layanan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Satu jenis layanan per baris, mis. KTP-el, Kartu Keluarga (boleh kosong).",
    )

    class Meta:
        model = Survei
        fields = ["tahun", "periode", "regulasi", "bobot", "populasi"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year

    def clean_jenis_layanan(self):
        return [baris for baris in self.cleaned_data["jenis_layanan"].splitlines() if baris.strip()]


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas jawaban (CSV atau XLSX)",
        help_text="Satu baris per responden, satu kolom per unsur (dikenali dari judul kolom, bukan urutannya).",
    )
    ganti = forms.BooleanField(label="Ganti semua responden yang sudah ada dengan isi berkas ini", required=False)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > BATAS_UKURAN_BERKAS:
            raise forms.ValidationError("Berkas lebih dari 5 MB; pecah menjadi beberapa berkas.")
        return berkas


class KonfirmasiImporForm(forms.Form):
    sidik = forms.CharField(widget=forms.HiddenInput)
    ganti = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RespondenForm(forms.Form):
    """One paper questionnaire: a 1–4 choice per unsur of the survey's regulation, then the profile."""

    def __init__(self, survei: Survei, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kode_unsur = []
        for unsur in ambil_regulasi(survei.regulasi).unsur:
            self.fields[unsur.kode] = forms.ChoiceField(
                label=unsur.label, choices=PILIHAN_SKOR, required=False, widget=forms.RadioSelect
            )
            self.kode_unsur.append(unsur.kode)
        for kolom in KOLOM_PROFIL:
            if kolom.kunci == "jenis_layanan" and survei.jenis_layanan:
                pilihan = [("", "—"), *((nama, nama) for nama in survei.jenis_layanan)]
                self.fields[kolom.kunci] = forms.ChoiceField(label=kolom.nama, choices=pilihan, required=False)
            else:
                self.fields[kolom.kunci] = forms.CharField(label=kolom.nama, required=False, max_length=200)

    def unsur(self):
        return [self[kode] for kode in self.kode_unsur]

    def profil(self):
        return [self[kolom.kunci] for kolom in KOLOM_PROFIL]


class SumberForm(forms.Form):
    indikator = forms.TypedChoiceField(label="Indikator", coerce=int)
    jenis_layanan = forms.CharField(
        label="Jenis layanan",
        required=False,
        max_length=200,
        help_text="Kosongkan untuk IKM keseluruhan; isi untuk memakai IKM satu jenis layanan saja.",
    )

    def __init__(self, indikator_list, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].choices = [
            (i.pk, f"{i.sasaran.dokumen.tahun} rev. {i.sasaran.dokumen.revisi} — {i.sasaran.jabatan} — {i.nama}")
            for i in indikator_list
        ]
