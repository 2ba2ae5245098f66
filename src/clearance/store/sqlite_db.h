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

class SqliteDb {
 public:
  // Opens (creating) the file in WAL mode with a busy timeout, foreign keys on.
  static Result<std::unique_ptr<SqliteDb>> open(const std::string& path);
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
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  void give_back(std::string sql, sqlite3_stmt* stmt);
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;  // compiled, not in use
};

}  // namespace clearance
