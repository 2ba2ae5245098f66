// GET /v1/lists, GET /v1/entities/{id}.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "clearance/lists/snapshot_codec.h"
#include "clearance/model/entity_json.h"
#include "clearance/model/freshness.h"
#include "clearance/model/party_json.h"
#include "routes.h"

namespace clearance::server {

namespace {

std::string iso_time(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

HttpResponse lists_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  nlohmann::ordered_json out = manifest_of(*engine.snapshot);
  // Each source's age by the publication date it states, and what a screening should be told.
  const std::string today = today_utc();
  for (const SourceAge& age : source_ages(*engine.snapshot, today))
    for (auto& src : out["sources"])
      if (src["dataset"] == age.dataset)
        src["age_days"] = age.age_days >= 0 ? nlohmann::ordered_json(age.age_days) : nullptr;
  out["warnings"] = freshness_warnings(*engine.snapshot, today, kDefaultMaxListAgeDays);
  out["names_indexed"] = engine.index->name_count();
  out["load_seconds"] = engine.load_seconds;
  out["index_seconds"] = engine.index_seconds;
  out["index"] = engine.index_report.mapped ? "mapped" : "built";
  if (!engine.index_report.mapped)
    out["index_rebuilt_because"] = engine.index_report.rebuilt_because;
  if (ctx.engines) {
    const ReloadStats stats = ctx.engines->stats();
    out["loaded_at"] = iso_time(stats.loaded_at);
    out["reloads"] = stats.reloads;
    if (!stats.last_error.empty()) out["last_reload_error"] = stats.last_error;
  }
  return json_response(out);
}

// The whole party, looked up by its party id, a former party id, or the id of any of its records
// (record ids from before parties keep working). Asked by a record id, the reply also carries
// that record's own fields under "record".
HttpResponse entity_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  const Snapshot& snapshot = *engine.snapshot;
  const Party* party = snapshot.find_party(ctx.path_arg);
  if (!party)
    throw ApiError(
        404, "not_found", "id",
        fmt::format("no party or record '{}' in snapshot {}", ctx.path_arg, snapshot.id));
  nlohmann::ordered_json out = party_to_json(snapshot, *party);
  const auto& entities = snapshot.entities;  // sorted by id
  auto it = std::lower_bound(entities.begin(), entities.end(), ctx.path_arg,
                             [](const Entity& e, const std::string& id) { return e.id < id; });
  if (it != entities.end() && it->id == ctx.path_arg) out["record"] = entity_to_json(*it);
  out["snapshot"] = snapshot.id;
  return json_response(out);
}

}  // namespace clearance::server
