// POST /v1/jobs, GET /v1/jobs/{id}[/results|/rejected]: a batch file uploaded, screened in the
// background by the same runner as `clearance screen --input`, its progress polled and its
// outputs downloaded (batch_jobs.h).
#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "batch_jobs.h"
#include "clearance/match/list_filter.h"
#include "clearance/util/strings.h"
#include "routes.h"

namespace clearance::server {

namespace {

const std::string* param(const RouteContext& ctx, const char* name) {
  auto it = ctx.target.params.find(name);
  return it == ctx.target.params.end() ? nullptr : &it->second;
}

// The file's layout: ?format=, else the name's extension, else its first byte.
std::string format_of(const RouteContext& ctx, const std::string& name) {
  if (const std::string* f = param(ctx, "format")) {
    if (*f != "csv" && *f != "jsonl")
      throw ApiError(400, "invalid_request", "format", "format: expected csv or jsonl");
    return *f;
  }
  const std::string lower = ascii_lower(name);
  if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json"))
    return "jsonl";
  if (lower.ends_with(".csv") || lower.ends_with(".txt")) return "csv";
  const std::string_view body = ctx.request.body;
  const size_t first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string_view::npos && body[first] == '{' ? "jsonl" : "csv";
}

nlohmann::ordered_json job_json(const BatchJob& job) {
  const BatchSummary& s = job.summary;
  nlohmann::ordered_json out = {{"id", job.id},
                                {"name", job.name},
                                {"format", job.format},
                                {"state", job.state},
                                {"bytes", job.bytes},
                                {"fraction", job.fraction},
                                {"rows", s.rows},
                                {"rows_with_hits", s.rows_with_hits},
                                {"hits", s.hits},
                                {"rejected", s.errors},
                                {"unread_rows", s.unread_rows},
                                {"seconds", s.seconds},
                                {"snapshot", job.snapshot},
                                {"created_at", job.created_at}};
  if (!job.finished_at.empty()) out["finished_at"] = job.finished_at;
  if (!job.error.empty()) out["error"] = job.error;
  if (job.state == "done") {
    out["results_url"] = fmt::format("/v1/jobs/{}/results", job.id);
    out["rejected_url"] = fmt::format("/v1/jobs/{}/rejected", job.id);
  }
  return out;
}

// "customers.csv" → "customers"; characters a header would need quoted become '_'.
std::string download_stem(const std::string& name) {
  std::string stem = name.substr(0, name.rfind('.'));
  if (stem.empty()) stem = "batch";
  for (char& c : stem)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
        static_cast<unsigned char>(c) >= 0x7f)
      c = '_';
  return stem;
}

}  // namespace

HttpResponse job_submit_route(RouteContext& ctx) {
  const ScreeningEngine& engine = ctx.ready_engine();
  if (ctx.request.body.empty())
    throw ApiError(400, "invalid_request", "body",
                   "the request body is the batch file: it is empty");
  const std::string name = param(ctx, "name") ? *param(ctx, "name") : "batch";
  BatchOptions options;
  options.screen.threshold = static_cast<float>(query_number(ctx.target, "threshold", 0, 1, 0.8));
  options.screen.limit = static_cast<size_t>(query_integer(ctx.target, "limit", 1, kMaxLimit, 10));
  // Half the cores: the server's own requests keep the rest.
  options.threads = std::max(1u, std::thread::hardware_concurrency() / 2);
  if (const std::string* lists = param(ctx, "lists"); lists && !lists->empty()) {
    auto resolved = resolve_list_filter(*engine.snapshot, split_trimmed(*lists, ","));
    if (!resolved) throw ApiError(400, "invalid_request", "lists", resolved.error().message);
    options.lists = std::move(resolved.value());
  }
  const std::string format = format_of(ctx, name);
  auto id =
      ctx.jobs->submit(ctx.request.body, format, name, ctx.actor, std::move(options), ctx.engine);
  if (!id) {
    if (id.error().code == ErrorCode::invalid_argument)  // the queue is full
      throw ApiError(503, "busy", "", id.error().message);
    throw ApiError(500, "internal_error", "", id.error().message);
  }
  auto job = ctx.jobs->find(id.value());
  HttpResponse r = json_response(job_json(*job), 202);
  r.headers.emplace_back("Location", fmt::format("/v1/jobs/{}", id.value()));
  return r;
}

HttpResponse job_get_route(RouteContext& ctx) {
  const std::string& arg = ctx.path_arg;
  const size_t slash = arg.find('/');
  const std::string id = arg.substr(0, slash);
  const std::string part = slash == std::string::npos ? "" : arg.substr(slash + 1);
  auto job = ctx.jobs->find(id);
  // Another key's job is answered as if it did not exist.
  if (!job || job->owner != ctx.actor)
    throw ApiError(404, "not_found", "id",
                   fmt::format("no batch job '{}' (finished jobs are kept until 16 newer ones "
                               "finish, or until the server restarts)",
                               id));
  if (part.empty()) return json_response(job_json(*job));
  if (part != "results" && part != "rejected")
    throw ApiError(404, "not_found", "", fmt::format("no route GET /v1/jobs/{}", arg));
  if (job->state != "done")
    throw ApiError(
        409, "not_done", "id",
        fmt::format("batch job '{}' is {}: its files exist once it is done", id, job->state));
  const auto path = part == "results" ? ctx.jobs->results_path(id) : ctx.jobs->errors_path(id);
  HttpResponse r;
  r.body_file = path.string();  // streamed by the transport, whatever its size
  r.content_type = part == "results" ? "application/x-ndjson" : "text/csv; charset=utf-8";
  r.headers.emplace_back("Content-Disposition",
                         fmt::format("attachment; filename=\"{}.{}\"", download_stem(job->name),
                                     part == "results" ? "hits.jsonl" : "rejected.csv"));
  return r;
}

}  // namespace clearance::server
