// Check: an item (a catalogued chip or an ECCN), where it goes, to whom, for what, on which date →
// the determination in the EAR's order with citations, review policy, license exceptions and the
// questions the facts given leave open. Printable.
import { api } from "../api.js";
import { append, clear, facts, h, put, table } from "../dom.js";
import { t } from "../i18n.js";
import { busy, clearErrors, field, fieldError, showFailure } from "../ui.js";

const END_USES = ["supercomputer", "advanced-node-ic-production", "ic-production-node-unknown",
  "sme-development", "military", "military-intelligence", "technical-analysis", "below-5g",
  "200mm-facility"];
let chips = null; // the catalogue, fetched once
let lastForm = null; // the last facts, kept while the tab lives

export function renderCheck(main) {
  const chip = h("select", { id: "check-chip", name: "chip" },
    h("option", { value: "" }, t("check.no_chip")));
  const spec = h("textarea", { id: "check-spec", name: "spec", rows: 6, spellcheck: "false",
    placeholder: '{"name": "My accelerator", "throughput": [{"precision": "FP16", "tops": 400, "bits": 16}], "dies": [{"area_mm2": 600}]}' });
  const eccn = h("input", { id: "check-eccn", name: "eccn", autocomplete: "off",
    placeholder: "3B001.c / EAR99" });
  const form_ = h("select", { id: "check-form-factor", name: "form" },
    h("option", { value: "ic" }, t("check.form_ic")),
    h("option", { value: "computer" }, t("check.form_computer")));
  const date = h("input", { id: "check-date", name: "date", type: "date",
    value: new Date().toISOString().slice(0, 10) });
  const destination = h("input", { id: "check-destination", name: "destination", required: true,
    autocomplete: "off", placeholder: "CN" });
  const origin = h("input", { id: "check-origin", name: "origin", autocomplete: "off", placeholder: "US" });
  const shipFrom = h("input", { id: "check-ship-from", name: "ship_from", autocomplete: "off", placeholder: "US" });
  const partyHq = h("input", { id: "check-party-hq", name: "party_hq", autocomplete: "off" });
  const parties = h("textarea", { id: "check-parties", name: "parties", rows: 3 });
  const owners = h("textarea", { id: "check-owners", name: "owners", rows: 2, placeholder: "Example Holdings=60" });
  const exporter = h("input", { id: "check-exporter", name: "exporter", autocomplete: "off" });
  const certifications = h("input", { id: "check-dd", name: "certifications_dd", type: "checkbox" });
  const mode = h("select", { id: "check-mode", name: "mode" },
    h("option", { value: "enforced" }, t("check.mode_enforced")),
    h("option", { value: "text" }, t("check.mode_text")));
  const endUses = h("fieldset", { class: "choices" }, h("legend", {}, t("check.end_uses")),
    END_USES.map((u) => h("label", {},
      h("input", { type: "checkbox", name: "end_uses", value: u, id: "end-use-" + u }), " ",
      t("end_use." + u))));
  const submit = h("button", { type: "submit" }, t("check.submit"));
  const result = h("section", { id: "check-result", "aria-live": "polite",
    "aria-label": t("check.result") });
  const form = h("form", { id: "check-form", class: "query", "aria-label": t("check.title") },
    h("div", { class: "row" },
      field(t("check.chip"), chip),
      field(t("check.eccn"), eccn, t("check.eccn_hint")),
      field(t("check.form"), form_),
      field(t("check.date"), date)),
    h("details", { class: "spec", open: lastForm?.spec ? true : null },
      h("summary", {}, t("check.spec_title")),
      field(t("check.spec"), spec, t("check.spec_hint"))),
    h("div", { class: "row" },
      field(t("check.destination"), destination),
      field(t("check.origin"), origin),
      field(t("check.ship_from"), shipFrom),
      field(t("check.party_hq"), partyHq, t("check.party_hq_hint"))),
    h("div", { class: "row" },
      field(t("check.parties"), parties, t("check.parties_hint")),
      field(t("check.owners"), owners, t("check.owners_hint")),
      field(t("check.exporter"), exporter)),
    endUses,
    h("div", { class: "row" },
      h("div", { class: "field inline" }, certifications,
        h("label", { for: certifications.id }, t("check.certifications_dd"))),
      field(t("check.mode"), mode)),
    h("div", { class: "actions" }, submit));

  if (lastForm) {
    for (const [name, value] of Object.entries(lastForm)) {
      const control = form.elements[name];
      if (!control) continue;
      if (name === "end_uses") {
        for (const box of form.querySelectorAll('input[name="end_uses"]')) box.checked = value.includes(box.value);
      } else if (control.type === "checkbox") control.checked = value;
      else control.value = value;
    }
  }
  loadChips(chip, lastForm?.chip);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const lines = (text) => text.split("\n").map((s) => s.trim()).filter(Boolean);
    const tx = { destination: destination.value.trim(), date: date.value, mode: mode.value };
    if (chip.value) tx.chip = chip.value;
    if (spec.value.trim()) {
      try {
        tx.spec = JSON.parse(spec.value);
      } catch (e) {
        return fieldError(form, "spec", t("check.spec_invalid", { error: e.message }));
      }
    }
    if (eccn.value.trim()) tx.eccn = eccn.value.trim();
    if (chip.value || tx.spec) tx.form = form_.value;
    if (origin.value.trim()) tx.origin = origin.value.trim();
    if (shipFrom.value.trim()) tx.ship_from = shipFrom.value.trim();
    if (partyHq.value.trim()) tx.party_hq = partyHq.value.trim();
    if (exporter.value.trim()) tx.exporter = exporter.value.trim();
    if (lines(parties.value).length) tx.parties = lines(parties.value);
    if (lines(owners.value).length) {
      tx.owners = lines(owners.value).map((line) => {
        const at = line.lastIndexOf("=");
        return at < 0 ? { name: line } : { name: line.slice(0, at).trim(), percent: Number(line.slice(at + 1)) };
      });
    }
    const uses = [...form.querySelectorAll('input[name="end_uses"]:checked')].map((b) => b.value);
    if (uses.length) tx.end_uses = uses;
    if (certifications.checked) tx.certifications_dd = true;
    lastForm = { chip: chip.value, spec: spec.value, eccn: eccn.value, form: form_.value, date: date.value,
      destination: destination.value, origin: origin.value, ship_from: shipFrom.value,
      party_hq: partyHq.value, parties: parties.value, owners: owners.value,
      exporter: exporter.value, end_uses: uses, certifications_dd: certifications.checked,
      mode: mode.value };
    busy(submit, true);
    try {
      show(result, await api("POST", "/v1/check", tx));
    } catch (failure) {
      showFailure(failure, { form, where: result, retry: () => form.requestSubmit() });
    } finally {
      busy(submit, false);
    }
  });
  put(main, h("h1", {}, t("check.title")), form, result);
}

