// The infobutton address (/link/): reads an HL7 infobutton request (URL-based query) from the query string
// and opens the topic page, or its JSON answer, for the first code the site knows. Its table is the page's own
// list of code links and code systems, written by the build from the link catalogue; without JavaScript that
// list is the page. Nothing from the query is ever written into the page as markup: only codes that pass CODE
// are shown, and only as text. What it says comes from the page too (#infobutton-words, in the site's
// language), each {name} in it replaced by a code as text or by the topic's link.
(function () {
  "use strict";
  // Longer values are neither codes nor code-system identifiers: left unread.
  var MAX_LENGTH = 64;
  var CODE = /^[A-Z0-9.]+$/;
  // ICD-10 categories have three characters (C78): a code is never cut shorter than that.
  var CATEGORY_LENGTH = 3;

  function normal(code) {
    return code.replace(/\./g, "").toUpperCase();
  }

  function knownSystems() {
    var systems = new Map();
    document.querySelectorAll("#infobutton-systems [data-oid]").forEach(function (item) {
      systems.set(item.getAttribute("data-oid"), {
        key: item.getAttribute("data-system"),
        categories: item.hasAttribute("data-categories")
      });
    });
    return systems;
  }

  function codeTable() {
    var table = new Map();
    document.querySelectorAll("a[data-code]").forEach(function (link) {
      table.set(link.getAttribute("data-system") + " " + normal(link.getAttribute("data-code")), link);
    });
    return table;
  }

  // mainSearchCriteria.v.c, then .v.c1, .v.c2 and so on, each with the code system of the same number.
  function criteria(query) {
    var found = [];
    query.forEach(function (value, name) {
      var number = /^mainSearchCriteria\.v\.c(\d{0,2})$/.exec(name);
      if (number) {
        found.push({order: Number(number[1] || 0), code: value,
                    system: query.get("mainSearchCriteria.v.cs" + number[1]) || ""});
      }
    });
    return found.sort(function (a, b) { return a.order - b.order; });
  }

  // The systems a request names: the one its identifier stands for, or every system when it sends none.
  function systemsFor(oid, systems) {
    if (oid === "") {
      return Array.from(systems.values());
    }
    return systems.has(oid) ? [systems.get(oid)] : [];
  }

  // A code system is sent as its OID (2.16.840.1.113883.6.3) or as a URN naming it (urn:oid:2.16.840.1.113883.6.3).
  var OID_URN = /^urn:oid:/i;

  function match(criterion, table, systems) {
    var code = criterion.code.trim().toUpperCase();
    var oid = criterion.system.trim().replace(OID_URN, "");
    if (code.length > MAX_LENGTH || oid.length > MAX_LENGTH || !CODE.test(code)) {
      return null;
    }
    var key = normal(code);
    var found = null;
    systemsFor(oid, systems).forEach(function (system) {
      var length = system.categories ? CATEGORY_LENGTH : key.length;
      for (var end = key.length; !found && end >= length && end > 0; end -= 1) {
        var link = table.get(system.key + " " + key.slice(0, end));
        if (link) {
          found = {link: link, code: code, parent: end < key.length};
        }
      }
    });
    return found;
  }

  // A paragraph of the page's words named `name`, each {value} in them replaced by values[value] (text, or
  // an element such as a link).
  function say(name, values) {
    var paragraph = document.createElement("p");
    var words = document.querySelector('#infobutton-words [data-say="' + name + '"]').textContent;
    words.split(/\{(\w+)\}/).forEach(function (part, index) {
      paragraph.append(index % 2 === 1 && values && Object.prototype.hasOwnProperty.call(values, part) ?
        values[part] : part);
    });
    return paragraph;
  }

  function show(paragraphs) {
    var answer = document.getElementById("infobutton-answer");
    answer.replaceChildren.apply(answer, paragraphs);
    answer.hidden = false;
    document.getElementById("infobutton-fallback").hidden = true;
  }

  // The first code the request sent, if it is one a code can be (shown as text only).
  function sentCode(query) {
    var first = criteria(query)[0];
    var code = first ? first.code.trim().toUpperCase() : "";
    return code.length <= MAX_LENGTH && CODE.test(code) ? code : "";
  }

  // Plainly: no page for this code; the topics below are all the site has, not matches.
  function showNoMatch(query) {
    var code = "";
    try {
      code = sentCode(query);
    } catch (error) {
      code = "";
    }
    show([code ? say("no-page-for-code", {code: code}) : say("no-page"), say("all-topics")]);
  }

  function showParent(found) {
    var link = document.createElement("a");
    link.href = found.link.getAttribute("data-target");
    link.textContent = found.link.getAttribute("data-title");
    show([say("category", {code: found.code, category: found.link.getAttribute("data-code"), topic: link})]);
  }

  function answer() {
    var query = new URLSearchParams(window.location.search);
    var json = (query.get("knowledgeResponseType") || "").trim().toLowerCase() === "application/json";
    var table = codeTable();
    var systems = knownSystems();
    var found = null;
    criteria(query).forEach(function (criterion) {
      found = found || match(criterion, table, systems);
    });
    if (!found) {
      if (window.location.search.length > 1) {
        showNoMatch(query);
      }
    } else if (json) {
      window.location.replace(found.link.getAttribute("data-answer"));
    } else if (found.parent) {
      // A near match is for a person to confirm: the topic page cannot say how it was found.
      showParent(found);
    } else {
      window.location.replace(found.link.getAttribute("data-target"));
    }
  }

  try {
    answer();
  } catch (error) {
    showNoMatch(null);
  }
})();
