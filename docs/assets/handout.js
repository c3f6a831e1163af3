// The "Print this summary" button. It needs JavaScript, so the page ships it hidden and
// only this script shows it: without JavaScript the page still prints from the browser's menu.
document.querySelectorAll("[data-print-button]").forEach((button) => {
  button.addEventListener("click", () => window.print());
  button.hidden = false;
});
