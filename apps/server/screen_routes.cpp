// POST /v1/screen, POST /v1/screen/batch, POST /v1/compare.
#include <fmt/format.h>

#include <set>

#include "clearance/batch/batch_input.h"
#include "clearance/match/list_filter.h"
#include "clearance/match/screen_output.h"
#include "clearance/store/case_store.h"
#include "clearance/store/monitor.h"
#include "clearance/util/strings.h"
#include "json_fields.h"
#include "routes.h"

namespace clearance::server {

namespace {

// Threshold, limit and lists, given for a whole batch or for one query.
struct QueryDefaults {
  float threshold = 0.80f;
  size_t limit = 10;
  std::vector<std::string> lists;
};

void read_defaults(const JsonFields& fields, QueryDefaults& d) {
  if (auto t = fields.number("threshold", 0, 1)) d.threshold = static_cast<float>(*t);
  if (auto l = fields.integer("limit", 1, kMaxLimit)) d.limit = static_cast<size_t>(*l);
  if (fields.has("lists")) d.lists = fields.text_list("lists");
}

// A list code or dataset the snapshot does not hold is an error (match/list_filter.h); the names
// are replaced by those the screener filters on.
void check_lists(const JsonFields& fields, std::vector<std::string>& lists,
                 const Snapshot& snapshot) {
  auto resolved = resolve_list_filter(snapshot, lists);
  if (!resolved) fields.fail("lists", resolved.error().message);
  lists = std::move(resolved.value());
}

struct ParsedQuery {
  std::string id;
  ScreenQuery query;
  ScreenOptions options;
  bool record = false;  // kept in the case store
};

// "record": true — the screening is kept in the case store, with the key's label (or "api") as
// who ran it.
bool read_record(const JsonFields& fields) {
  if (!fields.has("record")) return false;
  const nlohmann::json& v = fields.raw("record");
  if (!v.is_boolean()) fields.fail("record", "expected true or false");
  return v.get<bool>();
}

ParsedQuery read_query(const JsonFields& fields, const QueryDefaults& defaults,
                       const Snapshot& snapshot) {
  fields.reject_unknown({"id", "name", "country", "type", "dob", "identifier", "lists", "threshold",
                         "limit", "record"});
  ParsedQuery out;
  out.record = read_record(fields);
  out.id = fields.text("id", false, true);
  QueryDefaults d = defaults;
  read_defaults(fields, d);
  check_lists(fields, d.lists, snapshot);
  BatchRow row;
  const std::string name = std::string(trim(fields.text("name", true)));
  if (!fill_query(row, name, std::string(trim(fields.text("country"))),
                  std::string(trim(fields.text("type"))), std::string(trim(fields.text("dob")))))
    fields.fail(row.error_field, row.error);
  out.query = std::move(row.query);
  out.query.identifier = std::string(trim(fields.text("identifier")));
  out.query.lists = d.lists;
  out.options.threshold = d.threshold;
  out.options.limit = d.limit;
  return out;
}

nlohmann::ordered_json screen_one(const ParsedQuery& q, const ScreeningEngine& engine,
                                  std::vector<ScreeningRecord>* records, const std::string& actor) {
  const ScreenResult result = engine.screener->screen(q.query, q.options, thread_session());
  if (q.record && records)
    records->push_back(make_screening_record(engine, q.query, result, q.options.threshold, actor));
  return screen_result_to_json(q.id, q.query, result, *engine.screener, engine.snapshot->id,
                               q.options.threshold);
}

// Keeps the recorded screenings (one transaction) and says in each result which record it is.
void keep_records(RouteContext& ctx, const std::vector<ScreeningRecord>& records,
                  std::vector<nlohmann::ordered_json*> results) {
  if (records.empty()) return;
  auto kept = case_store_of(ctx).record_screenings(records);
  if (!kept) throw ApiError(500, "record_failed", "record", kept.error().message);
  for (size_t i = 0; i < results.size() && i < kept->size(); ++i)
    (*results[i])["screening"] = (*kept)[i].screening_id;
}

std::string actor_of(const RouteContext& ctx) {
  return ctx.actor.empty() ? "api" : ctx.actor;
}

}  // namespace

ScreenSession& thread_session() {
  thread_local ScreenSession session;
  return session;
}

HttpResponse screen_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  const nlohmann::json body = parse_json_body(ctx.request.body);
  ParsedQuery q = read_query(JsonFields(body, ""), QueryDefaults{}, *engine.snapshot);
  if (q.id.empty()) q.id.assign(1, '1');
  std::vector<ScreeningRecord> records;
  nlohmann::ordered_json out = screen_one(q, engine, &records, actor_of(ctx));
  keep_records(ctx, records, {&out});
  return json_response(out);
}

