// `screen --input --record` through run_batch: each chunk's screenings prepared and kept once, in
// input order, beside the next chunk's screening, and a failing step stops the run before the
// chunk's output is written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "clearance/batch/batch_runner.h"
#include "clearance/lists/importer.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/match/screening_engine.h"
#include "clearance/util/file_io.h"
#include "test_support.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

class BatchKeeping : public ::testing::Test {
 protected:
  void SetUp() override {
    SnapshotStore store(dir_ / "data");
    ASSERT_TRUE(import_lists(store, {test::fixture("lists/csl_small.csv")}, {}).ok());
    auto engine = load_screening_engine(store, "current", 1);
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(engine.value());
    write_rows(kRows);
  }

  // `count` rows; those of `rejected_chunk` (0 = the first hundred) all without a name, and a
  // few others.
  void write_rows(int count, int rejected_chunk = -1) {
    auto rejected = [&](int i) {
      return i / 100 == rejected_chunk || (i % 97 == 3 && i % 50 != 7);
    };
    std::string rows = "id,name\n";
    expected_ids_.clear();
    for (int i = 0; i < count; ++i) {
      if (rejected(i)) {
        rows += fmt::format("K{},\n", i);  // no name: rejected
        continue;
      }
      rows += i % 50 == 7 ? fmt::format("K{},Example Microelectronics Co.\n", i)
                          : fmt::format("K{},Quiet Trader {}\n", i, i);
      expected_ids_.push_back(fmt::format("K{}", i));
    }
    ASSERT_TRUE(write_file_atomic(dir_ / "in.csv", rows).ok());
  }

  // Runs the batch with a keeper that records what it was given; `fail_at`: the chunk (0 = the
  // first) whose prepare (or keep, when `in_keep`) fails.
  Result<BatchSummary> run(BatchOutputFormat format, unsigned threads, int fail_at = -1,
                           bool in_keep = false, bool throwing = false) {
    BatchOptions options;
    options.format = format;
    options.threads = threads;
    options.chunk_rows = 100;
    options.keeper.prepare = [&, fail_at, in_keep, throwing](
                                 const std::vector<std::string_view>& rows,
                                 std::any& prepared) -> Status {
      std::lock_guard lock(mutex_);
      if (!in_keep && prepared_ == fail_at && throwing) throw std::runtime_error("prepare threw");
      if (!in_keep && prepared_ == fail_at) return make_error(ErrorCode::io, "prepare failed");
      prepared = fmt::format("prepared-{}:{}", prepared_++, rows.size());
      return Ok{};
    };
    options.keeper.keep = [&, fail_at, in_keep](const std::vector<std::string_view>& rows,
                                                std::any prepared,
                                                const std::string& key) -> Status {
      std::lock_guard lock(mutex_);
      if (in_keep && static_cast<int>(kept_.size()) == fail_at)
        return make_error(ErrorCode::io, "keep failed");
      kept_.push_back({std::any_cast<std::string>(std::move(prepared)), key, {}});
      for (std::string_view row : rows)
        kept_.back().ids.push_back(nlohmann::json::parse(row)["id"]);
      return Ok{};
    };
    auto input = BatchInput::open(dir_ / "in.csv", "");
    if (!input) return input.error();
    const std::string out = dir_ / (format == BatchOutputFormat::csv ? "out.csv" : "out.jsonl");
    return run_batch(*engine_->screener, engine_->snapshot->id, *input.value(), out,
                     dir_ / "err.csv", options, {});
  }

  struct Kept {
    std::string prepared, key;
    std::vector<std::string> ids;
  };
  static constexpr int kRows = 1050;
  std::vector<std::string> expected_ids_;
  test::TempDir dir_;
  std::unique_ptr<ScreeningEngine> engine_;
  std::mutex mutex_;
  int prepared_ = 0;
  std::vector<Kept> kept_;
};

