// GET /v1/lists, GET /v1/lists/diff, GET /v1/entities/{id}.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <mutex>

#include "clearance/lists/snapshot_codec.h"
#include "clearance/lists/snapshot_diff.h"
#include "clearance/lists/snapshot_store.h"
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

// What the last import changed: the snapshot in use against the one stored before it — counts per
// dataset and the first `limit` records added, removed and changed (`clearance lists diff`).
// Computed once per snapshot in use (loading the older one takes a moment).
HttpResponse lists_diff_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  const auto limit = static_cast<size_t>(query_integer(ctx.target, "limit", 1, 10000, 100));
  static std::mutex mutex;
  static std::map<std::pair<std::string, size_t>, std::string> cache;  // (snapshot, limit) → body
  std::lock_guard lock(mutex);
  const auto key = std::make_pair(engine.snapshot->id, limit);
  if (auto hit = cache.find(key); hit != cache.end()) {
    HttpResponse r;
    r.body = hit->second;
    return r;
  }
  if (!ctx.engines) throw ApiError(404, "not_found", "", "no snapshot store behind this server");
  SnapshotStore store(ctx.engines->data_dir());
  // The newest other snapshot created no later than the one in use (times are to the second: of
  // two made in the same second, either may be the older).
  std::string previous, previous_created;
  for (const auto& m : store.history()) {
    const std::string id = m.value("id", ""), created = m.value("created_at", "");
    if (id != engine.snapshot->id && created <= engine.snapshot->created_at &&
        created >= previous_created) {
      previous = id;
      previous_created = created;
    }
  }
  nlohmann::ordered_json out = {{"new", engine.snapshot->id},
                                {"new_created_at", engine.snapshot->created_at}};
  if (previous.empty()) {
    out["old"] = nullptr;
    out["note"] = "no earlier snapshot is stored: the snapshot in use is the first import";
  } else {
    auto before = store.load(previous);
    if (!before)
      throw ApiError(500, "internal_error", "",
                     fmt::format("cannot read the previous snapshot {}: {}", previous,
                                 before.error().message));
    const SnapshotDiff diff = diff_snapshots(before.value(), *engine.snapshot);
    out["old"] = previous;
    out["old_created_at"] = previous_created;
    std::map<std::string, std::array<size_t, 3>> by_dataset;
    auto ref = [](const Entity* e) {
      return nlohmann::ordered_json{{"id", e->id}, {"list", e->list}, {"name", e->name}};
    };
    nlohmann::ordered_json added = nlohmann::ordered_json::array(),
                           removed = nlohmann::ordered_json::array(),
                           changed = nlohmann::ordered_json::array();
    for (const Entity* e : diff.added) {
      ++by_dataset[e->dataset][0];
      if (added.size() < limit) added.push_back(ref(e));
    }
    for (const Entity* e : diff.removed) {
      ++by_dataset[e->dataset][1];
      if (removed.size() < limit) removed.push_back(ref(e));
    }
    for (const auto& c : diff.changed) {
      ++by_dataset[c.after->dataset][2];
      if (changed.size() < limit) {
        auto j = ref(c.after);
        j["fields"] = c.fields;
        changed.push_back(std::move(j));
      }
    }
    out["counts"] = {{"added", diff.added.size()},
                     {"removed", diff.removed.size()},
                     {"changed", diff.changed.size()}};
    out["by_dataset"] = nlohmann::ordered_json::object();
    for (const auto& [dataset, n] : by_dataset)
      out["by_dataset"][dataset] = {{"added", n[0]}, {"removed", n[1]}, {"changed", n[2]}};
    out["added"] = std::move(added);
    out["removed"] = std::move(removed);
    out["changed"] = std::move(changed);
  }
  if (cache.size() >= 8) cache.clear();
  HttpResponse r = json_response(out);
  cache.emplace(key, r.body);
  return r;
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
