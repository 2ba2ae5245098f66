// Building the page from data: every name from a list is set as text, never parsed as markup.

// h("a", {href: "#/x", class: "c"}, "text", child…): an element; attributes starting with "on"
// are listeners; null and false children and attributes are skipped.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

// Appends children to `el`, flattening arrays and skipping null, undefined and false.
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

// el.append(...) that flattens arrays and skips null, undefined and false (DOM's own append
// would write "null").
export function put(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// A table from column headers and rows of cells (strings or nodes).
export function table(caption, headers, rows, attrs = {}) {
  return h("table", attrs, caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, headers.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c) => h("td", {}, c))))));
}

// A definition list from [term, value] pairs; empty values are left out.
export function facts(pairs, attrs = {}) {
  const items = pairs.filter(([, v]) => v !== undefined && v !== null && v !== "" &&
    !(Array.isArray(v) && v.length === 0));
  return h("dl", { class: "facts", ...attrs },
    items.map(([term, value]) => [h("dt", {}, term),
      h("dd", {}, Array.isArray(value) ? value.join(", ") : value)]));
}

export function score(value) {
  return typeof value === "number" ? value.toFixed(2) : "";
}

export function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toFixed(1) + " MB";
}

// Runs `fn` once typing has paused for `ms`.
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  // Drops a call still waiting: what it would have done has been done another way.
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
