"""The web application people use every day (Bahasa Indonesia, server-rendered, htmx where it saves
a round trip, vendored Pico CSS / htmx / Chart.js: no CDN).

- Scope: every view loads its object through kinerja.web.akses (or kinerja.akun.lingkup), which
  answers 404 outside the user's scope; tests/web/test_lingkup_url.py walks every URL pattern of
  the project with another office's ids.
- Writes go through the services: kinerja.iki.layanan (tetapkan, buat_revisi), kinerja.realisasi
  .layanan / .target / .excel (values, workflow, evidence, targets, Excel); the catalogue's own
  edits (indicator, variables, SK data) are audited here with kinerja.audit.catat.
- Layout: templates/web/base.html, extended by the laporan and survei pages too; its blocks are
  ``judul`` (title), ``kepala`` (extra head tags), ``isi`` (content) and ``skrip`` (end of body), and
  an ``instansi`` in the context shows that office's menu.
- Login throttling: kinerja.web.masuk (settings MASUK_MAKS_GAGAL, MASUK_JENDELA_MENIT).
"""
