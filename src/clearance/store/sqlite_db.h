#pragma once
// A thin RAII layer over SQLite: one connection, prepared statements with typed binds and
// columns, and write transactions that take the write lock up front (BEGIN IMMEDIATE) so that two
// writers wait for each other (busy timeout) instead of failing half-way with "database is locked".
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clearance/util/result.h"

namespace clearance {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind_null(int index);
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
  void reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// What the wrapper throws; the store turns it into an Error at its boundary.
struct SqliteError {
  std::string message;
};

class SqliteDb {
 public:
  // Opens (creating) the file in WAL mode with a busy timeout, foreign keys on.
  static Result<std::unique_ptr<SqliteDb>> open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);
  SqliteStatement prepare(std::string_view sql) { return SqliteStatement(db_, sql); }
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
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace clearance
