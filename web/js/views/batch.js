// Batch: upload a CSV or JSON Lines file, follow its progress, download the hits and the rows
// that could not be screened (the same runner and files as `clearance screen --input`).
import { api, server } from "../api.js";
import { clear, h, megabytes, put } from "../dom.js";
import { t } from "../i18n.js";
import { busy, clearErrors, field, fieldError, showFailure } from "../ui.js";

let current = null; // the job being followed, kept while the tab lives

export function renderBatch(main) {
  const file = h("input", { id: "batch-file", name: "file", type: "file", required: true,
    accept: ".csv,.jsonl,.ndjson,.txt,text/csv" });
  const threshold = h("input", { id: "batch-threshold", name: "threshold", type: "number", min: 0,
    max: 1, step: 0.01, value: 0.8 });
  const limit = h("input", { id: "batch-limit", name: "limit", type: "number", min: 1, max: 100,
    value: 10 });
  const submit = h("button", { type: "submit" }, t("batch.submit"));
  const status = h("section", { id: "batch-status", "aria-live": "polite",
    "aria-label": t("batch.progress") });
  const limitBytes = server.info?.body_limit_bytes;
  const form = h("form", { id: "batch-form", class: "query", "aria-label": t("batch.title") },
    field(t("batch.file"), file, t("batch.file_hint") +
      (limitBytes ? " " + t("batch.limit", { size: megabytes(limitBytes) }) : "")),
    h("div", { class: "row" },
      field(t("screen.threshold"), threshold),
      field(t("batch.hits_per_row"), limit)),
    h("div", { class: "actions" }, submit));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const chosen = file.files[0];
    if (!chosen) return fieldError(form, "file", t("batch.choose"));
    // Refused here with the limit named, before 50 MB travel to be refused by the server.
    if (limitBytes && chosen.size > limitBytes) {
      return fieldError(form, "file", t("batch.too_large",
        { size: megabytes(chosen.size), limit: megabytes(limitBytes) }));
    }
    busy(submit, true);
    try {
      const params = new URLSearchParams({ name: chosen.name, threshold: threshold.value,
        limit: limit.value });
      const job = await api("POST", "/v1/jobs?" + params, null,
        { body: chosen, contentType: chosen.type || "application/octet-stream" });
      current = job;
      follow(status, job.id);
    } catch (failure) {
      if (failure.status === 413) failure.field = "file";
      showFailure(failure, { form, where: status, retry: () => form.requestSubmit() });
    } finally {
      busy(submit, false);
    }
  });
  put(main, h("h1", {}, t("batch.title")), h("p", {}, t("batch.intro")), form, status);
  if (current) follow(status, current.id);
}

async function follow(where, id) {
  for (;;) {
    let job;
    try {
      job = await api("GET", "/v1/jobs/" + encodeURIComponent(id));
    } catch (failure) {
      showFailure(failure, { where, retry: () => follow(where, id) });
      return;
    }
    if (!where.isConnected) return; // the user went to another view; the job goes on
    current = job;
    show(where, job);
    if (job.state === "done" || job.state === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function show(where, job) {
  clear(where);
  const percent = Math.round((job.fraction || 0) * 100);
  put(where, 
    h("h2", {}, job.name),
    h("label", { for: "batch-bar" }, t("batch.state." + job.state), " ", percent + "%"),
    h("progress", { id: "batch-bar", max: 100, value: percent }),
    h("p", { class: "summary" }, t("batch.summary", {
      rows: job.rows, with_hits: job.rows_with_hits, hits: job.hits, rejected: job.rejected })),
    job.error ? h("p", { class: "problem", role: "alert" }, job.error) : null,
    job.state === "done"
      ? h("div", { class: "actions" },
        download(t("batch.download_hits"), job.results_url, job.name.replace(/\.[^.]*$/, "") + ".hits.jsonl"),
        download(t("batch.download_rejected", { count: job.rejected }), job.rejected_url,
          job.name.replace(/\.[^.]*$/, "") + ".rejected.csv"))
      : null,
    h("p", { class: "muted" }, t("screen.snapshot", { id: job.snapshot })));
}

// A download through fetch, so the API key goes with it.
function download(label, url, filename) {
  return h("button", {
    type: "button",
    class: "download",
    onclick: async (e) => {
      const button = e.currentTarget;
      busy(button, true);
      try {
        const blob = await api("GET", url, null, { blob: true });
        const link = h("a", { href: URL.createObjectURL(blob), download: filename });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      } catch (failure) {
        button.after(h("p", { class: "problem", role: "alert" }, failure.message));
      } finally {
        busy(button, false);
      }
    },
  }, label);
}
