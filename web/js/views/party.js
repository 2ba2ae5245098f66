// Party: every record of one real-world party, with each listing, alias, address, identifier,
// source and date, and the evidence that linked the records.
import { api } from "../api.js";
import { append, clear, facts, h, put, table } from "../dom.js";
import { t } from "../i18n.js";
import { showFailure } from "../ui.js";
import { listingsTable } from "./screen.js";

export function renderParty(main, id) {
  const body = h("div", { "aria-live": "polite" }, h("p", { class: "loading" }, t("loading")));
  put(main, h("p", {}, h("a", { href: "#/screen" }, "← " + t("party.back"))), body);
  const load = async () => {
    try {
      const party = await api("GET", "/v1/entities/" + encodeURIComponent(id));
      show(body, party);
    } catch (failure) {
      showFailure(failure, { where: body, retry: load });
    }
  };
  load();
}

function show(where, p) {
  clear(where);
  const records = p.records || (p.record ? [p.record] : []);
  append(where, [
    h("h1", {}, p.name),
    facts([
      [t("party.id"), p.party_id],
      [t("party.type"), t("type." + (p.type || "unknown"))],
      [t("party.countries"), p.countries],
      [t("party.aliases"), p.aliases],
    ]),
    listingsTable(p.listings || []),
    h("h2", {}, t("party.records", { count: records.length })),
    records.map(recordSection),
    (p.links || []).length
      ? [h("h2", {}, t("party.links")),
        table(null, [t("party.link_a"), t("party.link_b"), t("party.link_reason")],
          p.links.map((l) => [l.record_a, l.record_b,
            t("link." + l.reason) + (l.detail ? " (" + l.detail + ")" : "")]))]
      : null,
  ]);
}

function recordSection(r) {
  const addresses = (r.addresses || []).map((a) =>
    [a.street, a.city, a.state, a.postal_code, a.country_text || a.country].filter(Boolean).join(", "));
  const identifiers = (r.identifiers || []).map((i) =>
    [i.type, i.number, i.country, i.note].filter(Boolean).join(" "));
  const aliases = (r.aliases || []).map((a) => typeof a === "string" ? a
    : a.kind && a.kind !== "aka" ? `${a.name} (${t("kind." + a.kind)})` : a.name);
  const known = new Set(["id", "list", "sub_list", "source", "type", "name", "aliases", "addresses",
    "identifiers", "source_url", "license_requirement", "license_policy", "federal_register_notice",
    "programs", "listed_on", "published", "remarks", "dates_of_birth", "nationalities",
    "properties"]);
  const other = Object.entries(r).filter(([k, v]) => !known.has(k) && v !== "" &&
    !(Array.isArray(v) && v.length === 0) && typeof v !== "object");
  return h("section", { class: "record", "aria-label": r.id },
    h("h3", {}, h("span", { class: "list-code" }, r.list + (r.sub_list ? " · " + r.sub_list : "")),
      " ", r.name),
    facts([
      [t("record.id"), r.id],
      [t("record.source"), r.source],
      [t("party.aliases"), aliases],
      [t("record.addresses"), addresses],
      [t("record.identifiers"), identifiers],
      [t("record.dob"), r.dates_of_birth],
      [t("record.nationalities"), r.nationalities],
      [t("listing.requirement"), r.license_requirement],
      [t("listing.policy"), r.license_policy],
      [t("listing.basis"), r.federal_register_notice],
      [t("record.programs"), r.programs],
      [t("listing.listed_label"), r.listed_on],
      [t("listing.published_label"), r.published],
      [t("record.remarks"), r.remarks],
      ...other.map(([k, v]) => [k, String(v)]),
      ...Object.entries(r.properties || {}).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]),
      [t("record.source_url"), r.source_url
        ? h("a", { href: r.source_url, rel: "noreferrer noopener", target: "_blank" }, r.source_url)
        : ""],
    ]));
}
