// Glossary terms explained in place. The build links the first use of each glossary term on a page to its
// place in the glossary and puts the term's definition in the page, in a <template> (built_pages/page_html.py).
// Here each such term becomes a disclosure: a tap, a click, Enter or Space shows the definition under the
// statement the term is in (else at the end of its paragraph, list item or cell), and again hides it; Escape
// hides it and puts the focus back on the term. The term is announced as a
// button that is expanded or collapsed. Nothing is fetched and nothing from the address is read: the
// definition is a copy of the page's own template. Without JavaScript the term stays a link to the glossary,
// and a click with a modifier key still opens it (in a new tab, say).
(function () {
  "use strict";
  var PREFIX = "glossary-definition-";
  var opened = []; // terms whose definitions are shown, the last opened last

  function definitionOf(term) {
    return document.getElementById(term.getAttribute("aria-controls"));
  }

  function show(term, open) {
    definitionOf(term).hidden = !open;
    term.setAttribute("aria-expanded", open ? "true" : "false");
    opened = opened.filter(function (other) { return other !== term; });
    if (open) {
      opened.push(term);
    }
  }

  function toggle(term) {
    show(term, term.getAttribute("aria-expanded") !== "true");
  }

  function enhance(term) {
    var id = decodeURIComponent(term.hash.slice(1));
    var template = document.getElementById(PREFIX + id);
    if (!template || !template.content || !template.content.firstElementChild) {
      return;
    }
    var definition = template.content.firstElementChild.cloneNode(true);
    definition.id = PREFIX + id + "-shown";
    definition.hidden = true;
    // After the statement the term is in (a statement is printed whole, so the definition goes after it), else
    // at the end of its paragraph, list item or cell.
    var statement = term.closest(".statement");
    var block = term.closest("p, li, td, th, dd, dt, figcaption, blockquote");
    if (statement) {
      statement.after(definition);
    } else if (block) {
      block.append(definition);
    } else {
      term.after(definition);
    }
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.setAttribute("aria-controls", definition.id);
    term.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return; // the link, opened as the reader asked
      }
      event.preventDefault();
      toggle(term);
    });
    term.addEventListener("keydown", function (event) {
      if (event.key === " ") { // a button opens with Space as well as Enter (Enter clicks a link)
        event.preventDefault();
        toggle(term);
      }
    });
  }

  // The term whose definition Escape closes: the one the focus is on or in, else the last opened.
  function termToClose() {
    var focused = document.activeElement;
    for (var i = opened.length - 1; i >= 0; i -= 1) {
      if (focused === opened[i] || definitionOf(opened[i]).contains(focused)) {
        return opened[i];
      }
    }
    return opened[opened.length - 1];
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select, .md-search");
    if (event.key !== "Escape" || opened.length === 0 || typing) {
      return;
    }
    var term = termToClose();
    show(term, false);
    term.focus();
  });

  document.querySelectorAll("a.glossary-term[href*='#']").forEach(enhance);
})();
