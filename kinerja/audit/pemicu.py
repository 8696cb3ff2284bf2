"""PostgreSQL triggers that keep the audit trail, value histories and decreed documents unchanged
in the database itself, whatever path a write takes (``_base_manager``, raw SQL, a link table).

The ORM guards (kinerja.audit.models.TambahSaja, kinerja.iki.penguncian) give the Indonesian
message to users; these triggers are the floor beneath them. Installed by migrations through
``RunPython(pasang_…)``; a no-op on other databases (SQLite for development and tests).
"""

_PESAN_TAMBAH_SAJA = "Tabel % hanya boleh ditambah: % ditolak (jejak audit dan riwayat tidak dapat diubah)."
_PESAN_TERKUNCI = "Dokumen IKI sudah ditetapkan: % pada % ditolak."

# table → SQL condition on the row (as "baris") that is true when its document is decreed.
KUNCI_DOKUMEN = {
    "iki_tujuan": "SELECT 1 FROM iki_dokumeniki d WHERE d.id = baris.dokumen_id AND d.status = 'ditetapkan'",
    "iki_sasaran": "SELECT 1 FROM iki_dokumeniki d WHERE d.id = baris.dokumen_id AND d.status = 'ditetapkan'",
    "iki_indikatortujuan": (
        "SELECT 1 FROM iki_tujuan t JOIN iki_dokumeniki d ON d.id = t.dokumen_id "
        "WHERE t.id = baris.tujuan_id AND d.status = 'ditetapkan'"
    ),
    "iki_indikator": (
        "SELECT 1 FROM iki_sasaran s JOIN iki_dokumeniki d ON d.id = s.dokumen_id "
        "WHERE s.id = baris.sasaran_id AND d.status = 'ditetapkan'"
    ),
    "iki_indikator_induk": (
        "SELECT 1 FROM iki_indikator i JOIN iki_sasaran s ON s.id = i.sasaran_id "
        "JOIN iki_dokumeniki d ON d.id = s.dokumen_id "
        "WHERE i.id = baris.from_indikator_id AND d.status = 'ditetapkan'"
    ),
    "iki_variabel": (
        "SELECT 1 FROM iki_indikator i JOIN iki_sasaran s ON s.id = i.sasaran_id "
        "JOIN iki_dokumeniki d ON d.id = s.dokumen_id "
        "WHERE i.id = baris.indikator_id AND d.status = 'ditetapkan'"
    ),
}


def _postgres(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def sql_tambah_saja(tabel: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION kinerja_tambah_saja_{tabel}() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '{_PESAN_TAMBAH_SAJA}', TG_TABLE_NAME, TG_OP;
END $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS kinerja_tambah_saja ON {tabel}",
        f"""CREATE TRIGGER kinerja_tambah_saja BEFORE UPDATE OR DELETE ON {tabel}
FOR EACH ROW EXECUTE FUNCTION kinerja_tambah_saja_{tabel}()""",
    ]


def sql_kunci_dokumen() -> list[str]:
    perintah = [
        """CREATE OR REPLACE FUNCTION kinerja_kunci_iki_dokumeniki() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'ditetapkan' THEN
    RAISE EXCEPTION 'Dokumen IKI sudah ditetapkan: % pada % ditolak.', TG_OP, TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
        "DROP TRIGGER IF EXISTS kinerja_kunci ON iki_dokumeniki",
        """CREATE TRIGGER kinerja_kunci BEFORE UPDATE OR DELETE ON iki_dokumeniki
FOR EACH ROW EXECUTE FUNCTION kinerja_kunci_iki_dokumeniki()""",
    ]
    for tabel, kueri in KUNCI_DOKUMEN.items():
        perintah += [
            f"""CREATE OR REPLACE FUNCTION kinerja_kunci_{tabel}() RETURNS trigger AS $$
DECLARE baris record;
BEGIN
  IF TG_OP = 'INSERT' THEN baris := NEW; ELSE baris := OLD; END IF;
  IF EXISTS ({kueri}) THEN
    RAISE EXCEPTION '{_PESAN_TERKUNCI}', TG_OP, TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    baris := NEW;
    IF EXISTS ({kueri}) THEN
      RAISE EXCEPTION '{_PESAN_TERKUNCI}', TG_OP, TG_TABLE_NAME;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
            f"DROP TRIGGER IF EXISTS kinerja_kunci ON {tabel}",
            f"""CREATE TRIGGER kinerja_kunci BEFORE INSERT OR UPDATE OR DELETE ON {tabel}
FOR EACH ROW EXECUTE FUNCTION kinerja_kunci_{tabel}()""",
        ]
    return perintah


def _jalankan(schema_editor, perintah: list[str]) -> None:
    if _postgres(schema_editor):
        for sql in perintah:
            schema_editor.execute(sql, params=None)  # None: the % in RAISE stays literal


def pasang_tambah_saja(*tabel: str):
    """A RunPython function installing the append-only trigger on these tables (PostgreSQL only)."""

    def pasang(apps, schema_editor):
        for t in tabel:
            _jalankan(schema_editor, sql_tambah_saja(t))

    return pasang


def lepas_tambah_saja(*tabel: str):
    def lepas(apps, schema_editor):
        for t in tabel:
            _jalankan(schema_editor, [f"DROP TRIGGER IF EXISTS kinerja_tambah_saja ON {t}"])

    return lepas


def pasang_kunci_dokumen(apps, schema_editor):
    _jalankan(schema_editor, sql_kunci_dokumen())


def lepas_kunci_dokumen(apps, schema_editor):
    tabel = ["iki_dokumeniki", *KUNCI_DOKUMEN]
    _jalankan(schema_editor, [f"DROP TRIGGER IF EXISTS kinerja_kunci ON {t}" for t in tabel])
