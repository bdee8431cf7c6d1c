// wagtail-localize's translation editor writes two texts in English whatever the
// translator's language: the heading "Deutsch to Türkçe translation" and the hidden
// label "More actions" (hard-coded in its JavaScript, not in its catalogue). Once the
// editor has rendered, they are put into the translator's language with the editor's
// own JavaScript catalogue, which the project's djangojs.po files complete.
(function () {
  "use strict";

  function translate(root, source, target) {
    var heading = source + " to " + target + " translation";
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue === heading) {
        node.nodeValue = window.interpolate(
          window.gettext("%(source)s to %(target)s translation"),
          { source: source, target: target },
          true
        );
      } else if (node.nodeValue === "More actions") {
        node.nodeValue = window.gettext("More actions");
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector(".js-translation-editor");
    if (!root || typeof window.gettext !== "function" || !root.dataset.props) {
      return;
    }
    var props = JSON.parse(root.dataset.props);
    var source = props.sourceLocale.displayName;
    var target = props.locale.displayName;
    var update = function () {
      translate(root, source, target);
    };
    new MutationObserver(update).observe(root, { childList: true, subtree: true });
    update();
  });
})();
