// Screen: a name in any script (and optional country, type, date of birth) → the parties it may
// be, with their listings and why the score is what it is. Results follow the typing.
import { api } from "../api.js";
import { clear, debounce, facts, h, put, score, table } from "../dom.js";
import { t } from "../i18n.js";
import { busy, clearErrors, field, showFailure } from "../ui.js";

let last = { query: null, result: null }; // kept while the tab lives: back from a party page

export function renderScreen(main) {
  const name = h("input", { id: "screen-name", name: "name", type: "search", required: true,
    autocomplete: "off", spellcheck: "false", value: last.query?.name || "" });
  const country = h("input", { id: "screen-country", name: "country", maxlength: 40,
    value: last.query?.country || "", autocomplete: "off" });
  const type = h("select", { id: "screen-type", name: "type" },
    ["", "organization", "person", "vessel", "aircraft"].map((v) =>
      h("option", { value: v, selected: (last.query?.type || "") === v }, t("type." + (v || "any")))));
  const dob = h("input", { id: "screen-dob", name: "dob", autocomplete: "off",
    value: last.query?.dob || "", placeholder: "1952 / 1952-10-07" });
  const threshold = h("input", { id: "screen-threshold", name: "threshold", type: "number",
    min: 0, max: 1, step: 0.01, value: last.query?.threshold ?? 0.8 });
  const record = h("input", { id: "screen-record", name: "record", type: "checkbox",
    checked: last.record || false });
  const submit = h("button", { type: "submit" }, t("screen.submit"));
  const results = h("section", { id: "screen-results", "aria-live": "polite",
    "aria-label": t("screen.results") });
  const form = h("form", { id: "screen-form", class: "query", role: "search",
    "aria-label": t("screen.title") },
    field(t("screen.name"), name, t("screen.name_hint")),
    h("div", { class: "row" },
      field(t("screen.country"), country),
      field(t("screen.type"), type),
      field(t("screen.dob"), dob),
      field(t("screen.threshold"), threshold)),
    h("div", { class: "actions" }, submit,
      h("div", { class: "field inline" }, record,
        h("label", { for: record.id }, t("screen.record")))));

  let controller = null;
  let sequence = 0;
  async function run(fromTyping) {
    clearErrors(form);
    const query = { name: name.value.trim() };
    if (!query.name) {
      if (!fromTyping) name.reportValidity();
      clear(results);
      return;
    }
    if (country.value.trim()) query.country = country.value.trim();
    if (type.value) query.type = type.value;
    if (dob.value.trim()) query.dob = dob.value.trim();
    if (threshold.value !== "") query.threshold = Number(threshold.value);
    // Kept in the case store only when asked for with the button or Enter, never per keystroke.
    const recorded = !fromTyping && record.checked;
    const body = recorded ? { ...query, record: true } : query;
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = ++sequence;
    const started = performance.now();
    if (!fromTyping) busy(submit, true);
    try {
      const result = await api("POST", "/v1/screen", body, { signal: controller.signal });
      if (mine !== sequence) return;
      last = { query, result, record: record.checked };
      showResult(results, result);
      results.dataset.query = query.name;
      results.dataset.ms = String(Math.round(performance.now() - started));
    } catch (failure) {
      if (mine === sequence) showFailure(failure, { form, where: results, retry: () => run(false) });
    } finally {
      if (!fromTyping) busy(submit, false);
    }
  }
  const typed = debounce(() => run(true), 60);
  name.addEventListener("input", typed);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // Enter screens what was typed: the search-as-you-type still waiting would only screen it
    // again and draw the same hits a second time, under the analyst's keyboard.
    typed.cancel();
    run(false);
  });
  put(main, h("h1", {}, t("screen.title")), form, results);
  if (last.result) showResult(results, last.result);
  name.focus();
}

function showResult(where, result) {
  clear(where);
  const hits = result.hits || [];
  const summary = hits.length === 0
    ? t("screen.none", { threshold: score(result.threshold) })
    : t(result.truncated ? "screen.some_of" : "screen.some",
      { shown: hits.length, total: result.total });
  put(where, h("p", { class: "summary" }, summary, " ",
    h("span", { class: "muted" }, t("screen.snapshot", { id: result.snapshot })),
    result.screening ? [" ", h("span", { class: "recorded" },
      t("screen.recorded", { id: result.screening }))] : null));
  // Words of a script no reader spells were left out: no hit is then no answer for them.
  for (const unread of result.unread || [])
    put(where, h("p", { class: "warnings", role: "alert" },
      t("screen.unread", { script: unread.script, text: unread.text })));
  for (const hit of hits) put(where, hitCard(hit));
}

function hitCard(hit) {
  const link = "#/party/" + encodeURIComponent(hit.party_id || hit.entity_id);
  const card = h("article", { class: "hit", "aria-label": hit.name },
    h("header", {},
      h("h2", {}, h("a", { href: link }, hit.name)),
      h("span", { class: "score", title: t("screen.score") }, score(hit.score))),
    facts([
      [t("party.type"), t("type." + (hit.type || "unknown"))],
      [t("party.countries"), hit.countries],
      [t("screen.matched"), `${hit.matched_name} (${t("kind." + hit.matched_name_kind)})`],
      // A name the lists do not carry: where Clearance took it from.
      ...(hit.matched_name_source ? [[t("screen.name_source"), hit.matched_name_source]] : []),
    ]),
    listingsTable(hit.listings || []),
    explanation(hit.explanation));
  return card;
}

export function listingsTable(listings) {
  if (!listings.length) return null;
  return table(t("party.listings"), [t("listing.list"), t("listing.name"),
    t("listing.requirement"), t("listing.policy"), t("listing.basis"), t("listing.dates")],
  listings.map((l) => [
    h("span", { class: "list-code" }, l.list + (l.sub_list ? " · " + l.sub_list : "")),
    l.name,
    l.license_requirement || (l.programs || []).join(", "),
    l.license_policy || "",
    l.federal_register_notice || l.source_id || "",
    [l.listed_on ? t("listing.listed", { date: l.listed_on }) : "",
      l.published ? t("listing.published", { date: l.published }) : ""].filter(Boolean).join("; "),
  ]), { class: "listings" });
}

// Which words met which, how, and what each weighed: the explanation an auditor reads.
function explanation(x) {
  if (!x) return null;
  const rows = (x.tokens || []).map((tk) => [
    tk.query_written && tk.query_written !== tk.query
      ? h("span", {}, tk.query_written, " ", h("span", { class: "muted" }, "→ " + tk.query)) : tk.query,
    tk.list,
    t("how." + tk.how),
    score(tk.similarity),
    tk.weight?.toFixed(2),
  ]);
  const evidence = (x.evidence || []).map((e) => `${t("evidence." + e.feature)}: ${e.detail} (${e.delta > 0 ? "+" : ""}${e.delta.toFixed(2)})`);
  return h("details", { class: "why" },
    h("summary", {}, t("why.title", { score: score(x.name_score) })),
    table(null, [t("why.query_word"), t("why.list_word"), t("why.how"), t("why.similarity"),
      t("why.weight")], rows),
    facts([
      [t("why.unmatched_query"), x.unmatched_query],
      [t("why.unmatched_list"), x.unmatched_list],
      [t("why.evidence"), evidence],
    ]));
}
