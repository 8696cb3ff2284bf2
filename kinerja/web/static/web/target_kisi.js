// Paste from Excel into the target grid: tab-separated columns, one line per row, filled from the
// cell pasted into, rightwards and downwards; read-only cells are skipped over, never written.
(function () {
  const pilih = document.getElementById("pilih-jabatan");
  if (pilih) pilih.addEventListener("change", () => pilih.form.submit());
  const kisi = document.getElementById("kisi-target");
  if (!kisi) return;
  const baris = () =>
    Array.from(kisi.querySelectorAll("tbody tr")).map((tr) => Array.from(tr.querySelectorAll("input[type=text]"))).filter((r) => r.length);
  kisi.addEventListener("paste", function (e) {
    const sel = e.target;
    if (!(sel instanceof HTMLInputElement)) return;
    const teks = (e.clipboardData || window.clipboardData).getData("text");
    if (!teks || (!teks.includes("\t") && !teks.trim().includes("\n"))) return; // one value: the browser pastes it
    e.preventDefault();
    const semua = baris();
    const r0 = semua.findIndex((r) => r.includes(sel));
    const c0 = semua[r0].indexOf(sel);
    const lines = teks.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    lines.forEach(function (line, i) {
      const r = semua[r0 + i];
      if (!r) return;
      line.split("\t").forEach(function (nilai, j) {
        const input = r[c0 + j];
        if (input && !input.readOnly) {
          input.value = nilai.trim();
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
    });
  });
})();
