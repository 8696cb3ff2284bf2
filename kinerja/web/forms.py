"""Forms of the web application. Numbers are typed the Indonesian way (85,5 or 1.234,5)."""

from decimal import Decimal

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.core.exceptions import ValidationError

from kinerja import format as fmt
from kinerja import rumus
from kinerja.iki.models import DokumenIKI, Indikator, Konstanta, Variabel
from kinerja.organisasi.models import Jabatan

from . import masuk


def angka_untuk_input(nilai: Decimal | None) -> str:
    """7 → "7", 85.500000 → "85,5": what a person would type, no thousands dots."""
    if nilai is None:
        return ""
    return format(nilai.normalize(), "f").replace(".", ",")


class AngkaField(forms.Field):
    """A Decimal typed as Indonesians write it: "85,71", "1.234,5"; "85.71" is read too."""

    widget = forms.TextInput

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "maxlength": "40"}

    def prepare_value(self, value):
        return angka_untuk_input(value) if isinstance(value, Decimal) else value

    def to_python(self, value):
        teks = (value or "").strip() if isinstance(value, str) else value
        if teks in self.empty_values:
            return None
        if isinstance(teks, Decimal):
            return teks
        try:
            return fmt.parse_angka(str(teks)[:40])
        except ValueError as exc:
            raise ValidationError(str(exc), code="bukan_angka") from exc