HttpResponse screen_batch_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"queries", "threshold", "limit", "lists", "record"});
  QueryDefaults defaults;
  read_defaults(fields, defaults);
  const bool record_all = read_record(fields);
  if (!fields.has("queries")) fields.fail("queries", "is required");
  const nlohmann::json& queries = fields.raw("queries");
  if (!queries.is_array()) fields.fail("queries", "expected an array of query objects");
  if (queries.size() > kMaxBatchQueries)
    throw ApiError(413, "too_many_queries", "queries",
                   fmt::format("queries: {} queries, the limit is {} per request", queries.size(),
                               kMaxBatchQueries));
  // Every query is checked before any is screened: a bad one rejects the request as a whole, so
  // a client never has to work out which results it got.
  std::vector<ParsedQuery> parsed;
  parsed.reserve(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    parsed.push_back(read_query(JsonFields(queries[i], fmt::format("queries[{}]", i)), defaults,
                                *engine.snapshot));
    if (parsed.back().id.empty()) parsed.back().id = std::to_string(i + 1);
    parsed.back().record = parsed.back().record || record_all;
  }
  size_t hits = 0;
  for (const ParsedQuery& q : parsed) hits += q.options.limit;
  if (hits > kMaxBatchHits)
    throw ApiError(413, "too_much_work", "limit",
                   fmt::format("limit: {} queries may ask for {} hits in all, the most one request "
                               "may is {}; lower the limit or send fewer queries per request",
                               parsed.size(), hits, kMaxBatchHits));
  nlohmann::ordered_json out;
  out["snapshot"] = engine.snapshot->id;
  out["count"] = parsed.size();
  out["results"] = nlohmann::ordered_json::array();
  std::vector<ScreeningRecord> records;
  const std::string actor = actor_of(ctx);
  for (const ParsedQuery& q : parsed)
    out["results"].push_back(screen_one(q, engine, &records, actor));
  std::vector<nlohmann::ordered_json*> recorded;
  for (size_t i = 0; i < parsed.size(); ++i)
    if (parsed[i].record) recorded.push_back(&out["results"][i]);
  keep_records(ctx, records, recorded);
  return json_response(out);
}

HttpResponse compare_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"a", "b", "type"});
  std::string names[2] = {fields.text("a", true), fields.text("b", true)};
  for (int i = 0; i < 2; ++i) {
    const char* key = i == 0 ? "a" : "b";
    if (trim(names[i]).empty()) fields.fail(key, "is empty");
    if (names[i].size() > kMaxNameBytes)
      fields.fail(key, fmt::format("is {} bytes, the limit is {}", names[i].size(), kMaxNameBytes));
  }
  EntityType type = EntityType::unknown;
  if (const std::string t = fields.text("type"); !t.empty()) {
    type = entity_type_from_string(t);
    if (type == EntityType::unknown)
      fields.fail("type", fmt::format("'{}' is not person, organization, vessel or aircraft", t));
  }
  nlohmann::ordered_json out =
      compare_to_json(*engine.screener, names[0], names[1], type, thread_session());
  out["snapshot"] = engine.snapshot->id;
  return json_response(out);
}

}  // namespace clearance::server
