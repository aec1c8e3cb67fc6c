/// The script `dermasite serve` adds to every page it serves (never to built files). It listens
/// for rebuilds, reloads the page when the page changed, swaps a changed stylesheet in place, and
/// shows a failed build's errors over the page until a build succeeds. All text goes in through
/// `textContent`, so nothing from a diagnostic is ever parsed as HTML.
public enum LiveReloadScript {
    static let path = "/__dermasite/live-reload.js"
    static let eventsPath = "/__dermasite/events"
    public static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = #"""
    (() => {
      "use strict";
      const overlayId = "dermasite-build-error";
      let run = null;
      const here = () => {
        const path = decodeURI(location.pathname);
        return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
      };
      const clearOverlay = () => {
        const old = document.getElementById(overlayId);
        if (old) old.remove();
      };
      const showOverlay = (failure) => {
        clearOverlay();
        const box = document.createElement("div");
        box.id = overlayId;
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-live", "assertive");
        box.setAttribute("aria-labelledby", overlayId + "-title");
        // Reset first: the panel is not part of the site, and the site's styles must not reach it.
        box.style.all = "initial";
        Object.assign(box.style, {
          display: "block", boxSizing: "border-box", position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", margin: "0",
          padding: "1.5rem", background: "#161616", color: "#fff", maxWidth: "none",
          font: "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        });
        const title = document.createElement("h2");
        title.id = overlayId + "-title";
        title.textContent = "Build failed at \u201C" + failure.step + "\u201D. The page shows the last good build.";
        Object.assign(title.style, { font: "bold 18px/1.4 system-ui, sans-serif", margin: "0 0 1rem", color: "#ffb4a8" });
        const list = document.createElement("ul");
        // The site's own styles may narrow lists; the panel is not part of the site.
        Object.assign(list.style, { listStyle: "none", padding: "0", margin: "0", maxWidth: "none" });
        for (const problem of failure.problems) {
          const item = document.createElement("li");
          Object.assign(item.style, { margin: "0 0 0.75rem", maxWidth: "none", overflowWrap: "anywhere" });
          const where = document.createElement("strong");
          where.textContent = problem.location + ": " + problem.severity + ": ";
          where.style.color = problem.severity === "error" ? "#ffb4a8" : "#ffe08a";
          item.append(where, document.createTextNode(problem.message));
          list.append(item);
        }
        const hint = document.createElement("p");
        hint.textContent = "Fix the file and save it: this page then updates by itself.";
        Object.assign(hint.style, { font: "15px/1.5 system-ui, sans-serif", margin: "1rem 0 0", maxWidth: "none" });
        const close = document.createElement("button");
        close.type = "button";
        close.textContent = "Hide this message";
        Object.assign(close.style, { font: "15px system-ui, sans-serif", marginTop: "1rem", padding: "0.4rem 0.8rem" });
        close.addEventListener("click", clearOverlay);
        box.append(title, list, hint, close);
        document.body.append(box);
        close.focus();
      };
      const swapStylesheet = (swap) => {
        for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
          const href = new URL(link.href, location.href).pathname;
          if (href !== swap.from) continue;
          const next = link.cloneNode();
          next.href = swap.to + (swap.from === swap.to ? "?v=" + Date.now() : "");
          next.addEventListener("load", () => link.remove());
          link.after(next);
        }
      };
      const events = new EventSource("/__dermasite/events");
      events.addEventListener("hello", (event) => {
        const next = JSON.parse(event.data).run;
        if (run !== null && run !== next) location.reload();
        run = next;
      });
      events.addEventListener("failed", (event) => showOverlay(JSON.parse(event.data)));
      events.addEventListener("built", (event) => {
        const change = JSON.parse(event.data);
        clearOverlay();
        if (change.reload.includes("*") || change.reload.includes(here())) {
          location.reload();
          return;
        }
        change.stylesheets.forEach(swapStylesheet);
      });
      addEventListener("keydown", (event) => { if (event.key === "Escape") clearOverlay(); });
    })();
    """#
}
