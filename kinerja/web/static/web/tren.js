/* Trend chart of the instansi dashboard: fetches one JSON point per quarter (this year and last)
   and draws them with Chart.js. The page works without it; the table below carries the numbers. */
(function () {
  var titik = JSON.parse(document.getElementById("data-tren").textContent);
  var label = JSON.parse(document.getElementById("label-tren").textContent);
  var status = document.getElementById("tren-status");
  var tahunList = [];
  titik.forEach(function (t) { if (tahunList.indexOf(t.tahun) < 0) tahunList.push(t.tahun); });
  Promise.all(titik.map(function (t) {
    return fetch(t.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  })).then(function (hasil) {
    var warna = ["#9aa5b1", "#1b7837"];
    var datasets = tahunList.map(function (tahun, i) {
      var data = [null, null, null, null];
      hasil.forEach(function (h) { if (h.tahun === tahun) data[parseInt(h.periode.slice(2), 10) - 1] = h.rata_rata; });
      return { label: String(tahun), data: data, borderColor: warna[(i + 2 - tahunList.length) % 2], backgroundColor: warna[(i + 2 - tahunList.length) % 2], spanGaps: false, tension: 0.2 };
    });
    new Chart(document.getElementById("grafik-tren"), {
      type: "line",
      data: { labels: label, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { title: { display: true, text: "Rata-rata capaian (%)" }, suggestedMin: 0, suggestedMax: 110,
          ticks: { callback: function (v) { return String(v).replace(".", ",") + "%"; } } } },
        plugins: { tooltip: { callbacks: { label: function (c) {
          return c.dataset.label + ": " + (c.parsed.y === null ? "–" : c.parsed.y.toFixed(2).replace(".", ",") + "%");
        } } } }
      }
    });
    status.remove();
    document.getElementById("grafik-tren").setAttribute("data-siap", "1");
  }).catch(function () {
    status.textContent = "Grafik tidak dapat dimuat.";
  });
})();
