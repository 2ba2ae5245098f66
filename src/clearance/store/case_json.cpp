#include "clearance/store/case_json.h"

namespace clearance {

nlohmann::ordered_json subject_to_json(const Subject& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"country", s.country},
          {"type", s.type},
          {"dob", s.date_of_birth},
          {"identifier", s.identifier},
          {"attributes", s.attributes},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

nlohmann::ordered_json alert_to_json(const Alert& a) {
  return {{"id", a.id},
          {"subject", a.subject_id},
          {"party", a.party_id},
          {"party_name", a.party_name},
          {"status", to_string(a.status)},
          {"resolution", a.resolution},
          {"score", a.score},
          {"screening", a.screening_id},
          {"snapshot", a.snapshot_id},
          {"opened_at", a.opened_at},
          {"updated_at", a.updated_at}};
}

nlohmann::ordered_json decision_to_json(const Decision& d) {
  return {{"decision", d.decision}, {"reason", d.reason}, {"reviewer", d.reviewer}, {"at", d.at}};
}

nlohmann::ordered_json audit_entry_to_json(const AuditEntry& e) {
  return {
      {"seq", e.seq},       {"at", e.at},         {"actor", e.actor},         {"action", e.action},
      {"object", e.object}, {"detail", e.detail}, {"prev_hash", e.prev_hash}, {"hash", e.hash}};
}

nlohmann::ordered_json notification_to_json(const Notification& n) {
  return {{"id", n.id},
          {"at", n.at},
          {"event", n.event},
          {"payload", n.payload},
          {"attempts", n.attempts},
          {"delivered_at", n.delivered_at},
          {"next_attempt_at", n.next_attempt_at},
          {"last_error", n.last_error}};
}

}  // namespace clearance
