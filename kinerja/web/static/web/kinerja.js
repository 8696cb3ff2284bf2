/* Kinerja: small progressive enhancements; every page works without them. */
document.addEventListener("click", function (event) {
  var tombol = event.target.closest("[data-tambah-baris]");
  if (!tombol) return;
  // Django formset: clone the empty form, numbering it with TOTAL_FORMS.
  var prefix = tombol.getAttribute("data-tambah-baris");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var templat = document.getElementById(prefix + "-kosong");
  var wadah = document.getElementById("daftar-" + prefix);
  var nomor = parseInt(total.value, 10);
  wadah.insertAdjacentHTML("beforeend", templat.innerHTML.replace(/__prefix__/g, String(nomor)));
  total.value = String(nomor + 1);
});
document.addEventListener("submit", function (event) {
  var pesan = event.target.getAttribute("data-konfirmasi");
  if (pesan && !window.confirm(pesan)) event.preventDefault();
});
document.addEventListener("keydown", function (event) {
  // In the entry form Enter moves to the next value (which saves this one) instead of posting the whole form.
  if (event.key !== "Enter" || !event.target.matches("input[data-isian]")) return;
  event.preventDefault();
  var semua = Array.prototype.slice.call(document.querySelectorAll("input[data-isian]"));
  var berikut = semua[semua.indexOf(event.target) + 1];
  if (berikut) berikut.focus(); else event.target.blur();
});
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-kirim-otomatis]")) event.target.form.submit();
});