class FormMasuk(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil.",
        "inactive": "Akun ini tidak aktif.",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and masuk.terblokir(username, masuk.alamat_ip(self.request)):
            masuk.catat_percobaan(username, masuk.alamat_ip(self.request))  # a refused attempt counts too
            raise ValidationError(masuk.pesan_terblokir(), code="terblokir")
        return super().clean()


class FormGantiSandi(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Kata sandi lama"
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"


class FormAturSandi(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"


class FormDokumen(forms.ModelForm):
    sk_tanggal = forms.DateField(
        label="Tanggal SK", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    class Meta:
        model = DokumenIKI
        fields = ["sk_nomor", "sk_tanggal", "sk_penandatangan", "sk_penandatangan_pangkat", "sk_penandatangan_nip"]

    def clean_sk_nomor(self):
        # The form leaves instansi out, so Django does not check the (instansi, sk_nomor) constraint itself.
        from kinerja.iki.layanan import pemakai_nomor_sk

        nomor = self.cleaned_data["sk_nomor"]
        if lain := pemakai_nomor_sk(self.instance, nomor):
            raise ValidationError(
                f"Nomor SK “{nomor}” sudah dipakai IKI {lain.tahun} revisi {lain.revisi}; setiap revisi memakai nomor SK sendiri."
            )
        return " ".join(nomor.split())


class FormIndikator(forms.Form):
    """The indicator and its passport. Not a ModelForm: the formula is checked against the variables
    being typed in the same submit, not against those already stored (kinerja.iki.layanan.simpan_indikator)."""

    nama = forms.CharField(label="Indikator kinerja", widget=forms.Textarea(attrs={"rows": 2}))
    penjelasan = forms.CharField(
        label="Definisi operasional / penjelasan", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    jenis = forms.ChoiceField(
        label="Jenis indikator", required=False, choices=[("", "— belum ditentukan —"), *Indikator.Jenis.choices]
    )
    ekspresi = forms.CharField(
        label="Rumus",
        max_length=rumus.MAKS_PANJANG,
        help_text="Kode variabel dan + − × /, mis. tepat_waktu / usulan * 100",
    )
    satuan = forms.CharField(max_length=40, required=False, initial="%")
    polaritas = forms.ChoiceField(choices=Indikator.Polaritas.choices, initial=Indikator.Polaritas.POSITIF)
    periode_pelaporan = forms.ChoiceField(
        label="Periode pelaporan",
        choices=Indikator.PeriodePelaporan.choices,
        initial=Indikator.PeriodePelaporan.TRIWULANAN,
    )
    sumber_data = forms.CharField(label="Sumber data", max_length=250, required=False)
    penyedia_data = forms.CharField(
        label="Penyedia data",
        max_length=250,
        required=False,
        help_text="Siapa yang menyerahkan datanya, mis. Kasi Pemerintahan.",
    )
    penanggung_jawab = forms.ModelChoiceField(
        label="Penanggung jawab",
        queryset=Jabatan.objects.none(),
        required=False,
        empty_label="— jabatan pemilik sasaran —",
    )
    induk = forms.ModelMultipleChoiceField(
        label="Mendukung indikator atasan",
        queryset=Indikator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target = AngkaField(label="Target tahunan (atau batas bawah rentang)", required=False)
    target_hi = AngkaField(
        label="Batas atas rentang target", required=False, help_text="Kosongkan bila targetnya satu angka."
    )

    BIDANG_INDIKATOR = (
        "nama",
        "penjelasan",
        "jenis",
        "ekspresi",
        "satuan",
        "polaritas",
        "periode_pelaporan",
        "sumber_data",
        "penyedia_data",
        "penanggung_jawab",
    )

    def __init__(self, *args, induk_pilihan=None, jabatan_pilihan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if induk_pilihan is not None:
            self.fields["induk"].queryset = induk_pilihan
        if jabatan_pilihan is not None:
            self.fields["penanggung_jawab"].queryset = jabatan_pilihan
        for nama in ("induk", "penanggung_jawab"):
            self.fields[nama].error_messages["invalid_choice"] = "Pilihan ini tidak tersedia untuk dokumen ini."
            self.fields[nama].error_messages["invalid_pk_value"] = "Pilihan ini tidak tersedia untuk dokumen ini."
        self.fields["ekspresi"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean_ekspresi(self):
        teks = self.cleaned_data["ekspresi"]
        try:
            return str(rumus.parse(teks))
        except rumus.RumusError as exc:
            raise ValidationError(str(exc), code="rumus") from exc

    def clean(self):
        data = super().clean()
        lo, hi = data.get("target"), data.get("target_hi")
        if hi is not None and lo is None:
            self.add_error("target", "Isi batas bawah bila batas atas diisi.")
        elif hi is not None and hi < lo:
            self.add_error("target_hi", "Batas atas tidak boleh lebih kecil dari batas bawah.")
        return data


class FormVariabel(forms.ModelForm):
    """One variable row of the formula editor: every label, choice and message in Indonesian."""

    nilai_tetap = AngkaField(label="Nilai tetap", required=False, help_text="Hanya bila nilainya selalu sama.")

    class Meta:
        model = Variabel
        fields = ["kode", "uraian", "satuan", "agregasi", "nilai_tetap", "konstanta", "negatif_boleh"]
        labels = {
            "kode": "Kode (dipakai di rumus)",
            "uraian": "Uraian",
            "satuan": "Satuan",
            "agregasi": "Agregasi antarperiode",
            "konstanta": "Konstanta",
            "negatif_boleh": "Boleh bernilai negatif",
        }
        widgets = {"uraian": forms.TextInput()}
        error_messages = {
            "kode": {"required": "Kode variabel wajib diisi."},
            "uraian": {"required": "Uraian variabel wajib diisi."},
        }

    def __init__(self, *args, konstanta=None, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = self.fields["konstanta"]
        # Only this document's instansi and year: a constant of another office or year is refused by name.
        pilihan.queryset = konstanta if konstanta is not None else Konstanta.objects.none()
        pilihan.empty_label = "— tidak memakai konstanta —"
        pilihan.label_from_instance = lambda k: f"{k.nama} = {angka_untuk_input(k.nilai)}"
        pilihan.error_messages["invalid_choice"] = (
            "Konstanta ini bukan milik instansi dan tahun dokumen ini; pilih dari daftar."
        )
        self.fields["agregasi"].error_messages["invalid_choice"] = "Agregasi “%(value)s” tidak dikenal."
        self.fields["kode"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.fields["uraian"].help_text = ""

    def clean(self):
        data = super().clean()
        if data.get("nilai_tetap") is not None and data.get("konstanta") is not None:
            self.add_error("nilai_tetap", "Pilih salah satu: nilai tetap atau konstanta, tidak keduanya.")
        return data

    def validate_unique(self):
        # The formset checks codes across rows and the service checks them again; Django's own
        # message here would be in the model's words ("Variabel dengan Indikator dan Kode …").
        pass


class _FormsetVariabel(forms.BaseInlineFormSet):
    def __init__(self, *args, konstanta=None, **kwargs):
        kwargs.setdefault("form_kwargs", {})["konstanta"] = konstanta
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        terlihat = {}
        for form in self.forms:
            kode = form.cleaned_data.get("kode") if form.cleaned_data else None
            if not kode or form.cleaned_data.get("DELETE"):
                continue
            if kode in terlihat:
                form.add_error("kode", f"Kode “{kode}” sudah dipakai variabel lain pada indikator ini.")
            terlihat[kode] = form

    def kode_aktif(self) -> list[str]:
        """The codes the indicator will have after saving (rows not marked for deletion)."""
        return [
            form.cleaned_data["kode"]
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("kode") and not form.cleaned_data.get("DELETE")
        ]

    def baris_variabel(self) -> list[dict]:
        """The variable rows for kinerja.iki.layanan.simpan_indikator, in the order shown."""
        hasil = []
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue  # the empty extra row
            baris = {nama: form.cleaned_data.get(nama) for nama in FormVariabel.Meta.fields}
            baris["id"] = form.instance.pk
            hasil.append(baris)
        return hasil


FormsetVariabel = forms.inlineformset_factory(
    Indikator,
    Variabel,
    form=FormVariabel,
    formset=_FormsetVariabel,
    extra=1,
    can_delete=True,
)
FormsetVariabel.deletion_widget = forms.CheckboxInput


class FormTarget(forms.Form):
    """An indicator's annual target and its cumulative quarterly targets (rencana aksi)."""

    PERIODE = (
        ("TAHUN", "Tahunan"),
        ("TW1", "s.d. Triwulan I"),
        ("TW2", "s.d. Triwulan II"),
        ("TW3", "s.d. Triwulan III"),
        ("TW4", "s.d. Triwulan IV"),
    )

    def __init__(self, *args, tahunan_terkunci=False, **kwargs):
        super().__init__(*args, **kwargs)
        for kode, label in self.PERIODE:
            self.fields[f"{kode}-nilai"] = AngkaField(label=label, required=False)
            self.fields[f"{kode}-nilai_hi"] = AngkaField(label=f"{label}, batas atas", required=False)
            if kode == "TAHUN" and tahunan_terkunci:
                self.fields[f"{kode}-nilai"].disabled = self.fields[f"{kode}-nilai_hi"].disabled = True

    def baris(self):
        return [(kode, label, self[f"{kode}-nilai"], self[f"{kode}-nilai_hi"]) for kode, label in self.PERIODE]

    def berubah(self):
        """{periode: (nilai, nilai_hi)} of the periods whose values were changed."""
        return {
            kode: (self.cleaned_data[f"{kode}-nilai"], self.cleaned_data[f"{kode}-nilai_hi"])
            for kode, _ in self.PERIODE
            if {f"{kode}-nilai", f"{kode}-nilai_hi"} & set(self.changed_data)
        }


class FormAlasan(forms.Form):
    alasan = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
