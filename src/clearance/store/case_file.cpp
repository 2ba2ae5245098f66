#include "clearance/store/case_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "clearance/store/case_json.h"

namespace clearance {

namespace {

// Scores as the other outputs print them, not as the float's binary expansion.
double rounded(double x) {
  return std::round(x * 10000.0) / 10000.0;
}

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A JSON value as text for a table cell: strings as written, the rest as compact JSON.
std::string cell(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return escape(v.get<std::string>());
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + cell(x);
    return out;
  }
  return escape(v.dump());
}

std::string rows(const nlohmann::ordered_json& object) {
  std::string out;
  for (const auto& [key, value] : object.items())
    if (!value.is_object() && !(value.is_string() && value.get<std::string>().empty()))
      out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", escape(key), cell(value));
  return out;
}

std::string table(const nlohmann::ordered_json& items, const std::vector<std::string>& columns) {
  std::string out = "<table class=\"grid\"><tr>";
  for (const auto& c : columns) out += "<th>" + escape(c) + "</th>";
  out += "</tr>\n";
  for (const auto& item : items) {
    out += "<tr>";
    for (const auto& c : columns)
      out += "<td>" + cell(item.value(c, nlohmann::ordered_json())) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

Result<nlohmann::ordered_json> alert_case_file(CaseStore& store, int64_t alert_id,
                                               const SnapshotStore* snapshots,
                                               const std::string& generator) {
  auto found = store.alert(alert_id);
  if (!found) return found.error();
  if (!found.value()) return make_error(ErrorCode::not_found, fmt::format("no alert {}", alert_id));
  const Alert& a = *found.value();
  nlohmann::ordered_json file;
  file["case_file"] = {{"generated_at", utc_now_iso()}, {"generator", generator}};
  file["alert"] = alert_to_json(a);
  file["alert"]["score"] = rounded(a.score);
  auto subject = store.subject(a.subject_id);
  if (!subject) return subject.error();
  file["subject"] = subject.value()
                        ? subject_to_json(*subject.value())
                        : nlohmann::ordered_json{{"id", a.subject_id}, {"removed", true}};
  file["party"] = {{"id", a.party_id}, {"name", a.party_name}};

  // The screening that last raised it: the query, the settings, and this party's hit as the
  // screening reported it (listings, matched name, explanation of the score).
  auto screening = store.screening(a.screening_id);
  if (!screening) return screening.error();
  std::string snapshot_id = a.snapshot_id;
  if (const auto& s = screening.value()) {
    nlohmann::ordered_json hit;
    for (const auto& h : s->hits)
      if (h.value("party_id", "") == a.party_id) hit = h;
    file["screening"] = {{"id", s->id},
                         {"at", s->at},
                         {"actor", s->actor},
                         {"query", s->query},
                         {"threshold", rounded(s->threshold)},
                         {"snapshot", s->snapshot_id},
                         {"matcher", s->matcher},
                         {"hit", hit}};
    snapshot_id = s->snapshot_id;
  }

  // The list versions: the snapshot's sources, while the data directory keeps it.
  file["lists"] = {{"snapshot", snapshot_id}};
  if (snapshots) {
    if (auto m = snapshots->manifest(snapshot_id); m) {
      file["lists"]["created_at"] = m->value("created_at", "");
      file["lists"]["content_hash"] = m->value("content_hash", "");
      file["lists"]["sources"] = nlohmann::ordered_json::array();
      for (const auto& src : m->value("sources", nlohmann::ordered_json::array())) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const auto& f : src.value("files", nlohmann::ordered_json::array()))
          files.push_back({{"path", f.value("path", "")}, {"sha256", f.value("sha256", "")}});
        file["lists"]["sources"].push_back({{"dataset", src.value("dataset", "")},
                                            {"format", src.value("format", "")},
                                            {"published", src.value("published", "")},
                                            {"imported_at", src.value("imported_at", "")},
                                            {"files", files}});
      }
    } else {
      file["lists"]["note"] = "the data directory no longer holds this snapshot";
    }
  }

  auto decisions = store.decisions(alert_id);
  if (!decisions) return decisions.error();
  file["decisions"] = nlohmann::ordered_json::array();
  for (const Decision& d : decisions.value()) file["decisions"].push_back(decision_to_json(d));

  // The alert's entries, its subject's and those of the screenings that raised it, in order.
  std::vector<AuditEntry> entries;
  for (const std::string& object : {fmt::format("alert:{}", alert_id), "subject:" + a.subject_id}) {
    auto some = store.audit(object, 100000);
    if (!some) return some.error();
    entries.insert(entries.end(), some->begin(), some->end());
  }
  std::vector<int64_t> screenings;
  for (const auto& e : entries)
    if (e.detail.is_object() && e.detail.contains("screening") &&
        e.detail["screening"].is_number_integer())
      screenings.push_back(e.detail["screening"].get<int64_t>());
  std::sort(screenings.begin(), screenings.end());
  screenings.erase(std::unique(screenings.begin(), screenings.end()), screenings.end());
  for (int64_t id : screenings) {
    auto some = store.audit(fmt::format("screening:{}", id), 10);
    if (!some) return some.error();
    entries.insert(entries.end(), some->begin(), some->end());
  }
  std::sort(entries.begin(), entries.end(),
            [](const AuditEntry& x, const AuditEntry& y) { return x.seq < y.seq; });
  file["audit"] = nlohmann::ordered_json::array();
  for (const auto& e : entries) file["audit"].push_back(audit_entry_to_json(e));
  auto verdict = store.verify_audit();
  if (!verdict) return verdict.error();
  file["audit_chain"] = {{"intact", verdict->intact}, {"entries", verdict->entries}};
  if (!verdict->intact)
    file["audit_chain"]["first_bad"] = verdict->first_bad,
    file["audit_chain"]["problem"] = verdict->problem;
  return file;
}

std::string case_file_html(const nlohmann::ordered_json& f) {
  const auto& alert = f.at("alert");
  const auto& subject = f.at("subject");
  const auto& party = f.at("party");
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  h += fmt::format("<title>Alert {} — {} × {}</title>\n", alert.value("id", 0),
                   escape(subject.value("name", subject.value("id", ""))),
                   escape(party.value("name", "")));
  h += R"(<style>
body{font:13px/1.45 system-ui,sans-serif;margin:2em;color:#111}
h1{font-size:20px;margin:0 0 .2em}h2{font-size:15px;margin:1.4em 0 .4em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.3em 0}th,td{text-align:left;vertical-align:top;padding:2px 8px}
table.grid th,table.grid td{border:1px solid #bbb}th{font-weight:600}
.muted{color:#555}.bad{color:#a00;font-weight:600}code{font-size:12px;word-break:break-all}
@media print{body{margin:0}}
</style></head><body>
)";
  h += fmt::format("<h1>Alert {}: {} × {}</h1>\n", alert.value("id", 0),
                   escape(subject.value("name", subject.value("id", ""))),
                   escape(party.value("name", "")));
  const auto& meta = f.at("case_file");
  h += fmt::format("<p class=\"muted\">Case file generated {} by {}.</p>\n",
                   escape(meta.value("generated_at", "")), escape(meta.value("generator", "")));
  h += "<h2>Alert</h2><table>" + rows(alert) + "</table>\n";
  h += "<h2>Subject</h2><table>" + rows(subject) + "</table>\n";
  h += "<h2>Listed party</h2><table>" + rows(party) + "</table>\n";
  if (f.contains("screening")) {
    const auto& s = f.at("screening");
    nlohmann::ordered_json settings = s;
    settings.erase("hit");
    settings["query"] = s.at("query").dump();
    h += "<h2>Screening that raised it</h2><table>" + rows(settings) + "</table>\n";
    const auto& hit = s.at("hit");
    if (hit.is_object()) {
      h += fmt::format("<p>Score <b>{:.3f}</b>; matched name: <b>{}</b> ({})</p>\n",
                       hit.value("score", 0.0), escape(hit.value("matched_name", "")),
                       escape(hit.value("matched_name_kind", "")));
      if (hit.contains("listings"))
        h += "<h2>Listings</h2>" +
             table(hit.at("listings"), {"list", "sub_list", "source", "record_id", "name",
                                        "programs", "license_requirement", "license_policy",
                                        "federal_register_notice", "listed_on"});
      if (hit.contains("explanation"))
        h += "<h2>Why it matched</h2><pre><code>" + escape(hit.at("explanation").dump(2)) +
             "</code></pre>\n";
    }
  }
  const auto& lists = f.at("lists");
  h += "<h2>List versions</h2><table>" + rows(lists) + "</table>\n";
  if (lists.contains("sources"))
    h += table(lists.at("sources"), {"dataset", "format", "published", "imported_at"});
  h += "<h2>Decisions</h2>";
  h += f.at("decisions").empty()
           ? "<p class=\"muted\">None.</p>\n"
           : table(f.at("decisions"), {"at", "decision", "reviewer", "reason"});
  h += "<h2>Audit trail</h2>";
  const auto& chain = f.at("audit_chain");
  h += chain.value("intact", false)
           ? fmt::format(
                 "<p>The whole trail verifies: {} entries, each chained to the one before "
                 "by SHA-256.</p>\n",
                 chain.value("entries", 0))
           : fmt::format("<p class=\"bad\">The trail does not verify: entry {}: {}</p>\n",
                         chain.value("first_bad", 0), escape(chain.value("problem", "")));
  h += table(f.at("audit"), {"seq", "at", "actor", "action", "object", "hash"});
  h += "</body></html>\n";
  return h;
}

}  // namespace clearance
