// Quality of `compare` on the labelled name pairs of nomenklatura's name_bench (826 pairs), next
// to OpenSanctions logic-v2's frozen scores on the same pairs. Prints markdown for docs/QUALITY.md.
//   eval_name_pairs [--threshold T] [--sweep] [--misses] [--scores] [--written] [--cases FILE]
// --misses lists the pairs decided wrongly; --scores lists every pair with its score (to stderr).
// --written scores each pair in the direction it is written (name1 as the query, name2 as the
// list's name) instead of the higher of both directions. --cases scores another file of pairs in
// the same columns (case_group,schema,name1,name2,is_match,…; e.g.
// tests/cases/cross_script_pairs.csv) and reports it by case group and schema, without logic-v2's
// scores.
#include <fmt/format.h>

#include <cstring>
#include <map>

#include "clearance/match/screener.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "shared_lists.h"

using namespace clearance;

namespace {

struct Pair {
  std::string group, schema, a, b, category;
  bool match = false;
  float ours = 0;
  float theirs = -1;  // logic-v2 frozen score, -1 when absent
};

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool truth, bool predicted) {
    if (truth && predicted)
      ++tp;
    else if (!truth && predicted)
      ++fp;
    else if (truth)
      ++fn;
    else
      ++tn;
  }
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) throw std::runtime_error(bytes.error().message);
  CsvReader csv(bytes.value());
  CsvRecord row;
  std::vector<std::vector<std::string>> rows;
  while (csv.next(row).value()) rows.push_back(row.fields);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  float threshold = 0.80f;
  bool sweep = false, misses = false, scores = false, written = false;
  std::string other_cases;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threshold") && i + 1 < argc) threshold = std::stof(argv[++i]);
    if (!std::strcmp(argv[i], "--sweep")) sweep = true;
    if (!std::strcmp(argv[i], "--misses")) misses = true;
    if (!std::strcmp(argv[i], "--scores")) scores = true;
    if (!std::strcmp(argv[i], "--written")) written = true;
    if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) other_cases = argv[++i];
  }
  const std::string eval = bench::shared_data_dir() + "/eval/nomenklatura/";
  auto cases = read_csv(other_cases.empty() ? eval + "name_bench_cases.csv" : other_cases);
  auto frozen = read_csv(eval + "name_bench_logicv2-frozen.csv");
  // case_group,case_id,schema,name1,name2,is_match,...,score,predicted_match,outcome
  std::map<std::tuple<std::string, std::string, std::string>, float> logicv2;
  for (size_t i = 1; i < frozen.size(); ++i)
    if (frozen[i].size() >= 12)
      logicv2[{frozen[i][0], frozen[i][3], frozen[i][4]}] = std::stof(frozen[i][9]);

  auto index = NameIndex::build(bench::load_standard_lists(), 2);
  Screener screener(std::shared_ptr<const NameIndex>(std::move(index)));
  ScreenSession session;
  auto score = [&](Pair& p) {
    const EntityType type = p.schema == "Person" ? EntityType::person : EntityType::organization;
    const NameMatch ab = screener.compare(p.a, p.b, type, session);
    p.ours =
        written ? ab.score : std::max(ab.score, screener.compare(p.b, p.a, type, session).score);
  };
  // All 826 labelled pairs of cases.csv.
  std::vector<Pair> pairs;
  for (size_t i = 1; i < cases.size(); ++i) {
    const auto& r = cases[i];
    Pair p{r[0], r[1], r[2], r[3], r[6], r[4] == "true"};
    score(p);
    pairs.push_back(std::move(p));
  }
  if (!other_cases.empty()) {
    // Another set of pairs: by case group and by schema; "false pairs" is the share of the pairs
    // labelled false that reach the threshold.
    std::map<std::string, Counts> groups, schemas;
    Counts all;
    for (const auto& p : pairs) {
      const bool predicted = meets_threshold(p.ours, threshold);
      all.add(p.match, predicted);
      groups[p.group].add(p.match, predicted);
      schemas[p.schema].add(p.match, predicted);
      if (scores || (misses && predicted != p.match))
        fmt::print(stderr, "{} {:<10} {:<8} {:.3f}  {} | {}\n",
                   predicted == p.match ? (p.match ? "TP" : "TN") : (p.match ? "FN" : "FP"),
                   p.group, p.schema, p.ours, p.a, p.b);
    }
    fmt::print("{}: threshold {:.2f}, {} direction\n\n", other_cases, threshold,
               written ? "written (name1 as the query)" : "best of both");
    fmt::print(
        "| set | pairs (true/false) | P | R | F1 | false pairs |\n|---|---|---|---|---|---|\n");
    auto row = [](const std::string& name, const Counts& c) {
      const int negatives = c.fp + c.tn;
      fmt::print("| {} | {} ({}/{}) | {:.3f} | {:.3f} | {:.3f} | {}/{} ({:.1f} %) |\n", name,
                 c.tp + c.fp + c.fn + c.tn, c.tp + c.fn, negatives, c.precision(), c.recall(),
                 c.f1(), c.fp, negatives, negatives ? 100.0 * c.fp / negatives : 0.0);
    };
    row("all", all);
    for (const auto& [g, c] : groups) row("group " + g, c);
    for (const auto& [g, c] : schemas) row("schema " + g, c);
    return 0;
  }
  // The 812 pairs logic-v2 was frozen on (its own copy of the cases), scored by both.
  // frozen:
  // case_group,case_id,schema,name1,name2,is_match,quality,category,notes,score,predicted_match,outcome
  std::vector<Pair> frozen_pairs;
  for (size_t i = 1; i < frozen.size(); ++i) {
    const auto& r = frozen[i];
    if (r.size() < 12) continue;
    Pair p{r[0], r[2], r[3], r[4], r[7], r[5] == "true"};
    p.theirs = std::stof(r[9]);
    score(p);
    frozen_pairs.push_back(std::move(p));
  }

  if (sweep) {
    fmt::print("| threshold | P | R | F1 (826 pairs) |\n|---|---|---|---|\n");
    for (float t = 0.60f; t <= 0.951f; t += 0.025f) {
      Counts c;
      for (const auto& p : pairs) c.add(p.match, p.ours >= t);
      fmt::print("| {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", t, c.precision(), c.recall(), c.f1());
    }
    return 0;
  }

  Counts ours_all, ours_common, theirs_all;
  std::map<std::string, std::pair<Counts, Counts>> by_group, by_schema;
  for (const auto& p : pairs) {
    const bool predicted = meets_threshold(p.ours, threshold);
    ours_all.add(p.match, predicted);
    if (scores || (misses && predicted != p.match))
      fmt::print(stderr, "{} {:<13} {:<8} {:.3f}  {} | {}\n",
                 predicted == p.match ? (p.match ? "TP" : "TN") : (p.match ? "FN" : "FP"), p.group,
                 p.schema, p.ours, p.a, p.b);
  }
  for (const auto& p : frozen_pairs) {
    const bool predicted = meets_threshold(p.ours, threshold), theirs = p.theirs >= 0.7f;
    ours_common.add(p.match, predicted);
    theirs_all.add(p.match, theirs);
    by_group[p.group].first.add(p.match, predicted);
    by_group[p.group].second.add(p.match, theirs);
    by_schema[p.schema].first.add(p.match, predicted);
    by_schema[p.schema].second.add(p.match, theirs);
  }
  fmt::print(
      "Clearance threshold {:.2f}; OpenSanctions logic-v2 (frozen scores) threshold 0.70.\n\n",
      threshold);
  fmt::print(
      "| set | pairs | Clearance P | R | F1 | logic-v2 P | R | F1 "
      "|\n|---|---|---|---|---|---|---|---|\n");
  auto row = [](const std::string& name, const Counts& a, const Counts& b) {
    fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", name,
               a.tp + a.fp + a.fn + a.tn, a.precision(), a.recall(), a.f1(), b.precision(),
               b.recall(), b.f1());
  };
  row("all pairs logic-v2 was frozen on", ours_common, theirs_all);
  for (const auto& [g, c] : by_group) row("group " + g, c.first, c.second);
  for (const auto& [s, c] : by_schema) row("schema " + s, c.first, c.second);
  fmt::print("\nAll {} pairs of cases.csv: Clearance P {:.3f} R {:.3f} F1 {:.3f}\n", pairs.size(),
             ours_all.precision(), ours_all.recall(), ours_all.f1());
  return 0;
}
