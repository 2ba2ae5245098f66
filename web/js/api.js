// Talking to `clearance serve`: the API key (kept in sessionStorage, for this tab only), errors
// as ApiFailure with the field the server named, and "retry" for a lost server or a reload's 503.

const KEY = "clearance.apiKey";

export class ApiFailure extends Error {
  constructor(status, code, field, message) {
    super(message);
    this.status = status; // 0 when the server could not be reached
    this.code = code;
    this.field = field || "";
  }
  // Worth retrying unchanged: the server is gone, busy or loading a snapshot.
  get retryable() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

// What GET /v1/info said (limits, whether keys are required); null before it answers.
export const server = { info: null };

let keyPrompt = null; // set by main.js: asks the user for a key, resolves to it (or null)

export function onKeyNeeded(prompt) {
  keyPrompt = prompt;
}

export function apiKey() {
  return sessionStorage.getItem(KEY) || "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

// api("POST", "/v1/screen", {name}) → the parsed JSON answer. `options.body` sends raw bytes
// instead (a batch file), `options.blob` returns the answer as a Blob, `options.signal` aborts.
export async function api(method, path, json, options = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = {};
    const key = apiKey();
    if (key) headers.Authorization = "Bearer " + key;
    let body;
    if (options.body !== undefined) {
      body = options.body;
      headers["Content-Type"] = options.contentType || "application/octet-stream";
    } else if (json !== undefined && json !== null) {
      body = JSON.stringify(json);
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body, signal: options.signal });
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiFailure(0, "unreachable", "", "unreachable");
    }
    if (response.status === 401 && attempt === 0 && keyPrompt) {
      const given = await keyPrompt(key ? "invalid" : "required");
      if (given) continue;
    }
    if (!response.ok) throw await failureOf(response);
    if (options.blob) return response.blob();
    return response.json();
  }
}

async function failureOf(response) {
  let error = {};
  try {
    const body = await response.json();
    error = body.error || {};
  } catch {
    // a proxy's HTML page, or nothing: the status says enough
  }
  return new ApiFailure(response.status, error.code || "http_" + response.status, error.field,
    error.message || response.statusText || "HTTP " + response.status);
}
