#include "api_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "clearance/lists/snapshot_store.h"
#include "clearance/model/freshness.h"
#include "clearance/util/strings.h"
#include "embedded_openapi.h"
#include "json_fields.h"

namespace clearance::server {

namespace {

// "2026-07-31T12:00:00Z" → seconds since the epoch; 0 when unreadable.
double epoch_seconds(const std::string& iso) {
  std::tm tm{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<double>(timegm(&tm));
}

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

const ScreeningEngine& RouteContext::ready_engine() const {
  if (!engine)
    throw ApiError(503, "not_ready", "",
                   "no list snapshot is loaded yet (import one with `clearance lists import`)");
  return *engine;
}

HttpResponse json_response(const nlohmann::ordered_json& body, unsigned status) {
  HttpResponse r;
  r.status = status;
  // Replace, never throw: a name from a list file with a broken byte must not turn into a 500.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiService::ApiService(EngineHolder& engines, ApiOptions options)
    : engines_(engines), options_(std::move(options)) {
  if (!options_.rulebook) options_.rulebook = &rules::Rulebook::builtin();
}

const std::vector<ApiService::Route>& ApiService::routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/healthz", "/healthz", true, &ApiService::healthz},
      {"GET", "/readyz", "/readyz", true, &ApiService::readyz},
      {"GET", "/openapi.json", "/openapi.json", true, &ApiService::openapi},
      // The analyst's page: public, so a browser can load it and then ask for a key.
      {"GET", "/", "/", true, &ApiService::web_page},
      {"GET", "/ui/", "/ui/{asset}", true, &ApiService::web_page},
      {"GET", "/v1/info", "/v1/info", true, &ApiService::info},
      {"GET", "/v1/chips", "/v1/chips", false, &ApiService::chips},
      {"POST", "/v1/jobs", "/v1/jobs", false, &ApiService::job_submit},
      {"GET", "/v1/jobs/", "/v1/jobs/{id}", false, &ApiService::job_get},
      {"GET", "/metrics", "/metrics", false, &ApiService::metrics_text},
      {"POST", "/v1/screen", "/v1/screen", false, &ApiService::screen},
      {"POST", "/v1/screen/batch", "/v1/screen/batch", false, &ApiService::screen_batch},
      {"POST", "/v1/compare", "/v1/compare", false, &ApiService::compare},
      {"GET", "/v1/lists", "/v1/lists", false, &ApiService::lists},
      {"GET", "/v1/lists/diff", "/v1/lists/diff", false, &ApiService::lists_diff},
      {"GET", "/v1/entities/", "/v1/entities/{id}", false, &ApiService::entity},
      {"POST", "/v1/classify", "/v1/classify", false, &ApiService::classify},
      {"POST", "/v1/check", "/v1/check", false, &ApiService::check},
      {"POST", "/v1/admin/reload", "/v1/admin/reload", false, &ApiService::reload},
      {"POST", "/match/", "/match/{dataset}", false, &ApiService::yente_match},
      {"POST", "/v1/subjects", "/v1/subjects", false, &ApiService::subjects_post},
      {"GET", "/v1/subjects", "/v1/subjects", false, &ApiService::subjects_get},
      {"DELETE", "/v1/subjects/", "/v1/subjects/{id}", false, &ApiService::subject_delete},
      {"GET", "/v1/alerts", "/v1/alerts", false, &ApiService::alerts_list},
      {"GET", "/v1/alerts/", "/v1/alerts/{id}", false, &ApiService::alert_get},
      {"POST", "/v1/alerts/", "/v1/alerts/{id}/decision", false, &ApiService::alert_decision},
      {"GET", "/v1/audit", "/v1/audit", false, &ApiService::audit_list},
      {"GET", "/v1/notifications", "/v1/notifications", false, &ApiService::notifications},
      {"GET", "/v1/audit/verify", "/v1/audit/verify", false, &ApiService::audit_verify},
  };
  return kRoutes;
}

// The key a request carries: X-API-Key, "Authorization: Bearer KEY", or "ApiKey KEY" as yente's
// clients send it.
static std::string key_of(const HttpRequest& request) {
  std::string key = request.api_key;
  const std::string_view auth = request.authorization;
  for (std::string_view scheme : {"Bearer ", "bearer ", "ApiKey ", "apikey "})
    if (key.empty() && auth.size() > scheme.size() && auth.substr(0, scheme.size()) == scheme)
      key = std::string(trim(auth.substr(scheme.size())));
  return key;
}

bool ApiService::authorized(const HttpRequest& request) const {
  if (options_.keys.empty()) return true;
  return options_.keys.find(key_of(request)) != nullptr;
}

std::string host_of(std::string_view text) {
  if (const size_t scheme = text.find("://"); scheme != std::string_view::npos)
    text.remove_prefix(scheme + 3);
  if (const size_t slash = text.find('/'); slash != std::string_view::npos)
    text = text.substr(0, slash);
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find(']');
    return ascii_lower(
        text.substr(1, close == std::string_view::npos ? text.size() - 1 : close - 1));
  }
  if (const size_t colon = text.find(':');
      colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos)
    text = text.substr(0, colon);
  return ascii_lower(text);
}

HttpResponse ApiService::dispatch(const HttpRequest& request, std::string& label) {
  if (options_.keys.empty() && !options_.allowed_hosts.empty()) {
    auto allowed = [&](std::string_view value) {
      const std::string host = host_of(value);
      return std::find(options_.allowed_hosts.begin(), options_.allowed_hosts.end(), host) !=
             options_.allowed_hosts.end();
    };
    if (!allowed(request.host))
      throw ApiError(403, "host_not_allowed", "Host",
                     fmt::format("Host '{}' is not one this server answers without an API key "
                                 "(serve --allowed-host NAME, or require keys)",
                                 request.host));
    if (!request.origin.empty() && !allowed(request.origin))
      throw ApiError(403, "origin_not_allowed", "Origin",
                     fmt::format("requests from pages at '{}' are refused", request.origin));
  }
  RouteContext ctx{
      request, parse_target(request.target), "", nullptr, nullptr, nullptr, nullptr, "", true};
  const std::string& path = ctx.target.path;
  const Route* match = nullptr;
  std::string allowed;
  for (const Route& r : routes()) {
    const std::string_view pattern = r.path;
    bool fits;
    std::string arg;
    if (pattern.back() == '/' && pattern.size() > 1) {
      fits = path.size() > pattern.size() && path.compare(0, pattern.size(), pattern) == 0;
      if (fits) arg = path.substr(pattern.size());
    } else {
      fits = path == pattern;
    }
    if (!fits) continue;
    label = r.label;
    if (request.method != r.method &&
        !(request.method == "HEAD" && std::string_view(r.method) == "GET")) {
      allowed += allowed.empty() ? r.method : fmt::format(", {}", r.method);
      continue;
    }
    match = &r;
    ctx.path_arg = std::move(arg);
    break;
  }
  if (!match) {
    if (!allowed.empty()) {
      HttpResponse r = error_response(
          405, "method_not_allowed", "",
          fmt::format("{} does not accept {}; use {}", label, request.method, allowed));
      r.headers.emplace_back("Allow", allowed);
      return r;
    }
    label = "unmatched";
    throw ApiError(404, "not_found", "",
                   fmt::format("no route {} {} (see /openapi.json)", request.method, path));
  }
  if (!match->public_route && !authorized(request)) {
    HttpResponse r = error_response(
        401, "unauthorized", "",
        request.api_key.empty() && request.authorization.empty()
            ? "an API key is required: send \"Authorization: Bearer KEY\" or \"X-API-Key: KEY\""
            : "the API key is not valid");
    r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
  }
  // Admin routes need a key marked "+admin" in the keys file: any client key must not reload.
  if (!options_.keys.empty() && path.rfind("/v1/admin/", 0) == 0 &&
      !options_.keys.is_admin(key_of(request)))
    throw ApiError(403, "admin_required", "",
                   "this route needs an admin key (a keys-file line marked +admin)");
  if (!options_.keys.empty()) {
    const std::string key = key_of(request);
    const std::string* key_label = options_.keys.find(key);
    ctx.actor =
        key_label && !key_label->empty() ? *key_label : "key:" + ApiKeys::hash(key).substr(0, 12);
    ctx.may_review = options_.keys.can_review(key);
  }
  ctx.engine = engines_.engine();
  ctx.engines = &engines_;
  ctx.jobs = &jobs_;
  ctx.rulebook = options_.rulebook;
  return (this->*(match->fn))(ctx);
}

HttpResponse ApiService::handle(const HttpRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  ++in_flight_;
  std::string label = "unmatched";
  HttpResponse response;
  try {
    response = dispatch(request, label);
  } catch (const ApiError& e) {
    response = error_response(e.status, e.code, e.field, e.what());
  } catch (const std::exception& e) {
    response =
        error_response(500, "internal_error", "", fmt::format("internal error: {}", e.what()));
  }
  --in_flight_;
  if (response.body.size() > options_.max_response_bytes)
    response = error_response(
        413, "response_too_large", "limit",
        fmt::format("the answer would be {} bytes, over this server's limit of {}: ask for fewer "
                    "hits (a lower limit, a higher threshold, fewer queries per batch)",
                    response.body.size(), options_.max_response_bytes));
  if (request.method == "HEAD") {
    response.body.clear();
    response.body_file.clear();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.observe(label, response.status, seconds);
  if (options_.access_log) {
    // The path without its query string, and the key's label, never the key.
    const std::string path = request.target.substr(0, request.target.find('?'));
    const std::string key = key_of(request);
    const std::string* key_label = key.empty() ? nullptr : options_.keys.find(key);
    nlohmann::ordered_json line = {{"time", utc_now_iso()},
                                   {"method", request.method},
                                   {"route", label},
                                   {"path", path},
                                   {"status", response.status},
                                   {"ms", std::round(seconds * 1e5) / 100},
                                   {"request_bytes", request.body.size()},
                                   {"response_bytes", response.body.size()}};
    if (key_label) line["key"] = *key_label;
    options_.access_log->write(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return response;
}

bool ApiService::runs_inline(const HttpRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") return false;
  const std::string_view path =
      std::string_view(request.target).substr(0, request.target.find('?'));
  return path == "/healthz" || path == "/readyz" || path == "/metrics";
}

HttpResponse ApiService::transport_error(unsigned status, const std::string& message) {
  metrics_.observe("transport", status, 0);
  return transport_error_response(status, message);
}

HttpResponse ApiService::healthz(RouteContext&) {
  return json_response({{"status", "ok"}});
}

HttpResponse ApiService::readyz(RouteContext& ctx) {
  if (!ctx.engine)
    return json_response({{"status", "not ready"}, {"reason", "no list snapshot loaded"}}, 503);
  return json_response({{"status", "ready"}, {"snapshot", ctx.engine->snapshot->id}});
}

HttpResponse ApiService::openapi(RouteContext&) {
  HttpResponse r;
  r.body = std::string(embedded_openapi());
  return r;
}

HttpResponse ApiService::info(RouteContext& ctx) {
  return json_response({{"service", "clearance"},
                        {"version", options_.version},
                        {"api_key_required", !options_.keys.empty()},
                        {"body_limit_bytes", options_.body_limit},
                        {"max_batch_queries", kMaxBatchQueries},
                        {"max_limit", kMaxLimit},
                        {"ready", ctx.engine != nullptr}});
}

HttpResponse ApiService::reload(RouteContext&) {
  if (options_.request_reload) {
    // Loading and indexing take seconds: the reload thread does it, not this request's thread
    // (whose other connections would wait). /v1/lists says when the new snapshot is in use.
    options_.request_reload();
    const auto engine = engines_.engine();
    HttpResponse r = json_response({{"reload", "requested"},
                                    {"snapshot", engine ? engine->snapshot->id : std::string()},
                                    {"check", "/v1/lists"}});
    r.status = 202;
    return r;
  }
  auto result = engines_.reload();
  if (!result)
    throw ApiError(500, "reload_failed", "",
                   fmt::format("the snapshot in use is unchanged: {}", result.error().message));
  const auto engine = engines_.engine();
  return json_response({{"reloaded", result.value()}, {"snapshot", engine->snapshot->id}});
}

HttpResponse ApiService::metrics_text(RouteContext& ctx) {
  std::vector<Gauge> gauges;
  gauges.push_back({"clearance_http_requests_in_flight", "Requests being answered.", "gauge", "",
                    static_cast<double>(in_flight_.load())});
  gauges.push_back(
      {"clearance_uptime_seconds", "Seconds since the server started.", "gauge", "",
       std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count()});
  const ReloadStats stats = engines_.stats();
  gauges.push_back({"clearance_snapshot_reloads_total", "Snapshots swapped in after the first.",
                    "counter", "", static_cast<double>(stats.reloads)});
  gauges.push_back({"clearance_snapshot_reload_failures_total",
                    "Reloads that failed (the previous snapshot stayed in use).", "counter", "",
                    static_cast<double>(stats.failures)});
  if (ctx.engine) {
    const Snapshot& s = *ctx.engine->snapshot;
    const double created = epoch_seconds(s.created_at);
    gauges.push_back({"clearance_snapshot_age_seconds",
                      "Seconds since the snapshot in use was created.", "gauge", "",
                      created > 0 ? now_seconds() - created : 0});
    gauges.push_back({"clearance_snapshot_entities", "Entities in the snapshot in use.", "gauge",
                      "", static_cast<double>(s.entities.size())});
    gauges.push_back({"clearance_snapshot_info", "The snapshot in use (value is always 1).",
                      "gauge", fmt::format("id=\"{}\"", prometheus_label(s.id)), 1});
    for (const auto& src : s.sources)
      gauges.push_back({"clearance_list_entities", "Entities per imported list.", "gauge",
                        fmt::format("dataset=\"{}\"", prometheus_label(src.dataset)),
                        static_cast<double>(src.entities)});
    gauges.push_back({"clearance_snapshot_parties", "Parties in the snapshot in use.", "gauge", "",
                      static_cast<double>(s.parties.size())});
    // By the publication date each source states, not by when it was imported; a source that
    // states none is left out (alert on its absence).
    for (const SourceAge& age : source_ages(s, today_utc()))
      if (age.age_days >= 0)
        gauges.push_back({"clearance_list_age_days",
                          "Days since each list's stated publication date.", "gauge",
                          fmt::format("dataset=\"{}\"", prometheus_label(age.dataset)),
                          static_cast<double>(age.age_days)});
  }
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics_.render(gauges);
  return r;
}

}  // namespace clearance::server
