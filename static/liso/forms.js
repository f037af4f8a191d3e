// Small aids for forms, each of which the server already guarantees without JavaScript.
//
// The countdown: beside a long text field (a textarea with a maxlength), once most of its
// room is used, so nobody is surprised by the limit. The words come from the page
// (data-counter-text on <body>, translated there). Without JavaScript the limit still
// holds: the browser's maxlength, and the server's check.
(function () {
  "use strict";

  var SHOW_FROM = 0.8; // share of the room used before the count appears

  function counterFor(area) {
    var counter = document.createElement("p");
    counter.className = "liso-counter liso-meta";
    counter.setAttribute("aria-live", "polite");
    if (area.id) counter.id = area.id + "-teller";
    area.insertAdjacentElement("afterend", counter);
    return counter;
  }

  function watch(area) {
    if (area.dataset.counterReady) return;
    area.dataset.counterReady = "yes";
    var limit = parseInt(area.getAttribute("maxlength"), 10);
    var words = document.body.dataset.counterText || "{n}";
    var counter = counterFor(area);
    function update() {
      var left = limit - area.value.length;
      var near = area.value.length >= limit * SHOW_FROM;
      counter.hidden = !near;
      counter.textContent = near ? words.replace("{n}", left.toLocaleString("nl-NL")) : "";
    }
    area.addEventListener("input", update);
    update();
  }

  function setUp(root) {
    root.querySelectorAll("textarea[maxlength]").forEach(watch);
  }

  // The error summary: a form that comes back with errors puts the keyboard on its summary
  // (the NL Design System pattern), so a screen reader reads what is wrong first and each
  // link leads to its field. Only the first summary: one form is sent at a time.
  function focusErrorSummary(root) {
    var summary = root.querySelector(".liso-error-summary");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUp(document);
    focusErrorSummary(document);
  });
  document.addEventListener("htmx:load", function (event) {
    setUp(event.detail.elt);
  });
})();
