// POST /v1/classify, POST /v1/check: the rules engine over HTTP, with the same fields and answers
// as `clearance classify` and `clearance check --format json`.
#include <fmt/format.h>

#include "clearance/lists/snapshot_store.h"
#include "clearance/rules/classifier.h"
#include "clearance/rules/license_check.h"
#include "clearance/rules/transaction_json.h"
#include "clearance/util/dates.h"
#include "json_fields.h"
#include "routes.h"

namespace clearance::server {

namespace {

using rules::ChipCatalog;
using rules::ChipSpec;

std::string today_utc() {
  return utc_now_iso().substr(0, 10);
}

// "date: expected YYYY-MM-DD" → field "date"; the library's messages start with the field.
[[noreturn]] void fail_with_library_message(const std::string& message) {
  const size_t colon = message.find(':');
  std::string field = colon == std::string::npos ? "" : message.substr(0, colon);
  if (field.find(' ') != std::string::npos) field.clear();
  throw ApiError(400, "invalid_field", field, message);
}

}  // namespace

HttpResponse classify_route(RouteContext& ctx) {
  const nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  fields.reject_unknown({"chip", "spec", "date", "form", "described_in", "sum_units"});
  if (fields.has("chip") == fields.has("spec"))
    fields.fail("chip", "give exactly one of chip (a catalogue name) or spec (the chip's figures)");
  ChipSpec chip;
  if (fields.has("chip")) {
    auto found = ChipCatalog::builtin().find(fields.text("chip"));
    if (!found) fields.fail("chip", found.error().message);
    chip = *found.value();
  } else {
    auto spec = rules::parse_chip_spec(fields.raw("spec").dump(), "spec");
    if (!spec) fail_with_library_message(spec.error().message);
    chip = std::move(spec.value());
  }
  rules::ClassifyOptions options;
  options.date = fields.has("date") ? fields.text("date") : today_utc();
  if (!is_iso_day(options.date))
    fields.fail("date", fmt::format("expected YYYY-MM-DD, got \"{}\"", options.date));
  if (fields.has("form")) options.form = fields.text("form");
  if (options.form != "ic" && options.form != "computer")
    fields.fail("form", "expected \"ic\" or \"computer\"");
  options.described_in = fields.text("described_in");
  if (!options.described_in.empty() && !rules::is_eccn(options.described_in))
    fields.fail("described_in",
                fmt::format("'{}' is not an ECCN (such as 5A992, 4A003.b)", options.described_in));
  options.sum_units = fields.boolean("sum_units").value_or(false);
  const rules::Classification c = rules::classify(chip, options, *ctx.rulebook);
  nlohmann::json out = rules::to_json(c);
  out["item"] = chip.name;
  out["date"] = options.date;
  out["rulebook"] = ctx.rulebook->version;
  HttpResponse r;
  r.body = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

HttpResponse check_route(RouteContext& ctx) {
  nlohmann::json body = parse_json_body(ctx.request.body);
  const JsonFields fields(body, "");
  // Three fields are the API's own; the rest is the transaction as the library reads it.
  rules::CheckOptions options;
  if (auto t = fields.number("threshold", 0, 1)) options.party_threshold = static_cast<float>(*t);
  if (auto a = fields.integer("max_list_age", 0, 36500))
    options.max_list_age_days = static_cast<int>(*a);
  body.erase("max_list_age");
  const bool screen = fields.boolean("screen").value_or(true);
  body.erase("threshold");
  body.erase("screen");
  if (!body.contains("date")) body["date"] = today_utc();
  auto tx = rules::transaction_from_json(body, ChipCatalog::builtin());
  if (!tx) fail_with_library_message(tx.error().message);
  const bool has_parties = tx->names_anyone();
  if (screen && has_parties) options.screener = ctx.ready_engine().screener.get();
  auto result = rules::check_license(tx.value(), *ctx.rulebook, options);
  if (!result) fail_with_library_message(result.error().message);
  nlohmann::json out = rules::to_json(result.value());
  if (options.screener) out["snapshot"] = ctx.engine->snapshot->id;
  HttpResponse r;
  r.body = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace clearance::server
