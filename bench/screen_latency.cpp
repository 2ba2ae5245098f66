// Whole-engine latency: one core, all standard lists loaded, a query set built from list names
// with realistic perturbations plus non-listed names. Reports p50/p90/p99 per query kind for the
// index, and for a sample the brute-force reference (same scorer, every name) side by side, with
// the hits both return compared.
//   screen_latency [--queries N] [--reference N] [--slowest N] [--input FILE] [--cold]
// --slowest N lists the N slowest Latin queries with the names each reached and scored: where
// the tail latency comes from; and each CJK name's median time. --input FILE takes the Latin
// queries from the `name` column of a CSV file instead (the first N rows), e.g. the batch
// benchmark's input. --cold empties the session's cache of fuzzy/phonetic neighbours before every
// query, as if each query's words were new to the thread.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>

#include "clearance/match/screener.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "shared_lists.h"

using namespace clearance;
using Clock = std::chrono::steady_clock;

namespace {

// Names no list carries: large companies, universities, common personal names in several scripts.
const std::vector<std::string> kNonListed = {"Microsoft Corporation",
                                             "Apple Inc.",
                                             "Toyota Motor Corporation",
                                             "Siemens AG",
                                             "Nestle S.A.",
                                             "Samsung Electronics Co., Ltd.",
                                             "Tata Consultancy Services Limited",
                                             "Banco Santander S.A.",
                                             "Stanford University",
                                             "University of Tokyo",
                                             "Tsinghua University",
                                             "Peking University",
                                             "Maria Garcia",
                                             "John Smith",
                                             "Wang Wei",
                                             "Li Na",
                                             "Ahmed Hassan",
                                             "Olga Ivanova",
                                             "Hans Mueller",
                                             "Priya Sharma",
                                             "Kenji Tanaka",
                                             "Fatima Zahra",
                                             "张伟",
                                             "王芳",
                                             "李娜",
                                             "Иван Петров",
                                             "Мария Иванова",
                                             "محمد علي",
                                             "김민준",
                                             "佐藤健",
                                             "Global Logistics Partners LLC",
                                             "Sunrise Trading Co Ltd",
                                             "Blue Ocean Shipping Inc",
                                             "Northern Star Electronics GmbH",
                                             "Pacific Rim Components Pte Ltd"};

std::string perturb(std::string name, std::mt19937& rng) {
  switch (rng() % 5) {
    case 0:
      return name;  // exact
    case 1:         // drop a character
      if (name.size() > 6) name.erase(rng() % name.size(), 1);
      return name;
    case 2:  // swap two adjacent characters
      if (name.size() > 6) {
        const size_t i = rng() % (name.size() - 1);
        std::swap(name[i], name[i + 1]);
      }
      return name;
    case 3: {  // lower case, punctuation removed
      std::string out;
      for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ')
          out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    }
    default: {  // reverse word order
      std::vector<std::string> words;
      size_t start = 0;
      while (start < name.size()) {
        size_t end = name.find(' ', start);
        if (end == std::string::npos) end = name.size();
        if (end > start) words.push_back(name.substr(start, end - start));
        start = end + 1;
      }
      std::reverse(words.begin(), words.end());
      std::string out;
      for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
      }
      return out;
    }
  }
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The `name` column of the first `limit` rows of a CSV file.
std::vector<std::string> names_from_csv(const std::string& path, size_t limit) {
  auto bytes = read_file(path);
  if (!bytes) throw std::runtime_error(bytes.error().message);
  CsvReader csv(bytes.value());
  CsvRecord row;
  if (!csv.next(row).value()) return {};
  const auto column = std::find(row.fields.begin(), row.fields.end(), "name");
  if (column == row.fields.end()) throw std::runtime_error(path + ": no `name` column");
  const size_t at = column - row.fields.begin();
  std::vector<std::string> names;
  while (names.size() < limit && csv.next(row).value()) names.emplace_back(field_or_empty(row, at));
  return names;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  size_t query_count = 20000, reference_count = 300, slowest = 0;
  std::string input;
  bool cold = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--queries") && i + 1 < argc) query_count = std::stoul(argv[++i]);
    if (!std::strcmp(argv[i], "--reference") && i + 1 < argc)
      reference_count = std::stoul(argv[++i]);
    if (!std::strcmp(argv[i], "--slowest") && i + 1 < argc) slowest = std::stoul(argv[++i]);
    if (!std::strcmp(argv[i], "--input") && i + 1 < argc) input = argv[++i];
    if (!std::strcmp(argv[i], "--cold")) cold = true;
  }
  const auto t0 = Clock::now();
  auto snapshot = bench::load_standard_lists();
  const auto t1 = Clock::now();
  std::shared_ptr<const NameIndex> index = NameIndex::build(snapshot, 1);
  const auto t2 = Clock::now();
  Screener screener(index);
  fmt::print(
      "lists: {} entities, {} names, {} terms; parse {:.2f} s, index build (1 thread) {:.2f} s, "
      "index ~{} MB\n",
      snapshot->entities.size(), index->name_count(), index->term_count(),
      std::chrono::duration<double>(t1 - t0).count(),
      std::chrono::duration<double>(t2 - t1).count(), index->memory_bytes() >> 20);

