// The page's shell: the router (#/screen, #/party/ID, #/batch, #/review, #/alert/ID, #/check,
// #/lists), the language switch and the API key dialog.
import { api, apiKey, onKeyNeeded, server, setApiKey } from "./api.js";
import { clear } from "./dom.js";
import { applyLanguage, language, setLanguage, t } from "./i18n.js";
import { renderScreen } from "./views/screen.js";
import { renderParty } from "./views/party.js";
import { renderBatch } from "./views/batch.js";
import { renderReview, renderAlert } from "./views/review.js";
import { renderCheck } from "./views/check.js";
import { renderLists } from "./views/lists.js";

const routes = {
  screen: renderScreen,
  party: renderParty,
  batch: renderBatch,
  review: renderReview,
  alert: renderAlert,
  check: renderCheck,
  lists: renderLists,
};
const navOf = { party: "screen", alert: "review" };

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const view = routes[name] ? name : "screen";
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : "";
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === "#/" + (navOf[view] || view)) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
  }
  const main = clear(document.getElementById("view"));
  document.title = t("nav." + (navOf[view] || view)) + " · Clearance";
  routes[view](main, arg);
  // Focus follows the view for keyboard and screen-reader users, except on the first load.
  if (route.done) main.focus({ preventScroll: true });
  route.done = true;
}

// Asks for an API key in the dialog; resolves to the key or null when cancelled.
function askForKey(reason) {
  const dialog = document.getElementById("key-dialog");
  const input = document.getElementById("key-input");
  document.getElementById("key-help").textContent =
    reason === "invalid" ? t("key.invalid") : t("key.help");
  input.value = "";
  return new Promise((resolve) => {
    const form = document.getElementById("key-form");
    const done = (key) => {
      form.onsubmit = null;
      document.getElementById("key-cancel").onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      if (key) {
        setApiKey(key);
        document.getElementById("key-button").hidden = false;
      }
      resolve(key || null);
    };
    form.onsubmit = (e) => {
      e.preventDefault();
      done(input.value.trim());
    };
    document.getElementById("key-cancel").onclick = () => done(null);
    dialog.onclose = () => done(null);
    dialog.showModal();
    input.focus();
  });
}

async function start() {
  applyLanguage();
  onKeyNeeded(askForKey);
  const langButton = document.getElementById("lang-button");
  const showLangButton = () => {
    const other = language() === "zh" ? "en" : "zh";
    langButton.textContent = other === "zh" ? "中文" : "English";
    langButton.setAttribute("lang", other === "zh" ? "zh-Hans" : "en");
    langButton.title = t("lang.switch");
  };
  showLangButton();
  langButton.addEventListener("click", () => {
    setLanguage(language() === "zh" ? "en" : "zh");
    showLangButton();
    route();
  });
  const keyButton = document.getElementById("key-button");
  keyButton.hidden = !apiKey();
  keyButton.addEventListener("click", () => askForKey("change"));
  window.addEventListener("hashchange", route);
  try {
    server.info = await api("GET", "/v1/info");
  } catch {
    server.info = null; // an older server, or none yet: views report their own failures
  }
  if (server.info && server.info.api_key_required && !apiKey()) keyButton.hidden = false;
  route();
  // When the first view was drawn, in ms since navigation began (bench/ui_bench.mjs reads it).
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
}

start();