TEST_F(BatchKeeping, EveryChunkIsKeptOnceInOrderWithWhatItsPrepareMade) {
  for (const BatchOutputFormat format : {BatchOutputFormat::csv, BatchOutputFormat::jsonl})
    for (const unsigned threads : {1u, 2u}) {
      prepared_ = 0;
      kept_.clear();
      auto summary = run(format, threads);
      ASSERT_TRUE(summary.ok()) << summary.error().message;
      EXPECT_EQ(summary->rows, static_cast<size_t>(kRows));
      ASSERT_EQ(kept_.size(), 11u);  // 1,050 rows in chunks of 100
      std::vector<std::string> ids;
      std::string run_id;
      for (size_t k = 0; k < kept_.size(); ++k) {
        const Kept& c = kept_[k];
        EXPECT_EQ(c.prepared, fmt::format("prepared-{}:{}", k, c.ids.size()));
        // The key: the run's id and the chunk's first line (the header is line 1).
        const std::string id = c.key.substr(0, c.key.find(':'));
        if (k == 0) run_id = id;
        EXPECT_EQ(id, run_id);
        EXPECT_EQ(c.key.substr(c.key.find(':') + 1), std::to_string(k * 100 + 2));
        ids.insert(ids.end(), c.ids.begin(), c.ids.end());
      }
      EXPECT_EQ(ids, expected_ids_) << static_cast<int>(format) << " " << threads;
    }
}

TEST_F(BatchKeeping, AFailingPrepareOrKeepStopsTheRunBeforeItsChunkIsWritten) {
  for (const bool in_keep : {false, true})
    for (const unsigned threads : {1u, 2u}) {
      prepared_ = 0;
      kept_.clear();
      auto summary = run(BatchOutputFormat::jsonl, threads, 4, in_keep);
      ASSERT_FALSE(summary.ok());
      EXPECT_NE(summary.error().message.find(in_keep ? "keep failed" : "prepare failed"),
                std::string::npos);
      EXPECT_EQ(kept_.size(), 4u);
      EXPECT_FALSE(fs::exists(dir_ / "out.jsonl"));  // not moved into place
      // The output holds the chunks kept, not the one that failed.
      auto partial = read_file(dir_ / "out.jsonl.partial");
      ASSERT_TRUE(partial.ok());
      size_t lines = 0;
      for (char c : partial.value()) lines += c == '\n';
      size_t kept_rows = 0;
      for (const Kept& c : kept_) kept_rows += c.ids.size();
      EXPECT_EQ(lines, kept_rows) << in_keep << " " << threads;
      fs::remove(dir_ / "out.jsonl.partial");
      fs::remove(dir_ / "out.jsonl.partial.checkpoint");
    }
}

// 1,000 rows: the last read finds nothing (no empty chunk kept); a chunk whose rows are all
// rejected has nothing to keep, and the chunks around it are kept as ever.
TEST_F(BatchKeeping, AnEmptyLastReadAndAChunkOfRejectedRowsKeepNothing) {
  write_rows(1000, 4);
  for (const unsigned threads : {1u, 2u}) {
    prepared_ = 0;
    kept_.clear();
    auto summary = run(BatchOutputFormat::csv, threads);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->rows, 1000u);
    EXPECT_EQ(summary->errors, 1000u - expected_ids_.size());
    ASSERT_EQ(kept_.size(), 9u);
    std::vector<std::string> ids;
    for (const Kept& c : kept_) {
      EXPECT_FALSE(c.ids.empty());
      ids.insert(ids.end(), c.ids.begin(), c.ids.end());
    }
    EXPECT_EQ(ids, expected_ids_);
    EXPECT_EQ(kept_[4].key.substr(kept_[4].key.find(':') + 1), "502");  // chunk 4 has none
  }
}

// An exception thrown while a chunk is prepared, on a screening thread, stops the run as an
// exception of the batch, not of the process.
TEST_F(BatchKeeping, AnExceptionWhileAChunkIsPreparedReachesTheCaller) {
  for (const unsigned threads : {1u, 2u}) {
    prepared_ = 0;
    kept_.clear();
    EXPECT_THROW(run(BatchOutputFormat::jsonl, threads, 3, false, true), std::runtime_error);
    EXPECT_EQ(kept_.size(), 3u);
    fs::remove(dir_ / "out.jsonl.partial");
    fs::remove(dir_ / "out.jsonl.partial.checkpoint");
  }
}

TEST_F(BatchKeeping, AKeeperWithOneStepIsRefused) {
  BatchOptions options;
  options.keeper.keep = [](const std::vector<std::string_view>&, std::any, const std::string&) {
    return Status(Ok{});
  };
  auto input = BatchInput::open(dir_ / "in.csv", "");
  ASSERT_TRUE(input.ok());
  auto refused = run_batch(*engine_->screener, engine_->snapshot->id, *input.value(),
                           dir_ / "out.jsonl", dir_ / "err.csv", options, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("both"), std::string::npos);
}

}  // namespace
}  // namespace clearance
