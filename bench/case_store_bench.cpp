// The case store at the scale of the targets: SUBJECTS subjects written as a subjects file
// is (a thousand per transaction), ALERTS of them screened with one synthetic hit each (one
// transaction per screening, as monitoring records them), then an `alerts list` page filtered by
// status and by subject (median and worst of 200 calls), and `audit verify` over every entry.
// The matcher is not involved: the hits are made up, so this measures the store alone.
//
//   build/bench/case_store_bench [--subjects 1000000] [--alerts 100000] [--dir /tmp/cases] [--keep]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "clearance/store/case_store.h"

using namespace clearance;
using clock_type = std::chrono::steady_clock;

namespace {

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  size_t subjects = 1000000, alerts = 100000;
  std::string dir = "/tmp/clearance-case-bench";
  for (int i = 1; i + 1 < argc; i += (std::strcmp(argv[i], "--keep") ? 2 : 1)) {
    if (!std::strcmp(argv[i], "--subjects")) subjects = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--alerts")) alerts = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }
  bool keep = false;  // --keep: the store left for `clearance --data-dir DIR audit verify`
  for (int i = 1; i < argc; ++i) keep = keep || !std::strcmp(argv[i], "--keep");
  alerts = std::min(alerts, subjects);
  std::filesystem::remove_all(dir);
  auto opened = open_case_store(dir);
  if (!opened) {
    fmt::print(stderr, "error: {}\n", opened.error().message);
    return 2;
  }
  CaseStore& store = *opened.value();

  auto start = clock_type::now();
  std::vector<Subject> batch;
  for (size_t i = 0; i < subjects; ++i) {
    Subject s;
    s.id = fmt::format("S{:07}", i);
    s.name = fmt::format("Counterparty Number {} Trading Ltd", i);
    s.country = i % 3 ? "US" : "CN";
    batch.push_back(std::move(s));
    if (batch.size() == 10000 || i + 1 == subjects) {
      if (auto put = store.put_subjects(batch, "bench"); !put) {
        fmt::print(stderr, "error: {}\n", put.error().message);
        return 2;
      }
      batch.clear();
    }
  }
  const double put_seconds = seconds_since(start);

  start = clock_type::now();
  const size_t stride = std::max<size_t>(1, subjects / std::max<size_t>(1, alerts));
  for (size_t k = 0; k < alerts; ++k) {
    ScreeningRecord r;
    r.subject_id = fmt::format("S{:07}", k * stride);
    r.actor = "bench";
    r.query = {{"name", "x"}};
    r.snapshot_id = "bench";
    r.matcher = "bench";
    RecordedHit h;
    h.party_id = fmt::format("P-{:012}", k % 5000);
    h.party_name = "Listed Party";
    h.score = 0.9f;
    h.party_fingerprint = "f";
    h.detail = {{"party_id", h.party_id}, {"score", 0.9}};
    r.hits.push_back(std::move(h));
    if (auto rec = store.record_screening(r); !rec) {
      fmt::print(stderr, "error: {}\n", rec.error().message);
      return 2;
    }
  }
  const double record_seconds = seconds_since(start);

  auto page_times = [&](AlertFilter filter, int calls) {
    std::vector<double> ms;
    for (int c = 0; c < calls; ++c) {
      const auto t = clock_type::now();
      auto page = store.alerts(filter);
      ms.push_back(seconds_since(t) * 1000);
      if (!page) return std::vector<double>{-1};
      if (page->empty()) break;           // past the last page
      filter.after_id = page->back().id;  // the next page, as a client pages on
    }
    std::sort(ms.begin(), ms.end());
    return ms;
  };
  AlertFilter open;
  open.status = AlertStatus::open;
  open.limit = 50;
  const auto by_status = page_times(open, 200);
  std::vector<double> by_subject;
  for (int c = 0; c < 200; ++c) {
    AlertFilter f;
    f.subject_id = fmt::format("S{:07}", (c * 7919 % alerts) * stride);
    const auto t = clock_type::now();
    auto page = store.alerts(f);
    by_subject.push_back(seconds_since(t) * 1000);
    if (!page || page->size() != 1) {
      fmt::print(stderr, "error: subject page\n");
      return 2;
    }
  }
  std::sort(by_subject.begin(), by_subject.end());

  start = clock_type::now();
  auto verdict = store.verify_audit();
  const double verify_seconds = seconds_since(start);
  if (!verdict || !verdict->intact) {
    fmt::print(stderr, "error: the audit trail does not verify\n");
    return 2;
  }
  fmt::print("| what | result |\n|---|---|\n");
  fmt::print("| {} subjects written (1,000 per transaction) | {:.1f} s ({:.0f} subjects/s) |\n",
             subjects, put_seconds, subjects / put_seconds);
  fmt::print(
      "| {} screenings recorded, one alert each (a transaction each) | {:.1f} s ({:.0f}/s) |\n",
      alerts, record_seconds, alerts / record_seconds);
  fmt::print(
      "| `alerts list --status open`, pages of 50, 200 pages | median {:.2f} ms, worst {:.2f} ms "
      "|\n",
      by_status[by_status.size() / 2], by_status.back());
  fmt::print("| `alerts list --subject ID`, 200 subjects | median {:.2f} ms, worst {:.2f} ms |\n",
             by_subject[by_subject.size() / 2], by_subject.back());
  fmt::print("| `audit verify` of {} entries | {:.2f} s |\n", verdict->entries, verify_seconds);
  fmt::print("| store file | {:.0f} MB |\n",
             (std::filesystem::file_size(dir + "/cases.db") +
              (std::filesystem::exists(dir + "/cases.db-wal")
                   ? std::filesystem::file_size(dir + "/cases.db-wal")
                   : 0)) /
                 1e6);
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
