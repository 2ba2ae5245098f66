#include "clearance/store/audit_state_check.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "clearance/store/case_store.h"
#include "clearance/util/sha256.h"

namespace clearance {

namespace {

// The id of an object named "kind:id".
std::string_view id_of(std::string_view object) {
  const size_t colon = object.find(':');
  return colon == std::string_view::npos ? std::string_view() : object.substr(colon + 1);
}

int64_t number_of(std::string_view object) {
  const std::string_view id = id_of(object);
  int64_t n = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return id.empty() ? -1 : n;
}

// A digest an entry's detail names after `pattern` ("\"fingerprint\":\""), read without
// parsing the detail (a million subjects' entries are scanned) into `row`.
void read_digest(std::string_view detail, std::string_view pattern, bool& has,
                 std::array<char, 64>& digest) {
  const size_t at = detail.rfind(pattern);
  has = at != std::string_view::npos && at + pattern.size() + 64 <= detail.size() &&
        detail[at + pattern.size() + 64] == '"';
  if (has) std::copy_n(detail.begin() + at + pattern.size(), 64, digest.begin());
}

}  // namespace

void AuditStateCheck::add(int64_t seq, std::string_view actor, std::string_view action,
                          std::string_view object, std::string_view detail) {
  if (action == "subject.added" || action == "subject.changed") {
    RowState& row = subjects_[std::string(id_of(object))];
    row.seq = seq;
    row.there = true;
    read_digest(detail, "\"fingerprint\":\"", row.has_digest, row.digest);
  } else if (action == "subject.removed") {
    RowState& row = subjects_[std::string(id_of(object))];
    row.seq = seq;
    row.there = false;
    row.has_digest = false;
  } else if (action == "screening.recorded") {
    RowState& row = screenings_[number_of(object)];
    row.seq = seq;
    read_digest(detail, "\"hits_sha256\":\"", row.has_digest, row.digest);
  } else if (action.starts_with("alert.")) {
    AlertState& a = alerts_[number_of(object)];
    a.seq = seq;
    const auto d = nlohmann::json::parse(detail, nullptr, false);
    auto text = [&](const char* key) {
      const auto it = d.is_object() ? d.find(key) : d.end();
      return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (action == "alert.opened") {
      a.status = "open";
      a.resolution.clear();
      a.subject = text("subject");
      a.party = text("party");
    } else if (action == "alert.reopened") {
      a.status = "open";
      a.resolution.clear();
    } else if (action == "alert.closed") {
      a.status = "closed";
      a.resolution = text("resolution");
    } else if (action == "alert.decided") {
      // As CaseStore::decide leaves it: no resolution while escalated or awaiting a second
      // reviewer; a confirmation closes it as a false positive.
      const std::string decision = text("decision");
      a.status = text("status");
      a.resolution = a.status == "escalated" || a.status == "awaiting_confirmation" ? ""
                     : decision == "confirm" ? "false_positive"
                                             : decision;
      a.decisions.push_back({decision, text("reason"), std::string(actor)});
      a.decision_seqs.push_back(seq);
    }
  }
}

void AuditStateCheck::check(SqliteDb& db, int64_t end, const Bad& bad) const {
  // Alerts: each as its entries left it.
  auto alerts =
      db.prepare("SELECT id, status, resolution, subject_id, party_id FROM alerts ORDER BY id");
  while (alerts.step()) {
    const int64_t id = alerts.integer(0);
    const auto it = alerts_.find(id);
    if (it == alerts_.end()) {
      bad(end, fmt::format("alert {} has no entry in the trail (the alerts table was edited)", id));
      continue;
    }
    const AlertState& a = it->second;
    a.seen = true;
    if (alerts.text(1) != a.status || alerts.text(2) != a.resolution)
      bad(a.seq,
          fmt::format("alert {} is {}{} but its last entry ({}) left it {}{} (the alerts "
                      "table was edited)",
                      id, alerts.text(1), alerts.text(2).empty() ? "" : " (" + alerts.text(2) + ")",
                      a.seq, a.status, a.resolution.empty() ? "" : " (" + a.resolution + ")"));
    else if (alerts.text(3) != a.subject || alerts.text(4) != a.party)
      bad(a.seq, fmt::format("alert {} names subject {} and party {}, its entries {} and {} (the "
                             "alerts table was edited)",
                             id, alerts.text(3), alerts.text(4), a.subject, a.party));
  }
  for (const auto& [id, a] : alerts_)
    if (!a.seen)
      bad(a.seq, fmt::format("alert {} is in the trail (entry {}) but not in the alerts table (it "
                             "was removed)",
                             id, a.seq));
  // Decisions: each alert's, in order, as its entries record them.
  std::map<int64_t, std::vector<std::array<std::string, 3>>> decided;
  auto decisions = db.prepare(
      "SELECT alert_id, decision, reason, reviewer FROM decisions ORDER BY alert_id, id");
  while (decisions.step())
    decided[decisions.integer(0)].push_back(
        {decisions.text(1), decisions.text(2), decisions.text(3)});
  for (const auto& [id, a] : alerts_) {
    const auto it = decided.find(id);
    const size_t rows = it == decided.end() ? 0 : it->second.size();
    for (size_t k = 0; k < std::max(rows, a.decisions.size()); ++k) {
      const int64_t seq = k < a.decision_seqs.size() ? a.decision_seqs[k] : a.seq;
      if (k >= a.decisions.size()) {
        bad(seq, fmt::format("alert {} has a decision no entry records (the decisions table was "
                             "edited)",
                             id));
        break;
      }
      if (k >= rows || it->second[k] != a.decisions[k]) {
        bad(seq, fmt::format("the decision of entry {} on alert {} ({} by {}) is not the one the "
                             "decisions table holds (it was edited or removed)",
                             seq, id, a.decisions[k][0], a.decisions[k][2]));
        break;
      }
    }
  }
  for (const auto& [id, rows] : decided)
    if (!alerts_.count(id))
      bad(end, fmt::format("a decision on alert {}, which the trail does not know (the decisions "
                           "table was edited)",
                           id));
  // Screenings of one subject or query: there, with the hits their entries' digests name.
  auto screenings = db.prepare("SELECT id, hits FROM screenings");
  while (screenings.step()) {
    const int64_t id = screenings.integer(0);
    const auto it = screenings_.find(id);
    if (it == screenings_.end()) {
      bad(end, fmt::format("screening {} has no entry in the trail (the screenings table was "
                           "edited)",
                           id));
      continue;
    }
    it->second.seen = true;
    if (it->second.has_digest && !it->second.digest_is(sha256_hex(screenings.bytes(1))))
      bad(it->second.seq, fmt::format("screening {}'s hits are not those its entry ({}) recorded "
                                      "(the screenings table was edited)",
                                      id, it->second.seq));
  }
  for (const auto& [id, s] : screenings_)
    if (!s.seen)
      bad(s.seq, fmt::format("screening {} is in the trail (entry {}) but not in the screenings "
                             "table (it was removed)",
                             id, s.seq));
  // Subjects: there while their entries say so, with the fields their last entry names.
  auto subjects =
      db.prepare("SELECT id, name, country, type, dob, identifier, fingerprint FROM subjects");
  while (subjects.step()) {
    Subject s;
    s.id = subjects.text(0);
    s.name = subjects.text(1);
    s.country = subjects.text(2);
    s.type = subjects.text(3);
    s.date_of_birth = subjects.text(4);
    s.identifier = subjects.text(5);
    const auto it = subjects_.find(s.id);
    if (it == subjects_.end() || !it->second.there) {
      bad(it == subjects_.end() ? end : it->second.seq,
          fmt::format("subject {} is in the subjects table but the trail has it {} (the subjects "
                      "table was edited)",
                      s.id, it == subjects_.end() ? "never added" : "removed"));
      continue;
    }
    it->second.seen = true;
    const std::string fields = s.fingerprint();
    if (fields != subjects.bytes(6) || (it->second.has_digest && !it->second.digest_is(fields)))
      bad(it->second.seq, fmt::format("subject {}'s fields are not those its entry ({}) recorded "
                                      "(the subjects table was edited)",
                                      s.id, it->second.seq));
  }
  for (const auto& [id, s] : subjects_)
    if (s.there && !s.seen)
      bad(s.seq, fmt::format("subject {} is in the trail (entry {}) but not in the subjects table "
                             "(it was removed)",
                             id, s.seq));
}

}  // namespace clearance
