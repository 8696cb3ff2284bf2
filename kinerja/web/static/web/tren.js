/* Trend chart of the instansi dashboard: one JSON request (average capaian per quarter, this year
   and last), drawn with Chart.js. The tables of the page carry the numbers without it. */
(function () {
  var kanvas = document.getElementById("grafik-tren");
  var status = document.getElementById("tren-status");
  var persen = function (v) { return v === null ? "–" : v.toFixed(2).replace(".", ",") + "%"; };
  fetch(kanvas.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      var warna = ["#9aa5b1", "#1b7837"].slice(-data.seri.length);
      new Chart(kanvas, {
        type: "line",
        data: {
          labels: data.label,
          datasets: data.seri.map(function (s, i) {
            return { label: String(s.tahun), data: s.rata_rata, borderColor: warna[i], backgroundColor: warna[i], tension: 0.2 };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: { title: { display: true, text: "Rata-rata capaian (%)" }, suggestedMin: 0, suggestedMax: 110,
            ticks: { callback: function (v) { return String(v).replace(".", ",") + "%"; } } } },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + persen(c.parsed.y); } } } }
        }
      });
      status.remove();
      kanvas.setAttribute("data-siap", "1");
    })
    .catch(function () { status.textContent = "Grafik tidak dapat dimuat."; });
})();
