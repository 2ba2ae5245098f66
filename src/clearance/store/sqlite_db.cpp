#include "clearance/store/sqlite_db.h"

#include <fmt/format.h>

namespace clearance {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw SqliteError{fmt::format("{}: {}", what, sqlite3_errmsg(db))};
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteDb& owner, sqlite3_stmt* stmt, std::string sql)
    : owner_(owner), db_(owner.db_), stmt_(stmt), sql_(std::move(sql)) {}

SqliteStatement::~SqliteStatement() {
  owner_.give_back(std::move(sql_), stmt_);
}

SqliteStatement SqliteDb::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = idle_.find(key); it != idle_.end() && !it->second.empty()) {
    sqlite3_stmt* stmt = it->second.back();
    it->second.pop_back();
    return SqliteStatement(*this, stmt, std::move(key));
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK)
    fail(db_, fmt::format("cannot prepare \"{}\"", sql.substr(0, 60)));
  return SqliteStatement(*this, stmt, std::move(key));
}

void SqliteDb::give_back(std::string sql, sqlite3_stmt* stmt) {
  if (!stmt) return;
  // Reset (a statement left mid-step holds a read transaction open) and unbound, ready for reuse.
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  auto& idle = idle_[std::move(sql)];
  if (idle.size() < 4)
    idle.push_back(stmt);
  else
    sqlite3_finalize(stmt);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind_optional(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "step");
}

void SqliteStatement::run() {
  while (step()) {
  }
}

std::string SqliteStatement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

std::string_view SqliteStatement::bytes(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string_view();
}

int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

bool SqliteStatement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error(ErrorCode::io, fmt::format("{}: cannot open: {}", path, message));
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path));
  // A writer waits up to 10 s for another (the CLI and the server writing at once).
  sqlite3_busy_timeout(db, 10000);
  try {
    out->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (const SqliteError& e) {
    return make_error(ErrorCode::io, fmt::format("{}: {}", path, e.message));
  }
  return out;
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmts] : idle_)
    for (sqlite3_stmt* stmt : stmts) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteDb::exec(std::string_view sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw SqliteError{message};
  }
}

SqliteDb::WriteTransaction::WriteTransaction(SqliteDb& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

SqliteDb::WriteTransaction::~WriteTransaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (const SqliteError&) {
    }
  }
}

void SqliteDb::WriteTransaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace clearance
