// The case store over HTTP: subjects, alerts, decisions and the audit trail
// (src/clearance/store/case_store.h). Each server thread keeps its own connection to the store's
// SQLite file; writers wait for each other there, never fail on "database is locked".
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "clearance/match/list_filter.h"
#include "clearance/store/case_json.h"
#include "clearance/store/case_store.h"
#include "clearance/store/monitor.h"
#include "clearance/store/subjects_file.h"
#include "clearance/util/strings.h"
#include "json_fields.h"
#include "request_target.h"
#include "routes.h"

namespace clearance::server {

namespace {

// A store error as an HTTP error: unknown ids 404, refusals 400 (409 for a closed alert).
[[noreturn]] void raise(const Error& e, const std::string& field = "") {
  if (e.code == ErrorCode::not_found) throw ApiError(404, "not_found", field, e.message);
  if (e.code == ErrorCode::invalid_argument) {
    if (e.message.find(" is closed") != std::string::npos)
      throw ApiError(409, "alert_closed", field, e.message);
    throw ApiError(400, "invalid_request", field, e.message);
  }
  throw ApiError(500, "internal_error", "", e.message);
}

template <typename T>
T value_or_raise(Result<T> r) {
  if (!r) raise(r.error());
  return std::move(r.value());
}

int64_t alert_id_of(const std::string& text) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw ApiError(404, "not_found", "id", fmt::format("no alert '{}'", text));
  return id;
}

std::string actor_of(const RouteContext& ctx, const JsonFields* body, const char* field) {
  if (!ctx.actor.empty()) return ctx.actor;
  // No keys: the client names itself; "api" when it does not.
  std::string named = body && body->has(field) ? body->text(field) : "";
  return named.empty() ? "api" : named;
}

nlohmann::ordered_json ids_json(const std::vector<int64_t>& ids) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (int64_t id : ids) out.push_back(id);
  return out;
}

}  // namespace

CaseStore& case_store_of(RouteContext& ctx) {
  thread_local std::map<std::string, std::unique_ptr<CaseStore>> stores;
  const std::string& dir = ctx.engines->data_dir();
  auto& store = stores[dir];
  if (!store) {
    auto opened = open_case_store(dir);
    if (!opened) throw ApiError(503, "case_store_unavailable", "", opened.error().message);
    store = std::move(opened.value());
  }
  return *store;
}

// POST /v1/subjects {"subjects": [{id, name, country?, type?, dob?, identifier?, attributes?}],
// "threshold"?, "reviewer"?}: added or updated, and those new or changed screened at once.
HttpResponse subjects_post_route(RouteContext& ctx) {
  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"subjects", "threshold", "reviewer"});
  if (!fields.has("subjects") || !fields.raw("subjects").is_array() ||
      fields.raw("subjects").empty())
    fields.fail("subjects", "an array of at least one subject is required");
  const auto& list = fields.raw("subjects");
  if (list.size() > kMaxBatchQueries)
    fields.fail("subjects", fmt::format("at most {} subjects per request", kMaxBatchQueries));
  const double threshold = fields.number("threshold", 0, 1).value_or(0.8);
  const std::string actor = actor_of(ctx, &fields, "reviewer");
  std::vector<Subject> subjects;
  std::set<std::string> ids;  // an id twice would leave the first one's alerts on the second
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonFields f(list[i], fmt::format("subjects[{}]", i));
    f.reject_unknown({"id", "name", "country", "type", "dob", "identifier", "attributes"});
    Subject s;
    s.id = f.text("id", true);
    if (!ids.insert(s.id).second) f.fail("id", fmt::format("'{}' is given twice", s.id));
    s.name = f.text("name", true);
    s.country = f.text("country");
    s.type = f.text("type");
    if (!s.type.empty() && s.type != "person" && s.type != "organization" && s.type != "vessel" &&
        s.type != "aircraft")
      f.fail("type", "expected person, organization, vessel or aircraft");
    s.date_of_birth = f.text("dob");
    s.identifier = f.text("identifier");
    if (f.has("attributes")) {
      if (!f.raw("attributes").is_object()) f.fail("attributes", "expected an object");
      s.attributes = nlohmann::ordered_json::parse(f.raw("attributes").dump());
    }
    if (const std::string why = subject_problem(s); !why.empty()) {
      const size_t colon = why.find(": ");
      f.fail(colon == std::string::npos ? "" : why.substr(0, colon).c_str(),
             colon == std::string::npos ? why : why.substr(colon + 2));
    }
    subjects.push_back(std::move(s));
  }
  CaseStore& store = case_store_of(ctx);
  const std::vector<bool> put = value_or_raise(store.put_subjects(subjects, actor));
  // The new or changed, and any an earlier request stored but did not get to screen.
  const std::vector<Subject> changed =
      value_or_raise(subjects_to_screen(store, subjects, put, static_cast<float>(threshold)));
  nlohmann::ordered_json out = {{"given", subjects.size()},
                                {"changed", std::count(put.begin(), put.end(), true)}};
  if (!changed.empty() && ctx.engine) {
    MonitorOptions options;
    options.threshold = static_cast<float>(threshold);
    options.actor = actor;
    const MonitorReport r = value_or_raise(screen_subjects(store, *ctx.engine, changed, options));
    out["screened"] = r.screened;
    out["alerts_opened"] = ids_json(r.opened);
    out["alerts_reopened"] = ids_json(r.reopened);
    out["false_positives_held"] = ids_json(r.suppressed);
    out["snapshot"] = ctx.engine->snapshot->id;
  }
  return json_response(out);
}

