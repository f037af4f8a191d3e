// The draaiboek builder: drag blocks to reorder them. The new order goes to the server
// through the (hidden) order form, the same way the move buttons work; the server answers
// with the builder, start times recomputed. Without JavaScript the buttons still work.
(function () {
  "use strict";

  function keepVersionsInStep() {
    // The add forms outside the builder carry the version too; after a swap, take the
    // builder's version so the next addition is not refused as outdated.
    var current = document.querySelector("#draaiboek input[name=versie]");
    if (!current) return;
    document.querySelectorAll("input.liso-version").forEach(function (input) {
      input.value = current.value;
    });
  }

  function makeSortable(list) {
    if (list.dataset.sortableReady || typeof Sortable === "undefined") return;
    list.dataset.sortableReady = "yes";
    Sortable.create(list, {
      handle: ".liso-block__handle",
      animation: 150,
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) return;
        var form = document.getElementById(list.dataset.orderForm);
        form.querySelectorAll("input[name=volgorde]").forEach(function (old) { old.remove(); });
        list.querySelectorAll("li[data-id]").forEach(function (item) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = "volgorde";
          input.value = item.dataset.id;
          form.appendChild(input);
        });
        htmx.trigger(form, "volgorde");
      },
    });
  }

  function setUp(root) {
    (root || document).querySelectorAll("[data-sortable]").forEach(makeSortable);
    keepVersionsInStep();
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:afterSettle", function () { setUp(document); });
})();
