// Lists: the snapshot in use, each source with its publication date and age (warned when old),
// and what the last import changed.
import { api } from "../api.js";
import { clear, facts, h, put, table } from "../dom.js";
import { t } from "../i18n.js";
import { showFailure } from "../ui.js";

const OLD_DAYS = 90; // as the server's own freshness warning

export function renderLists(main) {
  const body = h("div", {}, h("p", { class: "loading" }, t("loading")));
  const diff = h("section", { "aria-label": t("lists.diff") });
  put(main, h("h1", {}, t("lists.title")), body, diff);
  const load = async () => {
    try {
      show(body, await api("GET", "/v1/lists"));
    } catch (failure) {
      showFailure(failure, { where: body, retry: load });
      return;
    }
    try {
      showDiff(diff, await api("GET", "/v1/lists/diff?limit=50"));
    } catch (failure) {
      showFailure(failure, { where: diff, retry: load });
    }
  };
  load();
}

function show(where, s) {
  clear(where);
  put(where, 
    facts([
      [t("lists.snapshot"), s.id],
      [t("lists.created"), s.created_at],
      [t("lists.records"), String(s.entity_count)],
      [t("lists.parties"), String(s.party_count)],
      [t("lists.index"), s.index],
      [t("lists.loaded"), s.loaded_at],
    ]),
    (s.warnings || []).length
      ? h("section", { class: "warnings", "aria-label": t("lists.warnings") },
        h("h2", {}, t("lists.warnings")),
        h("ul", {}, s.warnings.map((w) => h("li", {}, w))))
      : null,
    table(t("lists.sources"), [t("lists.dataset"), t("lists.format"), t("lists.records"),
      t("lists.skipped"), t("lists.published"), t("lists.age"), t("lists.imported")],
    (s.sources || []).map((src) => [
      src.dataset,
      src.format,
      String(src.entities),
      String(src.skipped),
      src.published || t("lists.unstated"),
      src.age_days === null || src.age_days === undefined
        ? h("span", { class: "warn" }, t("lists.unknown_age"))
        : h("span", { class: src.age_days > OLD_DAYS ? "warn" : "" },
          t("lists.days", { days: src.age_days })),
      src.imported_at,
    ]), { class: "sources" }));
}

function showDiff(where, d) {
  clear(where);
  put(where, h("h2", {}, t("lists.diff")));
  if (!d.old) {
    put(where, h("p", {}, t("lists.first_import")));
    return;
  }
  put(where, 
    h("p", {}, t("lists.diff_summary", { old: d.old, new: d.new, added: d.counts.added,
      removed: d.counts.removed, changed: d.counts.changed })),
    table(null, [t("lists.dataset"), t("lists.added"), t("lists.removed"), t("lists.changed")],
      Object.entries(d.by_dataset || {}).map(([dataset, n]) =>
        [dataset, String(n.added), String(n.removed), String(n.changed)])),
    section(t("lists.added"), d.added, d.counts.added),
    section(t("lists.removed"), d.removed, d.counts.removed),
    section(t("lists.changed"), d.changed, d.counts.changed, true));
}

function section(title, items, total, withFields = false) {
  if (!items.length) return null;
  return h("details", {},
    h("summary", {}, `${title} (${total})`),
    h("ul", {}, items.map((e) => h("li", {},
      h("a", { href: "#/party/" + encodeURIComponent(e.id) }, e.name), " ",
      h("span", { class: "muted" }, `${e.list} · ${e.id}` +
        (withFields ? " · " + (e.fields || []).join(", ") : ""))))),
    items.length < total ? h("p", { class: "muted" }, t("lists.more", { shown: items.length, total })) : null);
}
