#pragma once
// The HTTP API: matches a request to its route, checks the API key, takes the engine in use,
// runs the route and counts it. Independent of the transport (see http_server.h), so tests can
// call it directly as well as over a socket.
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "access_log.h"
#include "api_keys.h"
#include "batch_jobs.h"
#include "engine_holder.h"
#include "http_types.h"
#include "metrics.h"
#include "routes.h"

namespace clearance::server {

struct ApiOptions {
  ApiKeys keys;                               // empty: no key required
  const rules::Rulebook* rulebook = nullptr;  // null: the built-in rulebook
  // Without keys, a page in the user's browser could post to a local server (and, through DNS
  // rebinding, read the answer): requests must then name one of these hosts in Host, and a
  // browser's Origin, if sent, must be one of them too. Empty: not checked.
  std::vector<std::string> allowed_hosts;
  AccessLog* access_log = nullptr;  // null: no access log
  // Set by `clearance serve`: POST /v1/admin/reload asks its reload thread and answers 202 at
  // once. Unset, the route reloads before answering (tests, embedded use).
  std::function<void()> request_reload;
  // An answer larger than this is not sent: a 413 asks for fewer hits instead (the batch route's
  // work limit keeps most requests far below it; this bounds what any one answer can hold).
  size_t max_response_bytes = size_t{64} << 20;
  // What GET /v1/info tells the page: the transport's request body limit (the largest batch
  // file it may upload) and the build's version.
  size_t body_limit = 4 << 20;
  std::string version;
};

// "localhost:8080" → "localhost"; "[::1]:8080" → "::1"; "http://127.0.0.1:8080" → "127.0.0.1".
std::string host_of(std::string_view host_or_origin);

class ApiService {
 public:
  ApiService(EngineHolder& engines, ApiOptions options);

  HttpResponse handle(const HttpRequest& request);
  // Requests cheap enough to answer on the transport's I/O thread (health, readiness, metrics):
  // never queued behind screening work.
  static bool runs_inline(const HttpRequest& request);
  // Answers (and counts) a request the transport rejected before it reached a route.
  HttpResponse transport_error(unsigned status, const std::string& message);

  const Metrics& metrics() const { return metrics_; }

 private:
  using RouteFn = HttpResponse (ApiService::*)(RouteContext&);
  struct Route {
    const char* method;
    const char* path;   // exact, or a prefix ending in '/' followed by one {argument}
    const char* label;  // for metrics
    bool public_route;  // answered without a key
    RouteFn fn;
  };
  static const std::vector<Route>& routes();

  HttpResponse dispatch(const HttpRequest& request, std::string& label);
  bool authorized(const HttpRequest& request) const;

  HttpResponse healthz(RouteContext& ctx);
  HttpResponse readyz(RouteContext& ctx);
  HttpResponse metrics_text(RouteContext& ctx);
  HttpResponse openapi(RouteContext& ctx);
  HttpResponse reload(RouteContext& ctx);
  HttpResponse info(RouteContext& ctx);
  HttpResponse web_page(RouteContext& ctx) { return web_page_route(ctx); }
  HttpResponse chips(RouteContext& ctx) { return chips_route(ctx); }
  HttpResponse job_submit(RouteContext& ctx) { return job_submit_route(ctx); }
  HttpResponse job_get(RouteContext& ctx) { return job_get_route(ctx); }
  HttpResponse screen(RouteContext& ctx) { return screen_route(ctx); }
  HttpResponse screen_batch(RouteContext& ctx) { return screen_batch_route(ctx); }
  HttpResponse compare(RouteContext& ctx) { return compare_route(ctx); }
  HttpResponse lists(RouteContext& ctx) { return lists_route(ctx); }
  HttpResponse lists_diff(RouteContext& ctx) { return lists_diff_route(ctx); }
  HttpResponse entity(RouteContext& ctx) { return entity_route(ctx); }
  HttpResponse classify(RouteContext& ctx) { return classify_route(ctx); }
  HttpResponse check(RouteContext& ctx) { return check_route(ctx); }
  HttpResponse yente_match(RouteContext& ctx) { return yente_match_route(ctx); }
  HttpResponse subjects_post(RouteContext& ctx) { return subjects_post_route(ctx); }
  HttpResponse subjects_get(RouteContext& ctx) { return subjects_get_route(ctx); }
  HttpResponse subject_delete(RouteContext& ctx) { return subject_delete_route(ctx); }
  HttpResponse alerts_list(RouteContext& ctx) { return alerts_route(ctx); }
  HttpResponse alert_get(RouteContext& ctx) { return alert_get_route(ctx); }
  HttpResponse alert_decision(RouteContext& ctx) { return alert_decision_route(ctx); }
  HttpResponse audit_list(RouteContext& ctx) { return audit_route(ctx); }
  HttpResponse notifications(RouteContext& ctx) { return notifications_route(ctx); }
  HttpResponse audit_verify(RouteContext& ctx) { return audit_verify_route(ctx); }

  EngineHolder& engines_;
  ApiOptions options_;
  Metrics metrics_;
  BatchJobs jobs_;
  std::atomic<int64_t> in_flight_{0};
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace clearance::server
