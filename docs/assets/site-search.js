/* Search (docs/overrides/partials/site-search.html).

   A page loads nothing for search until the reader types. Then, first, the pages whose names hold the words typed
   (a title or another name: built_pages/search_names.py): one small file for each word, and the list of the pages
   shown, whatever the size of the library. The text of every page is searched with Pagefind when the reader asks
   for it (Enter, or the button under the results), or by itself when no page's name matches: its script, its
   WebAssembly and the parts of the index the words need, never the whole index. Patients' pages come first,
   then the pages for clinics. Each result shows the page's title and its topic, never a piece of its text: a cut
   sentence can lose the condition that makes it true ("This is when the cancer is in a few areas of your ...").

   Keyboard: type, then Down arrow (or Tab) to the results, Up and Down between them, Enter to open one,
   Escape to close. The status line (role="status") says how many pages were found. */
(function () {
  "use strict";

  var box = document.querySelector("[data-site-search]");
  if (!box) {
    return;
  }
  var SHOWN_AT_ONCE = 5; // each result shown loads its page's text (1 to 4 KB), or its names file's page list
  var WAIT_AFTER_TYPING_MS = 250;
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var names = new URL(box.getAttribute("data-names"), document.baseURI);
  var root = new URL("../", bundle); // pagefind/ is at the site's root
  var opener = box.querySelector(".site-search__open");
  var input = box.querySelector(".site-search__input");
  var closer = box.querySelector(".site-search__close");
  var drop = box.querySelector(".site-search__drop");
  var status = box.querySelector(".site-search__status");
  var list = box.querySelector(".site-search__results");
  var more = box.querySelector(".site-search__more");
  var wholeText = box.querySelector(".site-search__text");
  var pagefind = null; // a promise of Pagefind's module, made on the first search of the text
  var loaded = {}; // the names files asked for, by address: a promise of each one's JSON
  var latest = 0; // the last search asked for: answers to earlier ones are dropped
  var timer = 0;
  var found = []; // the results, each a function that gives a promise of {url, title, topic, forClinics}
  var shown = 0;

  // The words this script says come from the page, in the site's language: data-say-<name> attributes that the
  // template writes through the site's wording, each {name} in them filled in here.
  function say(element, name, values) {
    var text = element.getAttribute("data-say-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }

  /* The names files (search_names.py: words and file_key split a name the same way). */
  function nameWords(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function fileKey(word) {
    return Array.from(word).slice(0, 2).map(function (letter) {
      return /^[a-z0-9]$/.test(letter) ? letter : "_" + letter.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  function namesFile(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(new URL(path, names)).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      });
    }
    return loaded[path];
  }

  function wordsFile(counts, word) {
    var key = fileKey(word);
    // No file for words no name has: nothing to ask for.
    return counts.words.indexOf(key) < 0 ? Promise.resolve({}) : namesFile("words/" + key + ".json");
  }

  /* The pages whose names hold every word typed, best first: patients' pages before the pages for clinics, then
     a word in the title before another name, a whole word before its start, then the site's order. A single
     letter is left out (too many names start with it, and it is often a word still being typed, as in
     "surgery a"); null when nothing else is typed. */
  function searchNames(term) {
    var typed = nameWords(term).filter(function (word) { return Array.from(word).length > 1; });
    if (!typed.length) {
      return Promise.resolve(null);
    }
    return namesFile("counts.json").then(function (counts) {
      return Promise.all([counts].concat(typed.map(function (word) { return wordsFile(counts, word); })));
    }).then(function (files) {
      var patients = files[0].patients;
      var scores = null;
      typed.forEach(function (word, at) {
        var best = {};
        var words = files[at + 1];
        Object.keys(words).forEach(function (name) {
          if (name.indexOf(word) === 0) {
            // A plural no name has is filed as the word it comes from, in the same file ("therapies": "therapy").
            var lists = typeof words[name] === "string" ? words[words[name]] : words[name];
            lists.forEach(function (steps, otherName) {
              var score = 2 * otherName + (name === word ? 0 : 1);
              var page = 0;
              steps.forEach(function (step) {
                page += step;
                best[page] = page in best ? Math.min(best[page], score) : score;
              });
            });
          }
        });
        if (scores === null) {
          scores = best;
        } else {
          Object.keys(scores).forEach(function (page) {
            if (page in best) {
              scores[page] += best[page];
            } else {
              delete scores[page];
            }
          });
        }
      });
      return Object.keys(scores).map(Number).sort(function (a, b) {
        return (a >= patients) - (b >= patients) || scores[a] - scores[b] || a - b;
      }).map(function (page) {
        return function () {
          return namesFile("pages/" + Math.floor(page / files[0].per_file) + ".json").then(function (pages) {
            var named = pages[page % files[0].per_file];
            return {url: named[0], title: named[1], topic: named[2], forClinics: page >= patients};
          });
        };
      });
    });
  }

  /* Pagefind, on the text of every page. */
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

  function searchText(term) {
    return loadPagefind().then(function (module) {
      return Promise.all([module.search(term), module.search(term, { filters: { audience: "clinics" } })]);
    }).then(function (answers) {
      var forClinics = new Set(answers[1].results.map(function (result) { return result.id; }));
      var all = answers[0].results;
      return all.filter(function (result) { return !forClinics.has(result.id); })
        .concat(all.filter(function (result) { return forClinics.has(result.id); }))
        .map(function (result) {
          return function () {
            return result.data().then(function (page) {
              return {url: page.url, title: page.meta.title, topic: page.meta.topic || "",
                      forClinics: forClinics.has(result.id)};
            });
          };
        });
    });
  }

  /* Names first, unless the reader asked for the text; the text when no name matches. */
  function search(term, inText) {
    var ticket = ++latest;
    if (!term.trim()) {
      showNothing();
      return;
    }
    drop.classList.add("site-search__drop--shown");
    (inText ? Promise.resolve(null) : searchNames(term)).catch(function () {
      return []; // the names files could not be read: the text search can still answer
    }).then(function (named) {
      if (named && named.length) {
        return {results: named, inText: false};
      }
      if (named === null && !inText && nameWords(term).length) {
        return null; // a single letter: wait for more, or for Enter
      }
      return searchText(term).then(function (results) { return {results: results, inText: true}; });
    }).then(function (answer) {
      if (ticket !== latest) {
        return;
      }
      found = answer ? answer.results : [];
      list.setAttribute("data-answer", answer && answer.inText ? "text" : "names");
      shown = 0;
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      wholeText.hidden = !answer || answer.inText;
      if (!answer) {
        status.textContent = "";
        return;
      }
      return showMore(ticket).then(function () {
        var counted = (answer.inText ? "" : "named-") + (found.length === 1 ? "one" : "many");
        status.textContent = found.length === 0 ? say(box, "none", {term: term})
          : say(box, counted, {count: found.length, term: term}) +
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
    return Promise.all(next.map(function (result) { return result(); })).then(function (pages) {
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
    link.textContent = page.title;
    item.appendChild(link);
    var where = page.forClinics ? (page.topic ? say(box, "clinics-topic", {topic: page.topic}) : say(box, "clinics"))
      : page.topic;
    if (where) {
      item.appendChild(paragraph("site-search__topic", where));
    }
    return item;
  }

  function paragraph(className, text) {
    var element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function showNothing() {
    latest++;
    found = [];
    shown = 0;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    wholeText.hidden = true;
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

  // Enter searches the text of every page, as does the button under the first results.
  box.querySelector(".site-search__form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value, true);
  });

  wholeText.addEventListener("click", function () {
    clearTimeout(timer);
    search(input.value, true);
    input.focus();
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
