// Live updates for pages that name their topics in <body data-live-topics>. Everything here only
// adds to pages that work without it; the browser's EventSource reconnects by itself and resumes
// with Last-Event-ID, so nothing is missed across a dropped connection.
(function () {
  "use strict";
  var topics = document.body.getAttribute("data-live-topics");
  if (!topics || !window.EventSource) return;
  var source = new EventSource("/api/v1/events?topics=" + encodeURIComponent(topics));

  function payload(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }
  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }
  function reveal(selector) {
    each(selector, function (banner) {
      banner.hidden = false;
      var link = banner.querySelector("a");
      if (link) link.href = location.pathname + location.search;
    });
  }

  source.addEventListener("deal.posted", function () { reveal("[data-live-new-deals]"); });

  source.addEventListener("deal.voted", function (event) {
    var deal = payload(event);
    if (!deal) return;
    each('[data-deal-temperature="' + deal.id + '"]', function (element) {
      if (deal.temperature === null || deal.temperature === undefined) return;  // still "new"
      element.textContent = deal.temperature + "°";
      element.classList.toggle("hot", !!deal.isHot);
    });
    each('[data-deal-votes="' + deal.id + '"]', function (element) {
      var template = deal.votes === 1 ? element.getAttribute("data-one") : element.getAttribute("data-other");
      if (template) element.textContent = template.replace("{0}", String(deal.votes));
    });
  });

  source.addEventListener("comment.posted", function (event) {
    var comment = payload(event);
    var list = document.querySelector('[data-testid="comments"]');
    var article = document.querySelector("[data-deal]");
    if (!comment || !list || !article || String(comment.dealID) !== article.getAttribute("data-deal")) return;
    if (document.getElementById("comment-" + comment.id)) return;
    var item = document.createElement("li");
    item.id = "comment-" + comment.id;
    item.className = comment.parentID ? "comment reply live" : "comment live";
    var meta = document.createElement("p");
    meta.className = "muted small";
    meta.textContent = "@" + comment.author;
    var body = document.createElement("p");
    body.className = "prose-text";
    body.textContent = comment.body;
    item.appendChild(meta);
    item.appendChild(body);
    var anchor = comment.parentID ? document.getElementById("comment-" + comment.parentID) : null;
    if (anchor) {
      while (anchor.nextElementSibling && anchor.nextElementSibling.classList.contains("reply")) {
        anchor = anchor.nextElementSibling;
      }
      anchor.insertAdjacentElement("afterend", item);
    } else {
      list.appendChild(item);
    }
    reveal("[data-live-new-comments]");  // offers a reload, for the reply and like buttons
  });

  source.addEventListener("comment.liked", function (event) {
    var comment = payload(event);
    if (!comment) return;
    each('[data-comment-likes="' + comment.id + '"]', function (element) { element.textContent = "♥ " + comment.likes; });
  });

  // Reviews, articles and likes: new ones are announced (a reload shows them in place), counts move.
  source.addEventListener("review.posted", function () { reveal("[data-live-new-reviews]"); });
  source.addEventListener("article.published", function () { reveal("[data-live-new-articles]"); });
  source.addEventListener("article.commented", function () { reveal("[data-live-new-comments]"); });
  source.addEventListener("like.changed", function (event) {
    var like = payload(event);
    if (!like) return;
    each('[data-likes="' + like.subject + '"]', function (element) { element.textContent = "♥ " + like.likes; });
  });

  function setUnread(change) {
    each("[data-live-unread]", function (badge) {
      var count = Math.max(0, (parseInt(badge.getAttribute("data-live-unread"), 10) || 0) + change);
      badge.setAttribute("data-live-unread", String(count));
      badge.textContent = String(count);
      badge.hidden = count === 0;
    });
  }
  source.addEventListener("notification.created", function () { setUnread(1); });
  source.addEventListener("notification.read", function (event) {
    var read = payload(event);
    setUnread(-((read && read.count) || 0));
  });
})();
