// Live updates for signed-in pages, from the server-sent events of /api/v1/notifications/stream.
// Every page works without this script; it only spares people a reload:
//  - the unread badge follows the inbox;
//  - the report queue (#report-queue), the inbox (#notification-list), the advisory list
//    (#advisory-list) and an advisory's delivery counts and recipients (#delivery-counts,
//    #delivery-list) are re-read in place;
//  - an open report or advisory that changed says so, with a link to reload (a half-written form is
//    never lost).
// The stream carries only the caller's own notifications, worded from their own view of the report.
(function () {
  "use strict";
  if (!window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }

  var badge = document.getElementById("unread-count");
  var banner = document.getElementById("live-banner");
  var reportPage = document.querySelector(".report-page[data-report-id]");
  var advisoryPage = document.querySelector(".advisory-page[data-advisory-id]");
  var regions = ["report-queue", "notification-list", "advisory-list", "delivery-counts", "delivery-list"].filter(function (id) {
    return document.getElementById(id) !== null;
  });

  function setUnread(count) {
    if (!badge || typeof count !== "number") {
      return;
    }
    badge.textContent = String(count);
    badge.setAttribute("data-unread", String(count));
    badge.hidden = count === 0;
  }

  function announce(text) {
    if (!banner) {
      return;
    }
    banner.textContent = "";
    var message = document.createElement("span");
    message.textContent = text + " ";
    var reload = document.createElement("a");
    reload.href = window.location.pathname + window.location.search;
    reload.textContent = banner.getAttribute("data-reload") || "Reload";
    banner.appendChild(message);
    banner.appendChild(reload);
    banner.hidden = false;
  }

  // Re-reads this page and swaps in the live regions' new content; several events close together
  // cause one request.
  var refreshTimer = null;
  function refreshRegions() {
    if (regions.length === 0 || refreshTimer !== null) {
      return;
    }
    refreshTimer = window.setTimeout(function () {
      refreshTimer = null;
      fetch(window.location.pathname + window.location.search, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok || response.redirected) {
            throw new Error("status " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          regions.forEach(function (id) {
            var now = document.getElementById(id);
            var next = fresh.getElementById(id);
            if (now && next) {
              now.replaceChildren.apply(now, Array.prototype.slice.call(next.childNodes).map(function (node) {
                return document.importNode(node, true);
              }));
              now.setAttribute("data-refreshed", new Date().toISOString());
            }
          });
        })
        .catch(function () {
          // Signed out or the server is away: say so rather than show stale rows silently.
          announce(banner ? banner.getAttribute("data-queue-changed") || "" : "");
        });
    }, 300);
  }

  function onNotification(data) {
    setUnread(data.unread);
    var n = data.notification;
    if (!n) {
      return;
    }
    if (reportPage && n.subjectType === "report" && n.subjectId === reportPage.getAttribute("data-report-id")) {
      announce(banner ? banner.getAttribute("data-report-changed") || "" : "");
    }
    if (advisoryPage && n.subjectType === "advisory" && n.subjectId === advisoryPage.getAttribute("data-advisory-id")) {
      announce(banner ? banner.getAttribute("data-advisory-changed") || "" : "");
    }
    refreshRegions();
  }

  var source = new EventSource("/api/v1/notifications/stream");
  source.addEventListener("heartbeat", function (e) {
    try {
      setUnread(JSON.parse(e.data).unread);
    } catch (err) {
      // A malformed event is ignored; the next heartbeat corrects the badge.
    }
  });
  // Someone read, acknowledged or answered an advisory: only a delivery dashboard re-reads itself.
  source.addEventListener("receipts", function () {
    if (document.getElementById("delivery-counts")) {
      refreshRegions();
    }
  });
  source.addEventListener("notification", function (e) {
    try {
      onNotification(JSON.parse(e.data));
    } catch (err) {
      // As above.
    }
  });
  // The connection is held open per page: let it go as soon as the page does.
  window.addEventListener("pagehide", function () {
    source.close();
  });
  document.documentElement.setAttribute("data-live", "on");
})();
