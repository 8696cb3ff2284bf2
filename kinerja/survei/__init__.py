"""Survei Kepuasan Masyarakat (SKM): survey records per instansi and period, and their IKM.

The index is computed by :mod:`kinerja.ikm` (pure Python); this app keeps the answers, the pages
and the report around it:

* :class:`~kinerja.survei.models.Survei` (instansi, tahun, periode TW1–TW4/S1/S2/TAHUN, regulasi
  2017/2004, bobot tepat/lama, populasi, jenis layanan, status draft/final) and its
  :class:`~kinerja.survei.models.Responden` (answers per unsur code as JSON, the profile).
* :mod:`kinerja.survei.layanan`: every write (scope-checked, one transaction, audited) — import a
  CSV/XLSX file in two steps (``pratinjau_impor`` writes nothing, ``simpan_impor`` saves all rows
  or none), paper questionnaires, finalising, and the feed into indicators.
* The feed: a :class:`~kinerja.survei.models.SumberIKM` marks an indicator with a single entry
  variable (e.g. "Nilai IKM") as fed by the survey. Finalising a survey writes its IKM, rounded
  half up to two decimals (or the IKM of one jenis layanan), into that variable through
  :func:`kinerja.realisasi.layanan.simpan_nilai`, for the indicators of the IKI document in force
  that year; values are entered per triwulan, so a semester's or year's survey fills its last
  quarter. A locked period refuses the value and the survey stays draft.
* Pages under ``/survei/``, the PDF (WeasyPrint) and XLSX (openpyxl) report built from one
  assembly (:mod:`kinerja.survei.laporan`), and ``kinerja survei impor|finalkan``.
"""
