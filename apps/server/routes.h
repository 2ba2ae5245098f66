#pragma once
// The routes of the HTTP API, one function each, grouped by file: screen_routes.cpp,
// list_routes.cpp, rules_routes.cpp, yente_routes.cpp. The service (api_service.cpp) matches the
// path, checks the key, takes the engine in use and calls one of these.
#include <memory>
#include <string>

#include "api_error.h"
#include "clearance/match/screening_engine.h"
#include "clearance/rules/rulebook.h"
#include "engine_holder.h"
#include "http_types.h"
#include "request_target.h"

namespace clearance {
class CaseStore;
}

namespace clearance::server {

class BatchJobs;

// Limits a client can rely on (documented in the OpenAPI document).
constexpr size_t kMaxBatchQueries = 1000;  // POST /v1/screen/batch
// The hits one batch may ask for (the sum of its queries' limits): 1,000 queries at the default
// limit of 10. A batch of 1,000 at limit 100 held a thread for minutes and answered 146 MB.
constexpr size_t kMaxBatchHits = 10000;
constexpr size_t kMaxYenteQueries = 100;  // POST /match/{dataset}, as yente
constexpr long long kMaxLimit = 100;      // hits per query

struct RouteContext {
  const HttpRequest& request;
  RequestTarget target;
  std::string path_arg;  // the {id} or {dataset} part of the path
  // The engine in use when the request arrived; kept for the whole request (see EngineHolder).
  std::shared_ptr<const ScreeningEngine> engine;
  const rules::Rulebook* rulebook = nullptr;
  EngineHolder* engines = nullptr;
  BatchJobs* jobs = nullptr;  // uploaded batch files (POST /v1/jobs)
  // Who calls: the API key's label (its hash's first 12 digits when unlabelled); empty when the
  // server requires no key, and the body then names the reviewer.
  std::string actor;
  bool may_review = true;  // the key may decide alerts (+reviewer or +admin)

  // The engine, or 503 when no snapshot is loaded yet.
  const ScreeningEngine& ready_engine() const;
};

HttpResponse json_response(const nlohmann::ordered_json& body, unsigned status = 200);

HttpResponse screen_route(RouteContext& ctx);
HttpResponse screen_batch_route(RouteContext& ctx);
HttpResponse compare_route(RouteContext& ctx);
HttpResponse lists_route(RouteContext& ctx);
HttpResponse lists_diff_route(RouteContext& ctx);
HttpResponse entity_route(RouteContext& ctx);
HttpResponse classify_route(RouteContext& ctx);
HttpResponse check_route(RouteContext& ctx);
HttpResponse yente_match_route(RouteContext& ctx);
// The analyst's page and what it asks of the server (web_routes.cpp, job_routes.cpp).
HttpResponse web_page_route(RouteContext& ctx);
HttpResponse chips_route(RouteContext& ctx);
HttpResponse job_submit_route(RouteContext& ctx);
HttpResponse job_get_route(RouteContext& ctx);
// The case store (case_routes.cpp).
HttpResponse subjects_post_route(RouteContext& ctx);
HttpResponse subjects_get_route(RouteContext& ctx);
HttpResponse subject_delete_route(RouteContext& ctx);
HttpResponse alerts_route(RouteContext& ctx);
HttpResponse alert_get_route(RouteContext& ctx);
HttpResponse alert_decision_route(RouteContext& ctx);
HttpResponse audit_route(RouteContext& ctx);
HttpResponse notifications_route(RouteContext& ctx);
HttpResponse audit_verify_route(RouteContext& ctx);

// Per-thread screening scratch (ICU normaliser and buffers), created once per server thread.
ScreenSession& thread_session();

// This server thread's connection to the data directory's case store (opened on first use; 503
// when it cannot be).
CaseStore& case_store_of(RouteContext& ctx);

}  // namespace clearance::server
