/* Guichet – free-access computer: after a few idle minutes, everything is erased (the
   server checks it too). A warning comes first; any touch or key keeps the visit.
   The warning is in the page's language: kiosque/_bar.html puts it in data-warning. */
(function () {
  "use strict";
  var idle = parseInt(document.body.getAttribute("data-kiosk-idle"), 10);
  var form = document.getElementById("kiosk-end");
  if (!idle || !form) return;
  var warnBefore = Math.min(60, Math.floor(idle / 2));
  var last = Date.now();
  var warning = null;

  function keep() {
    last = Date.now();
    if (warning) { warning.remove(); warning = null; }
  }
  ["pointerdown", "keydown", "scroll", "touchstart", "input"].forEach(function (name) {
    document.addEventListener(name, keep, { passive: true, capture: true });
  });

  function warn() {
    warning = document.createElement("div");
    warning.className = "kiosk-warning";
    warning.setAttribute("role", "alert");
    warning.textContent = form.getAttribute("data-warning") ||
      "Vous êtes toujours là ? Bientôt, tout sera effacé. " +
      "Touchez l'écran ou une touche pour continuer.";
    document.body.prepend(warning);
  }

  function end() {
    var reason = document.createElement("input");
    reason.type = "hidden";
    reason.name = "raison";
    reason.value = "inactivite";
    form.appendChild(reason);
    form.submit();
  }

  /* A page on its way (a form sent, a link followed) is activity too: never erase a
     visit while the next page is loading, even slowly. */
  var leaving = 0;
  function onTheWay() { leaving = Date.now(); }
  document.addEventListener("submit", onTheWay);
  window.addEventListener("beforeunload", onTheWay);

  var timer = setInterval(function () {
    if (Date.now() - leaving < 30000) { keep(); return; }
    var quiet = (Date.now() - last) / 1000;
    if (quiet >= idle) { clearInterval(timer); end(); }
    else if (quiet >= idle - warnBefore && !warning) warn();
  }, 1000);
})();
