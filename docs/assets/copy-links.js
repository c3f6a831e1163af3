// Copy buttons on the "for clinics" page. They start hidden: without JavaScript, or where the
// browser offers no clipboard (pages not served over https or from localhost), the plain link and
// the HTML snippet are still there to select and copy by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  // The words this script says come from its own <script> element (main.html writes them through the site's
  // wording, in its language), each {name} in them filled in here.
  var script = document.currentScript;
  function say(name, values) {
    var text = script ? script.getAttribute("data-say-" + name) || "" : "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(String(values[key])); });
    return text;
  }
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) {
      return;
    }
    var label = button.firstChild.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.firstChild.textContent = say("copied");
        status.textContent = say("copied-text", {text: source.textContent});
        window.setTimeout(function () { button.firstChild.textContent = label; }, 3000);
      }, function () {
        status.textContent = say("not-copied");
      });
    });
  });
})();
