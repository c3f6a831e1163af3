// "Print this page" and "Share this page" (partials/page-actions.html). Both need JavaScript, so the page
// ships them hidden and only this script shows them: without JavaScript the page still prints from the
// browser's menu, and its address is shown as text to copy. Sharing uses the browser's own share sheet
// where there is one (phones), and otherwise copies the address; no other site's script is loaded.
(function () {
  "use strict";
  var status = document.querySelector("[data-share-status]");
  var address = document.querySelector("[data-share-address]");

  // The words this script says come from the page (partials/page-actions.html writes them on the status line
  // through the site's wording, in its language), each {name} in them filled in here.
  function words(name, values) {
    var text = status ? status.getAttribute("data-say-" + name) || "" : "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  });

  var canShare = typeof navigator.share === "function";
  var canCopy = Boolean(navigator.clipboard && navigator.clipboard.writeText);
  if (!canShare && !canCopy) {
    return;  // The address stays on show, to copy by hand.
  }
  var url = document.querySelector("link[rel=canonical]");
  // A page whose address carries what the reader chose (the situation finder's answers) names it itself.
  function here() {
    var own = document.querySelector("[data-share-url]");
    return own ? own.getAttribute("data-share-url") : (url ? url.href : window.location.href);
  }
  document.querySelectorAll("[data-share-button]").forEach(function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var link = here();
      if (canShare) {
        navigator.share({ title: document.title, url: link }).catch(function () {});
        return;
      }
      navigator.clipboard.writeText(link).then(function () {
        button.textContent = words("copied");
        say(words("copied-link", {link: link}));
        window.setTimeout(function () { button.textContent = label; }, 3000);
      }, function () {
        if (address) {
          address.hidden = false;
        }
        say(words("not-copied"));
      });
    });
  });
  if (address) {
    address.hidden = true;
  }
})();
