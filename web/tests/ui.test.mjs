// The analyst's page in Debian's Chromium against a real `clearance serve` over real lists: each
// view's main path, keyboard-only use, accessibility (axe-core: no serious or critical
// violations), both languages, bad input and a lost server. Screenshots go to
// $CLEARANCE_UI_ARTIFACTS (default: a temporary directory, printed).
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { importLists, makeDataDir, newApiKey, removeDir, shared, startServer } from "./server.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const artifacts = process.env.CLEARANCE_UI_ARTIFACTS || mkdtempSync(join(tmpdir(), "clearance-ui-shots-"));
mkdirSync(artifacts, { recursive: true });
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const L = join(shared, "lists");

let dataDir, server, browser, context, page, pageErrors;

async function shot(name) {
  await page.screenshot({ path: join(artifacts, name + ".png"), fullPage: true });
}

// axe-core over the page as it is now: serious and critical violations fail the test.
async function assertAccessible(label) {
  // Nothing rendered from a missing value or an unconverted object.
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /\bnull\b|\bundefined\b|\[object |NaN/, `${label}: a value rendered badly`);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`),
    [], `${label}: axe violations`);
}

// A fresh load of the page at `hash` (not a same-document hash change): every test starts clean.
async function open(hash) {
  await page.goto("about:blank");
  await page.goto(server.url + "/" + hash);
  await page.waitForSelector("body[data-ready=true]");
}

// Waits until the page has drawn the view a link led to. location.hash changes at once, but the
// hashchange event that draws the view (and moves focus to it) comes in a later task: waiting on
// the hash alone let a slow page take the focus from the next link after the test had given it.
// The view is drawn when its navigation link is marked current, in the same task as the focus.
async function routed(hash) {
  await page.waitForFunction((h) => location.hash === h &&
    document.querySelector("nav a[aria-current=page]")?.getAttribute("href") === h, hash);
}

before(async () => {
  dataDir = makeDataDir();
  // Two imports, so the Lists view has a diff to show: the CSL of 2026-07-31, then BIS's MIEU list.
  importLists(dataDir, [join(L, "us_csl/compact_2026-07-31/screening-list.json")]);
  importLists(dataDir, [join(L, "bis/bis_mieu.csv")]);
  server = await startServer(dataDir);
  // A monitored counterparty, so the review queue has an alert to decide.
  const r = await fetch(server.url + "/v1/subjects", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reviewer: "setup", subjects: [
      { id: "C-1", name: "Huawei Technologies Co., Ltd.", country: "CN" },
      { id: "C-2", name: "Semiconductor Manufacturing International Corporation", country: "CN" }] }),
  });
  assert.equal(r.status, 200, await r.text());
  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  context = await browser.newContext({ acceptDownloads: true, locale: "en-US" });
  page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
  console.log("screenshots:", artifacts);
});

// The page as each test left it: what went wrong is visible without rerunning.
afterEach(async (t) => {
  if (page && !page.isClosed()) {
    await page.screenshot({ path: join(artifacts, "end-" + t.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60) + ".png") })
      .catch(() => {});
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) removeDir(dataDir);
});

describe("the analyst's page", () => {
  test("screen a Chinese name and find the Entity List party, with the explanation", async () => {
    await open("#/screen");
    await page.fill("#screen-name", "华为技术有限公司");
    const card = page.locator("article.hit").filter({ hasText: "Huawei Technologies Co., Ltd." }).first();
    await card.waitFor();
    assert.match(await card.locator("table.listings").innerText(), /\bEL\b[\s\S]*Presumption of denial/);
    await card.locator("details.why summary").click();
    const why = await card.locator("details.why table").innerText();
    assert.match(why, /华为/);
    assert.match(why, /translated/);
    await shot("screen");
    await assertAccessible("screen with results");
  });

  test("screen: a Chinese brand finds the listed party through a name Clearance added, with its source", async () => {
    await open("#/screen");
    await page.fill("#screen-name", "海光"); // Hygon, listed as "Higon": no translation, no pinyin
    const card = page.locator("article.hit").filter({ hasText: "Higon" }).first();
    await card.waitFor();
    const facts = await card.innerText();
    assert.match(facts, /added by Clearance, not the list's text/);
    assert.match(facts, /Name source[\s\S]*chinese_names\.csv line \d+[\s\S]*https?:\/\//);
  });

  test("screen: words of a script no reader spells are said, not taken for a clear answer", async () => {
    await open("#/screen");
    await page.fill("#screen-name", "ཏཱ་ལའི་བླ་མ"); // Tibetan: no transliterator spells it
    const alert = page.locator('#screen-results[data-query="ཏཱ་ལའི་བླ་མ"] p.warnings[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Tibetan[\s\S]*ཏཱ་ལའི་བླ་མ[\s\S]*no hit is no answer/);
    await assertAccessible("screen with words not read");
  });

  test("screen: a record is kept only when asked for, and the trail shows it", async () => {
    await open("#/screen");
    await page.check("#screen-record");
    await page.fill("#screen-name", "Huawei Technologies");
    await page.waitForSelector('#screen-results[data-query="Huawei Technologies"] article.hit');
    assert.equal(await page.locator(".recorded").count(), 0); // typing never records
    await page.click("#screen-form button[type=submit]");
    const recorded = page.locator(".recorded");
    await recorded.waitFor();
    const id = /#(\d+)/.exec(await recorded.innerText())[1];
    const trail = await (await fetch(`${server.url}/v1/audit?object=screening:${id}`)).json();
    assert.equal(trail.entries.length, 1);
    assert.equal(trail.entries[0].action, "screening.recorded");
  });

  test("a party page shows every record, listing and source", async () => {
    await open("#/screen");
    await page.fill("#screen-name", "Huawei Technologies Co., Ltd.");
    await page.waitForSelector('#screen-results[data-query="Huawei Technologies Co., Ltd."] article.hit');
    await page.locator("article.hit h2 a").first().click();
    await page.waitForSelector("section.record");
    const text = await page.locator("main").innerText();
    assert.match(text, /Records \(\d+\)/);
    assert.match(text, /us_csl:el:/);
    assert.match(text, /744\.11/);
    await shot("party");
    await assertAccessible("party");
  });

  test("batch: upload, follow, download results and rejected rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clearance-ui-batch-"));
    const csv = join(dir, "customers.csv");
    writeFileSync(csv, "id,name,country\nA1,Huawei Technologies Co. Ltd,CN\nA2,Example Bakery of Lyon,FR\nA3,,CN\n");
    await open("#/batch");
    await page.setInputFiles("#batch-file", csv);
    await page.click("#batch-form button[type=submit]");
    await page.locator("#batch-status").getByText("Done").waitFor({ timeout: 60_000 });
    assert.match(await page.locator("#batch-status").innerText(), /3 rows read, 1 with hits .* 1 rejected/);
    const [hits] = await Promise.all([page.waitForEvent("download"),
      page.getByRole("button", { name: /Download results/ }).click()]);
    assert.equal(hits.suggestedFilename(), "customers.hits.jsonl");
    const lines = readFileSync(await hits.path(), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const a1 = lines.find((l) => l.id === "A1");
    assert.ok(a1 && a1.hits.some((h) => h.listings?.some((x) => x.list === "EL")), "A1 meets an EL party");
    const [rejected] = await Promise.all([page.waitForEvent("download"),
      page.getByRole("button", { name: /Download rejected rows/ }).click()]);
    const rejectedText = readFileSync(await rejected.path(), "utf8");
    assert.match(rejectedText, /\b4\b/); // the line of the row without a name
    assert.match(rejectedText, /name/);
    await shot("batch");
    await assertAccessible("batch");
    removeDir(dir);
  });

  test("batch: a 50 MB file is refused with the limit named, next to the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clearance-ui-big-"));
    const big = join(dir, "big.csv");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, "a"));
    await open("#/batch");
    await page.setInputFiles("#batch-file", big);
    await page.click("#batch-form button[type=submit]");
    const error = page.locator("#batch-file-error");
    await error.waitFor();
    assert.match(await error.innerText(), /50\.0 MB.*4\.0 MB/);
    assert.equal(await page.getAttribute("#batch-file", "aria-invalid"), "true");
    removeDir(dir);
  });

  test("review: open an alert and decide it with a reason; the trail records it", async () => {
    await open("#/review");
    const row = page.locator("table.queue tbody tr").filter({ hasText: "C-1" }).first();
    await row.waitFor();
    await shot("review-queue");
    await assertAccessible("review queue");
    await row.locator("a").first().click();
    await page.waitForSelector("#decision-form");
    await page.check("#decision-false_positive");
    await page.fill("#decision-reason", "Different company: registered in Lyon, no link to Huawei.");
    await page.fill("#decision-reviewer", "analyst-1");
    await page.click("#decision-form button[type=submit]");
    await page.locator("main").getByText("analyst-1").first().waitFor();
    const text = await page.locator("main").innerText();
    assert.match(text, /False positive/);
    assert.match(text, /Closed/);
    assert.match(text, /Different company/);
    await shot("alert");
    await assertAccessible("alert");
  });

  test("review: a decision without a reason is refused next to the field", async () => {
    await open("#/review");
    const row = page.locator("table.queue tbody tr").filter({ hasText: "C-2" }).first();
    await row.waitFor();
    await row.locator("a").first().click();
    await page.waitForSelector("#decision-form");
    await page.check("#decision-escalate");
    await page.fill("#decision-reviewer", "analyst-1");
    await page.fill("#decision-reason", "   ");  // blank: passes the browser's check, not the server's
    await page.click("#decision-form button[type=submit]");
    const error = page.locator("#decision-reason-error");
    await error.waitFor();
    assert.match(await error.innerText(), /reason/i);
  });

  test("check: an H100 to a Chinese-headquartered buyer on the Entity List, with citations", async () => {
    await open("#/check");
    await page.waitForSelector("#check-chip option[value='nvidia-h100-sxm']", { state: "attached" });
    await page.selectOption("#check-chip", "nvidia-h100-sxm");
    await page.fill("#check-destination", "CN");
    await page.fill("#check-party-hq", "CN");
    await page.fill("#check-date", "2026-03-01");
    await page.fill("#check-parties", "Huawei Technologies");
    await page.click("#check-form button[type=submit]");
    const verdict = page.locator(".verdict");
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /License required/);
    const requirements = await page.locator("table.requirements").innerText();
    assert.match(requirements, /§ 742\.6/);
    assert.match(requirements, /§ 744\.11/);
    assert.match(await page.locator("#check-result").innerText(), /Rulebook\s+\d{4}-\d{2}-\d{2}/);
    await shot("check");
    await assertAccessible("check");
  });

  test("check: a bad field is shown next to it", async () => {
    await open("#/check");
    await page.fill("#check-destination", "Atlantis");
    await page.fill("#check-eccn", "3A090");
    await page.click("#check-form button[type=submit]");
    const error = page.locator("#check-destination-error");
    await error.waitFor();
    assert.match(await error.innerText(), /destination/i);
  });

  test("check: a chip given by its figures is classified; bad figures are shown at the field", async () => {
    await open("#/check");
    await page.click("details.spec summary");
    await page.fill("#check-spec", "{ not json");
    await page.fill("#check-destination", "CN");
    await page.fill("#check-date", "2026-03-01");
    await page.click("#check-form button[type=submit]");
    await page.locator("#check-spec-error").getByText(/Not valid JSON/).waitFor();
    await page.fill("#check-spec", JSON.stringify({ throughput: [] }));
    await page.click("#check-form button[type=submit]");
    await page.locator("#check-spec-error").getByText(/spec: name: missing/).waitFor();
    await page.fill("#check-spec", JSON.stringify({ name: "Test accelerator", datacenter: true,
      throughput: [{ precision: "FP16", bits: 16, tops: 1000, sparse: false }],
      dies: [{ name: "die", area_mm2: 800 }] }));
    await page.click("#check-form button[type=submit]");
    await page.locator(".verdict").waitFor();
    const text = await page.locator("#check-result").innerText();
    assert.match(text, /Classification: 3A090/);
    assert.match(text, /TPP\s+16000/);
  });

  test("review: the queue filters by list", async () => {
    await open("#/review");
    await page.locator("table.queue").waitFor();
    await page.waitForSelector("#review-list option[value='EL']", { state: "attached" });
    await page.selectOption("#review-status", "");
    await page.selectOption("#review-list", "EL");
    await page.locator("table.queue tbody tr").filter({ hasText: "C-2" }).first().waitFor();
    await page.selectOption("#review-list", "MIEU");
    await page.getByText("No alerts match.").waitFor();
  });

  test("review: a filter's answer that comes late does not replace the newer filter's", async () => {
    await open("#/review");
    await page.waitForSelector("#review-list option[value='EL']", { state: "attached" });
    await page.selectOption("#review-status", "");
    await page.locator("table.queue tbody tr").filter({ hasText: "C-2" }).first().waitFor();
    // The real server answers the EL query; its answer is only held back until the MIEU query
    // has been answered and shown (a slow server answering out of order).
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/v1/alerts?*", async (route) => {
      if (new URL(route.request().url()).searchParams.get("list") !== "EL") return route.continue();
      const response = await route.fetch();
      await held;
      return route.fulfill({ response });
    });
    await page.selectOption("#review-list", "EL");
    await page.selectOption("#review-list", "MIEU");
    await page.getByText("No alerts match.").waitFor();
    release();
    await page.waitForTimeout(500);  // the EL answer arrives now
    assert.equal(await page.locator("table.queue").count(), 0);
    assert.match(await page.locator("#review-results").innerText(), /No alerts match\./);
    await page.unroute("**/v1/alerts?*");
  });

  test("review: an alert decided by keyboard alone", async () => {
    await open("#/review");
    const row = page.locator("table.queue tbody tr").filter({ hasText: "C-2" }).first();
    await row.waitFor();
    await row.locator("a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#decision-form");
    await page.focus("#decision-true_match");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab"); // leaves the radio group for the reason
    await page.keyboard.type("Same company: the listed SMIC entity, Shanghai address.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("analyst-2");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator("main").getByText("analyst-2").first().waitFor();
    assert.match(await page.locator("main").innerText(), /True match/);
  });

  test("lists: sources with their ages, and what the last import changed", async () => {
    await open("#/lists");
    await page.locator("table.sources").waitFor();
    const sources = await page.locator("table.sources").innerText();
    assert.match(sources, /us_csl/);
    assert.match(sources, /2026-07-31/);
    await page.getByText(/From snapshot .* 13 added, 0 removed, 0 changed/).waitFor();
    await shot("lists");
    await assertAccessible("lists");
  });

  test("every view is reachable and usable by keyboard alone", async () => {
    await open("#/lists");
    // From the top of the page: the skip link, then the navigation.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
    for (const [label, hash] of [["Batch", "#/batch"], ["Review", "#/review"], ["Check", "#/check"],
      ["Lists", "#/lists"], ["Screen", "#/screen"]]) {
      await page.locator("nav a", { hasText: label }).focus();
      await page.keyboard.press("Enter");
      await routed(hash);
    }
    // Screen by typing and Enter; open the first party with the keyboard.
    await page.focus("#screen-name");
    await page.keyboard.type("Huawei Technologies");
    await page.keyboard.press("Enter");
    // The hits of the whole name, drawn and the button free again: a hit of a name still being
    // typed may be drawn first and then replaced, taking the focus with it.
    await page.waitForFunction(() =>
      document.querySelector("#screen-results")?.dataset.query === "Huawei Technologies" &&
      document.querySelector("#screen-form button[type=submit]")?.getAttribute("aria-busy") !== "true" &&
      document.querySelector("article.hit") !== null);
    await page.focus("#screen-name");
    await page.keyboard.press("Tab"); // country
    for (let i = 0; i < 12; i++) {
      const onLink = await page.evaluate(() => document.activeElement.closest("article.hit h2") !== null);
      if (onLink) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.startsWith("#/party/"));
    // The check form: Tab order reaches the submit button and Enter submits it.
    await open("#/check");
    await page.focus("#check-destination");
    await page.keyboard.type("CN");
    await page.focus("#check-eccn");
    await page.keyboard.type("3B001.c");
    await page.focus("#check-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator(".verdict").waitFor();
  });

  test("Simplified Chinese: the page's words change, list names stay as written", async () => {
    await open("#/screen");
    await page.click("#lang-button");
    assert.equal(await page.locator("nav a[href='#/screen']").innerText(), "筛查");
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
    await page.fill("#screen-name", "华为技术有限公司");
    await page.locator("article.hit").first().waitFor();
    assert.match(await page.locator("article.hit h2").first().innerText(), /Huawei/);
    assert.match(await page.locator("#screen-results").innerText(), /快照/);
    await shot("screen-zh");
    await assertAccessible("screen in Chinese");
    await page.click("#lang-button");
    assert.equal(await page.locator("nav a[href='#/screen']").innerText(), "Screen");
  });

  test("a 503 during a reload shows a retry, and the retry answers", async () => {
    await open("#/screen");
    await page.fill("#screen-name", "Huawei Technologies");
    await page.locator("article.hit").first().waitFor();
    // The one stand-in: the server's answer to this request is replaced by the 503 it gives while
    // it has no snapshot; the retry then goes to the real server.
    let failNext = true;
    await page.route("**/v1/screen", (route) => {
      if (!failNext) return route.continue();
      failNext = false;
      return route.fulfill({ status: 503, contentType: "application/json",
        body: JSON.stringify({ error: { status: 503, code: "busy", message: "reloading" } }) });
    });
    await page.click("#screen-form button[type=submit]");
    const retry = page.getByRole("button", { name: "Retry" });
    await retry.waitFor();
    await retry.click();
    await page.locator("article.hit").first().waitFor();
    await page.unroute("**/v1/screen");
  });

  test("the page's own scripts ran without an error or a CSP violation", () => {
    assert.deepEqual(pageErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  });

  test("an API key is asked for, kept for the tab only, and sent", async () => {
    const { key, line } = newApiKey("ui-test");
    const keysFile = join(dataDir, "keys.txt");
    writeFileSync(keysFile, line + " +reviewer\n");
    const keyed = await startServer(dataDir, ["--api-keys", keysFile]);
    try {
      const p = await context.newPage();
      await p.goto(keyed.url + "/#/screen");
      await p.waitForSelector("body[data-ready=true]");
      await p.fill("#screen-name", "Huawei Technologies");
      await p.locator("#key-dialog").waitFor();
      await p.fill("#key-input", key);
      await p.click("#key-form button[type=submit]");
      await p.locator("article.hit").first().waitFor();
      assert.equal(await p.evaluate(() => sessionStorage.getItem("clearance.apiKey")), key);
      assert.equal(await p.evaluate(() => JSON.stringify(localStorage).includes("clr_")), false);
      await p.close();
    } finally {
      await keyed.stop();
    }
  });

  test("a lost server shows a retry, never a blank page", async () => {
    await open("#/lists");
    await page.locator("table.sources").waitFor();
    await server.stop();
    await page.evaluate(() => { location.hash = "#/review"; });
    const problem = page.locator(".problem");
    await problem.waitFor();
    assert.match(await problem.innerText(), /cannot be reached/);
    assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 1);
    await shot("server-lost");
  });
});