  // Query set: 80% non-listed names (as in real customer bases), 20% perturbed list names;
  // CJK queries: Chinese names of list entities and non-listed Chinese names.
  std::mt19937 rng(2024);
  std::vector<std::string> latin, cjk;
  if (!input.empty()) latin = names_from_csv(input, query_count);
  const auto& entities = snapshot->entities;
  while (input.empty() && latin.size() < query_count) {
    if (rng() % 5 == 0) {
      const Entity& e = entities[rng() % entities.size()];
      const std::string& name =
          (!e.aliases.empty() && rng() % 2) ? e.aliases[rng() % e.aliases.size()].name : e.name;
      if (is_ascii(name)) latin.push_back(perturb(name, rng));
    } else {
      std::string base = kNonListed[rng() % kNonListed.size()];
      if (!is_ascii(base)) continue;
      if (rng() % 3 == 0) base.append(" ").append(std::to_string(rng() % 100));
      latin.push_back(perturb(base, rng));
    }
  }
  const std::vector<std::string> cjk_base = {"华为技术有限公司",
                                             "中芯国际集成电路制造有限公司",
                                             "哈尔滨工业大学",
                                             "北京计算科学研究中心",
                                             "合肥宝龙达信息技术有限公司",
                                             "国防科技大学",
                                             "张伟",
                                             "王芳",
                                             "腾讯科技有限公司",
                                             "阿里巴巴集团",
                                             "上海微电子装备有限公司",
                                             "中国电子科技集团公司",
                                             "杭州海康威视数字技术股份有限公司"};
  for (size_t i = 0; i < std::max<size_t>(200, query_count / 20); ++i)
    cjk.push_back(cjk_base[i % cjk_base.size()]);

  ScreenSession session;
  ScreenOptions options;
  struct Timed {
    double micros;
    size_t reached, scored;
  };
  std::vector<Timed> timed;  // per query of the last run
  auto run = [&](const std::vector<std::string>& queries, bool reference, size_t limit,
                 size_t& hits, size_t& candidates, size_t& reached) {
    std::vector<double> micros;
    hits = candidates = reached = 0;
    timed.clear();
    for (size_t i = 0; i < queries.size() && i < limit; ++i) {
      ScreenQuery q;
      q.name = queries[i];
      if (cold) session.similar_cache.clear();
      const auto start = Clock::now();
      const ScreenResult r = reference ? screener.screen_all_names(q, options, session)
                                       : screener.screen(q, options, session);
      micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      timed.push_back({micros.back(), r.candidates, r.scored});
      hits += !r.hits.empty();
      candidates += r.scored;
      reached += r.candidates;
    }
    return micros;
  };
  // Warm up (page in the index, build ICU objects, load the dictionaries Han names are read with).
  size_t hits, candidates, reached;
  run(latin, false, 200, hits, candidates, reached);
  run(cjk, false, 20, hits, candidates, reached);

