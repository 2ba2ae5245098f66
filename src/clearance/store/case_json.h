#pragma once
// The case store's records as JSON, one shape each for every output that shows them: the HTTP
// API, the CLI's --json and audit export, and case files.
#include <nlohmann/json.hpp>

#include "clearance/store/case_store.h"

namespace clearance {

nlohmann::ordered_json subject_to_json(const Subject& s);
nlohmann::ordered_json alert_to_json(const Alert& a);
nlohmann::ordered_json decision_to_json(const Decision& d);
// Every field, the hashes that chain the entry included.
nlohmann::ordered_json audit_entry_to_json(const AuditEntry& e);
nlohmann::ordered_json notification_to_json(const Notification& n);

}  // namespace clearance
