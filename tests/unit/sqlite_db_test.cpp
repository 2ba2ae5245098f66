// The SQLite layer's write-ahead log: checkpointed off the writer's path, it stays bounded while a
// writer outpaces the checkpoints, loses no commit when the connection closes mid-checkpoint, and
// lets a reader holding an old snapshot read on while writes go on.
#include "clearance/store/sqlite_db.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "test_support.h"

namespace clearance {
namespace {

constexpr int kPage = 4096;

std::unique_ptr<SqliteDb> open_db(const std::string& path, LogLimits limits = {}) {
  auto db = SqliteDb::open(path, limits);
  if (!db) throw std::runtime_error(db.error().message);
  db.value()->exec("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v BLOB NOT NULL)");
  return std::move(db.value());
}

// Rows k of `bytes` each, their bytes a function of k (what a reopen checks).
std::string row_bytes(int k, size_t bytes) {
  std::string out(bytes, '\0');
  for (size_t i = 0; i < bytes; ++i) out[i] = static_cast<char>((k * 131 + i * 7) & 0xff);
  return out;
}

void write_rows(SqliteDb& db, int first, int count, size_t bytes) {
  SqliteDb::WriteTransaction tx(db);
  auto q = db.prepare("INSERT INTO t (k, v) VALUES (?, ?)");
  for (int k = first; k < first + count; ++k) {
    q.bind(1, int64_t{k}).bind_blob(2, row_bytes(k, bytes)).run();
    q.reset();
  }
  tx.commit();
}

uintmax_t file_size(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Every row 0..count-1 with its bytes, through a connection of its own; and the file intact.
void expect_rows(const std::string& path, int count, size_t bytes) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT k, v FROM t ORDER BY k", -1, &q, nullptr), SQLITE_OK);
  int k = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    ASSERT_EQ(sqlite3_column_int(q, 0), k);
    const auto* v = static_cast<const char*>(sqlite3_column_blob(q, 1));
    ASSERT_EQ(std::string(v, static_cast<size_t>(sqlite3_column_bytes(q, 1))), row_bytes(k, bytes))
        << "row " << k;
    ++k;
  }
  sqlite3_finalize(q);
  EXPECT_EQ(k, count);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "ok");
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST(SqliteDbTest, ALogWrittenFasterThanItIsCheckpointedStaysBounded) {
  test::TempDir dir;
  const std::string path = dir / "t.db";
  const LogLimits limits{64, 512};
  auto db = open_db(path, limits);
  // 160 commits of about 64 pages each: twenty times what the writer lets the log hold.
  constexpr int kCommits = 160, kRows = 16;
  constexpr size_t kBytes = 15000;
  uintmax_t largest = 0;
  for (int c = 0; c < kCommits; ++c) {
    write_rows(*db, c * kRows, kRows, kBytes);
    largest = std::max(largest, file_size(path + "-wal"));
  }
  // At most the writer's limit and the pages of the commit that passed it (with some slack for
  // the pages a commit adds besides its rows).
  const uintmax_t commit_pages = kRows * kBytes / kPage + 8;
  EXPECT_LE(largest, (limits.writer_pages + 2 * commit_pages) * (kPage + 24) + 32);
  db.reset();
  expect_rows(path, kCommits * kRows, kBytes);
}

TEST(SqliteDbTest, EveryCommitSurvivesACloseWhileACheckpointRuns) {
  test::TempDir dir;
  const std::string path = dir / "t.db";
  for (int round = 0; round < 5; ++round) {
    auto db = open_db(path, LogLimits{16, 100000});
    for (int c = 0; c < 10; ++c) write_rows(*db, (round * 10 + c) * 8, 8, 9000);
    // Closed at once: a checkpoint asked for moments ago may be running.
  }
  expect_rows(path, 5 * 10 * 8, 9000);
}

TEST(SqliteDbTest, AReaderOnAnOldSnapshotReadsOnWhileWritesGoOn) {
  test::TempDir dir;
  const std::string path = dir / "t.db";
  auto db = open_db(path, LogLimits{16, 64});
  write_rows(*db, 0, 10, 2000);
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(reader, "SELECT count(*) FROM t", -1, &count, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 10);
  sqlite3_reset(count);
  // Past both limits while the reader holds its snapshot: no commit waits for it or fails.
  for (int c = 1; c <= 40; ++c) write_rows(*db, c * 10, 10, 2000);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 10);
  sqlite3_finalize(count);
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  write_rows(*db, 410, 10, 2000);
  db.reset();
  expect_rows(path, 420, 2000);
}

}  // namespace
}  // namespace clearance