// GET /v1/subjects?limit=N&after=ID: a page of subjects by id, with the id to ask after for the
// next ("next", null on the last page) — one answer of every subject grew past any response
// limit with the store.
HttpResponse subjects_get_route(RouteContext& ctx) {
  const auto limit = static_cast<size_t>(query_integer(ctx.target, "limit", 1, 10000, 1000));
  const auto after_it = ctx.target.params.find("after");
  const std::string after = after_it == ctx.target.params.end() ? "" : after_it->second;
  const std::vector<Subject> page = value_or_raise(case_store_of(ctx).subjects_after(after, limit));
  nlohmann::ordered_json out = {{"subjects", nlohmann::ordered_json::array()}};
  for (const Subject& s : page) out["subjects"].push_back(subject_to_json(s));
  out["next"] = page.size() == limit ? nlohmann::ordered_json(page.back().id)
                                     : nlohmann::ordered_json(nullptr);
  return json_response(out);
}

HttpResponse subject_delete_route(RouteContext& ctx) {
  const std::string actor = actor_of(ctx, nullptr, "");
  if (auto st = case_store_of(ctx).remove_subject(ctx.path_arg, actor); !st)
    raise(st.error(), "id");
  return json_response({{"removed", ctx.path_arg}});
}

// GET /v1/alerts?status=open&subject=ID&party=ID&list=EL&after=N&limit=50: oldest first;
// `next_after` pages on.
HttpResponse alerts_route(RouteContext& ctx) {
  const auto& params = ctx.target.params;
  AlertFilter filter;
  if (auto it = params.find("status"); it != params.end()) {
    filter.status = alert_status_from(it->second);
    if (!filter.status)
      throw ApiError(400, "invalid_request", "status",
                     "expected open, escalated, awaiting_confirmation or closed");
  }
  if (auto it = params.find("subject"); it != params.end()) filter.subject_id = it->second;
  if (auto it = params.find("party"); it != params.end()) filter.party_id = it->second;
  filter.after_id = query_integer(ctx.target, "after", 0, INT64_MAX, 0);
  filter.limit = static_cast<size_t>(query_integer(ctx.target, "limit", 1, 1000, 100));
  std::vector<Alert> alerts;
  if (auto it = params.find("list"); it != params.end() && !it->second.empty()) {
    // Alerts on parties with a listing on that list (code or dataset) in the snapshot in use:
    // the store knows parties by id only, so pages are read until `limit` of them qualify.
    const Snapshot& snapshot = *ctx.ready_engine().snapshot;
    auto wanted = resolve_list_filter(snapshot, {it->second});
    if (!wanted) throw ApiError(400, "invalid_request", "list", wanted.error().message);
    auto listed = [&](const std::string& party_id) {
      const Party* party = snapshot.find_party(party_id);
      if (!party) return false;
      for (uint32_t m : party->members)
        for (const std::string& w : wanted.value())
          if (ascii_lower(snapshot.entities[m].list) == w ||
              ascii_lower(snapshot.entities[m].dataset) == w)
            return true;
      return false;
    };
    AlertFilter page = filter;
    page.limit = 500;
    for (;;) {
      const auto batch = value_or_raise(case_store_of(ctx).alerts(page));
      for (const Alert& a : batch)
        if (alerts.size() < filter.limit && listed(a.party_id)) alerts.push_back(a);
      if (alerts.size() == filter.limit || batch.size() < page.limit) break;
      page.after_id = batch.back().id;
    }
  } else {
    alerts = value_or_raise(case_store_of(ctx).alerts(filter));
  }
  nlohmann::ordered_json out = {{"alerts", nlohmann::ordered_json::array()}};
  for (const Alert& a : alerts) out["alerts"].push_back(alert_to_json(a));
  if (alerts.size() == filter.limit) out["next_after"] = alerts.back().id;
  return json_response(out);
}