  fmt::print(
      "\n| query set | queries | p50 µs | p90 µs | p99 µs | mean µs | queries with a hit | names "
      "scored per query | names reached per query |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|\n");
  auto report = [&](const char* label, const std::vector<std::string>& queries, bool reference,
                    size_t limit) {
    auto micros = run(queries, reference, limit, hits, candidates, reached);
    double sum = 0;
    for (double m : micros) sum += m;
    fmt::print("| {} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f}% | {:.0f} | {:.0f} |\n",
               label, micros.size(), percentile(micros, 0.5), percentile(micros, 0.9),
               percentile(micros, 0.99), sum / micros.size(), 100.0 * hits / micros.size(),
               double(candidates) / micros.size(), double(reached) / micros.size());
    return sum / micros.size();
  };
  const double index_mean = report("Latin, index", latin, false, latin.size());
  if (slowest > 0) {
    std::vector<size_t> order(timed.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return timed[a].micros > timed[b].micros; });
    fmt::print("\nslowest Latin queries (µs, names reached, names scored, query):\n");
    for (size_t k = 0; k < slowest && k < order.size(); ++k) {
      const Timed& t = timed[order[k]];
      fmt::print("  {:8.1f} {:6} {:5}  {}\n", t.micros, t.reached, t.scored, latin[order[k]]);
    }
    fmt::print("\n");
  }
  report("CJK, index", cjk, false, cjk.size());
  if (slowest > 0) {
    // The CJK set asks its few names again and again: each name's median time, slowest first.
    std::vector<std::pair<double, size_t>> by_name;
    for (size_t b = 0; b < cjk_base.size(); ++b) {
      std::vector<double> times;
      for (size_t i = b; i < timed.size(); i += cjk_base.size()) times.push_back(timed[i].micros);
      by_name.emplace_back(percentile(times, 0.5), b);
    }
    std::sort(by_name.rbegin(), by_name.rend());
    fmt::print("\nCJK names, slowest first (median µs, names reached, names scored, query):\n");
    for (const auto& [micros, b] : by_name)
      fmt::print("  {:8.1f} {:6} {:5}  {}\n", micros, timed[b].reached, timed[b].scored,
                 cjk_base[b]);
    fmt::print("\n");
  }
  const double reference_mean =
      report("Latin, brute force (reference)", latin, true, reference_count);
  report("CJK, brute force (reference)", cjk, true, std::min(reference_count, cjk.size()));

  // Same hits? Compare index and reference on the reference sample.
  size_t same = 0, compared = 0, reference_hits = 0, missed = 0;
  ScreenOptions many = options;
  many.limit = 1000;
  std::vector<std::string> sample(latin.begin(),
                                  latin.begin() + std::min(reference_count, latin.size()));
  sample.insert(sample.end(), cjk.begin(), cjk.begin() + std::min(reference_count, cjk.size()));
  for (const auto& name : sample) {
    ScreenQuery q;
    q.name = name;
    const auto a = screener.screen(q, many, session);
    const auto b = screener.screen_all_names(q, many, session);
    ++compared;
    reference_hits += b.hits.size();
    for (const auto& h : b.hits)
      missed += std::none_of(a.hits.begin(), a.hits.end(),
                             [&](const Hit& x) { return x.entity == h.entity; });
    same +=
        a.hits.size() == b.hits.size() &&
        std::equal(a.hits.begin(), a.hits.end(), b.hits.begin(), [](const Hit& x, const Hit& y) {
          return x.entity == y.entity && x.score == y.score;
        });
  }
  fmt::print(
      "\nindex vs reference on {} queries: identical results for {}, reference hits {}, missed by "
      "the index {}; "
      "mean speed-up {:.0f}×\n",
      compared, same, reference_hits, missed, reference_mean / index_mean);
  return 0;
}
