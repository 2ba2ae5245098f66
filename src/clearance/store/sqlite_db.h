#pragma once
// A thin RAII layer over SQLite: one connection, prepared statements with typed binds and
// columns, and write transactions that take the write lock up front (BEGIN IMMEDIATE) so that two
// writers wait for each other (busy timeout) instead of failing half-way with "database is locked".
// The write-ahead log is checkpointed off the writer's path (see LogLimits).
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clearance/util/result.h"

namespace clearance {

class SqliteDb;

class SqliteStatement {
 public:
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind_null(int index);
  SqliteStatement& bind_blob(int index, std::string_view bytes);
  // Binds an empty optional as NULL.
  SqliteStatement& bind_optional(int index, const std::optional<std::string>& text);
  // The next row: true while there is one. Throws SqliteError on failure.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  std::string text(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;
  // A BLOB (or TEXT) column's bytes without a copy: valid until the next step() or reset().
  std::string_view bytes(int column) const;
  void reset();

 private:
  friend class SqliteDb;
  SqliteStatement(SqliteDb& owner, sqlite3_stmt* stmt, std::string sql);
  SqliteDb& owner_;
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;  // the key it goes back to the connection's cache under
};

// What the wrapper throws; the store turns it into an Error at its boundary.
struct SqliteError {
  std::string message;
};

// When the write-ahead log is copied into the database file (a checkpoint). SQLite does it in the
// committing thread once the log holds 1,000 pages; the copy ends with an fsync of the database
// file, which on a small virtual disk costs a commit of a few hundred random pages 0.2 s or more.
// Here a thread of the connection's own does it instead, on a connection of its own, while the
// writer goes on; only when the log has grown to `writer_pages` (that thread fell behind) does the
// writer wait for it and checkpoint itself. A commit is as durable as before: the log's fsync at
// the commit makes it so, not the checkpoint.
struct LogLimits {
  int checkpoint_pages = 1000;  // a checkpoint started off the writer's path
  int writer_pages = 16000;     // the writer waits for a checkpoint (about 64 MB of log)
};

class SqliteDb {
 public:
  // Opens (creating) the file in WAL mode with a busy timeout, foreign keys on.
  static Result<std::unique_ptr<SqliteDb>> open(const std::string& path, LogLimits limits = {});
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);
  // A statement for `sql`: one compiled before and given back is reused (a monitoring run or a
  // recorded batch runs the same few statements hundreds of thousands of times; compiling them
  // each time was a tenth of the work).
  SqliteStatement prepare(std::string_view sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int64_t changes() const { return sqlite3_changes64(db_); }
  const std::string& path() const { return path_; }

  // BEGIN IMMEDIATE … COMMIT; rolled back when destroyed uncommitted (an exception).
  class WriteTransaction {
   public:
    explicit WriteTransaction(SqliteDb& db);
    ~WriteTransaction();
    void commit();

   private:
    SqliteDb& db_;
    bool done_ = false;
  };

 private:
  friend class SqliteStatement;
  class Checkpointer;
  SqliteDb(sqlite3* db, std::string path, LogLimits limits);
  void give_back(std::string sql, sqlite3_stmt* stmt);
  static int after_commit(void* self, sqlite3* db, const char* schema, int log_pages);
  sqlite3* db_;
  std::string path_;
  LogLimits limits_;
  std::unique_ptr<Checkpointer> checkpointer_;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;  // compiled, not in use
};

}  // namespace clearance
