// The page `export L FILE.html` writes, in headless Debian chromium
// (playwright-core drives it; no browser is downloaded).  Run by
// tests/draw/check page after tests/draw.xi wrote tests/out/draw_L.html:
//
//   node tests/browser/page.js tests/out/draw_L.html tests/out/draw_page.png
//
// It loads from a file:// URL with the network cut off, and fails on any
// console error, page error or request that is not the file itself; the
// graph's SVG must have one box per step; ArrowRight N times must outline
// the N-th node and show its value, ArrowLeft must go back.  The values are
// seed 000's (x = 3, W = 3, y = 1, L = -y*log(1/(1 + exp(-W*x)))), from
// tests/draw/seed000.py (mpmath), passed in by the check as JSON.
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");

const [file, shot, wantJson] = process.argv.slice(2);
const want = JSON.parse(wantJson); // [{id, who, value, dwho, adjoint}] in forward order
const problems = [];
const fail = (why) => problems.push(why);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ offline: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const url = "file://" + path.resolve(file);
    page.on("console", (m) => { if (m.type() === "error") fail("console error: " + m.text()); });
    page.on("pageerror", (e) => fail("page error: " + e.message));
    page.on("request", (r) => { if (r.url() !== url) fail("a request for " + r.url()); });
    await page.route("**/*", (r) => (r.request().url() === url ? r.continue() : r.abort()));
    await page.goto(url, { waitUntil: "load" });

    const boxes = await page.locator("#graph svg g.node").count();
    if (boxes !== want.length) fail(`the graph has ${boxes} boxes, not ${want.length}`);
    for (const w of want)
      if ((await page.locator(`#graph svg g.node#${w.id}`).count()) !== 1)
        fail(`no box ${w.id} (${w.who}) in the graph`);
    const rows = await page.locator("#forward tr").count();
    if (rows !== want.length + 1) fail(`the forward table has ${rows - 1} rows, not ${want.length}`);

    // what the page shows now: the outlined boxes and rows, the panel's value
    const state = () => page.evaluate(() => ({
      current: [...document.querySelectorAll("#graph g.node.current")].map((g) => g.id),
      rows: [...document.querySelectorAll("tr.current")].map((r) => r.id),
      what: document.getElementById("what").textContent,
      value: document.getElementById("value").textContent,
      shown: !document.getElementById("now").hidden,
      visible: [...document.querySelectorAll("#graph g.node.current")].every((g) => {
        const r = g.getBoundingClientRect(), b = document.getElementById("graph").getBoundingClientRect();
        return r.left >= b.left - 1 && r.right <= b.right + 1;
      }),
    }));
    const expectAt = async (n) => { // after n presses of →, forward then reverse
      const s = await state();
      const fwd = n <= want.length, w = fwd ? want[n - 1] : want[2 * want.length - n];
      const value = fwd ? w.value : w.adjoint, row = (fwd ? "f" : "r") + w.id.slice(1);
      if (s.current.join() !== w.id) fail(`after ${n} →: outlined ${s.current.join() || "nothing"}, not ${w.id} (${w.who})`);
      if (s.rows.join() !== row) fail(`after ${n} →: the current row is ${s.rows.join() || "none"}, not ${row}`);
      if (!s.shown || s.value !== value) fail(`after ${n} →: the value shown is "${s.value}", not "${value}" (${fwd ? w.who : w.dwho})`);
      if (!s.visible) fail(`after ${n} →: ${w.id} (${w.who}) is scrolled out of sight`);
      if (!s.what.startsWith(fwd ? w.who : w.dwho)) fail(`after ${n} →: it says "${s.what}", not ${fwd ? w.who : w.dwho}`);
    };
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    for (let n = 1; n <= 2 * want.length; n++) {
      await page.keyboard.press("ArrowRight");
      await expectAt(n);
      if (n === 6) await page.screenshot({ path: shot, fullPage: true }); // ξ3 = ξ2·x = -9 outlined
    }
    await page.keyboard.press("ArrowRight"); // past the end: stays on the last
    await expectAt(2 * want.length);
    for (let n = 2 * want.length - 1; n >= 1; n--) {
      await page.keyboard.press("ArrowLeft");
      await expectAt(n);
    }
    await page.keyboard.press("ArrowLeft");
    const s = await state();
    if (s.current.length || s.shown) fail("← from the first step leaves a node outlined or a value shown");

    // the other pages tests/draw.xi writes: a network (L3) and a root that is
    // not a scalar (a: the forward pass only); they load without an error,
    // have a box per step, and → shows the first step's value
    for (const [other, reverse] of [["draw_L3.html", true], ["draw_a.html", false]]) {
      const p = await context.newPage();
      const u = "file://" + path.resolve(path.dirname(file), other);
      p.on("console", (m) => { if (m.type() === "error") fail(`${other}: console error: ${m.text()}`); });
      p.on("pageerror", (e) => fail(`${other}: page error: ${e.message}`));
      await p.route("**/*", (r) => (r.request().url() === u ? r.continue() : r.abort()));
      await p.goto(u, { waitUntil: "load" });
      const d = await p.evaluate(() => JSON.parse(document.getElementById("xi-data").textContent));
      const n = await p.locator("#graph svg g.node").count();
      if (n !== d.steps.length) fail(`${other}: ${n} boxes for ${d.steps.length} steps`);
      if (d.reverse !== reverse) fail(`${other}: reverse is ${d.reverse}`);
      if ((await p.locator("#reverse").count()) !== (reverse ? 1 : 0))
        fail(`${other}: the reverse table is ${reverse ? "missing" : "there"}`);
      await p.keyboard.press("ArrowRight");
      const v = await p.locator("#value").textContent();
      if (v !== d.steps[0].value) fail(`${other}: → shows "${v}", not "${d.steps[0].value}"`);
      await p.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.log(problems.slice(0, 20).join("\n"));
    process.exit(1);
  }
  console.log(`${want.length} nodes stepped through forward and back`);
})().catch((e) => { console.log(String(e.stack || e).split("\n").slice(0, 5).join("\n")); process.exit(1); });
