// A real `clearance serve` for the browser tests: a fresh data directory with real list files
// imported by the real CLI, the server on a free loopback port, stopped when the tests end.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const bin = process.env.CLEARANCE_BIN || new URL("../../build/clearance", import.meta.url).pathname;
export const shared = process.env.CLEARANCE_SHARED_DATA ||
  new URL("../../../shared/data", import.meta.url).pathname;

export function makeDataDir() {
  return mkdtempSync(join(tmpdir(), "clearance-ui-"));
}

// `clearance lists import FILE…` into `dataDir`; exit 0 or 3 (records skipped) is success.
export function importLists(dataDir, files) {
  const run = spawnSync(bin, ["lists", "import", ...files], {
    env: { ...process.env, CLEARANCE_DATA_DIR: dataDir }, encoding: "utf8", timeout: 600_000 });
  if (run.status !== 0 && run.status !== 3) {
    throw new Error(`lists import exited ${run.status}: ${run.stderr}`);
  }
}

export function newApiKey(label) {
  const run = spawnSync(bin, ["api-key", "new", "--label", label], { encoding: "utf8" });
  const text = run.stdout + run.stderr;
  return { key: /key:\s+(\S+)/.exec(text)[1], line: /line:\s+(.+)/.exec(text)[1].trim() };
}

// Starts the server; resolves to {url, stop(), process} once it listens and is ready.
export async function startServer(dataDir, args = []) {
  const child = spawn(bin, ["serve", "--port", "0", "--reload-interval", "0", ...args], {
    env: { ...process.env, CLEARANCE_DATA_DIR: dataDir }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start:\n" + log)), 120_000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}:\n${log}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const r = await fetch(url + "/readyz").catch(() => null);
    if (r && r.ok) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  return {
    url,
    process: child,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGTERM");
    }),
  };
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export function readText(path) {
  return readFileSync(path, "utf8");
}
