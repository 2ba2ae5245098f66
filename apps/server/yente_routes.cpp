// POST /match/{dataset}: the OpenSanctions yente matching API's request and response shapes, so
// that clients written for yente work unchanged. Differences are listed in docs/API.md.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "clearance/match/explanation.h"
#include "clearance/match/list_filter.h"
#include "clearance/match/screen_output.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/strings.h"
#include "json_fields.h"
#include "routes.h"

namespace clearance::server {

namespace {

// yente's defaults, except the threshold: scores are on Clearance's scale, where 0.80 is the
// calibrated default (docs/QUALITY.md).
constexpr double kDefaultThreshold = 0.80;
constexpr double kDefaultCutoff = 0.50;
constexpr long long kDefaultLimit = 5;

// FollowTheMoney schemata and what they screen as.
bool schema_type(const std::string& schema, EntityType& type) {
  static const std::map<std::string, EntityType> kSchemata = {
      {"Person", EntityType::person},
      {"Company", EntityType::organization},
      {"Organization", EntityType::organization},
      {"PublicBody", EntityType::organization},
      {"LegalEntity", EntityType::unknown},
      {"Thing", EntityType::unknown},
      {"Vessel", EntityType::vessel},
      {"Airplane", EntityType::aircraft}};
  auto it = kSchemata.find(schema);
  if (it == kSchemata.end()) return false;
  type = it->second;
  return true;
}

const char* schema_of(EntityType type) {
  switch (type) {
    case EntityType::person:
      return "Person";
    case EntityType::organization:
      return "Organization";
    case EntityType::vessel:
      return "Vessel";
    case EntityType::aircraft:
      return "Airplane";
    default:
      return "LegalEntity";
  }
}

// Sanctions lists as yente's "sanction" topic; export-control lists as "export.control";
// procurement bans and debarments as "debarment".
std::string topic_of(const Entity& e) {
  static const std::vector<std::string> kExportControl = {"EL",   "MEU", "UVL",    "DPL",   "ISN",
                                                          "MIEU", "DTC", "INKSNA", "CN-ECL"};
  static const std::vector<std::string> kDebarment = {"FCC", "1260H", "CMIC"};
  if (std::find(kExportControl.begin(), kExportControl.end(), e.list) != kExportControl.end())
    return "export.control";
  if (std::find(kDebarment.begin(), kDebarment.end(), e.list) != kDebarment.end() ||
      e.list.rfind("NDAA-", 0) == 0)
    return "debarment";
  return "sanction";
}

const std::vector<std::string> kTopics = {"sanction", "export.control", "debarment"};

// A party's fields as FollowTheMoney properties (values are always arrays; countries lower-case,
// as FollowTheMoney writes them), merged over its records.
void add_ftm_properties(nlohmann::ordered_json& p, const Entity& e) {
  auto add = [&p](const char* key, const std::string& value) {
    if (value.empty()) return;
    auto& values = p[key];
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  };
  add("name", e.name);
  for (const auto& a : e.aliases) add(a.kind == AliasKind::weak ? "weakAlias" : "alias", a.name);
  for (const auto& a : e.addresses) {
    add("country", ascii_lower(a.country));
    add("address", a.full);
  }
  for (const auto& n : e.nationalities) add("nationality", ascii_lower(n));
  for (const auto& c : e.citizenships) add("citizenship", ascii_lower(c));
  for (const auto& d : e.dates_of_birth) add("birthDate", d);
  for (const auto& b : e.places_of_birth) add("birthPlace", b);
  for (const auto& id : e.identifiers) add("idNumber", id.number);
  for (const auto& prog : e.programs) add("program", prog);
  add("topics", topic_of(e));
  add("notes", e.remarks);
  add("sourceUrl", e.source_url);
  add("createdAt", e.listed_on);
}

// A property's values; yente accepts one string or an array of strings.
std::vector<std::string> property_values(const JsonFields& props, const char* key) {
  std::vector<std::string> out;
  if (!props.has(key)) return out;
  const nlohmann::json& v = props.raw(key);
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
    return out;
  }
  if (!v.is_array()) props.fail(key, "expected an array of strings");
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) props.fail(fmt::format("{}[{}]", key, i), "expected a string");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

struct YenteQuery {
  std::string key;
  nlohmann::json echo;  // the query as received, returned in "query"
  std::vector<std::string> names;
  ScreenQuery query;
};

YenteQuery read_yente_query(const std::string& key, const nlohmann::json& value) {
  const JsonFields fields(value, "queries." + key);
  YenteQuery out;
  out.key = key;
  out.echo = value;
  std::string schema = fields.text("schema");
  if (schema.empty()) fields.fail("schema", "is required (Person, Company, Organization, …)");
  if (!schema_type(schema, out.query.type))
    fields.fail("schema", fmt::format("'{}' is not a schema this API matches (Person, Company, "
                                      "Organization, PublicBody, LegalEntity, Vessel, Airplane)",
                                      schema));
  if (!fields.has("properties")) fields.fail("properties", "is required");
  const JsonFields props(fields.raw("properties"), fields.path_of("properties"));
  for (const std::string& n : property_values(props, "name")) {
    if (!is_valid_utf8(n)) props.fail("name", "is not valid UTF-8");
    if (n.size() > 1024) props.fail("name", "a name is longer than 1024 bytes");
    if (!trim(n).empty()) out.names.push_back(std::string(trim(n)));
  }
  if (out.names.empty()) {
    // A Person given by its parts, as yente accepts it.
    std::string joined;
    for (const char* part : {"firstName", "secondName", "middleName", "fatherName", "lastName"})
      for (const std::string& v : property_values(props, part)) {
        const std::string_view word = trim(v);
        if (word.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined.append(word);
      }
    if (!joined.empty()) {
      if (!is_valid_utf8(joined) || joined.size() > 1024)
        props.fail("lastName", "the name parts are not valid UTF-8 or longer than 1024 bytes");
      out.names.push_back(std::move(joined));
    }
  }
  if (out.names.empty())
    props.fail("name", "at least one name (or firstName/lastName) is required");
  CountryResolver countries;
  for (const char* key : {"country", "nationality", "jurisdiction", "citizenship"})
    for (const std::string& c : property_values(props, key))
      if (out.query.country.empty() && !countries.resolve(c).empty()) out.query.country = c;
  for (const std::string& d : property_values(props, "birthDate"))
    if (out.query.date_of_birth.empty()) out.query.date_of_birth = d.substr(0, 10);
  for (const char* key : {"idNumber", "registrationNumber", "passportNumber", "taxNumber",
                          "leiCode", "innCode", "ogrnCode", "swiftBic", "imoNumber"})
    for (const std::string& id : property_values(props, key))
      if (out.query.identifier.empty()) out.query.identifier = id;
  return out;
}

// A plain decimal number ("0.75", "3"), or with `whole` digits only: strtod also reads "nan"
// (which every comparison lets through: a listed party became "no match"), hexadecimal floats and
// "1e-400" (0), which no caller means.
double param_number(const RouteContext& ctx, const char* name, double fallback, double min,
                    double max, bool whole = false) {
  auto it = ctx.target.params.find(name);
  if (it == ctx.target.params.end() || it->second.empty()) return fallback;
  const std::string& text = it->second;
  const size_t digits = static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
  const size_t dots = static_cast<size_t>(std::count(text.begin(), text.end(), '.'));
  const bool plain = digits > 0 && digits + dots == text.size() && dots <= (whole ? 0u : 1u);
  const double v = plain ? std::strtod(text.c_str(), nullptr) : 0;
  if (!plain || !(v >= min && v <= max))
    throw ApiError(400, "invalid_parameter", name,
                   fmt::format("{}: expected {} in {}–{}, got '{}'", name,
                               whole ? "a whole number" : "a number", min, max, text));
  return v;
}

// The lists a dataset name selects: every list for yente's umbrella collections, else the
// snapshot's datasets and list codes by name. Empty optional: unknown.
std::optional<std::vector<std::string>> dataset_lists(const std::string& dataset,
                                                      const Snapshot& snapshot) {
  static const std::vector<std::string> kAll = {"default", "all", "sanctions", "clearance"};
  if (std::find(kAll.begin(), kAll.end(), ascii_lower(dataset)) != kAll.end())
    return std::vector<std::string>{};
  // Ours, a list code, or OpenSanctions' name for one of ours (us_ofac_sdn, un_sc_sanctions…).
  auto resolved = resolve_list_filter(snapshot, {dataset});
  if (!resolved) return std::nullopt;
  return resolved.value();
}

// One result: the party (id, caption, merged properties, every dataset, its records as
// referents) and the explanation of the name that scored.
nlohmann::ordered_json yente_result(const Hit& hit, const ScreenResult& result,
                                    const Screener& screener, double threshold,
                                    const std::string& query_name) {
  const Entity& e = *hit.entity;
  const Snapshot& snapshot = screener.index().snapshot();
  const nlohmann::ordered_json ours = hit_to_json(hit, result.query, screener);
  std::vector<const Entity*> records = {&e};
  if (hit.party) {
    records.clear();
    for (uint32_t m : hit.party->members) records.push_back(&snapshot.entities[m]);
  }
  nlohmann::ordered_json r;
  r["id"] = ours["party_id"];
  r["caption"] = ours["name"];
  r["schema"] = schema_of(e.type);
  nlohmann::ordered_json properties = nlohmann::ordered_json::object();
  std::vector<std::string> datasets, referents;
  for (const Entity* record : records) {
    add_ftm_properties(properties, *record);
    if (std::find(datasets.begin(), datasets.end(), record->dataset) == datasets.end())
      datasets.push_back(record->dataset);
    referents.push_back(record->id);
  }
  r["properties"] = std::move(properties);
  r["datasets"] = datasets;
  r["referents"] = referents;
  r["target"] = true;
  r["first_seen"] = nullptr;
  r["last_seen"] = nullptr;
  r["last_change"] = nullptr;
  r["score"] = ours["score"];
  nlohmann::ordered_json features = {{"name_score", ours["explanation"]["name_score"]}};
  for (const auto& ev : hit.evidence) features[ev.feature] = ev.delta;
  r["features"] = std::move(features);
  r["match"] = meets_threshold(hit.score, static_cast<float>(threshold));
  nlohmann::ordered_json explanations;
  explanations["name_score"] = {{"detail", explain_text(ours["explanation"])},
                                {"score", ours["explanation"]["name_score"]},
                                {"query", query_name},
                                {"candidate", hit.matched_name()}};
  for (const auto& ev : hit.evidence)
    explanations[ev.feature] = {{"detail", ev.detail}, {"score", ev.delta}};
  r["explanations"] = std::move(explanations);
  // Clearance's own fields, which yente clients ignore: the name that matched, its record, and
  // every listing of the party.
  r["matched_name"] = hit.matched_name();
  r["matched_record"] = e.id;
  r["listings"] = ours["listings"];
  return r;
}

// Every value of a repeated or comma-separated query parameter.
std::vector<std::string> param_list(const RouteContext& ctx, const char* name) {
  std::vector<std::string> out;
  auto it = ctx.target.all_params.find(name);
  if (it == ctx.target.all_params.end()) return out;
  for (const std::string& value : it->second)
    for (auto& v : split_trimmed(value, ","))
      if (!v.empty()) out.push_back(std::move(v));
  return out;
}

// What the query parameters leave in: datasets to include or exclude, topics, parties excluded
// by a party or record id. Unknown datasets and topics are a 400, never ignored.
struct ResultFilter {
  std::vector<std::string> include, exclude, topics, excluded_ids;

  bool keeps(const Hit& hit, const Snapshot& snapshot) const {
    std::vector<const Entity*> records = {hit.entity};
    if (hit.party) {
      records.clear();
      for (uint32_t m : hit.party->members) records.push_back(&snapshot.entities[m]);
    }
    auto any = [&](auto&& test) { return std::any_of(records.begin(), records.end(), test); };
    auto in = [](const std::vector<std::string>& names, const Entity* e) {
      for (const auto& n : names)
        if (iequals(n, e->dataset) || iequals(n, e->list)) return true;
      return false;
    };
    if (!include.empty() && !any([&](const Entity* e) { return in(include, e); })) return false;
    if (!exclude.empty() && any([&](const Entity* e) { return in(exclude, e); })) return false;
    if (!topics.empty() && !any([&](const Entity* e) {
          return std::find(topics.begin(), topics.end(), topic_of(*e)) != topics.end();
        }))
      return false;
    for (const auto& id : excluded_ids)
      if ((hit.party && hit.party->id == id) || any([&](const Entity* e) { return e->id == id; }))
        return false;
    return true;
  }
};

ResultFilter read_filter(const RouteContext& ctx, const Snapshot& snapshot) {
  ResultFilter f;
  for (const char* name : {"include_dataset", "exclude_dataset"}) {
    auto resolved = resolve_list_filter(snapshot, param_list(ctx, name));
    if (!resolved) throw ApiError(400, "invalid_parameter", name, resolved.error().message);
    (std::string_view(name) == "include_dataset" ? f.include : f.exclude) = resolved.value();
  }
  for (std::string& t : param_list(ctx, "topics")) {
    if (std::find(kTopics.begin(), kTopics.end(), t) == kTopics.end())
      throw ApiError(400, "invalid_parameter", "topics",
                     fmt::format("topics: '{}' is not a topic of these lists (sanction, "
                                 "export.control, debarment)",
                                 t));
    f.topics.push_back(std::move(t));
  }
  f.excluded_ids = param_list(ctx, "exclude_entity_ids");
  for (const char* unsupported : {"exclude_schema", "changed_since"})
    if (ctx.target.all_params.count(unsupported))
      throw ApiError(400, "invalid_parameter", unsupported,
                     fmt::format("{} is not supported by this server", unsupported));
  return f;
}

}  // namespace

HttpResponse yente_match_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  auto lists = dataset_lists(ctx.path_arg, *engine.snapshot);
  if (!lists)
    throw ApiError(404, "not_found", "dataset",
                   fmt::format("Dataset not found: {} (use default, or one of the snapshot's "
                               "datasets or list codes)",
                               ctx.path_arg));
  const double threshold = param_number(ctx, "threshold", kDefaultThreshold, 0, 1);
  const double cutoff = std::min(param_number(ctx, "cutoff", kDefaultCutoff, 0, 1), threshold);
  const auto limit =
      static_cast<size_t>(param_number(ctx, "limit", kDefaultLimit, 1, kMaxLimit, true));
  const ResultFilter filter = read_filter(ctx, *engine.snapshot);

  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"queries", "weights", "config"});
  if (!fields.has("queries")) fields.fail("queries", "is required");
  const nlohmann::json& queries = fields.raw("queries");
  if (!queries.is_object()) fields.fail("queries", "expected an object of named queries");
  if (queries.size() > kMaxYenteQueries)
    throw ApiError(413, "too_many_queries", "queries",
                   fmt::format("queries: {} queries, the limit is {} per request", queries.size(),
                               kMaxYenteQueries));
  std::vector<YenteQuery> parsed;
  for (auto it = queries.begin(); it != queries.end(); ++it)
    parsed.push_back(read_yente_query(it.key(), it.value()));

  ScreenOptions options;
  options.threshold = static_cast<float>(cutoff);
  // Every party above the cutoff, so that `total` counts the matches the limit leaves out.
  options.limit = kMaxLimit * 10;
  nlohmann::ordered_json responses = nlohmann::ordered_json::object();
  for (YenteQuery& q : parsed) {
    q.query.lists = *lists;
    // Each name of the query is screened; a party keeps its best score over the names. Results
    // are written only for the parties the limit keeps.
    struct Best {
      const Hit* hit;
      size_t name;  // index into q.names and screened
    };
    std::vector<ScreenResult> screened;
    screened.reserve(q.names.size());
    std::map<std::string, Best> best;
    for (size_t n = 0; n < q.names.size(); ++n) {
      q.query.name = q.names[n];
      screened.push_back(engine.screener->screen(q.query, options, thread_session()));
      for (const Hit& hit : screened.back().hits) {
        if (!filter.keeps(hit, *engine.snapshot)) continue;
        const std::string id = hit.party ? hit.party->id : hit.entity->id;
        auto found = best.find(id);
        if (found != best.end() && found->second.hit->score >= hit.score) continue;
        best[id] = Best{&hit, n};
      }
    }
    std::vector<const Best*> ordered;
    size_t matches = 0;
    for (const auto& [id, b] : best) {
      ordered.push_back(&b);
      matches += meets_threshold(b.hit->score, static_cast<float>(threshold));
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Best* a, const Best* b) { return a->hit->score > b->hit->score; });
    if (ordered.size() > limit) ordered.resize(limit);
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const Best* b : ordered)
      results.push_back(
          yente_result(*b->hit, screened[b->name], *engine.screener, threshold, q.names[b->name]));
    nlohmann::ordered_json response;
    response["status"] = 200;
    response["results"] = std::move(results);
    // yente counts the matches (scores at or above the threshold), not the results returned.
    response["total"] = {{"value", matches}, {"relation", "eq"}};
    response["query"] = q.echo;
    responses[q.key] = std::move(response);
  }
  nlohmann::ordered_json out;
  out["responses"] = std::move(responses);
  out["matcher"] = {
      {"name_score",
       {{"description",
         "Clearance's name score: token alignment weighted by rarity (IDF), across scripts"},
        {"coefficient", 1.0}}},
      {"country", {{"description", "Country agrees or conflicts"}, {"coefficient", 1.0}}},
      {"date_of_birth",
       {{"description", "Date of birth agrees or conflicts"}, {"coefficient", 1.0}}},
      {"identifier", {{"description", "An identifier matches exactly"}, {"coefficient", 1.0}}}};
  out["limit"] = limit;
  out["snapshot"] = engine.snapshot->id;
  return json_response(out);
}

}  // namespace clearance::server
