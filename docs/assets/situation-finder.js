// The situation finder (/<topic>/situations/; hooks/patient_info/pages/situation_finder.py). A reader chooses
// one answer to each question they know, and the page shows what this information says for those answers: for
// each answer what applies to it, then what applies to everyone (model/selection.py, my_situation).
//
// The script chooses no statement. The build wrote every statement into the page once, hidden, and every part
// the page may show (one per answer, one for everyone) as groups that name statement ids in the order the
// selection rule arranged them. For the chosen answers this lays out their parts and everyone's, in the page's
// order, and moves each statement into the first group that names it, shown; the statements no group takes go
// back to where they were, hidden. Nothing is fetched, and no statement is written into the page from data.
//
// The answers live in the address after "#" (#primary-cancer=bowel&liver-areas=a-few-areas): a nurse can print
// or send it, and no server ever receives them. The printed address, its QR code (drawn here with
// qrcode-generator, served from the site's own assets) and "Share this page" carry them.
(function () {
  "use strict";
  var finder = document.querySelector("[data-situation-finder]");
  if (!finder) {
    return;
  }
  var form = finder.querySelector("[data-situation-form]");
  var pool = finder.querySelector("[data-situation-pool]");
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-question]"));
  var parts = Array.prototype.slice.call(finder.querySelectorAll("[data-part]"));
  var items = {};
  Array.prototype.forEach.call(pool.querySelectorAll("[data-situation-item]"), function (item) {
    items[item.getAttribute("data-situation-item")] = item;
  });
  var address = finder.getAttribute("data-address");  // the page's published address, without answers
  var QUIET_ZONE = 4;  // modules of light margin around a QR code, as the build's codes have (links/qr.py)

  function names(element, attribute) {
    return (element.getAttribute(attribute) || "").split(" ").filter(Boolean);
  }

  // The chosen answers, each "<question>=<answer>", in the page's order of questions.
  function chosen() {
    return questions.map(function (fieldset) {
      var checked = fieldset.querySelector("input:checked");
      return checked && checked.value ? fieldset.getAttribute("data-question") + "=" + checked.value : "";
    }).filter(Boolean);
  }

  // Sets the form from an address's fragment, understanding old ids of questions and answers. A fragment that
  // names no question is a place on the page (a heading, the skip link): it changes nothing, and says so.
  function choose(fragment) {
    var given = new URLSearchParams(fragment.replace(/^#/, ""));
    var asked = questions.map(function (fieldset) {
      var value = null;
      [fieldset.getAttribute("data-question")].concat(names(fieldset, "data-aliases")).forEach(function (name) {
        if (value === null && given.has(name)) {
          value = given.get(name);
        }
      });
      return value;
    });
    if (asked.every(function (value) { return value === null; })) {
      return false;
    }
    questions.forEach(function (fieldset, index) {
      var radios = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=radio]"));
      var match = radios.filter(function (radio) {
        return radio.value && (radio.value === asked[index] || names(radio, "data-aliases").indexOf(asked[index]) !== -1);
      })[0];
      (match || radios[0]).checked = true;  // the first is "I don't know"
    });
    return true;
  }

  // Places and shows the statements for the answers, and states the answers at the top.
  // A statement whose conditions the reader's other answers rule out is not theirs: the build lists, on the
  // statement, each set of answers ("a+b") that does so.
  function ruledOut(item, answers) {
    return names(item, "data-ruled-out").some(function (combination) {
      return combination.split("+").every(function (answer) { return answers.indexOf(answer) !== -1; });
    });
  }

  function show(answers) {
    Object.keys(items).forEach(function (id) {
      items[id].hidden = true;
      pool.appendChild(items[id]);
    });
    var placed = {};
    parts.forEach(function (part) {
      var name = part.getAttribute("data-part");
      var wanted = name === "everyone" || answers.indexOf(name) !== -1;
      var shown = 0;
      Array.prototype.forEach.call(part.querySelectorAll("[data-order]"), function (group) {
        var list = group.querySelector("ul");
        var here = 0;
        names(group, "data-order").forEach(function (id) {
          if (wanted && !placed[id] && items[id] && !ruledOut(items[id], answers)) {
            placed[id] = true;
            items[id].hidden = false;
            list.appendChild(items[id]);
            here += 1;
          }
        });
        group.hidden = here === 0;
        shown += here;
      });
      part.hidden = shown === 0;
    });
    // A treatment under everyone's part by what it is alone: a link to its page when the sheet leaves out when
    // it is used or whom it does not suit (data-limits, from the build).
    Array.prototype.forEach.call(finder.querySelectorAll("[data-limits]"), function (group) {
      group.querySelector("[data-more]").hidden = names(group, "data-limits").every(function (id) {
        return placed[id];
      });
    });
    Array.prototype.forEach.call(finder.querySelectorAll("[data-given-answer]"), function (answer) {
      var name = answer.getAttribute("data-given-answer");
      var question = name.split("=")[0];
      var given = answers.filter(function (chosenAnswer) { return chosenAnswer.split("=")[0] === question; })[0];
      answer.hidden = name !== (given || question + "=");
    });
  }

  // The QR code of the address with the answers, drawn as the build draws its codes: error correction level M,
  // a quiet zone of four modules, one closed rectangle per run of dark modules.
  function drawCode(target) {
    var figure = finder.querySelector(".my-situation-qr");
    var path = figure && figure.querySelector("svg path");
    if (!path) {
      return;
    }
    if (typeof qrcode !== "function") {
      figure.hidden = true;  // a code for another address would mislead: none at all
      return;
    }
    qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];
    var code = qrcode(0, "M");
    code.addData(target);
    code.make();
    var count = code.getModuleCount();
    var runs = [];
    for (var row = 0; row < count; row += 1) {
      var start = -1;
      for (var column = 0; column <= count; column += 1) {
        var dark = column < count && code.isDark(row, column);
        if (dark && start < 0) {
          start = column;
        } else if (!dark && start >= 0) {
          var length = column - start;
          runs.push("M" + (start + QUIET_ZONE) + " " + (row + QUIET_ZONE) + "h" + length + "v1h-" + length + "z");
          start = -1;
        }
      }
    }
    var side = count + 2 * QUIET_ZONE;
    path.parentNode.setAttribute("viewBox", "0 0 " + side + " " + side);
    path.setAttribute("d", runs.join(""));
    figure.setAttribute("aria-label", finder.getAttribute("data-qr-label").replace("{address}", target));
  }

  function say(answers) {
    var labels = answers.map(function (answer) {
      var pair = answer.split("=");
      var radio = form.querySelector("input[name=\"" + pair[0] + "\"][value=\"" + pair[1] + "\"]");
      return radio && radio.labels.length ? radio.labels[0].textContent : pair[1];
    });
    finder.querySelector("[data-situation-status]").textContent = answers.length
      ? finder.getAttribute("data-said-some").replace("{answers}", labels.join("; "))
      : finder.getAttribute("data-said-none");
  }

  function update(announce) {
    var answers = chosen();
    var fragment = answers.length ? "#" + answers.join("&") : "";
    show(answers);
    if (window.location.hash !== fragment) {
      try {
        // Replaced, not added: choosing answers should not fill the Back button's history.
        history.replaceState(history.state, "", window.location.pathname + window.location.search + fragment);
      } catch (error) {
        // Some browsers refuse for pages opened from a file; the page still shows the answers.
      }
    }
    finder.querySelector("[data-situation-url]").textContent = address + fragment;
    finder.setAttribute("data-share-url", address + fragment);  // "Share this page" (page-actions.js) sends it
    drawCode(address + fragment);
    if (announce) {
      say(answers);
    }
  }

  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  finder.querySelector("[data-situation-show]").addEventListener("click", function () {
    var heading = document.getElementById("situation-finder-results");
    heading.scrollIntoView();
    heading.focus();
  });
  finder.querySelector("[data-situation-print]").addEventListener("click", function () { window.print(); });
  window.addEventListener("hashchange", function () {
    // A new answer address (typed, or pasted) is chosen; a place on the page leaves the answers in the address.
    choose(window.location.hash);
    update(false);
  });

  choose(window.location.hash);
  finder.hidden = false;
  update(false);
})();
