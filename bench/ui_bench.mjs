// The analyst's page against its targets (issue: first page interactive ≤ 1 s on loopback, a
// screening result shown ≤ 150 ms after the last keystroke on the full lists, ≤ 500 KB
// transferred), in Debian's chromium driven by playwright-core (installed in web/ by
// scripts/install-deps.sh), against a running `clearance serve`.
//
// Usage: node bench/ui_bench.mjs URL [--loads 20] [--names data/sample_names.txt] [--delay 80]
//   --delay: ms between simulated keystrokes (a fast typist: 80).
// Baseline for the keystroke figure: the same final query POSTed to /v1/screen straight from the
// page (fetch, no rendering), so the page's own cost is the difference.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const url = args[0];
const option = (name, fallback) => {
  const i = args.indexOf("--" + name);
  return i >= 0 ? args[i + 1] : fallback;
};
const loads = Number(option("loads", 20));
const delay = Number(option("delay", 80));
const names = readFileSync(option("names", new URL("../data/sample_names.txt", import.meta.url).pathname), "utf8")
  .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const summary = (values) =>
  `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"] });

// 1. First load: ms from navigation start to the first view drawn (body[data-ready-ms]), cold
// (new context: empty cache) and warm (reloaded: assets revalidated by ETag).
const cold = [], warm = [];
let transferred = 0, files = 0;
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0, count = 0;
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      count++;
    }
  });
  await page.goto(url + "/#/screen");
  await page.waitForSelector("body[data-ready=true]");
  cold.push(Number(await page.getAttribute("body", "data-ready-ms")));
  await page.waitForLoadState("networkidle");
  transferred = bytes;
  files = count;
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  warm.push(Number(await page.getAttribute("body", "data-ready-ms")));
  await context.close();
}
console.log(`first view drawn, cold: ${summary(cold)}`);
console.log(`first view drawn, warm: ${summary(warm)}`);
console.log(`transferred on a cold load: ${(transferred / 1024).toFixed(1)} KB in ${files} responses`);

// 2. Typing: each name typed key by key; time from the last keystroke to the results for the
// whole name on screen.
const page = await browser.newPage();
await page.goto(url + "/#/screen");
await page.waitForSelector("body[data-ready=true]");
await page.evaluate(() => {
  const input = document.getElementById("screen-name");
  input.addEventListener("input", () => { window.lastKey = performance.now(); });
  new MutationObserver(() => {
    const results = document.getElementById("screen-results");
    if (results.dataset.query === window.waitFor && !window.shownAt) window.shownAt = performance.now();
  }).observe(document.getElementById("screen-results"), { attributes: true, childList: true, subtree: true });
});
const typed = [], direct = [];
for (const name of names) {
  await page.fill("#screen-name", "");
  await page.evaluate((n) => { window.waitFor = n; window.shownAt = 0; }, name);
  await page.type("#screen-name", name, { delay });
  await page.waitForFunction(() => window.shownAt > 0, null, { timeout: 10_000 });
  typed.push(await page.evaluate(() => window.shownAt - window.lastKey));
  direct.push(await page.evaluate(async (n) => {
    const start = performance.now();
    const r = await fetch("/v1/screen", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: n }) });
    await r.json();
    return performance.now() - start;
  }, name));
}
console.log(`last keystroke → results shown: ${summary(typed)}`);
console.log(`the same query by fetch alone: ${summary(direct)}`);
await browser.close();