async function loadChips(select, chosen) {
  try {
    chips = chips || (await api("GET", "/v1/chips")).chips;
  } catch {
    return; // the ECCN field still works; the check itself reports a lost server
  }
  for (const c of chips) {
    select.append(h("option", { value: c.id, selected: c.id === chosen },
      c.vendor && !c.name.startsWith(c.vendor) ? `${c.vendor} ${c.name}` : c.name));
  }
}

function show(where, d) {
  clear(where);
  const answer = d.license_required; // yes, no, indeterminate
  const requirements = d.requirements || [];
  const c = d.classification;
  append(where, [
    h("div", { class: "verdict verdict-" + answer },
      h("h2", {}, t("check.answer." + answer)),
      h("p", {}, d.outcome)),
    (d.questions || []).length
      ? h("section", { class: "questions", "aria-label": t("check.questions") },
        h("h3", {}, t("check.questions")), h("ul", {}, d.questions.map((q) => h("li", {}, q))))
      : null,
    facts([
      [t("check.eccn"), d.eccn],
      [t("check.review_policy"), d.review_policy],
      [t("check.date"), d.date],
      [t("check.mode"), t("check.mode_" + d.mode)],
      [t("check.rulebook"), d.rulebook ? `${d.rulebook.version} (${t("check.law_as_of", { date: d.rulebook.law_as_of })})` : ""],
      [t("check.snapshot"), d.snapshot],
    ]),
    h("h3", {}, t("check.subject_to_ear"), ": ", t("check.answer." + (d.subject_to_ear?.answer || "indeterminate"))),
    h("ol", {}, (d.subject_to_ear?.steps || []).map((s) => h("li", {}, s))),
    c ? [h("h3", {}, t("check.classification"), ": ", c.eccn || "—"),
      facts([
        [t("check.citation"), c.citation],
        [t("check.federal_register"), c.federal_register],
        ["TPP", c.tpp !== undefined ? String(c.tpp) : ""],
        [t("check.pd"), c.performance_density !== undefined ? c.performance_density.toFixed(2) : ""],
        [t("check.missing"), c.missing],
      ]),
      h("ol", {}, (c.steps || []).map((s) => h("li", {}, s)))] : null,
    h("h3", {}, t("check.requirements")),
    requirements.length
      ? table(null, [t("check.rule"), t("check.effect"), t("check.citation"),
        t("check.federal_register"), t("check.review_policy"), t("check.summary")],
      requirements.map((r) => [r.rule, t("effect." + r.effect), r.citation,
        r.federal_register, [r.review_policy, r.policy_citation].filter(Boolean).join(" — "), r.summary]),
      { class: "requirements" })
      : h("p", {}, t("check.no_requirements")),
    (d.exceptions || []).length
      ? [h("h3", {}, t("check.exceptions")),
        table(null, [t("check.exception"), t("check.status"), t("check.citation"), t("check.reason")],
          d.exceptions.map((x) => [x.symbol, x.status, x.citation, x.reason]))]
      : null,
    (d.china || []).length || d.china_answer
      ? [h("h3", {}, t("check.china"), ": ", t("check.china_answer." + (d.china_answer || "no"))),
        h("ul", {}, (d.china || []).map((f) => h("li", {},
          [f.rule, f.citation, f.summary].filter(Boolean).join(" — "))))]
      : null,
    (d.text_mode_differences || []).length
      ? [h("h3", {}, t("check.text_differences")),
        h("ul", {}, d.text_mode_differences.map((x) => h("li", {}, typeof x === "string" ? x : JSON.stringify(x))))]
      : null,
    (d.flags || []).length
      ? [h("h3", {}, t("check.flags")), h("ul", { class: "flags" }, d.flags.map((f) => h("li", {}, f)))]
      : null,
    h("div", { class: "actions no-print" },
      h("button", { type: "button", class: "secondary", onclick: () => window.print() }, t("check.print"))),
  ]);
}
