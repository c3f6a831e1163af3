/* Keyboard fixes to the theme. The browser tests (tests/test_accessibility_*.py) prove each one. */
(function () {
  "use strict";

  // The buttons' names, and the words below, come from the page's header (partials/header.html writes them
  // through the site's wording, in its language): data-say-<name>, each {name} in them filled in here.
  var TOGGLES = { __drawer: "menu", __search: "search" };

  function say(name, values) {
    var header = document.querySelector("[data-say-menu]");
    var text = header ? header.getAttribute("data-say-" + name) || "" : "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }
  // Opening search moves focus into it, as a dialog should; the menu keeps focus on its button.
  var FOCUS_ON_OPEN = { __search: ".md-search__input" };

  function isTextEntry(element) {
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
  }

  /* WCAG 2.1.4 (character key shortcuts): the theme jumps to search on "f", "s" or "/" and to
     other pages on "p", "n", "," and ".", pressed anywhere. Speech-input users trigger these by
     accident. The theme listens on window; stopping single characters at the document, outside
     text fields, leaves typing, Tab, Enter, Escape and the arrow keys as they were. */
  function disableCharacterKeyShortcuts() {
    document.addEventListener("keydown", function (event) {
      var character = event.key.length === 1 && event.key !== " ";
      if (character && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target)) {
        event.stopPropagation();
      }
    });
  }

  /* The theme opens the menu and search with <label>s for hidden checkboxes. Labels cannot take
     keyboard focus, so on narrow screens keyboard users could open neither (WCAG 2.1.1). A real
     button takes each label's place and works the same checkbox. */
  function replaceToggleLabels() {
    Object.keys(TOGGLES).forEach(function (id) {
      var toggle = document.getElementById(id);
      var label = document.querySelector("label.md-header__button[for='" + id + "']");
      if (!toggle || !label) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.dataset.toggle = id;
      button.setAttribute("aria-label", say(TOGGLES[id]));
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.innerHTML = label.innerHTML;
      button.addEventListener("click", function () {
        toggle.click();
        var target = toggle.checked && FOCUS_ON_OPEN[id] && document.querySelector(FOCUS_ON_OPEN[id]);
        if (target) {
          target.focus();
        }
      });
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      });
      label.after(button);
      label.hidden = true;
    });
  }

  /* The page is built without autocomplete="off" on the theme's checkboxes (it is invalid HTML),
     so a browser may restore an open menu or search when the reader comes back: close them. */
  function closePanelsOnPageShow() {
    window.addEventListener("pageshow", function () {
      Object.keys(TOGGLES).forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle && toggle.checked) {
          toggle.checked = false;
          toggle.dispatchEvent(new Event("change"));
        }
      });
    });
  }

  /* The skip link scrolls to the page's heading; focusing the heading as well makes screen
     readers and the next Tab start from the main content. */
  function focusSkipLinkTarget() {
    var skip = document.querySelector("a.md-skip");
    if (!skip) {
      return;
    }
    skip.addEventListener("click", function () {
      var target = document.getElementById(decodeURIComponent(skip.hash.slice(1)));
      if (target) {
        target.setAttribute("tabindex", "-1");
        target.focus();
      }
    });
  }

  /* The theme wraps each Markdown table in a box that scrolls sideways on narrow screens. A box
     that scrolls must be reachable by keyboard (WCAG 2.1.1), and is named by the heading above it. */
  function makeTableScrollBoxesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var heading = box.previousElementSibling;
      while (heading && !/^H[2-6]$/.test(heading.tagName)) {
        heading = heading.previousElementSibling;
      }
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", heading ? say("table-named", {heading: heading.textContent.trim()}) : say("table"));
    });
  }

  disableCharacterKeyShortcuts();
  replaceToggleLabels();
  closePanelsOnPageShow();
  focusSkipLinkTarget();
  // The theme wraps tables in its own script, which runs before the page's load event.
  window.addEventListener("load", makeTableScrollBoxesFocusable);
})();
