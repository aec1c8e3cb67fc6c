// The browser side of site search: the query's terms, synonyms, typos, urgency and ranking,
// on a small index written by hand. Run with `node --test Tests/search`.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const search = require("../../Templates/assets/search.js");

// Docs: [url, title, kind, roots, urgency]. Postings: term -> [doc, score, ...].
const head = {
  chunk: 32,
  stop: ["a", "and", "in", "my", "the", "of", "is"],
  roots: ["L5", "S3"],
  urgent: [["bladder"], ["saddl"], ["both", "leg"], ["numb", "bottom"]],
  not_urgent: [["bottom", "foot"]],
  synonyms: [[[["numb", "bum"]], ["saddl"]], [[["pin", "needl"]], ["tingl"]]],
  docs: [
    ["/where/big-toe/", "Big toe", "place", ["L5"], 0],
    ["/articles/foot-drop/", "Foot drop", "article", [], 0],
    ["/articles/urgent/", "When to get urgent help", "article", [], 2],
    ["/dermatomes/s3/", "S3 dermatome", "root", ["S3"], 1],
    ["/articles/toes/", "Toes and more toes", "article", [], 0],
  ],
};
const terms = {
  b: { big: [0, 60, 4, 3], bladder: [2, 6, 3, 3] },
  t: { toe: [0, 60, 1, 3, 4, 90], tingl: [1, 12] },
  f: { foot: [1, 60, 0, 3] },
  d: { drop: [1, 60] },
  s: { saddl: [3, 60, 2, 9], sciatica: [1, 9] },
  n: { numb: [0, 9, 3, 9] },
  l: { leg: [1, 3] },
  p: { pin: [4, 3] },
};
const index = {
  head: Promise.resolve(head),
  shard: (name) => Promise.resolve(terms[name] || {}),
};
const urls = async (query, typing = false) =>
  (await search.search(index, query, typing)).results.map((r) => head.docs[r.doc][0]);

test("terms drop stop words and meet across forms", () => {
  assert.deepStrictEqual(search.terms(head, "Pins and needles in my TOES"), ["pin", "needl", "toe"]);
  assert.deepStrictEqual(search.terms(head, "Tingling, tingly; tingles"), ["tingl", "tingl", "tingl"]);
});

test("a page named by the words comes before a page that repeats one of them", async () => {
  const found = await urls("big toe");
  assert.strictEqual(found[0], "/where/big-toe/");
  assert.ok(found.indexOf("/articles/toes/") > 0);
});

test("a synonym phrase finds the pages' own word", async () => {
  assert.deepStrictEqual((await urls("pins and needles")).slice(0, 1), ["/articles/foot-drop/"]);
});

test("urgent words, or a synonym that adds one, put the urgent-help page first", async () => {
  assert.strictEqual((await urls("bladder"))[0], "/articles/urgent/");
  const numbBum = await urls("numb bum");
  assert.deepStrictEqual(numbBum.slice(0, 2), ["/articles/urgent/", "/dermatomes/s3/"]);
});

test("a typo one or two letters away still finds the word", async () => {
  assert.strictEqual((await urls("sciatca"))[0], "/articles/foot-drop/");
  assert.strictEqual((await urls("fot drop"))[0], "/articles/foot-drop/", "three letters: no typo allowed, but drop alone finds it");
  assert.deepStrictEqual(await urls("xq"), []);
});

test("the word being typed matches longer words", async () => {
  assert.deepStrictEqual(await urls("dro", false), []);
  assert.strictEqual((await urls("foot dro", true))[0], "/articles/foot-drop/");
});

test("urgent phrases match in any order, and through a typo in a longer word", async () => {
  const urgent = async (query) => (await search.search(index, query, false)).urgent;
  assert.strictEqual(await urgent("both legs"), true);
  assert.strictEqual(await urgent("legs both"), true);
  assert.strictEqual(await urgent("bladdr"), true, "one letter away from bladder");
  assert.strictEqual(await urgent("numb bottom"), true);
  assert.strictEqual(await urgent("numb bottom of my foot"), false, "'bottom of my foot' is the sole");
  assert.strictEqual(await urgent("bla", true), false, "the start of a word being typed is not yet urgent");
  assert.strictEqual((await urls("bum numb"))[0], "/articles/urgent/", "the synonym phrase in the other order");
});
