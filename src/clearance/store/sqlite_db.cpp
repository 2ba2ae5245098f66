#include "clearance/store/sqlite_db.h"

#include <fmt/format.h>

#include <condition_variable>
#include <mutex>
#include <thread>

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

// Checkpoints the log on a connection and a thread of its own when asked (LogLimits). A checkpoint
// asked for while one runs is run once after it. PASSIVE: it copies what no reader still needs and
// never waits for readers or writers.
class SqliteDb::Checkpointer {
 public:
  explicit Checkpointer(std::string path) : path_(std::move(path)) {}
  ~Checkpointer() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    if (db_) sqlite3_close(db_);
  }
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // A checkpoint on the writer's connection, once this thread's own (if running) is done: a
  // writer that outpaced it waits for it rather than grow the log further.
  void checkpoint_on(sqlite3* writer, const char* schema) {
    std::lock_guard running(running_);
    sqlite3_wal_checkpoint_v2(writer, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }

  void request() {
    {
      std::lock_guard lock(mutex_);
      asked_ = true;
      // Started at the first request: most connections (a CLI command) never write that much.
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || asked_; });
      // Stopping: the connection's close checkpoints what is left.
      if (stop_) return;
      asked_ = false;
      lock.unlock();
      checkpoint();
      lock.lock();
    }
  }

  void checkpoint() {
    std::lock_guard running(running_);
    if (!db_ && sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                nullptr) != SQLITE_OK) {
      // The writer checkpoints itself at LogLimits::writer_pages; nothing is lost.
      sqlite3_close(db_);
      db_ = nullptr;
      return;
    }
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }

  std::string path_;
  sqlite3* db_ = nullptr;  // this thread's alone
  std::mutex mutex_;       // asked_, stop_, thread_
  std::mutex running_;     // held through a checkpoint, by this thread or the writer
  std::condition_variable wake_;
  bool asked_ = false, stop_ = false;
  std::thread thread_;
};

SqliteDb::SqliteDb(sqlite3* db, std::string path, LogLimits limits)
    : db_(db),
      path_(std::move(path)),
      limits_(limits),
      checkpointer_(std::make_unique<Checkpointer>(path_)) {}

int SqliteDb::after_commit(void* self, sqlite3* db, const char* schema, int log_pages) {
  auto& me = *static_cast<SqliteDb*>(self);
  if (log_pages >= me.limits_.writer_pages)
    me.checkpointer_->checkpoint_on(db, schema);
  else if (log_pages >= me.limits_.checkpoint_pages)
    me.checkpointer_->request();
  return SQLITE_OK;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path, LogLimits limits) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error(ErrorCode::io, fmt::format("{}: cannot open: {}", path, message));
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, path, limits));
  // A writer waits up to 10 s for another (the CLI and the server writing at once).
  sqlite3_busy_timeout(db, 10000);
  // In place of SQLite's checkpoint in the committing thread (LogLimits).
  sqlite3_wal_hook(db, &SqliteDb::after_commit, out.get());
  try {
    out->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (const SqliteError& e) {
    return make_error(ErrorCode::io, fmt::format("{}: {}", path, e.message));
  }
  return out;
}

SqliteDb::~SqliteDb() {
  checkpointer_.reset();  // its checkpoint finished first; this connection's close does the rest
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
