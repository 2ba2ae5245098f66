// Review: the alert queue (by status, subject, party), one alert with its decisions and audit
// entries, and the decision form (true match, false positive, escalate; a reason is required).
import { api, server } from "../api.js";
import { clear, facts, h, put, score, table } from "../dom.js";
import { t } from "../i18n.js";
import { busy, clearErrors, field, showFailure } from "../ui.js";

const STATUSES = ["open", "escalated", "awaiting_confirmation", "closed"];
let filters = { status: "open", subject: "", party: "", list: "" };
let listCodes = null; // the snapshot's list codes, fetched once

export function renderReview(main) {
  const status = h("select", { id: "review-status", name: "status" },
    h("option", { value: "", selected: filters.status === "" }, t("review.all")),
    STATUSES.map((s) => h("option", { value: s, selected: filters.status === s }, t("status." + s))));
  const subject = h("input", { id: "review-subject", name: "subject", value: filters.subject,
    autocomplete: "off" });
  const party = h("input", { id: "review-party", name: "party", value: filters.party,
    autocomplete: "off" });
  const list = h("select", { id: "review-list", name: "list" },
    h("option", { value: "" }, t("review.all")));
  const submit = h("button", { type: "submit" }, t("review.filter"));
  const results = h("section", { id: "review-results", "aria-live": "polite",
    "aria-label": t("review.queue") });
  const form = h("form", { id: "review-form", class: "query", "aria-label": t("review.filters") },
    h("div", { class: "row" },
      field(t("review.status"), status),
      field(t("review.subject"), subject),
      field(t("review.party"), party),
      field(t("review.list"), list)),
    h("div", { class: "actions" }, submit));
  // Each load is numbered: an answer to an older one (a slow server answers out of order) is
  // dropped rather than shown over the newer filter's.
  let sequence = 0;
  const load = async (after = 0) => {
    const mine = ++sequence;
    clearErrors(form);
    filters = { status: status.value, subject: subject.value.trim(), party: party.value.trim(),
      list: list.value };
    const params = new URLSearchParams({ limit: "50" });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    if (after) params.set("after", String(after));
    busy(submit, true);
    try {
      const page = await api("GET", "/v1/alerts?" + params);
      if (mine === sequence) showQueue(results, page, after, load);
    } catch (failure) {
      if (mine === sequence) showFailure(failure, { form, where: results, retry: () => load(after) });
    } finally {
      if (mine === sequence) busy(submit, false);
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  status.addEventListener("change", () => load());
  list.addEventListener("change", () => load());
  put(main, h("h1", {}, t("review.title")), form, results);
  fillLists(list).then(() => load());
}

async function fillLists(select) {
  try {
    listCodes = listCodes ||
      [...new Set((await api("GET", "/v1/lists")).lists.map((l) => l.list))].sort();
  } catch {
    listCodes = null; // the queue still loads; it reports a lost server itself
    return;
  }
  for (const code of listCodes) {
    select.append(h("option", { value: code, selected: filters.list === code }, code));
  }
}

function showQueue(where, page, after, load) {
  if (!after) clear(where);
  where.querySelector(".more")?.remove();
  const alerts = page.alerts || [];
  if (!after && alerts.length === 0) {
    put(where, h("p", { class: "summary" }, t("review.empty")));
    return;
  }
  const rows = alerts.map((a) => [
    h("a", { href: "#/alert/" + a.id }, "#" + a.id),
    a.subject,
    h("a", { href: "#/party/" + encodeURIComponent(a.party) }, a.party_name || a.party),
    score(a.score),
    t("status." + a.status) + (a.resolution ? " · " + t("resolution." + a.resolution) : ""),
    a.opened_at,
    a.updated_at,
  ]);
  const headers = [t("alert.id"), t("alert.subject"), t("alert.party"), t("alert.score"),
    t("alert.status"), t("alert.opened"), t("alert.updated")];
  const existing = where.querySelector("tbody");
  if (existing) {
    for (const cells of rows) existing.append(h("tr", {}, cells.map((c) => h("td", {}, c))));
  } else {
    put(where, table(t("review.queue"), headers, rows, { class: "queue" }));
  }
  if (page.next_after) {
    put(where, h("button", { type: "button", class: "more secondary",
      onclick: () => load(page.next_after) }, t("review.more")));
  }
}

export function renderAlert(main, id) {
  const body = h("div", {}, h("p", { class: "loading" }, t("loading")));
  put(main, h("p", {}, h("a", { href: "#/review" }, "← " + t("review.back"))), body);
  const load = async () => {
    try {
      const alert = await api("GET", "/v1/alerts/" + encodeURIComponent(id));
      showAlert(body, alert, load);
    } catch (failure) {
      showFailure(failure, { where: body, retry: load });
    }
  };
  load();
}

function showAlert(where, a, reload) {
  clear(where);
  put(where, 
    h("h1", {}, t("alert.title", { id: a.id, party: a.party_name || a.party })),
    facts([
      [t("alert.status"), t("status." + a.status) + (a.resolution ? " · " + t("resolution." + a.resolution) : "")],
      [t("alert.subject"), a.subject],
      [t("alert.party"), h("a", { href: "#/party/" + encodeURIComponent(a.party) }, a.party_name || a.party)],
      [t("alert.score"), score(a.score)],
      [t("alert.snapshot"), a.snapshot],
      [t("alert.screening"), a.screening ? "#" + a.screening : ""],
      [t("alert.opened"), a.opened_at],
      [t("alert.updated"), a.updated_at],
    ]),
    a.status !== "closed" ? decisionForm(a, reload) : null,
    h("h2", {}, t("alert.decisions")),
    (a.decisions || []).length
      ? table(null, [t("decision.decision"), t("decision.reason"), t("decision.reviewer"), t("decision.at")],
        a.decisions.map((d) => [t("decision." + d.decision), d.reason, d.reviewer, d.at]))
      : h("p", { class: "muted" }, t("alert.no_decisions")),
    h("h2", {}, t("alert.audit")),
    table(null, ["#", t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.detail")],
      (a.audit || []).map((e) => [String(e.seq), e.at, e.actor, e.action,
        typeof e.detail === "string" ? e.detail : JSON.stringify(e.detail)]), { class: "audit" }));
}

function decisionForm(a, reload) {
  const choices = a.status === "awaiting_confirmation"
    ? ["confirm", "true_match", "escalate"]
    : ["true_match", "false_positive", "escalate"];
  const radios = h("fieldset", { class: "choices" },
    h("legend", {}, t("decision.decision")),
    choices.map((c) => h("label", {},
      h("input", { type: "radio", name: "decision", value: c, required: true,
        id: "decision-" + c }),
      " ", t("decision." + c))));
  const reason = h("textarea", { id: "decision-reason", name: "reason", required: true, rows: 3 });
  const needsReviewer = !(server.info && server.info.api_key_required);
  const reviewer = needsReviewer
    ? h("input", { id: "decision-reviewer", name: "reviewer", required: true, autocomplete: "name",
      value: sessionStorage.getItem("clearance.reviewer") || "" })
    : null;
  const submit = h("button", { type: "submit" }, t("decision.submit"));
  const problem = h("div", { class: "form-problem" });
  const form = h("form", { id: "decision-form", class: "query", "aria-label": t("decision.title") },
    h("h2", {}, t("decision.title")),
    radios,
    field(t("decision.reason"), reason, t("decision.reason_hint")),
    reviewer ? field(t("decision.reviewer"), reviewer) : null,
    h("div", { class: "actions" }, submit), problem);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    clear(problem);
    const chosen = form.querySelector('input[name="decision"]:checked');
    const body = { decision: chosen ? chosen.value : "", reason: reason.value.trim() };
    if (reviewer) {
      body.reviewer = reviewer.value.trim();
      sessionStorage.setItem("clearance.reviewer", body.reviewer);
    }
    busy(submit, true);
    try {
      await api("POST", `/v1/alerts/${a.id}/decision`, body);
      reload();
    } catch (failure) {
      showFailure(failure, { form, where: problem, retry: () => form.requestSubmit() });
    } finally {
      busy(submit, false);
    }
  });
  return form;
}
