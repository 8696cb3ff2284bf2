"""Admin for the catalogue. A ditetapkan document and everything under it show read-only."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.audit.admin import AuditedAdminMixin

from .models import DokumenIKI, Indikator, IndikatorTujuan, Konstanta, Sasaran, Tujuan, Variabel
from .penguncian import is_locked


class KunciAdminMixin(AuditedAdminMixin):
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj is not None and is_locked(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and is_locked(obj))

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)


class KunciInlineMixin:
    """Inline rows follow their parent: none can be added, changed or deleted under a locked parent."""

    def _parent_locked(self, obj):
        return obj is not None and is_locked(obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._parent_locked(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._parent_locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._parent_locked(obj)


@admin.register(Konstanta)
class KonstantaAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["kode", "nama", "nilai", "instansi", "tahun"]
    list_filter = ["tahun", "instansi"]
    search_fields = ["kode", "nama"]


class SasaranInline(KunciInlineMixin, admin.TabularInline):
    model = Sasaran
    extra = 0
    fields = ["jabatan", "uraian", "urutan"]
    autocomplete_fields = ["jabatan"]
    show_change_link = True


class TujuanInline(KunciInlineMixin, admin.TabularInline):
    model = Tujuan
    extra = 0
    fields = ["jabatan", "uraian", "urutan"]
    autocomplete_fields = ["jabatan"]
    show_change_link = True


@admin.register(DokumenIKI)
class DokumenIKIAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["instansi", "tahun", "revisi", "status", "sk_nomor", "sk_tanggal"]
    list_filter = ["status", "tahun", "instansi__pemda", "instansi"]
    search_fields = ["instansi__nama", "sk_nomor"]
    readonly_fields = ["status", "revisi_dari", "ditetapkan_pada", "ditetapkan_oleh"]
    inlines = [TujuanInline, SasaranInline]
    actions = ["aksi_tetapkan", "aksi_buat_revisi"]

    def _per_dokumen(self, request, queryset, fungsi, pesan_sukses):
        for dokumen in queryset:
            try:
                hasil = fungsi(dokumen, request.user)
            except ValidationError as exc:
                self.message_user(request, f"{dokumen}: {' '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, pesan_sukses.format(hasil), messages.SUCCESS)

    @admin.action(description="Tetapkan dokumen terpilih (tidak dapat diubah lagi)")
    def aksi_tetapkan(self, request, queryset):
        self._per_dokumen(request, queryset, DokumenIKI.tetapkan, "{} ditetapkan.")

    @admin.action(description="Buat revisi draft dari dokumen terpilih")
    def aksi_buat_revisi(self, request, queryset):
        self._per_dokumen(request, queryset, DokumenIKI.buat_revisi, "{} dibuat.")


class IndikatorTujuanInline(KunciInlineMixin, admin.TabularInline):
    model = IndikatorTujuan
    extra = 0


@admin.register(Tujuan)
class TujuanAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["uraian", "jabatan", "dokumen"]
    list_filter = ["dokumen__tahun", "dokumen__instansi"]
    search_fields = ["uraian"]
    inlines = [IndikatorTujuanInline]


class IndikatorInline(KunciInlineMixin, admin.StackedInline):
    model = Indikator
    extra = 0
    fields = ["nama", "ekspresi", "satuan", "polaritas", "sumber_data", "urutan"]
    show_change_link = True


@admin.register(Sasaran)
class SasaranAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["uraian", "jabatan", "dokumen"]
    list_filter = ["dokumen__tahun", "dokumen__instansi"]
    search_fields = ["uraian", "jabatan__nama"]
    autocomplete_fields = ["jabatan"]
    inlines = [IndikatorInline]


class VariabelInline(KunciInlineMixin, admin.TabularInline):
    model = Variabel
    extra = 0
    fields = ["kode", "uraian", "satuan", "agregasi", "nilai_tetap", "konstanta", "urutan"]


@admin.register(Indikator)
class IndikatorAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["nama", "ekspresi", "polaritas", "sasaran"]
    list_filter = ["polaritas", "sasaran__dokumen__tahun", "sasaran__dokumen__instansi"]
    search_fields = ["nama", "ekspresi", "sumber_data"]
    autocomplete_fields = ["sasaran", "penanggung_jawab", "induk"]
    inlines = [VariabelInline]
