// Article page: click (or Enter on) a highlighted quote to see speaker, addressee, cue and confidence.
(function () {
  "use strict";
  var dataEl = document.getElementById("quote-data");
  var panel = document.getElementById("quote-detail");
  if (!dataEl || !panel) return;
  var quotes = {};
  JSON.parse(dataEl.textContent).forEach(function (q) { quotes[q.id] = q; });
  var text = document.getElementById("article-text");
  var lastFocus = null;

  function show(id, origin) {
    var q = quotes[id];
    if (!q) return;
    // textContent only: quote fields come from untrusted article text.
    panel.querySelector('[data-field="speaker"]').textContent = q.speaker || ("unresolved" + (q.speaker_reason ? " (" + q.speaker_reason + ")" : ""));
    panel.querySelector('[data-field="addressee"]').textContent = q.addressee || "—";
    panel.querySelector('[data-field="cue"]').textContent = q.cue || "—";
    panel.querySelector('[data-field="kind"]').textContent = q.kind || "—";
    panel.querySelector('[data-field="confidence"]').textContent = q.confidence == null ? "—" : Number(q.confidence).toFixed(2);
    panel.hidden = false;
    text.querySelectorAll(".quote.active").forEach(function (el) { el.classList.remove("active"); });
    text.querySelectorAll('.quote[data-quote="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("active"); });
    lastFocus = origin || null;
  }

  text.addEventListener("click", function (e) {
    var el = e.target.closest("[data-quote]");
    if (el) show(el.getAttribute("data-quote"), el);
  });
  text.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches(".quote[tabindex]")) {
      e.preventDefault();
      show(e.target.getAttribute("data-quote"), e.target);
    }
  });
  document.querySelectorAll(".quote-list a[data-quote]").forEach(function (a) {
    a.addEventListener("click", function () { show(a.getAttribute("data-quote"), null); });
  });
  document.getElementById("quote-detail-close").addEventListener("click", function () {
    panel.hidden = true;
    if (lastFocus) lastFocus.focus();
  });
  if (location.hash.indexOf("#q-") === 0) show(decodeURIComponent(location.hash.slice(3)), null);
})();
