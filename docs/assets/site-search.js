/* Search with Pagefind (docs/overrides/partials/site-search.html).

   A page loads nothing for search until the reader types: then Pagefind's script and the parts of the index
   that the words need, never the whole index. Patients' pages come first, then the pages for clinics (which
   the index marks with the filter "audience: clinics"). Each result shows the page's title and its topic.

   Keyboard: type, then Down arrow (or Tab) to the results, Up and Down between them, Enter to open one,
   Escape to close. The status line (role="status") says how many pages were found. */
(function () {
  "use strict";

  var box = document.querySelector("[data-site-search]");
  if (!box) {
    return;
  }
  var SHOWN_AT_ONCE = 5; // each result shown loads its page's text (1 to 4 KB)
  var WAIT_AFTER_TYPING_MS = 250;
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var root = new URL("../", bundle); // pagefind/ is at the site's root
  var opener = box.querySelector(".site-search__open");
  var input = box.querySelector(".site-search__input");
  var closer = box.querySelector(".site-search__close");
  var drop = box.querySelector(".site-search__drop");
  var status = box.querySelector(".site-search__status");
  var list = box.querySelector(".site-search__results");
  var more = box.querySelector(".site-search__more");
  var pagefind = null; // a promise of Pagefind's module, made on the first search
  var latest = 0; // the last search asked for: answers to earlier ones are dropped
  var timer = 0;
  var found = [];

  // The words this script says come from the page, in the site's language: data-say-<name> attributes that the
  // template writes through the site's wording, each {name} in them filled in here.
  function say(element, name, values) {
    var text = element.getAttribute("data-say-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }
  var shown = 0;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // In this page's thread: a worker would cost another script for one small search at a time.
        return module.options({ noWorker: true, ranking: { metaWeights: { title: 5, also_called: 5 } } })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function search(term) {
    var ticket = ++latest;
    if (!term.trim()) {
      showNothing();
      return;
    }
    drop.classList.add("site-search__drop--shown");
    loadPagefind().then(function (module) {
      return Promise.all([module.search(term), module.search(term, { filters: { audience: "clinics" } })]);
    }).then(function (answers) {
      if (ticket !== latest) {
        return;
      }
      var forClinics = new Set(answers[1].results.map(function (result) { return result.id; }));
      var all = answers[0].results;
      found = all.filter(function (result) { return !forClinics.has(result.id); })
        .concat(all.filter(function (result) { return forClinics.has(result.id); }));
      shown = 0;
      list.replaceChildren();
      return showMore(ticket).then(function () {
        status.textContent = found.length === 0 ? say(box, "none", {term: term})
          : say(box, found.length === 1 ? "one" : "many", {count: found.length, term: term}) +
            (found.length > shown ? " " + say(box, "first", {shown: shown}) : "");
      });
    }).catch(function () {
      if (ticket === latest) {
        status.textContent = say(box, "broken");
      }
    });
  }

  function showMore(ticket) {
    var next = found.slice(shown, shown + SHOWN_AT_ONCE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (ticket !== latest) {
        return;
      }
      pages.forEach(function (page) { list.appendChild(resultItem(page)); });
      shown += pages.length;
      list.hidden = shown === 0;
      more.hidden = shown >= found.length;
    });
  }

  function resultItem(page) {
    var item = document.createElement("li");
    item.className = "site-search__result";
    var link = document.createElement("a");
    link.href = new URL(page.url.replace(/^\//, ""), root).href;
    link.textContent = page.meta.title;
    item.appendChild(link);
    var where = whereItIs(page);
    if (where) {
      item.appendChild(paragraph("site-search__topic", where));
    }
    if (page.excerpt) {
      item.appendChild(excerpt(page.excerpt));
    }
    return item;
  }

  function whereItIs(page) {
    var topic = page.meta.topic || "";
    var forClinics = page.filters && page.filters.audience && page.filters.audience.indexOf("clinics") >= 0;
    if (forClinics) {
      return topic ? say(box, "clinics-topic", {topic: topic}) : say(box, "clinics");
    }
    return topic;
  }

  function paragraph(className, text) {
    var element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  /* Pagefind's excerpt is the page's text with the words found in <mark>. It is rebuilt here from text and
     marks only, so nothing else in it can become markup. */
  function excerpt(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var element = paragraph("site-search__excerpt", "");
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(node.textContent));
      }
    });
    return element;
  }

  function showNothing() {
    latest++;
    found = [];
    shown = 0;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    status.textContent = "";
    drop.classList.remove("site-search__drop--shown");
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function isPhoneLayout() {
    return getComputedStyle(opener).display !== "none";
  }

  function openPanel() {
    box.classList.add("site-search--open");
    opener.setAttribute("aria-expanded", "true");
    input.focus();
  }

  function closePanel() {
    showNothing();
    input.value = "";
    if (box.classList.contains("site-search--open")) {
      box.classList.remove("site-search--open");
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    } else {
      input.focus();
    }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, WAIT_AFTER_TYPING_MS);
  });

  box.querySelector(".site-search__form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });

  box.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      closePanel();
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0) && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });

  more.addEventListener("click", function () {
    var first = shown;
    showMore(latest).then(function () {
      var all = links();
      if (all[first]) {
        all[first].focus();
      }
      status.textContent = say(box, "showing", {shown: shown, count: found.length});
    });
  });

  opener.addEventListener("click", function () {
    if (box.classList.contains("site-search--open")) {
      closePanel();
    } else {
      openPanel();
    }
  });
  closer.addEventListener("click", closePanel);

  // On a wide screen the results close when the reader clicks elsewhere on the page.
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target) && !isPhoneLayout()) {
      drop.classList.remove("site-search__drop--shown");
    }
  });
  input.addEventListener("focus", function () {
    if (input.value.trim() && found.length) {
      drop.classList.add("site-search__drop--shown");
    }
  });

  box.hidden = false;
})();

/* The box over a long list of topics (pages/templates/_topic-list.md.j2): as the reader types, only the topics
   whose titles have a word starting with each word they typed stay; letters left without a topic are hidden with their heading.
   Without JavaScript the box stays hidden and the whole list shows. */
(function () {
  "use strict";

  // The words this script says come from the page, in the site's language: data-say-<name> attributes that the
  // template writes through the site's wording, each {name} in them filled in here.
  function say(element, name, values) {
    var text = element.getAttribute("data-say-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }

  document.querySelectorAll("[data-topic-filter]").forEach(function (filter) {
    var input = filter.querySelector("input");
    var status = filter.querySelector("[role='status']");
    var list = filter.parentElement.querySelector(".topic-list");
    if (!input || !list) {
      return;
    }
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var titleWords = item.textContent.toLowerCase().split(/[\s\-–—,:;()]+/);
        item.hidden = !words.every(function (word) {
          return titleWords.some(function (titleWord) { return titleWord.indexOf(word) === 0; });
        });
        shown += item.hidden ? 0 : 1;
      });
      list.querySelectorAll("ul").forEach(function (group) {
        var empty = !group.querySelector("li:not([hidden])");
        group.hidden = empty;
        var heading = group.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) {
          heading.hidden = empty;
        }
      });
      status.textContent = words.length ? say(filter, shown === 1 ? "one" : "many", {count: shown}) : "";
    });
    filter.hidden = false;
  });
})();