HttpResponse alert_get_route(RouteContext& ctx) {
  const int64_t id = alert_id_of(ctx.path_arg);
  CaseStore& store = case_store_of(ctx);
  const auto alert = value_or_raise(store.alert(id));
  if (!alert) throw ApiError(404, "not_found", "id", fmt::format("no alert {}", id));
  nlohmann::ordered_json out = alert_to_json(*alert);
  out["decisions"] = nlohmann::ordered_json::array();
  for (const Decision& d : value_or_raise(store.decisions(id)))
    out["decisions"].push_back(decision_to_json(d));
  out["audit"] = nlohmann::ordered_json::array();
  for (const AuditEntry& e : value_or_raise(store.audit(fmt::format("alert:{}", id), 1000)))
    out["audit"].push_back(audit_entry_to_json(e));
  return json_response(out);
}

// POST /v1/alerts/{id}/decision {"decision", "reason", "reviewer"?}: the key's label is the
// reviewer; a key needs the reviewer (or admin) role.
HttpResponse alert_decision_route(RouteContext& ctx) {
  const std::string& arg = ctx.path_arg;
  const size_t slash = arg.find('/');
  if (slash == std::string::npos || arg.substr(slash) != "/decision")
    throw ApiError(404, "not_found", "",
                   fmt::format("no route POST /v1/alerts/{} (see /openapi.json)", arg));
  const int64_t id = alert_id_of(arg.substr(0, slash));
  if (!ctx.may_review)
    throw ApiError(403, "reviewer_required", "",
                   "deciding alerts needs a reviewer key (a keys-file line marked +reviewer)");
  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"decision", "reason", "reviewer"});
  Decision d;
  d.alert_id = id;
  d.decision = fields.text("decision", true);
  d.reason = fields.text("reason", true);
  // Named here so a client can show it next to the reason (the store refuses it too).
  if (trim(d.reason).empty()) fields.fail("reason", "a decision needs a reason");
  if (ctx.actor.empty()) {
    d.reviewer = fields.text("reviewer", true);  // no keys: the reviewer names themself
  } else {
    d.reviewer = ctx.actor;
  }
  if (auto st = case_store_of(ctx).decide(d); !st) raise(st.error(), "decision");
  return json_response({{"alert", id}, {"decision", d.decision}, {"reviewer", d.reviewer}});
}

// GET /v1/audit?object=alert:12&limit=100: entries, oldest first.
HttpResponse audit_route(RouteContext& ctx) {
  const auto& params = ctx.target.params;
  const std::string object = params.count("object") ? params.at("object") : "";
  const auto limit = static_cast<size_t>(query_integer(ctx.target, "limit", 1, 10000, 100));
  nlohmann::ordered_json out = {{"entries", nlohmann::ordered_json::array()}};
  for (const AuditEntry& e : value_or_raise(case_store_of(ctx).audit(object, limit)))
    out["entries"].push_back(audit_entry_to_json(e));
  return json_response(out);
}

// GET /v1/notifications?after=ID&limit=100&pending=true: the outbox, oldest first — for a client
// that polls rather than receives the webhook.
HttpResponse notifications_route(RouteContext& ctx) {
  const auto& params = ctx.target.params;
  const int64_t after = query_integer(ctx.target, "after", 0, INT64_MAX, 0);
  const int64_t limit = query_integer(ctx.target, "limit", 1, 10000, 100);
  bool pending = false;
  if (auto it = params.find("pending"); it != params.end()) {
    if (it->second != "true" && it->second != "false")
      throw ApiError(400, "invalid_request", "pending", "expected true or false");
    pending = it->second == "true";
  }
  nlohmann::ordered_json out = {{"notifications", nlohmann::ordered_json::array()}};
  for (const Notification& n :
       value_or_raise(case_store_of(ctx).notifications(after, static_cast<size_t>(limit), pending)))
    out["notifications"].push_back(notification_to_json(n));
  return json_response(out);
}

HttpResponse audit_verify_route(RouteContext& ctx) {
  const AuditVerdict v = value_or_raise(case_store_of(ctx).verify_audit());
  nlohmann::ordered_json out = {{"intact", v.intact}, {"entries", v.entries}};
  if (!v.intact) {
    out["first_bad"] = v.first_bad;
    out["problem"] = v.problem;
  }
  return json_response(out);
}

}  // namespace clearance::server
