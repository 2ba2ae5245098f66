// Chinese names as a Chinese contract, invoice or customer record writes them, screened against the
// current US lists (bench::current_us_list_files): tests/cases/chinese_queries.csv. Each query of
// kind full (the registered name), brand (the short name alone), variant (another place, trade
// word or legal form, or traditional characters) must find the listed party — a record of its list
// whose name or alias is `listed_name` — in the top 5 at the threshold; a negative (a firm no list
// names) must find nothing; an unrelated one (a listed firm's name against another listed record
// that shares a word of its English name but not the firm) must not meet that record at the
// threshold, at any rank. Prints a markdown table for docs/QUALITY.md.
//   eval_chinese_queries [--threshold T] [--misses] [--cases FILE]
#include <fmt/format.h>

#include <cstring>
#include <map>

#include "clearance/lists/listed_names.h"
#include "clearance/match/screener.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "shared_lists.h"

using namespace clearance;

namespace {

bool names_record(const Entity& e, const std::string& list, const std::string& listed) {
  if (e.list != list) return false;
  if (listed_name_key(e.name) == listed) return true;
  for (const auto& a : e.aliases)
    if (listed_name_key(a.name) == listed) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  float threshold = 0.80f;
  bool misses = false;
  std::string cases_file = std::string(CLEARANCE_SOURCE_DIR) + "/tests/cases/chinese_queries.csv";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threshold") && i + 1 < argc) threshold = std::stof(argv[++i]);
    if (!std::strcmp(argv[i], "--misses")) misses = true;
    if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) cases_file = argv[++i];
  }
  auto bytes = read_file(cases_file);
  if (!bytes) {
    fmt::print(stderr, "{}\n", bytes.error().message);
    return 2;
  }
  auto snapshot = bench::load_lists(bench::current_us_list_files());
  Screener screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot, 2)));
  ScreenSession session;
  CsvReader csv(bytes.value());
  CsvRecord row;
  (void)csv.next(row);
  const CsvHeader header(row.fields);
  struct Count {
    int found = 0, total = 0;
  };
  std::map<std::string, Count> by_kind;
  int unknown = 0;
  while (csv.next(row).value()) {
    const std::string query(field_or_empty(row, header.index("query")));
    const std::string kind(field_or_empty(row, header.index("kind")));
    const std::string list(field_or_empty(row, header.index("list")));
    const std::string listed = listed_name_key(field_or_empty(row, header.index("listed_name")));
    if (kind != "negative" &&
        std::none_of(snapshot->entities.begin(), snapshot->entities.end(),
                     [&](const Entity& e) { return names_record(e, list, listed); })) {
      fmt::print(stderr, "line {}: no {} record is named \"{}\"\n", row.line, list,
                 field_or_empty(row, header.index("listed_name")));
      ++unknown;
      continue;
    }
    ScreenQuery q;
    q.name = query;
    ScreenOptions options;
    options.limit = kind == "unrelated" ? 1000 : 5;
    options.threshold = threshold;
    const auto hits = screener.screen(q, options, session).hits;
    auto names_it = [&](const Hit& h) {
      if (names_record(*h.entity, list, listed)) return true;
      if (!h.party) return false;
      for (uint32_t m : h.party->members)
        if (names_record(snapshot->entities[m], list, listed)) return true;
      return false;
    };
    bool ok;
    if (kind == "negative")
      ok = hits.empty();
    else if (kind == "unrelated")
      ok = std::none_of(hits.begin(), hits.end(), names_it);
    else
      ok = std::any_of(hits.begin(), hits.end(), names_it);
    by_kind[kind].total++;
    by_kind[kind].found += ok;
    if (misses && !ok)
      fmt::print(stderr, "{} {:<8} {} → {} (top: {} {:.3f})\n",
                 kind == "negative" || kind == "unrelated" ? "FP" : "FN", kind, query,
                 kind == "negative"
                     ? "-"
                     : list + " " + std::string(field_or_empty(row, header.index("listed_name"))),
                 hits.empty() ? "-" : hits.front().entity->name,
                 hits.empty() ? 0.0f : hits.front().score);
  }
  fmt::print(
      "{}: threshold {:.2f}, top 5, current US lists\n\n| kind | right | of | share "
      "|\n|---|---|---|---|\n",
      cases_file, threshold);
  Count listed;
  for (const auto& [kind, c] : by_kind) {
    fmt::print("| {} | {} | {} | {:.1f} % |\n", kind, c.found, c.total, 100.0 * c.found / c.total);
    if (kind != "negative" && kind != "unrelated") {
      listed.found += c.found;
      listed.total += c.total;
    }
  }
  fmt::print("| listed (full + brand + variant) in the top 5 | {} | {} | {:.1f} % |\n",
             listed.found, listed.total, 100.0 * listed.found / std::max(1, listed.total));
  if (unknown) fmt::print("\n{} rows name no record of the lists (skipped)\n", unknown);
  return 0;
}
