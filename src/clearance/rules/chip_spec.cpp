#include "clearance/rules/chip_spec.h"

#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "clearance/rules/embedded_data.h"

namespace clearance::rules {

using nlohmann::json;

const char* to_string(Tristate t) {
  switch (t) {
    case Tristate::no:
      return "no";
    case Tristate::yes:
      return "yes";
    case Tristate::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

struct SpecError {
  std::string message;
};

std::string path_of(std::string_view where, const std::string& field) {
  return fmt::format("{}: {}", where, field);
}

std::string get_string(const json& o, const char* key, std::string_view where, bool required) {
  if (!o.contains(key) || o.at(key).is_null()) {
    if (required) throw SpecError{path_of(where, key) + ": missing"};
    return {};
  }
  if (!o.at(key).is_string()) throw SpecError{path_of(where, key) + ": expected a string"};
  return o.at(key).get<std::string>();
}

std::optional<double> get_number(const json& o, const char* key, std::string_view where) {
  if (!o.contains(key) || o.at(key).is_null()) return std::nullopt;
  if (!o.at(key).is_number()) throw SpecError{path_of(where, key) + ": expected a number"};
  const double v = o.at(key).get<double>();
  if (v < 0) throw SpecError{path_of(where, key) + ": must not be negative"};
  return v;
}

Tristate get_tristate(const json& o, const char* key, std::string_view where, Tristate missing) {
  if (!o.contains(key)) return missing;
  const json& v = o.at(key);
  if (v.is_null()) return Tristate::unknown;
  if (v.is_boolean()) return v.get<bool>() ? Tristate::yes : Tristate::no;
  if (v.is_string() && v.get<std::string>() == "unknown") return Tristate::unknown;
  throw SpecError{path_of(where, key) + ": expected true, false, null or \"unknown\""};
}

ChipSpec read_chip(const json& o, std::string_view where) {
  if (!o.is_object()) throw SpecError{std::string(where) + ": expected an object"};
  ChipSpec c;
  c.name = get_string(o, "name", where, true);
  c.id = get_string(o, "id", where, false);
  if (o.contains("aliases")) {
    if (!o.at("aliases").is_array())
      throw SpecError{path_of(where, "aliases") + ": expected an array"};
    for (const json& a : o.at("aliases")) {
      if (!a.is_string()) throw SpecError{path_of(where, "aliases") + ": expected strings"};
      c.aliases.push_back(a.get<std::string>());
    }
  }
  c.vendor = get_string(o, "vendor", where, false);
  c.designer_hq = get_string(o, "designer_hq", where, false);
  c.kind = get_string(o, "kind", where, false);
  if (c.kind.empty()) c.kind = "ic";
  if (c.kind != "ic" && c.kind != "memory")
    throw SpecError{path_of(where, "kind") + ": expected \"ic\" or \"memory\""};
  c.datacenter = get_tristate(o, "datacenter", where, Tristate::unknown);
  c.released = get_string(o, "released", where, false);
  c.dies_note = get_string(o, "dies_note", where, false);
  c.memory_bandwidth_gbps = get_number(o, "memory_bandwidth_gbps", where);
  c.io_bandwidth_gbps = get_number(o, "io_bandwidth_gbps", where);
  c.io_source = get_string(o, "io_source", where, false);
  c.package_area_mm2 = get_number(o, "package_area_mm2", where);
  c.source = get_string(o, "source", where, false);
  c.confidence = get_string(o, "confidence", where, false);
  if (c.confidence.empty()) c.confidence = "V";
  if (o.contains("throughput")) {
    const json& list = o.at("throughput");
    if (!list.is_array()) throw SpecError{path_of(where, "throughput") + ": expected an array"};
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}: throughput[{}]", where, i);
      const json& t = list[i];
      if (!t.is_object()) throw SpecError{at + ": expected an object"};
      Throughput th;
      th.precision = get_string(t, "precision", at, true);
      const auto bits = get_number(t, "bits", at);
      if (!bits || *bits < 1 || *bits > 128 || *bits != static_cast<int>(*bits))
        throw SpecError{at + ": bits: expected a whole number of bits (1-128)"};
      th.bits = static_cast<int>(*bits);
      const auto tops = get_number(t, "tops", at);
      if (!tops) throw SpecError{at + ": tops: missing"};
      th.tops = *tops;
      th.sparse = get_tristate(t, "sparse", at, Tristate::no);
      th.unit = get_string(t, "unit", at, false);
      if (th.unit.empty()) th.unit = "tensor";
      th.source = get_string(t, "source", at, false);
      th.confidence = get_string(t, "confidence", at, false);
      if (th.confidence.empty()) th.confidence = "V";
      c.throughput.push_back(std::move(th));
    }
  }
  if (o.contains("dies")) {
    const json& list = o.at("dies");
    if (!list.is_array()) throw SpecError{path_of(where, "dies") + ": expected an array"};
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}: dies[{}]", where, i);
      const json& d = list[i];
      if (!d.is_object()) throw SpecError{at + ": expected an object"};
      Die die;
      die.name = get_string(d, "name", at, false);
      die.area_mm2 = get_number(d, "area_mm2", at);
      die.nonplanar = get_tristate(d, "nonplanar", at, Tristate::yes) == Tristate::yes;
      die.logic = get_tristate(d, "logic", at, Tristate::yes) == Tristate::yes;
      die.process = get_string(d, "process", at, false);
      die.source = get_string(d, "source", at, false);
      die.confidence = get_string(d, "confidence", at, false);
      if (die.confidence.empty()) die.confidence = "V";
      c.dies.push_back(std::move(die));
    }
  }
  if (c.kind == "ic" && c.throughput.empty() && !o.contains("throughput"))
    throw SpecError{path_of(where, "throughput") +
                    ": missing (give at least one precision's TOPS)"};
  return c;
}

