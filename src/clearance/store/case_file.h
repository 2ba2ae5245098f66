#pragma once
// A case file: what an auditor asks about one alert, in one document — the subject as screened, the
// party and its listings as the screening saw them, the score's explanation, the list versions
// behind it, every decision, the alert's audit entries, and whether the trail as a whole verifies.
// As JSON (to archive or hand to another system) and as a printable HTML page.
#include <nlohmann/json.hpp>
#include <string>

#include "clearance/lists/snapshot_store.h"
#include "clearance/store/case_store.h"

namespace clearance {

// `snapshots` (may be null) gives the list versions: the sources of the snapshot the alert was
// last raised on, when the data directory still holds it. `generator` names the program.
Result<nlohmann::ordered_json> alert_case_file(CaseStore& store, int64_t alert_id,
                                               const SnapshotStore* snapshots,
                                               const std::string& generator);

// The case file as one self-contained HTML page (no script, no external resource), for print.
std::string case_file_html(const nlohmann::ordered_json& file);

}  // namespace clearance
