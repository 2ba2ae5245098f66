// Screening quality on the real lists:
//  1. Chinese → English: each entry of China's lists (../shared/data/lists/china, EN + ZH names)
//     is indexed under its English names only, beside the standard lists; its Chinese name is
//     screened and must find it in the top 5.
//  2. False alerts: names no list carries (data/non_listed_names.txt) screened at the default
//     threshold; any hit counts.
#include <fmt/format.h>

#include <cstring>

#include "clearance/lists/entity_ids.h"
#include "clearance/match/screener.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "shared_lists.h"

using namespace clearance;

int main(int argc, char** argv) {
  bool verbose = argc > 1 && !std::strcmp(argv[1], "--misses");
  auto snapshot = std::make_shared<Snapshot>(*bench::load_standard_lists());
  auto bytes = read_file(bench::shared_data_dir() + "/lists/china/cn_sanctions_opensanctions.csv");
  if (!bytes) {
    fmt::print(stderr, "{}\n", bytes.error().message);
    return 2;
  }
  CsvReader csv(bytes.value());
  CsvRecord row;
  (void)csv.next(row);
  const CsvHeader header(row.fields);
  struct Case {
    std::string chinese, english, id;
  };
  std::vector<Case> cases;
  while (csv.next(row).value()) {
    const std::string english = trim_copy(field_or_empty(row, header.index("Name")));
    const std::string chinese = trim_copy(field_or_empty(row, header.index("Chinese name")));
    if (english.empty()) continue;
    Entity e;
    e.dataset = "cn_eval";
    e.list = "CN";
    e.source_id = std::to_string(row.line);
    e.name = english;
    e.type = entity_type_from_string(field_or_empty(row, header.index("Type")));
    for (const auto& a : split_trimmed(field_or_empty(row, header.index("Alias")), ";"))
      e.aliases.push_back({a, AliasKind::aka});
    snapshot->entities.push_back(e);
    if (!chinese.empty()) cases.push_back({chinese, english, "cn_eval:cn:" + e.source_id});
  }
  assign_entity_ids(snapshot->entities.edit());
  std::shared_ptr<const NameIndex> index = NameIndex::build(snapshot, 2);
  Screener screener(index);
  ScreenSession session;

  size_t found_default = 0, found_any = 0, total = 0;
  for (const auto& c : cases) {
    if (c.id.empty()) continue;
    ++total;
    ScreenQuery q;
    q.name = c.chinese;
    ScreenOptions options;
    options.limit = 5;
    const auto hits = screener.screen(q, options, session).hits;
    const bool at_default = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
      return h.has_record(screener.index().snapshot(), c.id);
    });
    options.threshold = 0.0f;
    const auto any = screener.screen(q, options, session).hits;
    const bool anywhere = std::any_of(any.begin(), any.end(), [&](const Hit& h) {
      return h.has_record(screener.index().snapshot(), c.id);
    });
    found_default += at_default;
    found_any += anywhere;
    if (verbose && !at_default)
      fmt::print(stderr, "miss: {} → {} (top: {})\n", c.chinese, c.english,
                 any.empty() ? "-" : any.front().entity->name);
  }
  fmt::print(
      "Chinese name → English entry in the top 5: {}/{} = {:.1f}% at the default threshold, {}/{} "
      "= {:.1f}% at any score\n",
      found_default, total, 100.0 * found_default / total, found_any, total,
      100.0 * found_any / total);

  auto names = read_file(std::string(CLEARANCE_SOURCE_DIR) + "/data/non_listed_names.txt");
  if (!names) {
    fmt::print(stderr, "{}\n", names.error().message);
    return 2;
  }
  size_t queries = 0, alerted = 0;
  for (const auto& line : split_trimmed(names.value(), "\n")) {
    if (line.empty() || line[0] == '#') continue;
    ++queries;
    ScreenQuery q;
    q.name = line;
    const auto hits = screener.screen(q, {}, session).hits;
    if (!hits.empty()) {
      ++alerted;
      if (verbose)
        fmt::print(stderr, "false alert: {} → {} ({:.3f})\n", line, hits.front().entity->name,
                   hits.front().score);
    }
  }
  fmt::print("False alerts on {} non-listed names at the default threshold: {} = {:.1f}%\n",
             queries, alerted, 100.0 * alerted / queries);
  return 0;
}
