"use strict";
// report.html's only script: sortable tables and the Pareto plot's design-point panel. No libraries.

// Clicking a column header sorts the body rows by that column (numbers as numbers, "n/a" and other
// text after them); clicking again reverses. Footer rows (totals) stay where they are.
function sortKey(text) {
  var t = text.trim().replace(/,/g, "").replace(/%$/, "");
  if (t === "inf") return Infinity;
  if (t === "-inf") return -Infinity;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? parseFloat(t) : null;
}

function compareCells(a, b) {
  var x = sortKey(a), y = sortKey(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  return a.localeCompare(b);
}

function sortTable(table, column) {
  var header = table.tHead.rows[0].cells[column];
  var descending = header.getAttribute("aria-sort") === "ascending";
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
  header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (r, s) {
    var c = compareCells(r.cells[column].textContent, s.cells[column].textContent);
    return descending ? -c : c;
  });
  rows.forEach(function (r) { body.appendChild(r); });
}

document.querySelectorAll("table.sortable").forEach(function (table) {
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.addEventListener("click", function () { sortTable(table, column); });
  });
});

// Pareto plot: hovering a point shows its design point (every swept key) and metrics; clicking
// pins it (the panel then ignores hovering until the point is clicked again).
function fieldTable(title, fields) {
  var fragment = document.createDocumentFragment();
  var heading = document.createElement("h4");
  heading.textContent = title;
  fragment.appendChild(heading);
  var table = document.createElement("table");
  fields.forEach(function (f) {
    var row = table.insertRow();
    var key = document.createElement("th");
    key.textContent = f[0];
    row.appendChild(key);
    row.insertCell().textContent = f[1];
  });
  fragment.appendChild(table);
  return fragment;
}

document.querySelectorAll(".pareto").forEach(function (chart) {
  var panel = chart.querySelector(".point-info");
  var pinned = null;
  function show(dot) {
    var point = JSON.parse(dot.getAttribute("data-point"));
    panel.replaceChildren(fieldTable(point.title, point.design), fieldTable("Metrics", point.metrics));
    chart.querySelectorAll("circle.selected").forEach(function (c) { c.classList.remove("selected"); });
    dot.classList.add("selected");
  }
  chart.querySelectorAll("circle[data-point]").forEach(function (dot) {
    dot.addEventListener("mouseenter", function () { if (pinned === null) show(dot); });
    dot.addEventListener("click", function () {
      pinned = pinned === dot ? null : dot;
      show(dot);
    });
  });
});
