"""Forms of the catalogue pages (organisation, pegawai, konstanta, tujuan, sasaran). They only read
and check what was typed; the writes and the domain checks are the services' (kinerja.organisasi.layanan,
kinerja.iki.layanan), whose messages `tampilkan_galat` puts back beside the field they name."""

from django import forms
from django.core.exceptions import ValidationError

from kinerja.organisasi.models import Jabatan, Penugasan, UnitKerja
from kinerja.organisasi.validators import pangkat_choices

from .forms import AngkaField

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def tampilkan_galat(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: by the field it names, else above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for nama, galat in exc.error_dict.items():
        pesan = [m for e in galat for m in e.messages]
        if nama in form.fields:
            form.add_error(nama, pesan)
        else:
            form.add_error(None, pesan)


class _PilihanIndonesia(forms.ModelChoiceField):
    """A choice of rows whose empty choice says, in Indonesian, what leaving it empty means."""

    def __init__(self, queryset, *, empty_label, **kwargs):
        super().__init__(queryset, empty_label=empty_label, required=False, **kwargs)
        self.error_messages["invalid_choice"] = "Pilihan ini tidak tersedia; pilih salah satu dari daftar."


class FormUnitKerja(forms.Form):
    nama = forms.CharField(label="Nama unit kerja", max_length=160)
    jenis = forms.ChoiceField(label="Jenis", choices=UnitKerja.Jenis.choices)
    induk = _PilihanIndonesia(UnitKerja.objects.none(), label="Bagian dari", empty_label="— tidak ada —")

    def __init__(self, *args, instansi, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = UnitKerja.objects.filter(instansi=instansi)
        self.fields["induk"].queryset = qs.exclude(pk=unit.pk) if unit else qs


class FormJabatan(forms.Form):
    nama = forms.CharField(label="Nama jabatan", max_length=200)
    jenis = forms.ChoiceField(label="Jenis jabatan", choices=Jabatan.Jenis.choices)
    eselon = forms.CharField(
        label="Eselon", max_length=10, required=False, help_text="mis. III.a; kosongkan bila tidak ada."
    )
    unit_kerja = _PilihanIndonesia(UnitKerja.objects.none(), label="Unit kerja", empty_label="— tanpa unit kerja —")
    atasan = _PilihanIndonesia(Jabatan.objects.none(), label="Atasan langsung", empty_label="— tidak ada (pimpinan) —")
    tugas = forms.CharField(
        label="Tugas", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="Satu butir tugas per baris."
    )
    fungsi = forms.CharField(
        label="Fungsi",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Satu butir fungsi per baris.",
    )

    def __init__(self, *args, instansi, jabatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = UnitKerja.objects.filter(instansi=instansi)
        atasan = Jabatan.objects.filter(instansi=instansi)
        self.fields["atasan"].queryset = atasan.exclude(pk=jabatan.pk) if jabatan else atasan

    @staticmethod
    def awal(jabatan) -> dict:
        return {
            "nama": jabatan.nama,
            "jenis": jabatan.jenis,
            "eselon": jabatan.eselon,
            "unit_kerja": jabatan.unit_kerja_id,
            "atasan": jabatan.atasan_id,
            "tugas": "\n".join(jabatan.tugas),
            "fungsi": "\n".join(jabatan.fungsi),
        }


class FormPegawai(forms.Form):
    nama = forms.CharField(label="Nama lengkap dengan gelar", max_length=160)
    nip = forms.CharField(
        label="NIP", max_length=30, required=False, help_text="18 digit; boleh dengan spasi. Kosongkan bila bukan ASN."
    )
    pangkat = forms.ChoiceField(label="Pangkat/golongan", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pangkat"].choices = [("", "— tanpa pangkat —"), *pangkat_choices()]
        self.fields["nip"].widget.attrs["inputmode"] = "numeric"


class FormPegawaiBaru(FormPegawai):
    """A new pegawai with the first penugasan: a pegawai belongs to the instansi through it."""

    jabatan = forms.ModelChoiceField(Jabatan.objects.none(), label="Jabatan", empty_label="— pilih jabatan —")
    jenis = forms.ChoiceField(label="Jenis penugasan", choices=Penugasan.Jenis.choices)
    mulai = forms.DateField(label="Mulai bertugas", widget=TANGGAL)

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.filter(instansi=instansi)
        self.fields["jabatan"].error_messages["invalid_choice"] = "Pilih jabatan dari daftar instansi ini."


class FormPenugasan(forms.Form):
    pegawai = forms.ModelChoiceField(None, label="Pegawai", empty_label="— pilih pegawai —")
    jenis = forms.ChoiceField(label="Jenis penugasan", choices=Penugasan.Jenis.choices)
    mulai = forms.DateField(label="Mulai", widget=TANGGAL)
    selesai = forms.DateField(
        label="Selesai", required=False, widget=TANGGAL, help_text="Kosongkan bila masih menjabat."
    )

    def __init__(self, *args, pegawai=None, **kwargs):
        super().__init__(*args, **kwargs)
        if pegawai is None:
            del self.fields["pegawai"]
        else:
            self.fields["pegawai"].queryset = pegawai
            self.fields["pegawai"].error_messages["invalid_choice"] = "Pilih pegawai dari daftar instansi ini."


class FormKonstanta(forms.Form):
    nama = forms.CharField(label="Nama", max_length=160, help_text="mis. Jumlah desa")
    kode = forms.CharField(
        label="Kode",
        max_length=40,
        help_text="Huruf kecil, angka dan _, diawali huruf; dipakai di rumus, mis. jumlah_desa.",
    )
    nilai = AngkaField(label="Nilai")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kode"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class FormSasaran(forms.Form):
    uraian = forms.CharField(label="Sasaran / kinerja utama", widget=forms.Textarea(attrs={"rows": 3}))


class FormTujuan(forms.Form):
    uraian = forms.CharField(label="Tujuan", widget=forms.Textarea(attrs={"rows": 3}))
    indikator = forms.CharField(
        label="Indikator tujuan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Satu indikator per baris; urutan baris menjadi urutan indikator.",
    )


class FormDokumenBaru(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
