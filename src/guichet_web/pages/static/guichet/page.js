/* Guichet – small enhancements. Every page works without them (no JavaScript, old phone). */
(function () {
  "use strict";

  function makeButton(text, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = text;
    return button;
  }

  /* « Écouter »: the main content read aloud by the browser's own speech synthesis, in
     the language of each part (French by default). Only added when the browser can
     speak: never a dead button. Labels come translated in main[data-ecouter]. */
  var BLOCKS = "h1, h2, h3, h4, p, li, caption, th, td, legend, label, summary";
  var VOICE_LANGS = { fr: "fr-FR", en: "en-GB", ar: "ar", tr: "tr-TR" };

  /* The visible leaf blocks of the main content, in order; not the breadcrumb. */
  var SKIP = ".breadcrumb, [data-no-read]";

  function readableParts(main, skip) {
    var parts = [];
    main.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.querySelector(BLOCKS) || skip.contains(el) || el.closest(SKIP)) return;
      if (!el.getClientRects().length) return;
      var text = (el.innerText || "").replace(/\s+/g, " ").trim();
      var lang = (el.closest("[lang]") || document.documentElement).lang.slice(0, 2) || "fr";
      /* Short utterances: some voices stop after a long one. */
      text.split(/(?<=[.!?…:])\s+/).forEach(function (sentence) {
        if (sentence) parts.push({ text: sentence, lang: VOICE_LANGS[lang] || lang });
      });
    });
    return parts;
  }

  function voiceFor(synth, lang) {
    var voices = synth.getVoices();
    var prefix = lang.slice(0, 2).toLowerCase();
    return voices.filter(function (v) { return v.lang === lang; })[0] ||
      voices.filter(function (v) { return v.lang.slice(0, 2).toLowerCase() === prefix; })[0] ||
      null;
  }

  function setUpReadAloud() {
    var main = document.querySelector("main[data-ecouter]");
    if (!main || !("speechSynthesis" in window) || !window.speechSynthesis ||
        typeof window.SpeechSynthesisUtterance !== "function") return;
    var synth = window.speechSynthesis;
    var labels = (main.getAttribute("data-ecouter") || "").split("|");
    var words = {
      idle: labels[0] || "Écouter", speaking: labels[1] || "Pause",
      paused: labels[2] || "Reprendre", stop: labels[3] || "Arrêter",
      group: labels[4] || "Lecture à voix haute"
    };
    var box = document.createElement("div");
    box.className = "read-aloud";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", words.group);
    var play = makeButton(words.idle, "button button-secondary button-listen");
    var stop = makeButton(words.stop, "button button-secondary");
    stop.hidden = true;
    box.append(play, stop);
    /* After the title; before the form when the title is the question of a form (never
       inside a legend, whose text names the group of answers). */
    var title = main.querySelector("h1");
    var form = title && title.closest("form");
    if (form) form.before(box); else if (title) title.after(box); else main.prepend(box);
    var state = "idle";

    function setState(next) {
      state = next;
      play.textContent = words[next];
      stop.hidden = next === "idle";
      box.setAttribute("data-state", next);
    }
    function start() {
      synth.cancel();
      var parts = readableParts(main, box);
      parts.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part.text);
        utterance.lang = part.lang;
        var voice = voiceFor(synth, part.lang);
        if (voice) utterance.voice = voice;
        utterance.rate = 0.95;
        if (index === parts.length - 1) utterance.onend = function () { setState("idle"); };
        synth.speak(utterance);
      });
      setState(parts.length ? "speaking" : "idle");
    }
    play.addEventListener("click", function () {
      if (state === "idle") start();
      else if (state === "speaking") { synth.pause(); setState("paused"); }
      else { synth.resume(); setState("speaking"); }
    });
    stop.addEventListener("click", function () {
      synth.cancel();
      setState("idle");
      play.focus();
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  /* The need field: Enter sends it (Shift+Enter goes to a new line). */
  function setUpNeedForm() {
    document.querySelectorAll(".need-form textarea").forEach(function (field) {
      field.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
        event.preventDefault();
        if (field.form.requestSubmit) field.form.requestSubmit(); else field.form.submit();
      });
    });
  }

  /* « Imprimer » where a page offers it (the recap). */
  function setUpPrint() {
    if (typeof window.print !== "function") return;
    document.querySelectorAll("[data-print-here]").forEach(function (box) {
      var button = makeButton(box.getAttribute("data-print-here") || "Imprimer", "button");
      button.addEventListener("click", function () { window.print(); });
      box.prepend(button);
    });
  }

  setUpReadAloud();
  setUpNeedForm();
  setUpPrint();
})();
