// Live updates for pages that name their topics in <body data-live-topics>. Everything here only
// adds to pages that work without it; the browser's EventSource reconnects by itself and resumes
// with Last-Event-ID, so nothing is missed across a dropped connection.
(function () {
  "use strict";

  // Countdowns to a deadline (<time data-deadline="ISO 8601">), each second, with the server's rule:
  // the two largest units left ("2 j 4 h", "3 h 12 min", "4 min 10 s"), in the page's words.
  function remaining(seconds, units) {
    var days = Math.floor(seconds / 86400), hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) return days + " " + units[0] + " " + hours + " " + units[1];
    if (hours > 0) return hours + " " + units[1] + " " + minutes + " " + units[2];
    return minutes + " " + units[2] + " " + (seconds % 60) + " " + units[3];
  }
  function tick() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-deadline]"), function (clock) {
      var deadline = Date.parse(clock.getAttribute("data-deadline"));
      var units = (clock.getAttribute("data-units") || "").split(",");
      if (isNaN(deadline) || units.length !== 4) return;
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      clock.textContent = left > 0 ? remaining(left, units) : clock.getAttribute("data-ended");
    });
  }
  if (document.querySelector("[data-deadline]")) {
    tick();
    setInterval(tick, 1000);
  }

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

  // Group buys: the counts and bars move in place; a new price or an end is announced (a reload
  // shows them with their words), as is a campaign opened while the list is read.
  function fill(element, template, value) {
    if (template) element.textContent = template.replace("{0}", String(value));
  }
  source.addEventListener("group_buy.progressed", function (event) {
    var progress = payload(event);
    if (!progress) return;
    each('[data-group-buy="' + progress.groupBuyID + '"]', function (campaign) {
      function within(selector, action) {
        Array.prototype.forEach.call(campaign.querySelectorAll(selector), action);
      }
      within("[data-gb-units]", function (line) { fill(line, line.getAttribute("data-template"), progress.units); });
      within("[data-gb-participants]", function (line) {
        fill(line, line.getAttribute("data-template"), progress.participants);
      });
      within("[data-gb-units-bar]", function (bar) {
        bar.value = progress.units;
        var line = campaign.querySelector("[data-gb-units]");
        if (line) fill(bar, line.getAttribute("data-template"), progress.units);
        bar.setAttribute("aria-label", bar.textContent);
      });
      within("[data-gb-participants-bar]", function (bar) {
        bar.value = progress.participants;
        var line = campaign.querySelector("[data-gb-participants]");
        if (line) fill(bar, line.getAttribute("data-template"), progress.participants);
        bar.setAttribute("aria-label", bar.textContent);
      });
      within("[data-gb-next]", function (line) {
        var missing = (parseInt(line.getAttribute("data-gb-next"), 10) || 0) - progress.participants;
        if (missing > 0) fill(line, line.getAttribute(missing === 1 ? "data-one" : "data-other"), missing);
        line.hidden = missing <= 0;  // unlocked: the reload banner brings the new price and the next tier
      });
      within("[data-gb-price]", function (price) {
        if (String(progress.unitPriceMinor) !== price.getAttribute("data-gb-price")) {
          reveal("[data-live-group-buy-changed]");
        }
      });
    });
  });
  ["group_buy.succeeded", "group_buy.failed", "group_buy.cancelled"].forEach(function (type) {
    source.addEventListener(type, function (event) {
      var ended = payload(event);
      var id = ended && (ended.groupBuyID !== undefined ? ended.groupBuyID : ended.id);
      if (document.querySelector('[data-group-buy="' + id + '"]')) reveal("[data-live-group-buy-changed]");
    });
  });
  source.addEventListener("group_buy.opened", function () { reveal("[data-live-group-buy-changed]"); });
  source.addEventListener("order.updated", function () { reveal("[data-live-order-changed]"); });

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
