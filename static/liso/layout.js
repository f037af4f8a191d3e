// The shell's two small behaviours on a phone. Loaded right after the header, before the
// rest of the page is drawn, so nothing jumps. Without this script the menu stays open and
// the network's sections simply start at the left.
(function () {
  "use strict";

  // The main menu (and the logout button) fold behind one "Menu" button at narrow widths
  // (layout.css), so the page's title shows without scrolling.
  const button = document.querySelector(".liso-menu-button");
  if (button) {
    document.body.classList.add("liso-menu-folds");
    button.hidden = false;
    button.addEventListener("click", function () {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      document.body.classList.toggle("liso-menu-open", open);
    });
  }

  // The network's sections are one row that scrolls sideways: show the current one.
  document.addEventListener("DOMContentLoaded", function () {
    const list = document.querySelector(".liso-network-nav__list");
    const current = list && list.querySelector('[aria-current="page"]');
    if (current && list.scrollWidth > list.clientWidth) {
      const item = current.parentElement;
      list.scrollLeft = item.offsetLeft - list.offsetLeft - (list.clientWidth - item.offsetWidth) / 2;
    }
  });
})();