// Lower-case letters and digits only: "H100 SXM5" → "h100sxm5".
std::string fold(std::string_view text) {
  std::string out;
  for (unsigned char ch : text)
    if (std::isalnum(ch)) out.push_back(static_cast<char>(std::tolower(ch)));
  return out;
}

}  // namespace

Result<ChipSpec> parse_chip_spec(std::string_view json_text, std::string_view where) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e99999
    return make_error(ErrorCode::parse, fmt::format("{}: not valid JSON: {}", where, e.what()));
  }
  try {
    return read_chip(root, where);
  } catch (const SpecError& e) {
    return make_error(ErrorCode::parse, e.message);
  }
}

Result<ChipCatalog> ChipCatalog::parse(std::string_view json_text, std::string_view source_name) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e99999
    return make_error(ErrorCode::parse,
                      fmt::format("{}: not valid JSON: {}", source_name, e.what()));
  }
  ChipCatalog catalog;
  try {
    if (!root.is_object() || !root.contains("chips") || !root.at("chips").is_array())
      throw SpecError{std::string(source_name) + ": expected an object with a \"chips\" array"};
    catalog.version_ = get_string(root, "version", source_name, true);
    const json& chips = root.at("chips");
    for (size_t i = 0; i < chips.size(); ++i) {
      ChipSpec chip = read_chip(chips[i], fmt::format("{}: chips[{}]", source_name, i));
      if (chip.id.empty())
        throw SpecError{fmt::format("{}: chips[{}]: id: missing", source_name, i)};
      catalog.chips_.push_back(std::move(chip));
    }
  } catch (const SpecError& e) {
    return make_error(ErrorCode::parse, e.message);
  }
  return catalog;
}

const ChipCatalog& ChipCatalog::builtin() {
  static const ChipCatalog catalog = [] {
    auto parsed = parse(embedded_chip_catalog(), "data/chips/catalog.json (built in)");
    if (!parsed) {
      fmt::print(stderr, "fatal: {}\n", parsed.error().message);
      std::abort();
    }
    return std::move(parsed.value());
  }();
  return catalog;
}

Result<const ChipSpec*> ChipCatalog::find(std::string_view query) const {
  const std::string q = fold(query);
  if (q.empty()) return make_error(ErrorCode::invalid_argument, "empty chip name");
  for (const ChipSpec& c : chips_) {
    if (fold(c.id) == q || fold(c.name) == q) return &c;
    for (const std::string& a : c.aliases)
      if (fold(a) == q) return &c;
  }
  std::vector<std::string> near;
  for (const ChipSpec& c : chips_) {
    const std::string n = fold(c.name);
    if (n.find(q) != std::string::npos ||
        q.find(fold(c.aliases.empty() ? c.id : c.aliases[0])) != std::string::npos)
      near.push_back(c.name);
  }
  std::string message = fmt::format("no chip \"{}\" in the catalogue", query);
  if (!near.empty()) message += fmt::format(" (did you mean: {}?)", fmt::join(near, ", "));
  message += "; `clearance chips` lists them, `--spec FILE` classifies any other";
  return make_error(ErrorCode::not_found, message);
}

}  // namespace clearance::rules
