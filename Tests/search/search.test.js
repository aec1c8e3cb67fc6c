// The browser side of site search: the query's terms, synonyms, typos, urgency and ranking,
// on a small index written by hand. Run with `node --test Tests/search`.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const search = require("../../Templates/assets/search.js");

// Pages: kinds and urgency one character each in the head; [url, title, roots] in files of
// `docChunk` pages (2 here, so results come from several files). Postings: term -> [doc, score, ...].
const head = {
  chunk: 32,
  stop: ["a", "and", "in", "my", "the", "of", "is"],
  roots: ["L5", "S3"],
  urgent: [["bladder"], ["saddl"], ["both", "leg"], ["numb", "bottom"]],
  not_urgent: [["bottom", "foot"]],
  synonyms: [[[["numb", "bum"]], [["saddl"]]], [[["pin", "needl"]], [["tingl"]]], [[["pinky"]], [["littl", "toe"]]]],
  docChunk: 2,
  count: 5,
  kinds: "paara",
  urgency: "00210",
};
const docs = [
  ["/where/big-toe/", "Big toe", ["L5"]],
  ["/articles/foot-drop/", "Foot drop", []],
  ["/articles/urgent/", "When to get urgent help", []],
  ["/dermatomes/s3/", "S3 dermatome", ["S3"]],
  ["/articles/toes/", "Toes and more toes", []],
];
const terms = {
  b: { big: [0, 60, 4, 3], bladder: [2, 6, 3, 3] },
  t: { toe: [0, 60, 1, 3, 4, 90], tingl: [1, 12] },
  l: { leg: [1, 3], littl: [0, 60] },
  f: { foot: [1, 60, 0, 3] },
  d: { drop: [1, 60] },
  s: { saddl: [3, 60, 2, 9], sciatica: [1, 9] },
  n: { numb: [0, 9, 3, 9] },
  p: { pin: [4, 3] },
};
const index = {
  head: Promise.resolve(head),
  shard: (name) => Promise.resolve(terms[name] || {}),
  docs: (chunk) => Promise.resolve(docs.slice(chunk * 2, chunk * 2 + 2)),
};
const urls = async (query, typing = false) =>
  (await search.search(index, query, typing)).results.map((r) => r.url);

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

test("a result carries its address, title, kind and roots from the files of pages", async () => {
  const found = await search.search(index, "s3 saddle", false);
  const s3 = found.results.find((r) => r.url === "/dermatomes/s3/");
  assert.deepStrictEqual([s3.title, s3.kind, s3.roots, s3.urgency], ["S3 dermatome", "root", ["S3"], 1]);
  assert.strictEqual(found.total, found.results.length);
  const limited = await search.search(index, "toe", false, 1);
  assert.strictEqual(limited.results.length, 1);
  assert.ok(limited.total >= 2);
});

test("a synonym's phrase needs all its words on a page", async () => {
  // "pinky" finds "little toe": the page with both, not the page that only says "toe" most.
  assert.deepStrictEqual(await urls("pinky"), ["/where/big-toe/"]);
});
