/* Site search, in the reader's words. Loads the index written by `dermasite build` (search/*.json)
   from this site only: no WebAssembly, no eval, nothing from another host. Without this script the
   search form opens the search page, which lists every page.
   Words are made into terms exactly as SearchWords.swift does; SearchParityTests checks both. */
(function () {
  "use strict";

  // ---- Words to terms (the same steps as SearchWords.swift) ----
  var letterOrDigit = /[\p{Alphabetic}\p{N}]/u;

  function words(text) {
    var out = [], current = "";
    // Swift lower-cases a word-final sigma to σ, JavaScript to ς: both become σ.
    var decomposed = String(text).toLowerCase().normalize("NFKD").replace(/\u03c2/g, "\u03c3");
    for (var ch of decomposed) {
      var code = ch.codePointAt(0);
      if (code >= 0x300 && code <= 0x36f) continue;
      if (ch === "'" || ch === "\u2019") continue;
      if (letterOrDigit.test(ch)) { current += ch; } else if (current) { out.push(current); current = ""; }
    }
    if (current) out.push(current);
    return out;
  }

  function isPlain(word) { return /^[a-z]*$/.test(word); }

  var respellings = [["isation", "ization"], ["ising", "izing"], ["ised", "ized"], ["ises", "izes"],
                     ["ise", "ize"], ["ysing", "yzing"], ["yses", "yzes"], ["ysed", "yzed"], ["yse", "yze"]];

  function spelling(word) {
    if (word.length <= 3 || !isPlain(word)) return word;
    if (word.startsWith("oe")) word = "e" + word.slice(2);
    word = word.split("ae").join("e");
    word = word.split("oea").join("ea");
    if (word.length > 5 && word.endsWith("our")) word = word.slice(0, -3) + "or";
    // -ise and -yse at any length, so "rise" meets "rising" and "paralyse" "paralysing".
    for (var i = 0; i < respellings.length; i++) {
      var british = respellings[i][0];
      if (word.endsWith(british)) { word = word.slice(0, -british.length) + respellings[i][1]; break; }
    }
    return word;
  }

  var irregular = { feet: "foot", calves: "calf", thighs: "thigh" };

  function stem(word) {
    if (word.length <= 3 || !isPlain(word)) return word;
    if (Object.prototype.hasOwnProperty.call(irregular, word)) return irregular[word];
    if ((word.endsWith("ies") || word.endsWith("ied")) && word.length > 4) {
      word = word.slice(0, -3) + "y";
    } else if (word.endsWith("sses")) {
      word = word.slice(0, -2);
    } else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      word = word.slice(0, -1);
    }
    if (word.endsWith("ation") && word.length - 5 >= 3) return word.slice(0, -3);
    // "tingly" and "prickly" meet "tingle" and "prickle"; "suddenly" is let be.
    if (word.endsWith("ly") && word.length >= 5) return word.slice(0, -1);
    var suffixes = ["ness", "ing", "edly", "ed"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (!(word.endsWith(suffix) && word.length - suffix.length >= 3)) continue;
      if (suffix.startsWith("ed") && word.slice(0, -suffix.length).endsWith("e")) break;
      word = word.slice(0, -suffix.length);
      var n = word.length, last = word[n - 1];
      if (n >= 3 && last === word[n - 2] && "aeioulsz".indexOf(last) < 0) word = word.slice(0, -1);
      break;
    }
    if (word.endsWith("e") && word.length >= 4) word = word.slice(0, -1);
    return word;
  }

  function term(word) { return stem(spelling(word)); }

  function shardOf(t) { var c = t.charCodeAt(0); return c >= 97 && c <= 122 ? t[0] : "0"; }

  // ---- The index ----
  var cache = {};
  function fetchJSON(url) {
    if (!cache[url]) {
      // Revalidated every time (a cheap 304), so an open page never mixes old and new index files.
      cache[url] = fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function Index(headURL) {
    this.base = headURL.replace(/[^/]*$/, "");
    this.head = fetchJSON(headURL);
  }
  Index.prototype.shard = function (name) { return fetchJSON(this.base + "terms-" + name + ".json"); };
  Index.prototype.text = function (chunk) { return fetchJSON(this.base + "text-" + chunk + ".json"); };
  Index.prototype.docs = function (chunk) { return fetchJSON(this.base + "docs-" + chunk + ".json"); };

  function queryTerms(head, query) {
    var stop = head.stopSet || (head.stopSet = new Set(head.stop));
    return words(query).filter(function (w) { return !stop.has(w); }).map(term);
  }

  // Damerau-Levenshtein distance, giving up above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var v = Math.min(prev[k] + 1, row[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, prev2[k - 2] + 1);
        row.push(v);
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  function phraseAt(list, phrase, at) {
    for (var j = 0; j < phrase.length; j++) if (list[at + j] !== phrase[j]) return false;
    return true;
  }

  // Positions of a phrase's terms in the query: next to each other, or (any order) among the
  // positions not `masked`, so "numb bum", "bum numb" and "numb groin and bum" all match.
  function phrasePositions(terms, phrase, masked) {
    for (var i = 0; i + phrase.length <= terms.length; i++) {
      if (!phraseAt(terms, phrase, i)) continue;
      var span = [], inMask = 0;
      for (var j = 0; j < phrase.length; j++) { span.push(i + j); if (masked.has(i + j)) inMask++; }
      if (inMask === 0 || inMask === phrase.length) return span;
    }
    var used = [];
    for (var k = 0; k < phrase.length; k++) {
      var at = -1;
      for (var p = 0; p < terms.length; p++) {
        if (terms[p] === phrase[k] && !masked.has(p) && used.indexOf(p) < 0) { at = p; break; }
      }
      if (at < 0) return null;
      used.push(at);
    }
    return used;
  }

  // Words that only look urgent ("bottom of my foot" is not the bottom): their positions.
  function maskOf(head, terms) {
    var masked = new Set();
    (head.not_urgent || []).forEach(function (phrase) {
      for (var i = 0; phrase.length && i + phrase.length <= terms.length; i++) {
        if (phraseAt(terms, phrase, i)) for (var j = 0; j < phrase.length; j++) masked.add(i + j);
      }
    });
    return masked;
  }

  // Each group is one thing the reader asked for, with what can stand for it: alternatives of
  // [terms, weight], where a synonym's phrase ("little toe") needs all its terms on a page. And the
  // words synonyms add (`added`: only from words that are not masked, for the urgency check).
  function groupsOf(head, terms, masked) {
    var groups = terms.map(function (t, i) { return { alternatives: [[[t], 1]], masked: masked.has(i) }; });
    var added = [];
    head.synonyms.forEach(function (synonym) {
      synonym[0].forEach(function (phrase) {
        if (!phrase.length) return;
        var positions = phrasePositions(terms, phrase, masked);
        if (!positions) return;
        var group = groups[positions[0]];
        // A phrase of several words becomes one group: "pins and needles" is one thing.
        positions.slice(1).forEach(function (at) {
          var merged = groups[at];
          if (merged === group) return;
          group.alternatives = group.alternatives.concat(merged.alternatives.map(function (a) { return [a[0], a[1] * 0.5]; }));
          group.masked = group.masked && merged.masked;
          groups.forEach(function (g, k) { if (g === merged) groups[k] = group; });
        });
        synonym[1].forEach(function (found) {
          group.alternatives.push([found, 1]);
          if (!positions.some(function (at) { return masked.has(at); })) added.push.apply(added, found);
        });
      });
    });
    return { groups: groups.filter(function (g, i) { return groups.indexOf(g) === i; }), added: added };
  }

  // Urgent when all the words of an urgent phrase are among the reader's words (as typed, or
  // the words they were taken for with a typo), or the words a synonym adds ("numb bum" adds
  // "saddle"). Masked words do not count.
  function isUrgent(head, words) {
    return head.urgent.some(function (phrase) {
      return phrase.length > 0 && phrase.every(function (t) { return words.has(t); });
    });
  }

  // Postings of every term that can stand for `t`: exact, then (for the word being typed) longer
  // terms that start with it, then terms one or two typos away.
  function matches(shard, t, typing) {
    var found = [];
    if (Object.prototype.hasOwnProperty.call(shard, t)) found.push([t, 1]);
    if (typing && t.length >= 2) {
      for (var other in shard) if (other !== t && other.startsWith(t)) found.push([other, 0.8]);
    }
    if (!found.length && t.length >= 4) {
      var limit = t.length >= 7 ? 2 : 1;
      for (var candidate in shard) {
        var d = distance(t, candidate, limit);
        if (d <= limit) found.push([candidate, d === 1 ? 0.7 : 0.5]);
      }
    }
    return found;
  }

  /* Ranked results for `query`, best first: the best `limit` (60 unless given) with their address,
     title and roots, and how many pages matched in all. `typing` when the last word may be
     unfinished. */
  function search(index, query, typing, limit) {
    return index.head.then(function (head) {
      var terms = queryTerms(head, query);
      if (!terms.length) return { head: head, results: [], total: 0 };
      var masked = maskOf(head, terms);
      var grouped = groupsOf(head, terms, masked), groups = grouped.groups;
      var names = new Set();
      groups.forEach(function (g) {
        g.alternatives.forEach(function (a) { a[0].forEach(function (t) { names.add(shardOf(t)); }); });
      });
      var shards = {};
      return Promise.all(Array.from(names).sort().map(function (name) {
        return index.shard(name).then(function (s) { shards[name] = s; });
      })).then(function () {
        var lastTerm = terms[terms.length - 1];
        var total = new Map(), hits = new Map(), matched = new Map();
        var meant = new Set(grouped.added);
        terms.forEach(function (t, i) { if (!masked.has(i)) meant.add(t); });
        groups.forEach(function (group) {
          var best = new Map();
          group.alternatives.forEach(function (alternative) {
            // Each term's best score on each page; a phrase scores the mean, on pages with all its terms.
            var perTerm = alternative[0].map(function (t) {
              var scores = new Map();
              matches(shards[shardOf(t)] || {}, t, typing && t === lastTerm).forEach(function (m) {
                // A typo's word counts for urgency ("bladdr" is "bladder"); the start of a word does not.
                if (m[1] !== 0.8 && !group.masked && terms.indexOf(t) >= 0) meant.add(m[0]);
                var postings = shards[shardOf(m[0])][m[0]];
                for (var i = 0; i < postings.length; i += 2) {
                  var doc = postings[i], score = postings[i + 1] * m[1];
                  if (!scores.has(doc) || scores.get(doc) < score) scores.set(doc, score);
                  if (!matched.has(doc)) matched.set(doc, new Set());
                  matched.get(doc).add(m[0]);
                }
              });
              return scores;
            });
            perTerm[0].forEach(function (first, doc) {
              if (!perTerm.every(function (scores) { return scores.has(doc); })) return;
              var sum = perTerm.reduce(function (total, scores) { return total + scores.get(doc); }, 0);
              var score = sum / perTerm.length * alternative[1];
              if (!best.has(doc) || best.get(doc) < score) best.set(doc, score);
            });
          });
          best.forEach(function (score, doc) {
            total.set(doc, (total.get(doc) || 0) + score);
            hits.set(doc, (hits.get(doc) || 0) + 1);
          });
        });
        var urgent = isUrgent(head, meant);
        var asked = new Set(terms.concat(grouped.added));
        var urgency = function (i) { return head.urgency.charCodeAt(i) - 48; };
        var results = [];
        for (var i = 0; i < head.count; i++) {
          var score = total.get(i) || 0;
          // Urgent roots and places rise; the urgent-help page is put first below.
          if (urgent && urgency(i) === 1) score = score * 1.5 + 40;
          if (urgent && urgency(i) === 2) score = Math.max(score, 1);
          if (score <= 0) continue;
          // Pages with every thing the reader asked for come before pages with some of them.
          var coverage = (hits.get(i) || 0) / groups.length;
          score *= 0.25 + 0.75 * coverage * coverage;
          results.push({ doc: i, score: score, terms: matched.get(i) || new Set(), kind: kindOf[head.kinds[i]] || "article",
                         urgency: urgency(i) });
        }
        function order(a, b) {
          var help = urgent ? (b.urgency === 2) - (a.urgency === 2) : 0;
          return help || b.score - a.score || a.doc - b.doc;
        }
        results.sort(order);
        // Pages that share only a common word with the query are noise below a strong match.
        if (results.length) {
          var floor = Math.max.apply(null, results.map(function (r) { return r.score; })) * 0.05;
          results = results.filter(function (r) { return r.score >= floor || (urgent && r.urgency === 2); });
        }
        // Addresses and titles are loaded for the best results only, then a page named by exactly
        // the reader's words (the "Big toe" place for "numb big toe") moves up.
        var best = results.slice(0, limit || 60);
        var chunks = Array.from(new Set(best.map(function (r) { return Math.floor(r.doc / head.docChunk); }))).sort();
        var docs = {};
        return Promise.all(chunks.map(function (c) {
          return index.docs(c).then(function (list) { docs[c] = list; });
        })).then(function () {
          best.forEach(function (r) {
            var doc = docs[Math.floor(r.doc / head.docChunk)][r.doc % head.docChunk];
            r.url = doc[0];
            r.title = doc[1];
            r.roots = doc[2];
            var titleTerms = queryTerms(head, r.title);
            if (titleTerms.length && titleTerms.every(function (t) { return asked.has(t); })) r.score *= 1.6;
          });
          best.sort(order);
          return { head: head, results: best, total: results.length, urgent: urgent };
        });
      });
    });
  }

  var kindOf = { r: "root", p: "place", a: "article" };

  // ---- Showing results ----
  var kindNames = { root: "Nerve root", place: "Place", article: "Article" };

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The part of a page's text around its first matched word, matched words marked.
  function snippet(text, terms, length) {
    if (!text) return null;
    var pattern = /[\p{Alphabetic}\p{N}'\u2019]+/gu, m, spans = [];
    while ((m = pattern.exec(text)) !== null) {
      var ws = words(m[0]);
      if (ws.length && terms.has(term(ws[0]))) spans.push([m.index, m.index + m[0].length]);
    }
    // A match past the kept text: the page's opening words (its summary) instead.
    if (!spans.length) spans = [[0, 0]];
    var start = Math.max(0, spans[0][0] - 60);
    if (start > 0) { var space = text.indexOf(" ", start); start = space >= 0 && space < spans[0][0] ? space + 1 : start; }
    var end = Math.min(text.length, start + length);
    if (end < text.length) { var cut = text.lastIndexOf(" ", end); end = cut > spans[0][1] ? cut : end; }
    var p = el("p", "search-result__snippet");
    var at = start;
    if (start > 0) p.appendChild(document.createTextNode("\u2026 "));
    spans.forEach(function (span) {
      if (span[0] < at || span[1] > end || span[1] === span[0]) return;
      p.appendChild(document.createTextNode(text.slice(at, span[0])));
      p.appendChild(el("mark", "", text.slice(span[0], span[1])));
      at = span[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " \u2026" : "")));
    return p;
  }

  function resultItem(result) {
    var li = el("li", "search-result");
    var a = el("a", "search-result__link");
    a.href = result.url;
    a.appendChild(el("span", "search-result__title", result.title));
    li.appendChild(a);
    var tags = el("p", "search-result__tags");
    tags.appendChild(el("span", "search-result__kind", kindNames[result.kind] || "Page"));
    result.roots.forEach(function (root) { tags.appendChild(el("span", "search-result__root", root)); });
    if (result.urgency) tags.appendChild(el("span", "search-result__urgent", "Urgent"));
    li.appendChild(tags);
    return li;
  }

  function addSnippets(index, head, list, shown, length) {
    shown.forEach(function (result, i) {
      index.text(Math.floor(result.doc / head.chunk)).then(function (texts) {
        var p = snippet(texts[result.doc % head.chunk] || "", result.terms, length);
        var item = list.children[i];
        if (p && item && !item.querySelector(".search-result__snippet")) item.appendChild(p);
      }).catch(function () {});
    });
  }

  function attach(form) {
    var input = form.querySelector("input[type=search]");
    var panel = form.querySelector("[data-search-results]");
    var status = form.querySelector("[data-search-status]");
    var full = form.hasAttribute("data-search-full");
    if (!input || !panel || !status) return;
    var index = null, timer = null, run = 0;
    var filters = { kind: "", root: "" };
    function load() { if (!index) index = new Index(form.getAttribute("data-search-index")); return index; }

    function clear() {
      run++;  // a search still on its way is not shown
      clearTimeout(timer);
      panel.textContent = "";
      panel.hidden = true;
      status.textContent = "";
    }

    function show(query, typing) {
      var mine = ++run;
      if (!query.trim()) { clear(); return; }
      search(load(), query, typing, full ? 200 : 12).then(function (found) {
        if (mine !== run) return;
        var head = found.head;
        var filtered = filters.kind || filters.root;
        var results = found.results.filter(function (r) {
          return (!filters.kind || r.kind === filters.kind) && (!filters.root || r.roots.indexOf(filters.root) >= 0);
        });
        var count = filtered ? results.length : found.total;
        var shown = full ? results.slice(0, 50) : results.slice(0, 6);
        panel.textContent = "";
        panel.hidden = false;
        if (!results.length) {
          status.textContent = "No pages found for \u201C" + query.trim() + "\u201D.";
          var none = el("p", "search-results__none", "Try other words, such as where you feel it (\u201Cbig toe\u201D) or what you feel (\u201Cnumb\u201D). ");
          var every = el("a", "", "See every page of this site");
          every.href = form.action;
          none.appendChild(every);
          panel.appendChild(none);
          return;
        }
        status.textContent = count + (count === 1 ? " page found" : " pages found") + " for \u201C" + query.trim() + "\u201D" +
          (found.urgent ? ". Urgent help is listed first." : ".");
        var list = el("ul", "search-results__list");
        shown.forEach(function (r) { list.appendChild(resultItem(r)); });
        panel.appendChild(list);
        if (!full && count > shown.length) {
          var more = el("a", "search-results__more", "See all " + count + " results");
          more.href = form.action + "?q=" + encodeURIComponent(query.trim());
          panel.appendChild(more);
        }
        addSnippets(index, head, list, shown, full ? 220 : 110);
      }).catch(function () {
        index = null;  // the next search tries again
        if (mine !== run) return;
        panel.textContent = "";
        panel.hidden = false;
        status.textContent = "Search could not load.";
        var failed = el("p", "search-results__none", "Search could not load. ");
        var every = el("a", "", "See every page of this site");
        every.href = form.action;
        failed.appendChild(every);
        panel.appendChild(failed);
      });
    }

    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        show(input.value, !/\s$/.test(input.value));
        if (full) history.replaceState(null, "", input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : location.pathname);
      }, 80);
    });
    form.addEventListener("submit", function (event) {
      if (!full) return;  // the header's form opens the search page with the words
      event.preventDefault();
      show(input.value, false);
    });
    form.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        if (!input.value && panel.hidden) return;
        input.value = "";
        clear();
        if (full) history.replaceState(null, "", location.pathname);
        input.focus();
        event.preventDefault();
        return;
      }
      // The arrows move between the box and the results only: the filters keep theirs.
      if (event.target !== input && at < 0) return;
      if (event.key === "ArrowDown" && links.length) {
        links[Math.min(at + 1, links.length - 1)].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at === 0 ? input : links[at - 1]).focus();
        event.preventDefault();
      }
    });
    if (full) {
      form.querySelectorAll("[data-search-filter]").forEach(function (group) {
        group.hidden = false;
        group.addEventListener("change", function (event) {
          filters[group.getAttribute("data-search-filter")] = event.target.value;
          show(input.value, false);
        });
      });
      var asked = new URLSearchParams(location.search).get("q");
      if (asked) { input.value = asked; show(asked, false); }
    }
  }

  if (typeof document !== "undefined") {
    document.querySelectorAll("form[data-search-index]").forEach(attach);
  }
  if (typeof module !== "undefined") module.exports = { words: words, term: term, terms: queryTerms, search: search };
})();
