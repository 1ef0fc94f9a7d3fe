// The idea form's similar ideas while the title is typed: the list the form's "check" button asks
// the server for, fetched from /api/v1/ideas/similar a moment after typing stops. The page works
// without it; everything shown is built as text, never as markup.
(function () {
  "use strict";

  var title = document.getElementById("idea-title");
  var box = document.querySelector("[data-similar]");
  if (!title || !box || !window.fetch) return;

  var timer = null;
  var asked = 0;
  var last = title.value.trim();

  function supports(count) {
    var template = box.getAttribute(count === 1 ? "data-supports-one" : "data-supports-other") || "{0}";
    return template.replace("{0}", String(count));
  }

  function show(items) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!items.length) return;
    var heading = document.createElement("h2");
    heading.textContent = box.getAttribute("data-heading");
    var list = document.createElement("ul");
    list.className = "results";
    items.forEach(function (idea) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "/ideas/" + encodeURIComponent(String(idea.id));
      link.textContent = idea.title;
      var meta = document.createElement("span");
      meta.className = "muted small";
      var status = box.getAttribute("data-status-" + idea.status) || idea.status;
      meta.textContent = " · " + status + " · " + supports(idea.supports);
      item.appendChild(link);
      item.appendChild(meta);
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
  }

  function ask() {
    var text = title.value.trim();
    if (text === last) return;
    last = text;
    var mine = ++asked;  // only the answer to the latest title is shown
    if (text.length < 3) {
      show([]);
      return;
    }
    fetch("/api/v1/ideas/similar?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" }, credentials: "same-origin"
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (mine === asked && body && Array.isArray(body.items)) show(body.items);
      })
      .catch(function () {});  // the form's button still asks the server
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  });
})();
