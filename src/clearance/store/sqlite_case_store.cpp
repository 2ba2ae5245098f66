// CaseStore on SQLite (case_store.h): one file in the data directory, WAL mode, every operation
// one BEGIN IMMEDIATE transaction that also appends its audit entries, so that a crash leaves
// either the whole operation and its entries or neither.
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "clearance/lists/snapshot_store.h"
#include "clearance/match/threshold.h"
#include "clearance/store/audit_state_check.h"
#include "clearance/store/case_store.h"
#include "clearance/store/screening_batch.h"
#include "clearance/store/sqlite_db.h"
#include "clearance/util/compression.h"
#include "clearance/util/file_io.h"
#include "clearance/util/sha256.h"
#include "clearance/util/strings.h"
#include "clearance/util/varint.h"

namespace clearance {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subjects (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, type TEXT NOT NULL,
  dob TEXT NOT NULL, identifier TEXT NOT NULL, attributes TEXT NOT NULL,
  fingerprint TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subject_near (
  subject_id TEXT PRIMARY KEY, near_score REAL NOT NULL, words BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subject_near_kept (
  subject_id TEXT PRIMARY KEY, near_score REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS words (
  id INTEGER PRIMARY KEY, form BLOB NOT NULL UNIQUE, drift REAL NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS screenings (
  id INTEGER PRIMARY KEY, subject_id TEXT, actor TEXT NOT NULL, at TEXT NOT NULL,
  query TEXT NOT NULL, threshold REAL NOT NULL, snapshot_id TEXT NOT NULL, matcher TEXT NOT NULL,
  hits TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS screenings_subject ON screenings (subject_id, id);
CREATE TABLE IF NOT EXISTS screening_batches (
  first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL,
  threshold REAL NOT NULL, snapshot_id TEXT NOT NULL, matcher TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY, subject_id TEXT NOT NULL, party_id TEXT NOT NULL,
  party_name TEXT NOT NULL, status TEXT NOT NULL, resolution TEXT NOT NULL, score REAL NOT NULL,
  subject_fingerprint TEXT NOT NULL, party_fingerprint TEXT NOT NULL,
  screening_id INTEGER NOT NULL, snapshot_id TEXT NOT NULL, opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, UNIQUE (subject_id, party_id));
CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status, id);
CREATE INDEX IF NOT EXISTS alerts_party ON alerts (party_id);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL REFERENCES alerts (id),
  decision TEXT NOT NULL, reason TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_alert ON decisions (alert_id, id);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_object ON audit (object, seq);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL DEFAULT '',
  delivered_at TEXT NOT NULL DEFAULT '', last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (delivered_at, next_attempt_at, id);
)sql";

// The audit actions others are told of through the outbox.
bool notifiable(const std::string& action) {
  return action == "alert.opened" || action == "alert.reopened" || action == "alert.decided" ||
         action == "alert.closed" || action == "monitor.ran";
}

const std::string kGenesis(64, '0');

// What an entry's hash covers: its predecessor's hash and every field, in a fixed order.
std::string entry_hash(const std::string& prev, int64_t seq, const std::string& at,
                       const std::string& actor, const std::string& action,
                       const std::string& object, const std::string& detail) {
  return sha256_hex(
      fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}", prev, seq, at, actor, action, object, detail));
}

// A batch's screenings as the text they were recorded as: kept as a zstd frame, or as the text
// itself by a store made before batches were compressed ('' encoding).
Result<std::string> batch_text(std::string_view stored, const std::string& encoding) {
  if (encoding.empty()) return std::string(stored);
  if (encoding != "zstd")
    return make_error(ErrorCode::format, fmt::format("unknown encoding \"{}\"", encoding));
  // A chunk of rows is a few MB of text; a frame claiming more is damaged.
  return zstd_decompress(stored, size_t{1} << 31);
}

AlertStatus status_from(const std::string& s) {
  return alert_status_from(s).value_or(AlertStatus::open);
}

class SqliteCaseStore final : public CaseStore {
 public:
  explicit SqliteCaseStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {
    db_->exec(kSchema);
    // A store made before subjects' words were kept.
    bool has_words = false;
    auto columns = db_->prepare("SELECT name FROM pragma_table_info('subject_near')");
    while (columns.step()) has_words = has_words || columns.text(0) == "words";
    columns.reset();
    if (!has_words) db_->exec("ALTER TABLE subject_near ADD COLUMN words BLOB");
    // A store made before words had a drift (raise_word_drifts).
    bool has_drift = false;
    auto word_columns = db_->prepare("SELECT name FROM pragma_table_info('words')");
    while (word_columns.step()) has_drift = has_drift || word_columns.text(0) == "drift";
    word_columns.reset();
    if (!has_drift) db_->exec("ALTER TABLE words ADD COLUMN drift REAL NOT NULL DEFAULT 0");
    db_->exec("CREATE INDEX IF NOT EXISTS words_drifted ON words (id) WHERE drift > 0");
    // A store made before batches had keys (ScreeningBatch::key), or were compressed: its
    // bodies are their text ('' encoding).
    bool has_key = false, has_encoding = false;
    auto batch_columns = db_->prepare("SELECT name FROM pragma_table_info('screening_batches')");
    while (batch_columns.step()) {
      has_key = has_key || batch_columns.text(0) == "key";
      has_encoding = has_encoding || batch_columns.text(0) == "encoding";
    }
    batch_columns.reset();
    if (!has_key) db_->exec("ALTER TABLE screening_batches ADD COLUMN key TEXT");
    if (!has_encoding)
      db_->exec("ALTER TABLE screening_batches ADD COLUMN encoding TEXT NOT NULL DEFAULT ''");
    db_->exec(
        "CREATE UNIQUE INDEX IF NOT EXISTS screening_batches_key ON screening_batches (key) "
        "WHERE key IS NOT NULL");
  }

  Result<bool> put_subject(const Subject& s, const std::string& actor) override {
    auto put = put_subjects({s}, actor);
    if (!put) return put.error();
    return static_cast<bool>(put->front());
  }

  Result<std::vector<bool>> put_subjects(const std::vector<Subject>& subjects,
                                         const std::string& actor) override {
    constexpr size_t kChunk = 1000;
    std::vector<bool> out;
    for (size_t first = 0; first < subjects.size(); first += kChunk) {
      auto chunk = guarded<std::vector<bool>>([&] {
        Transaction tx(*this);
        const std::string now = utc_now_iso();
        std::vector<bool> changed;
        for (size_t i = first; i < std::min(subjects.size(), first + kChunk); ++i)
          changed.push_back(put_one(subjects[i], actor, now));
        tx.commit();
        return changed;
      });
      if (!chunk) return chunk.error();
      out.insert(out.end(), chunk->begin(), chunk->end());
    }
    return out;
  }

 private:
  // Inside the caller's transaction: the screening, its audit entry and its alerts. `any_kept`:
  // whether subject_near_kept may hold a row (asked once per transaction: most runs find it empty,
  // and a million lookups in it would cost a full run seconds).
  RecordOutcome record_one(const ScreeningRecord& r, const std::string& now, bool any_kept = true) {
    RecordOutcome out;
    std::string subject_fp;
    if (r.subject_id) {
      auto fp = db_->prepare("SELECT fingerprint FROM subjects WHERE id = ?");
      fp.bind(1, *r.subject_id);
      // Removed while it was being screened (a DELETE beside a monitoring run): its screening
      // is moot — nothing recorded, no alert — and the rest of the run goes on.
      if (!fp.step()) return out;
      subject_fp = fp.text(0);
    }
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const auto& h : r.hits) hits.push_back(h.detail);
    const std::string hits_text = hits.dump();
    out.screening_id = take_screening_ids(1);
    db_->prepare(
           "INSERT INTO screenings (id, subject_id, actor, at, query, threshold, snapshot_id, "
           "matcher, hits) VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, out.screening_id)
        .bind_optional(2, r.subject_id)
        .bind(3, r.actor)
        .bind(4, now)
        .bind(5, r.query.dump())
        .bind(6, r.threshold)
        .bind(7, r.snapshot_id)
        .bind(8, r.matcher)
        .bind(9, hits_text)
        .run();
    // The hits' digest: audit verify finds them edited (AuditStateCheck).
    nlohmann::ordered_json summary = {{"snapshot", r.snapshot_id},
                                      {"threshold", r.threshold},
                                      {"hits", r.hits.size()},
                                      {"hits_sha256", sha256_hex(hits_text)}};
    if (r.subject_id) summary["subject"] = *r.subject_id;
    append(now, r.actor, "screening.recorded", fmt::format("screening:{}", out.screening_id),
           summary);
    if (r.subject_id) {
      // In a narrow table of its own: rewriting a million subjects' rows at every run would
      // rewrite the whole subjects table.
      // Kept less the drift of the subject's words, which reading it adds back (word_drifts).
      if (r.near_score && !r.words) {
        double words_drift = 0;
        if (!word_drifts().empty()) {
          auto kept = db_->prepare("SELECT words FROM subject_near WHERE subject_id = ?");
          kept.bind(1, *r.subject_id);
          if (kept.step() && !kept.is_null(0)) words_drift = drift_of(kept.bytes(0));
        }
        db_->prepare(
               "INSERT INTO subject_near (subject_id, near_score) VALUES (?,?) ON CONFLICT "
               "(subject_id) DO UPDATE SET near_score = excluded.near_score")
            .bind(1, *r.subject_id)
            .bind(2, *r.near_score - words_drift)
            .run();
      } else if (r.near_score) {
        const std::string words = word_ids(*r.words);
        db_->prepare(
               "INSERT OR REPLACE INTO subject_near (subject_id, near_score, words) VALUES "
               "(?,?,?)")
            .bind(1, *r.subject_id)
            .bind(2, *r.near_score - drift_of(words))
            .bind_blob(3, words)
            .run();
      }
      // The screening's near score replaces one a check kept (keep_near_scores).
      if (r.near_score && any_kept)
        db_->prepare("DELETE FROM subject_near_kept WHERE subject_id = ?")
            .bind(1, *r.subject_id)
            .run();
      for (const auto& h : r.hits)
        if (meets_threshold(h.score, static_cast<float>(r.threshold)))
          raise_alert(*r.subject_id, subject_fp, h, out.screening_id, r.snapshot_id, r.actor, now,
                      out);
      // An alert raised on what the subject was before it changed, on a party this screening of
      // what it is now did not meet: about data that no longer exists, it closes, saying so.
      // (A hit updates its alert's fingerprint above; an unchanged subject keeps every alert.)
      auto stale = db_->prepare(
          "SELECT id FROM alerts WHERE subject_id = ? AND status != 'closed' AND "
          "subject_fingerprint != ? ORDER BY id");
      stale.bind(1, *r.subject_id).bind(2, subject_fp);
      std::vector<int64_t> ids;
      while (stale.step()) ids.push_back(stale.integer(0));
      for (int64_t id : ids) close_alert(id, "subject_changed", now, r.actor, r.snapshot_id);
    }
    return out;
  }

  // Inside the caller's transaction: whether the subject is new or its screened fields changed.
  bool put_one(const Subject& s, const std::string& actor, const std::string& now) {
    if (s.id.empty()) throw Refusal{"a subject needs an id"};
    if (s.name.empty()) throw Refusal{fmt::format("subject {}: a name is required", s.id)};
    auto existing = db_->prepare("SELECT fingerprint, created_at FROM subjects WHERE id = ?");
    existing.bind(1, s.id);
    const bool exists = existing.step();
    const std::string before = exists ? existing.text(0) : "";
    const std::string created = exists ? existing.text(1) : now;
    const std::string fingerprint = s.fingerprint();
    // The near score holds while what screening reads is unchanged.
    if (exists && before != fingerprint) forget_near_score(s.id);
    db_->prepare(
           "INSERT OR REPLACE INTO subjects (id, name, country, type, dob, identifier, "
           "attributes, fingerprint, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
        .bind(1, s.id)
        .bind(2, s.name)
        .bind(3, s.country)
        .bind(4, s.type)
        .bind(5, s.date_of_birth)
        .bind(6, s.identifier)
        .bind(7, s.attributes.dump())
        .bind(8, fingerprint)
        .bind(9, created)
        .bind(10, now)
        .run();
    const bool changed = before != fingerprint;
    if (!exists || changed) {
      // With the screened fields' digest: audit verify finds them edited (AuditStateCheck).
      nlohmann::ordered_json detail = subject_json(s);
      detail["fingerprint"] = fingerprint;
      append(now, actor, exists ? "subject.changed" : "subject.added", "subject:" + s.id, detail);
    }
    return !exists || changed;
  }

 public:
  Status remove_subject(const std::string& id, const std::string& actor) override {
    return guarded_status([&] {
      Transaction tx(*this);
      const std::string now = utc_now_iso();
      auto del = db_->prepare("DELETE FROM subjects WHERE id = ?");
      del.bind(1, id).run();
      if (db_->changes() == 0) throw NotFound{fmt::format("no subject '{}'", id)};
      forget_near_score(id);
      append(now, actor, "subject.removed", "subject:" + id, nlohmann::ordered_json::object());
      auto open = db_->prepare(
          "SELECT id FROM alerts WHERE subject_id = ? AND status != 'closed' ORDER BY id");
      open.bind(1, id);
      std::vector<int64_t> ids;
      while (open.step()) ids.push_back(open.integer(0));
      for (int64_t a : ids) close_alert(a, "subject_removed", now, actor);
      tx.commit();
    });
  }

  Result<std::optional<Subject>> subject(const std::string& id) override {
    return guarded<std::optional<Subject>>([&]() -> std::optional<Subject> {
      load_word_drifts();
      auto q = db_->prepare(std::string(kSubjectColumns) + " WHERE s.id = ?");
      q.bind(1, id);
      if (!q.step()) return std::nullopt;
      return read_subject(q);
    });
  }

  Result<std::vector<Subject>> subjects() override {
    return guarded<std::vector<Subject>>([&] {
      load_word_drifts();
      auto q = db_->prepare(std::string(kSubjectColumns) + " ORDER BY s.id");
      std::vector<Subject> out;
      while (q.step()) out.push_back(read_subject(q));
      return out;
    });
  }

  Result<std::vector<Subject>> subjects_after(const std::string& after, size_t limit) override {
    return guarded<std::vector<Subject>>([&] {
      load_word_drifts();
      auto q = db_->prepare(std::string(kSubjectColumns) + " WHERE s.id > ? ORDER BY s.id LIMIT ?");
      q.bind(1, after).bind(2, static_cast<int64_t>(limit));
      std::vector<Subject> out;
      while (q.step()) out.push_back(read_subject(q));
      return out;
    });
  }

  Result<std::vector<Subject>> subjects(const std::vector<std::string>& ids) override {
    return guarded<std::vector<Subject>>([&] {
      load_word_drifts();
      auto q = db_->prepare(std::string(kSubjectColumns) + " WHERE s.id = ?");
      std::vector<Subject> out;
      for (const std::string& id : ids) {
        q.bind(1, id);
        if (q.step()) out.push_back(read_subject(q));
        q.reset();
      }
      return out;
    });
  }

  Result<MonitoredSubjects> monitored_subjects() override {
    return guarded<MonitoredSubjects>([&] {
      MonitoredSubjects out;
      auto words = db_->prepare("SELECT id, form FROM words");
      while (words.step()) {
        const auto id = static_cast<size_t>(words.integer(0));
        if (out.vocabulary.size() <= id) out.vocabulary.resize(id + 1);
        out.vocabulary[id] = std::string(words.bytes(1));
      }
      load_word_drifts();
      if (out.vocabulary.empty()) out.vocabulary.resize(1);
      {
        auto count = db_->prepare("SELECT count(*) FROM subjects");
        if (count.step()) out.subjects.reserve(static_cast<size_t>(count.integer(0)));
      }
      // Two ordered scans merged (a join would look each subject up in the other table).
      auto ids = db_->prepare("SELECT id FROM subjects ORDER BY id");
      auto near = db_->prepare(
          "SELECT subject_id, near_score, words FROM subject_near ORDER BY subject_id");
      auto kept =
          db_->prepare("SELECT subject_id, near_score FROM subject_near_kept ORDER BY subject_id");
      bool more = near.step(), more_kept = kept.step();
      while (ids.step()) {
        MonitoredSubject& s = out.subjects.emplace_back();
        const std::string_view id = ids.bytes(0);
        s.id.assign(id);
        while (more && near.bytes(0) < id) more = near.step();
        if (more && near.bytes(0) == id) {
          s.words.assign(near.bytes(2));
          while (more_kept && kept.bytes(0) < id) more_kept = kept.step();
          const bool was_kept = more_kept && kept.bytes(0) == id;
          s.near_score = (was_kept ? kept.real(1) : near.real(1)) + drift_of(s.words);
        }
      }
      return out;
    });
  }

  Result<std::string> words_matcher() override {
    return guarded<std::string>([&] { return setting("words_matcher"); });
  }

  Status reset_words(const std::string& matcher) override {
    return guarded_status([&] {
      Transaction tx(*this);
      fold_kept_near_scores();
      // What the words' drift raised stays in the near scores once the words are gone.
      if (!word_drifts().empty()) {
        std::vector<std::pair<std::string, double>> raised;
        auto q = db_->prepare("SELECT subject_id, words FROM subject_near WHERE words IS NOT NULL");
        while (q.step())
          if (const double d = drift_of(q.bytes(1)); d > 0) raised.emplace_back(q.text(0), d);
        q.reset();
        auto raise = db_->prepare(
            "UPDATE subject_near SET near_score = near_score + ? WHERE subject_id = ?");
        for (const auto& [id, amount] : raised) {
          raise.bind(1, amount).bind(2, id).run();
          raise.reset();
        }
        db_->exec("UPDATE words SET drift = 0 WHERE drift > 0");
        drifts_.reset();
      }
      db_->exec("UPDATE subject_near SET words = NULL WHERE words IS NOT NULL");
      db_->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('words_matcher', ?)")
          .bind(1, matcher)
          .run();
      tx.commit();
    });
  }

  Status keep_words(const std::vector<std::pair<std::string, SubjectWords>>& words) override {
    return guarded_status([&] {
      Transaction tx(*this);
      // Less their drift: the near score reads as it did without them.
      auto q = db_->prepare(
          "UPDATE subject_near SET words = ?, near_score = near_score - ? WHERE subject_id = ?");
      auto kept = db_->prepare(
          "UPDATE subject_near_kept SET near_score = near_score - ? WHERE subject_id = ?");
      for (const auto& [id, subject_words] : words) {
        const std::string blob = word_ids(subject_words);
        const double drift = drift_of(blob);
        q.bind_blob(1, blob).bind(2, drift).bind(3, id).run();
        q.reset();
        kept.bind(1, drift).bind(2, id).run();
        kept.reset();
      }
      tx.commit();
    });
  }

  Result<RecordOutcome> record_screening(const ScreeningRecord& r) override {
    return guarded<RecordOutcome>([&] {
      Transaction tx(*this);
      RecordOutcome out = record_one(r, utc_now_iso());
      tx.commit();
      return out;
    });
  }

  Result<std::vector<RecordOutcome>> record_screenings(
      const std::vector<ScreeningRecord>& screenings) override {
    return guarded<std::vector<RecordOutcome>>([&] {
      Transaction tx(*this);
      const std::string now = utc_now_iso();
      std::vector<RecordOutcome> out;
      out.reserve(screenings.size());
      auto kept = db_->prepare("SELECT EXISTS (SELECT 1 FROM subject_near_kept)");
      const bool any_kept = kept.step() && kept.integer(0) != 0;
      kept.reset();
      for (const auto& r : screenings) out.push_back(record_one(r, now, any_kept));
      tx.commit();
      return out;
    });
  }

  Result<BatchIds> record_batch(const ScreeningBatch& b) override {
    if (b.screenings.empty())
      return make_error(ErrorCode::invalid_argument, "a batch needs at least one screening");
    // Made before the transaction, which other writers wait for.
    std::optional<PreparedBatchBody> made;
    if (!b.body) {
      auto body = prepare_batch_body(b.screenings);
      if (!body) return body.error();
      made = std::move(body.value());
    }
    const PreparedBatchBody& body = b.body ? *b.body : *made;
    if (body.lines != b.screenings.size())
      return make_error(ErrorCode::invalid_argument,
                        fmt::format("a batch's body was made of {} screenings, not its {}",
                                    body.lines, b.screenings.size()));
    const int64_t count = static_cast<int64_t>(b.screenings.size());
    return guarded<BatchIds>([&] {
      Transaction tx(*this);
      // Given again under its key (a resumed run's chunk that was in flight): recorded already.
      if (!b.key.empty()) {
        auto kept = db_->prepare("SELECT first_id, last_id FROM screening_batches WHERE key = ?");
        kept.bind(1, b.key);
        if (kept.step()) return BatchIds{kept.integer(0), kept.integer(1)};
      }
      const std::string now = utc_now_iso();
      BatchIds ids;
      ids.first = take_screening_ids(count);
      ids.last = ids.first + count - 1;
      auto insert = db_->prepare(
          "INSERT INTO screening_batches (first_id, last_id, actor, at, threshold, "
          "snapshot_id, matcher, body, key, encoding) VALUES (?,?,?,?,?,?,?,?,?,'zstd')");
      if (b.key.empty())
        insert.bind_null(9);
      else
        insert.bind(9, std::string_view(b.key));
      insert.bind(1, ids.first)
          .bind(2, ids.last)
          .bind(3, b.actor)
          .bind(4, now)
          .bind(5, b.threshold)
          .bind(6, b.snapshot_id)
          .bind(7, b.matcher)
          .bind_blob(8, body.frame)
          .run();
      const nlohmann::ordered_json detail = {
          {"first", ids.first},
          {"last", ids.last},
          {"count", count},
          {"snapshot", b.snapshot_id},
          {"threshold", b.threshold},
          {"matcher", b.matcher},
          {"sha256", batch_digest(ids, b.actor, now, b.threshold, b.snapshot_id, b.matcher,
                                  body.text_sha256)},
          {"text_sha256", body.text_sha256}};
      append(now, b.actor, "screenings.recorded", batch_object(ids), detail);
      tx.commit();
      return ids;
    });
  }

  Result<std::vector<int64_t>> close_delisted(const std::vector<std::string>& live_parties,
                                              const std::string& snapshot_id,
                                              const std::string& actor) override {
    return guarded<std::vector<int64_t>>([&] {
      const std::set<std::string> live(live_parties.begin(), live_parties.end());
      Transaction tx(*this);
      const std::string now = utc_now_iso();
      auto q = db_->prepare("SELECT id, party_id FROM alerts WHERE status != 'closed' ORDER BY id");
      std::vector<int64_t> gone;
      while (q.step())
        if (!live.count(q.text(1))) gone.push_back(q.integer(0));
      for (int64_t a : gone) close_alert(a, "delisted", now, actor, snapshot_id);
      tx.commit();
      return gone;
    });
  }

  Result<std::vector<Alert>> alerts(const AlertFilter& f) override {
    return guarded<std::vector<Alert>>([&] {
      std::string sql = std::string(kAlertColumns) + " WHERE id > ?";
      if (f.status) sql += " AND status = ?";
      if (!f.subject_id.empty()) sql += " AND subject_id = ?";
      if (!f.party_id.empty()) sql += " AND party_id = ?";
      sql += " ORDER BY id LIMIT ?";
      auto q = db_->prepare(sql);
      int k = 1;
      q.bind(k++, f.after_id);
      if (f.status) q.bind(k++, std::string_view(to_string(*f.status)));
      if (!f.subject_id.empty()) q.bind(k++, f.subject_id);
      if (!f.party_id.empty()) q.bind(k++, f.party_id);
      q.bind(k++, static_cast<int64_t>(f.limit));
      std::vector<Alert> out;
      while (q.step()) out.push_back(read_alert(q));
      return out;
    });
  }

  Result<std::optional<Alert>> alert(int64_t id) override {
    return guarded<std::optional<Alert>>([&]() -> std::optional<Alert> {
      auto q = db_->prepare(std::string(kAlertColumns) + " WHERE id = ?");
      q.bind(1, id);
      if (!q.step()) return std::nullopt;
      return read_alert(q);
    });
  }

  Result<std::optional<StoredScreening>> screening(int64_t id) override {
    return guarded<std::optional<StoredScreening>>([&]() -> std::optional<StoredScreening> {
      auto q = db_->prepare(
          "SELECT id, subject_id, actor, at, query, threshold, snapshot_id, matcher, hits FROM "
          "screenings WHERE id = ?");
      q.bind(1, id);
      if (!q.step()) return batch_screening(id);
      StoredScreening s;
      s.id = q.integer(0);
      if (!q.is_null(1)) s.subject_id = q.text(1);
      s.actor = q.text(2);
      s.at = q.text(3);
      s.query = nlohmann::ordered_json::parse(q.text(4), nullptr, false);
      s.threshold = q.real(5);
      s.snapshot_id = q.text(6);
      s.matcher = q.text(7);
      s.hits = nlohmann::ordered_json::parse(q.text(8), nullptr, false);
      return s;
    });
  }

  Result<std::vector<Decision>> decisions(int64_t alert_id) override {
    return guarded<std::vector<Decision>>([&] {
      auto q = db_->prepare(
          "SELECT alert_id, decision, reason, reviewer, at FROM decisions WHERE alert_id = ? "
          "ORDER BY id");
      q.bind(1, alert_id);
      std::vector<Decision> out;
      while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
      return out;
    });
  }

  Status decide(const Decision& d) override {
    return guarded_status([&] {
      static const std::set<std::string> kinds = {"true_match", "false_positive", "escalate",
                                                  "confirm"};
      if (!kinds.count(d.decision))
        throw Refusal{fmt::format(
            "decision '{}': expected true_match, false_positive, escalate or confirm", d.decision)};
      if (d.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Refusal{"a decision needs a reason"};
      if (d.reviewer.empty()) throw Refusal{"a decision needs a reviewer"};
      // A note for the trail, not a file: every export and case file carries it.
      constexpr size_t kMaxReason = 10000, kMaxReviewer = 200;
      if (d.reason.size() > kMaxReason)
        throw Refusal{fmt::format("a decision's reason of {} bytes; the limit is {}",
                                  d.reason.size(), kMaxReason)};
      if (d.reviewer.size() > kMaxReviewer)
        throw Refusal{fmt::format("a reviewer's name of {} bytes; the limit is {}",
                                  d.reviewer.size(), kMaxReviewer)};
      Transaction tx(*this);
      auto q = db_->prepare("SELECT status, resolution FROM alerts WHERE id = ?");
      q.bind(1, d.alert_id);
      if (!q.step()) throw NotFound{fmt::format("no alert {}", d.alert_id)};
      if (q.text(0) == "closed")
        throw Refusal{
            fmt::format("alert {} is closed ({}): it reopens if its subject or party "
                        "changes",
                        d.alert_id, q.text(1))};
      const std::string status = q.text(0);
      const bool awaiting = status == "awaiting_confirmation";
      if (d.decision == "confirm") {
        if (!awaiting)
          throw Refusal{
              fmt::format("alert {} awaits no confirmation (it is {})", d.alert_id, status)};
        auto first = db_->prepare(
            "SELECT reviewer FROM decisions WHERE alert_id = ? AND decision = 'false_positive' "
            "ORDER BY id DESC LIMIT 1");
        first.bind(1, d.alert_id);
        // The same person however the name is cased or spaced ("Alice", " alice").
        auto same_person = [](std::string_view a, std::string_view b) {
          return ascii_lower(trim_copy(a)) == ascii_lower(trim_copy(b));
        };
        if (first.step() && same_person(first.text(0), d.reviewer))
          throw Refusal{
              fmt::format("alert {}: the false positive was decided by {}; a second "
                          "reviewer must confirm it",
                          d.alert_id, d.reviewer)};
      }
      std::string next = "closed", resolution = d.decision;
      if (d.decision == "escalate") {
        next = "escalated";
        resolution.clear();
      } else if (d.decision == "confirm") {
        resolution = "false_positive";
      } else if (d.decision == "false_positive" && setting("four_eyes") == "1") {
        next = "awaiting_confirmation";
        resolution.clear();
      }
      const std::string now = utc_now_iso();
      db_->prepare(
             "INSERT INTO decisions (alert_id, decision, reason, reviewer, at) VALUES (?,?,?,?,?)")
          .bind(1, d.alert_id)
          .bind(2, d.decision)
          .bind(3, d.reason)
          .bind(4, d.reviewer)
          .bind(5, now)
          .run();
      db_->prepare("UPDATE alerts SET status = ?, resolution = ?, updated_at = ? WHERE id = ?")
          .bind(1, next)
          .bind(2, resolution)
          .bind(3, now)
          .bind(4, d.alert_id)
          .run();
      append(now, d.reviewer, "alert.decided", fmt::format("alert:{}", d.alert_id),
             {{"decision", d.decision}, {"reason", d.reason}, {"status", next}});
      tx.commit();
    });
  }

  Result<std::vector<AuditEntry>> audit(const std::string& object, size_t limit) override {
    return guarded<std::vector<AuditEntry>>([&] { return read_audit(object, limit); });
  }

 private:
  std::vector<AuditEntry> read_audit(const std::string& object, size_t limit) {
    std::string sql = "SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM audit";
    if (!object.empty()) sql += " WHERE object = ?";
    sql += " ORDER BY seq DESC LIMIT ?";
    auto q = db_->prepare(sql);
    int k = 1;
    if (!object.empty()) q.bind(k++, object);
    q.bind(k, static_cast<int64_t>(limit));
    std::vector<AuditEntry> out;
    while (q.step())
      out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4),
                     nlohmann::ordered_json::parse(q.text(5), nullptr, false), q.text(6),
                     q.text(7)});
    std::reverse(out.begin(), out.end());
    // A screening of a batch has its batch's entry.
    if (out.empty() && object.starts_with("screening:"))
      if (const auto ids = batch_of(std::atoll(object.c_str() + 10)))
        return read_audit(batch_object(*ids), limit);
    return out;
  }

 public:
  Result<AuditVerdict> verify_audit() override {
    return guarded<AuditVerdict>([&] {
      // The chain, the batches and the head read as of one moment: a writer committing between
      // the reads would otherwise look like entries cut off the chain's end.
      struct ReadTransaction {
        SqliteDb& db;
        explicit ReadTransaction(SqliteDb& d) : db(d) { db.exec("BEGIN"); }
        ~ReadTransaction() {
          try {
            db.exec("ROLLBACK");  // nothing was written: ending the read is all it does
          } catch (const std::exception&) {
          }
        }
      } snapshot(*db_);
      AuditVerdict v;
      AuditStateCheck state;  // what the entries say the tables hold
      if (auto n = db_->prepare("SELECT count(*) FROM subjects"); n.step())
        state.expect_subjects(static_cast<size_t>(n.integer(0)));
      auto q = db_->prepare(
          "SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM audit ORDER BY seq");
      std::string prev = kGenesis;
      int64_t expected = 1;
      std::map<std::string, BatchEntry> batch_entries;  // by the object they record
      // The problem of the earliest entry is the one reported.
      auto bad = [&](int64_t seq, std::string why) {
        if (!v.intact && seq >= v.first_bad) return;
        v.intact = false;
        v.first_bad = seq;
        v.problem = std::move(why);
      };
      while (q.step()) {
        const int64_t seq = q.integer(0);
        ++v.entries;
        if (seq != expected)
          bad(seq, fmt::format("entry {} follows entry {}: entries {}–{} are missing", seq,
                               expected - 1, expected, seq - 1));
        if (q.text(6) != prev)
          bad(seq, fmt::format("entry {} does not name the hash of the entry before it (an entry "
                               "was removed, reordered or edited)",
                               seq));
        const std::string hash =
            entry_hash(q.text(6), seq, q.text(1), q.text(2), q.text(3), q.text(4), q.text(5));
        if (hash != q.text(7))
          bad(seq, fmt::format("entry {} does not match its hash (it was edited)", seq));
        if (q.text(3) == "screenings.recorded") {
          const auto detail = nlohmann::json::parse(q.text(5), nullptr, false);
          const auto digest = detail.is_object() ? detail.find("sha256") : detail.end();
          const auto text_sha256 = detail.is_object() ? detail.find("text_sha256") : detail.end();
          batch_entries[q.text(4)] = {
              seq, digest != detail.end() && digest->is_string() ? digest->get<std::string>() : "",
              text_sha256 != detail.end() && text_sha256->is_string()
                  ? std::optional(text_sha256->get<std::string>())
                  : std::nullopt};
        }
        state.add(seq, q.bytes(2), q.bytes(3), q.bytes(4), q.bytes(5));
        prev = q.text(7);
        expected = seq + 1;
      }
      verify_batches(batch_entries, expected, bad);
      // The head (last seq and hash) is kept beside the chain: entries cut off its end are found.
      auto head = db_->prepare("SELECT value FROM meta WHERE key = 'audit_head'");
      const std::string recorded = head.step() ? head.text(0) : fmt::format("0:{}", kGenesis);
      if (recorded != fmt::format("{}:{}", expected - 1, prev))
        bad(expected, fmt::format("the chain ends at entry {} but the store's head is {} (entries "
                                  "were removed from its end)",
                                  expected - 1, recorded.substr(0, recorded.find(':'))));
      // Then the tables against an intact chain (against a broken one, what it says of them is
      // no longer known: the chain's problem is the one named).
      if (v.intact) state.check(*db_, expected, bad);
      return v;
    });
  }

  Status set_four_eyes(bool on, const std::string& actor) override {
    return guarded_status([&] {
      Transaction tx(*this);
      db_->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('four_eyes', ?)")
          .bind(1, std::string_view(on ? "1" : "0"))
          .run();
      append(utc_now_iso(), actor, "settings.changed", "settings:four_eyes", {{"four_eyes", on}});
      tx.commit();
    });
  }

  Result<double> monitor_drift() override {
    return guarded<double>([&] {
      const std::string drift = setting("monitor_drift");
      return drift.empty() ? 0.0 : std::stod(drift);
    });
  }

  Status set_monitor_drift(double drift) override {
    return guarded_status([&] {
      Transaction tx(*this);
      db_->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('monitor_drift', ?)")
          .bind(1, fmt::format("{}", drift))
          .run();
      tx.commit();
    });
  }

  Status raise_near_scores(const std::vector<std::pair<std::string, double>>& by) override {
    return guarded_status([&] {
      Transaction tx(*this);
      auto q =
          db_->prepare("UPDATE subject_near SET near_score = near_score + ? WHERE subject_id = ?");
      auto kept = db_->prepare(
          "UPDATE subject_near_kept SET near_score = near_score + ? WHERE subject_id = ?");
      for (const auto& [id, amount] : by) {
        // The score that reads: the one kept by a check, else the screening's.
        kept.bind(1, amount).bind(2, id).run();
        kept.reset();
        if (db_->changes() == 0) q.bind(1, amount).bind(2, id).run();
        q.reset();
      }
      tx.commit();
    });
  }

  Status raise_word_drifts(const std::vector<std::pair<std::string, double>>& by) override {
    return guarded_status([&] {
      Transaction tx(*this);
      auto q = db_->prepare("UPDATE words SET drift = drift + ? WHERE form = ?");
      for (const auto& [form, amount] : by) {
        q.bind(1, amount).bind_blob(2, form).run();
        q.reset();
      }
      tx.commit();
    });
  }

  Status keep_near_scores(const std::vector<std::pair<std::string, double>>& near) override {
    return guarded_status([&] {
      Transaction tx(*this);
      // Beside the screenings' (subject_near): the few subjects near the threshold a run checks
      // are written to a small table rather than to random pages of the large one.
      auto words = db_->prepare("SELECT words FROM subject_near WHERE subject_id = ?");
      auto keep = db_->prepare(
          "INSERT OR REPLACE INTO subject_near_kept (subject_id, near_score) VALUES (?, ?)");
      for (const auto& [id, score] : near) {
        words.bind(1, id);
        const bool screened = words.step();  // a subject with a near score
        const double words_drift = screened && !words.is_null(0) ? drift_of(words.bytes(0)) : 0.0;
        words.reset();
        if (!screened) continue;
        keep.bind(1, id).bind(2, score - words_drift).run();
        keep.reset();
      }
      tx.commit();
    });
  }

  Result<bool> four_eyes() override {
    return guarded<bool>([&] { return setting("four_eyes") == "1"; });
  }

  Status note_monitor_run(const std::string& snapshot_id, const std::string& matcher,
                          const nlohmann::ordered_json& summary,
                          const std::string& actor) override {
    return guarded_status([&] {
      Transaction tx(*this);
      for (const auto& [key, value] :
           {std::pair{"monitored_snapshot", snapshot_id}, std::pair{"monitored_matcher", matcher}})
        db_->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
            .bind(1, std::string_view(key))
            .bind(2, value)
            .run();
      append(utc_now_iso(), actor, "monitor.ran", "snapshot:" + snapshot_id, summary);
      tx.commit();
    });
  }

  Result<std::pair<std::string, std::string>> last_monitor_run() override {
    return guarded<std::pair<std::string, std::string>>([&] {
      return std::pair{setting("monitored_snapshot"), setting("monitored_matcher")};
    });
  }

  Result<std::vector<Notification>> notifications(int64_t after_id, size_t limit, bool pending,
                                                  const std::string& due) override {
    return guarded<std::vector<Notification>>([&] {
      std::string sql =
          "SELECT id, at, event, payload, attempts, next_attempt_at, delivered_at, last_error "
          "FROM outbox WHERE id > ?";
      if (pending) sql += " AND delivered_at = '' AND (? = '' OR next_attempt_at <= ?)";
      sql += " ORDER BY id LIMIT ?";
      auto q = db_->prepare(sql);
      int k = 1;
      q.bind(k++, after_id);
      if (pending) {
        q.bind(k++, due);
        q.bind(k++, due);
      }
      q.bind(k, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
      std::vector<Notification> out;
      while (q.step())
        out.push_back({q.integer(0), q.text(1), q.text(2),
                       nlohmann::ordered_json::parse(q.text(3), nullptr, false),
                       static_cast<int>(q.integer(4)), q.text(5), q.text(6), q.text(7)});
      return out;
    });
  }

  Status record_delivery(int64_t id, bool delivered, const std::string& error,
                         const std::string& retry_at) override {
    return guarded_status([&] {
      Transaction tx(*this);
      const std::string now = utc_now_iso();
      db_->prepare(
             "UPDATE outbox SET attempts = attempts + 1, delivered_at = ?, last_error = ?, "
             "next_attempt_at = ? WHERE id = ?")
          .bind(1, delivered ? now : std::string())
          .bind(2, error)
          .bind(3, delivered ? std::string() : retry_at)
          .bind(4, id)
          .run();
      if (db_->changes() == 0) throw NotFound{fmt::format("no notification {}", id)};
      tx.commit();
    });
  }

  Status note_import(const std::string& snapshot_id, const std::string& actor) override {
    return guarded_status([&] {
      Transaction tx(*this);
      append(utc_now_iso(), actor, "lists.imported", "snapshot:" + snapshot_id,
             nlohmann::ordered_json::object());
      tx.commit();
    });
  }

 private:
  struct Refusal {
    std::string message;
  };
  struct NotFound {
    std::string message;
  };
  static constexpr const char* kSubjectColumns =
      "SELECT s.id, s.name, s.country, s.type, s.dob, s.identifier, s.attributes, s.created_at, "
      "s.updated_at, COALESCE(k.near_score, n.near_score), n.words FROM subjects s LEFT JOIN "
      "subject_near n ON n.subject_id = s.id LEFT JOIN subject_near_kept k ON k.subject_id = "
      "s.id";
  static constexpr const char* kAlertColumns =
      "SELECT id, subject_id, party_id, party_name, status, resolution, score, screening_id, "
      "snapshot_id, opened_at, updated_at FROM alerts";

  // Runs `body`, turning what it throws into an Error.
  template <typename T, typename F>
  Result<T> guarded(F&& body) {
    try {
      return body();
    } catch (const Refusal& e) {
      return make_error(ErrorCode::invalid_argument, e.message);
    } catch (const NotFound& e) {
      return make_error(ErrorCode::not_found, e.message);
    } catch (const SqliteError& e) {
      return make_error(ErrorCode::io, fmt::format("{}: {}", db_->path(), e.message));
    }
  }
  template <typename F>
  Status guarded_status(F&& body) {
    return guarded<Ok>([&] {
      body();
      return Ok{};
    });
  }

  // After load_word_drifts().
  Subject read_subject(SqliteStatement& q) {
    Subject s;
    s.id = q.text(0);
    s.name = q.text(1);
    s.country = q.text(2);
    s.type = q.text(3);
    s.date_of_birth = q.text(4);
    s.identifier = q.text(5);
    s.attributes = nlohmann::ordered_json::parse(q.text(6), nullptr, false);
    s.created_at = q.text(7);
    s.updated_at = q.text(8);
    s.words_known = !q.is_null(10);
    if (!q.is_null(9)) s.near_score = q.real(9) + (s.words_known ? drift_of(q.bytes(10)) : 0.0);
    return s;
  }
  static Alert read_alert(SqliteStatement& q) {
    Alert a;
    a.id = q.integer(0);
    a.subject_id = q.text(1);
    a.party_id = q.text(2);
    a.party_name = q.text(3);
    a.status = status_from(q.text(4));
    a.resolution = q.text(5);
    a.score = q.real(6);
    a.screening_id = q.integer(7);
    a.snapshot_id = q.text(8);
    a.opened_at = q.text(9);
    a.updated_at = q.text(10);
    return a;
  }
  static nlohmann::ordered_json subject_json(const Subject& s) {
    return {{"name", s.name},         {"country", s.country},       {"type", s.type},
            {"dob", s.date_of_birth}, {"identifier", s.identifier}, {"attributes", s.attributes}};
  }

  std::string setting(const char* key) {
    auto q = db_->prepare("SELECT value FROM meta WHERE key = ?");
    q.bind(1, std::string_view(key));
    return q.step() ? q.text(0) : "";
  }

  // Appends an audit entry inside the caller's transaction.
  void append(const std::string& at, const std::string& actor, const std::string& action,
              const std::string& object, const nlohmann::ordered_json& detail) {
    if (!head_) {
      auto last = db_->prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
      head_ = last.step() ? AuditHead{last.integer(0), last.text(1)} : AuditHead{0, kGenesis};
    }
    const int64_t seq = head_->seq + 1;
    const std::string& prev = head_->hash;
    const std::string text = detail.dump();
    std::string hash = entry_hash(prev, seq, at, actor, action, object, text);
    db_->prepare(
           "INSERT INTO audit (seq, at, actor, action, object, detail, prev_hash, hash) VALUES "
           "(?,?,?,?,?,?,?,?)")
        .bind(1, seq)
        .bind(2, at)
        .bind(3, actor)
        .bind(4, action)
        .bind(5, object)
        .bind(6, text)
        .bind(7, prev)
        .bind(8, hash)
        .run();
    head_ = AuditHead{seq, std::move(hash)};
    head_moved_ = true;
    if (notifiable(action)) {
      const nlohmann::ordered_json payload = {{"event", action},  {"object", object},
                                              {"at", at},         {"actor", actor},
                                              {"detail", detail}, {"audit_seq", seq}};
      db_->prepare("INSERT INTO outbox (at, event, payload) VALUES (?,?,?)")
          .bind(1, at)
          .bind(2, action)
          .bind(3, payload.dump())
          .run();
    }
  }

  void close_alert(int64_t id, const std::string& resolution, const std::string& now,
                   const std::string& actor, const std::string& snapshot_id = "") {
    db_->prepare("UPDATE alerts SET status = 'closed', resolution = ?, updated_at = ? WHERE id = ?")
        .bind(1, resolution)
        .bind(2, now)
        .bind(3, id)
        .run();
    nlohmann::ordered_json detail = {{"resolution", resolution}};
    if (!snapshot_id.empty()) detail["snapshot"] = snapshot_id;
    append(now, actor, "alert.closed", fmt::format("alert:{}", id), detail);
  }

  // One hit at or above the threshold on a subject: a new alert, an update of an open one, a
  // closed one reopened (saying what changed), or a false positive left closed.
  void raise_alert(const std::string& subject_id, const std::string& subject_fp,
                   const RecordedHit& h, int64_t screening_id, const std::string& snapshot_id,
                   const std::string& actor, const std::string& now, RecordOutcome& out) {
    auto q = db_->prepare(
        "SELECT id, status, resolution, subject_fingerprint, party_fingerprint FROM alerts "
        "WHERE subject_id = ? AND party_id = ?");
    q.bind(1, subject_id).bind(2, h.party_id);
    if (!q.step()) {
      db_->prepare(
             "INSERT INTO alerts (subject_id, party_id, party_name, status, resolution, score, "
             "subject_fingerprint, party_fingerprint, screening_id, snapshot_id, opened_at, "
             "updated_at) VALUES (?,?,?,'open','',?,?,?,?,?,?,?)")
          .bind(1, subject_id)
          .bind(2, h.party_id)
          .bind(3, h.party_name)
          .bind(4, static_cast<double>(h.score))
          .bind(5, subject_fp)
          .bind(6, h.party_fingerprint)
          .bind(7, screening_id)
          .bind(8, snapshot_id)
          .bind(9, now)
          .bind(10, now)
          .run();
      const int64_t id = db_->last_insert_id();
      out.opened.push_back(id);
      append(now, actor, "alert.opened", fmt::format("alert:{}", id),
             {{"subject", subject_id},
              {"party", h.party_id},
              {"score", h.score},
              {"screening", screening_id}});
      return;
    }
    const int64_t id = q.integer(0);
    const std::string status = q.text(1), resolution = q.text(2);
    std::vector<std::string> changed;
    if (q.text(3) != subject_fp) changed.push_back("subject");
    const std::string kept_fingerprint = q.text(4);
    if (kept_fingerprint != h.party_fingerprint &&
        (h.former_party_fingerprint.empty() || kept_fingerprint != h.former_party_fingerprint))
      changed.push_back("party listings");
    if (status == "closed" && resolution == "true_match") return;  // decided: it is the party
    if (status == "closed" && resolution == "false_positive" && changed.empty()) {
      // Held by the fingerprint a store made before kept: today's replaces it, so that the names
      // Clearance adds stop counting from here on (the alert's state is unchanged: no entry).
      if (kept_fingerprint != h.party_fingerprint)
        db_->prepare("UPDATE alerts SET party_fingerprint = ? WHERE id = ?")
            .bind(1, h.party_fingerprint)
            .bind(2, id)
            .run();
      out.suppressed.push_back(id);
      return;
    }
    const bool reopen = status == "closed";
    db_->prepare(
           "UPDATE alerts SET status = ?, resolution = '', score = ?, subject_fingerprint = ?, "
           "party_fingerprint = ?, party_name = ?, screening_id = ?, snapshot_id = ?, "
           "updated_at = ? WHERE id = ?")
        .bind(1, std::string_view(reopen ? "open" : status))
        .bind(2, static_cast<double>(h.score))
        .bind(3, subject_fp)
        .bind(4, h.party_fingerprint)
        .bind(5, h.party_name)
        .bind(6, screening_id)
        .bind(7, snapshot_id)
        .bind(8, now)
        .bind(9, id)
        .run();
    if (reopen) {
      out.reopened.push_back(id);
      append(now, actor, "alert.reopened", fmt::format("alert:{}", id),
             {{"was", resolution}, {"changed", changed}, {"screening", screening_id}});
    }
  }

  // The next `count` screening ids, of single screenings and batches alike (once read, the next
  // is kept for the rest of the transaction).
  int64_t take_screening_ids(int64_t count) {
    if (!next_screening_) {
      auto q = db_->prepare(
          "SELECT max((SELECT coalesce(max(id), 0) FROM screenings), "
          "(SELECT coalesce(max(last_id), 0) FROM screening_batches))");
      next_screening_ = (q.step() ? q.integer(0) : 0) + 1;
    }
    const int64_t first = *next_screening_;
    *next_screening_ += count;
    return first;
  }

  static std::string batch_object(const BatchIds& ids) {
    return fmt::format("screenings:{}-{}", ids.first, ids.last);
  }

  // The batch holding screening `id`, if one does.
  std::optional<BatchIds> batch_of(int64_t id) {
    auto q = db_->prepare(
        "SELECT first_id, last_id FROM screening_batches WHERE first_id <= ? ORDER BY first_id "
        "DESC LIMIT 1");
    q.bind(1, id);
    if (!q.step() || q.integer(1) < id) return std::nullopt;
    return BatchIds{q.integer(0), q.integer(1)};
  }

  std::optional<StoredScreening> batch_screening(int64_t id) {
    const auto ids = batch_of(id);
    if (!ids) return std::nullopt;
    auto q = db_->prepare(
        "SELECT actor, at, threshold, snapshot_id, matcher, body, encoding FROM "
        "screening_batches WHERE first_id = ?");
    q.bind(1, ids->first);
    if (!q.step()) return std::nullopt;
    const Result<std::string> body = batch_text(q.bytes(5), q.text(6));
    if (!body)
      throw SqliteError{
          fmt::format("screenings {}–{}: {}", ids->first, ids->last, body.error().message)};
    const auto line = batch_line(body.value(), id - ids->first);
    if (!line) return std::nullopt;
    const auto json = nlohmann::ordered_json::parse(*line, nullptr, false);
    StoredScreening s;
    s.id = id;
    s.actor = q.text(0);
    s.at = q.text(1);
    s.threshold = q.real(2);
    s.snapshot_id = q.text(3);
    s.matcher = q.text(4);
    if (json.is_object()) {
      s.query = json.value("query", nlohmann::ordered_json::object());
      s.hits = json.value("hits", nlohmann::ordered_json::array());
      if (json.contains("id") && s.query.is_object()) s.query["id"] = json["id"];
    }
    return s;
  }

  // A batch's audit entry: where it is in the chain and the digests it holds.
  struct BatchEntry {
    int64_t seq = 0;
    std::string digest;
    std::optional<std::string> text_sha256;  // none in entries written before it was kept apart
  };

  // Every batch against its audit entry's digest: a batch edited, removed or added behind the
  // store's back. `entries`: each batch entry by its object; a batch without an entry is reported
  // at `after_last`, the seq after the chain's end.
  template <typename Bad>
  void verify_batches(std::map<std::string, BatchEntry>& entries, int64_t after_last, Bad& bad) {
    auto q = db_->prepare(
        "SELECT first_id, last_id, actor, at, threshold, snapshot_id, matcher, body, encoding "
        "FROM screening_batches ORDER BY first_id");
    while (q.step()) {
      const BatchIds ids{q.integer(0), q.integer(1)};
      const auto found = entries.find(batch_object(ids));
      if (found == entries.end()) {
        bad(after_last,
            fmt::format("screenings {}–{} have no audit entry (added behind the store's back)",
                        ids.first, ids.last));
        continue;
      }
      const BatchEntry& entry = found->second;
      const Result<std::string> body = batch_text(q.bytes(7), q.text(8));
      if (!body) {
        bad(entry.seq, fmt::format("screenings {}–{} cannot be read ({}): they were edited",
                                   ids.first, ids.last, body.error().message));
        entries.erase(found);
        continue;
      }
      const bool intact = entry.text_sha256
                              ? sha256_hex(body.value()) == *entry.text_sha256 &&
                                    batch_digest(ids, q.text(2), q.text(3), q.real(4), q.text(5),
                                                 q.text(6), *entry.text_sha256) == entry.digest
                              : batch_text_digest(ids, q.text(2), q.text(3), q.real(4), q.text(5),
                                                  q.text(6), body.value()) == entry.digest;
      if (!intact)
        bad(entry.seq,
            fmt::format("screenings {}–{} do not match the digest of entry {} (they were edited)",
                        ids.first, ids.last, entry.seq));
      entries.erase(found);
    }
    for (const auto& [object, entry] : entries)
      bad(entry.seq, fmt::format("entry {} records {}, which the store no longer holds (they "
                                 "were removed)",
                                 entry.seq, object));
  }

  // A write transaction of the store: the chain's head is read once, when the first entry is
  // appended, kept here while entries are appended, and written beside the chain once, at commit
  // (BEGIN IMMEDIATE: no other writer can append meanwhile).
  class Transaction {
   public:
    explicit Transaction(SqliteCaseStore& store) : store_(store), tx_(*store.db_) {
      store_.head_.reset();
      store_.head_moved_ = false;
      store_.next_screening_.reset();
      store_.drifts_.reset();
    }
    ~Transaction() {
      store_.head_.reset();
      store_.next_screening_.reset();
      store_.drifts_.reset();
      if (!committed_)
        for (const std::string& form : store_.words_added_) store_.word_ids_.erase(form);
      store_.words_added_.clear();
    }
    void commit() {
      if (store_.head_moved_)
        store_.db_->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)")
            .bind(1, fmt::format("{}:{}", store_.head_->seq, store_.head_->hash))
            .run();
      tx_.commit();
      committed_ = true;
    }

   private:
    SqliteCaseStore& store_;
    SqliteDb::WriteTransaction tx_;
    bool committed_ = false;
  };

  // The words whose weight moved further than the monitoring drift grants (raise_word_drifts):
  // by word id, how far (empty when none has); a subject's near score is kept less the drift of
  // its words and read with it, so that a delta run raises a word once rather than every subject
  // holding it. Few words have one (an index holds them); read once a transaction, or once a read
  // of many subjects, and looked up by id for each word of each subject read.
  const std::vector<double>& word_drifts() {
    if (!drifts_) load_word_drifts();
    return *drifts_;
  }
  void load_word_drifts() {
    drifts_.emplace();
    auto q = db_->prepare("SELECT id, drift FROM words WHERE drift > 0");
    while (q.step()) {
      const auto id = static_cast<size_t>(q.integer(0));
      if (drifts_->size() <= id) drifts_->resize(id + 1, 0.0);
      (*drifts_)[id] = q.real(1);
    }
  }
  // Inside a transaction: a subject's near score forgotten (it changed, or is gone).
  void forget_near_score(const std::string& id) {
    db_->prepare("DELETE FROM subject_near WHERE subject_id = ?").bind(1, id).run();
    db_->prepare("DELETE FROM subject_near_kept WHERE subject_id = ?").bind(1, id).run();
  }

  // Inside a transaction: the near scores checks kept written into subject_near.
  void fold_kept_near_scores() {
    db_->exec(
        "UPDATE subject_near SET near_score = k.near_score FROM subject_near_kept k WHERE "
        "k.subject_id = subject_near.subject_id; DELETE FROM subject_near_kept;");
  }

  // The drift of a subject's words as word_ids() writes them, each word counted once.
  double drift_of(std::string_view words) {
    const auto& drifts = word_drifts();
    if (drifts.empty()) return 0;
    uint64_t v = 0;
    if (!read_varint(words, v)) return 0;  // the flags
    double sum = 0;
    std::vector<uint64_t> seen;
    while (read_varint(words, v)) {
      if (v >= drifts.size() || drifts[v] == 0 ||
          std::find(seen.begin(), seen.end(), v) != seen.end())
        continue;
      seen.push_back(v);
      sum += drifts[v];
    }
    return sum;
  }

  // Inside a transaction: a subject's words as LEB128 numbers (the flags, then each reading's ids
  // in the words table and a 0), adding the words the table lacks. The ids of committed words never
  // change, so they are remembered for the store's life.
  std::string word_ids(const SubjectWords& words) {
    std::string out;
    append_varint(out, words.flags);
    for (const auto& reading : words.readings) {
      for (const std::string& form : reading) {
        auto it = word_ids_.find(form);
        if (it == word_ids_.end()) {
          db_->prepare("INSERT OR IGNORE INTO words (form) VALUES (?)").bind_blob(1, form).run();
          auto q = db_->prepare("SELECT id FROM words WHERE form = ?");
          q.bind_blob(1, form);
          if (!q.step()) throw SqliteError{"a word just added is missing"};
          it = word_ids_.emplace(form, q.integer(0)).first;
          words_added_.push_back(form);
        }
        append_varint(out, static_cast<uint64_t>(it->second));
      }
      append_varint(out, 0);
    }
    return out;
  }

  struct AuditHead {
    int64_t seq = 0;
    std::string hash;
  };

  std::unique_ptr<SqliteDb> db_;
  std::optional<AuditHead> head_;  // within a transaction, once read
  bool head_moved_ = false;
  std::optional<int64_t> next_screening_;              // within a transaction, once read
  std::unordered_map<std::string, int64_t> word_ids_;  // the words table, as far as it was used
  std::vector<std::string> words_added_;               // to it by the current transaction
  std::optional<std::vector<double>> drifts_;          // word_drifts(), once read
};

}  // namespace

const char* to_string(AlertStatus status) {
  switch (status) {
    case AlertStatus::open:
      return "open";
    case AlertStatus::escalated:
      return "escalated";
    case AlertStatus::awaiting_confirmation:
      return "awaiting_confirmation";
    case AlertStatus::closed:
      return "closed";
  }
  return "open";
}

std::optional<AlertStatus> alert_status_from(const std::string& text) {
  for (AlertStatus s : {AlertStatus::open, AlertStatus::escalated,
                        AlertStatus::awaiting_confirmation, AlertStatus::closed})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

std::string Subject::fingerprint() const {
  return sha256_hex(
      fmt::format("{}\n{}\n{}\n{}\n{}", name, country, type, date_of_birth, identifier));
}

Result<std::unique_ptr<CaseStore>> open_case_store(const std::string& data_dir) {
  if (auto st = make_directories(data_dir); !st) return st.error();
  auto db = SqliteDb::open(data_dir + "/cases.db");
  if (!db) return db.error();
  try {
    return std::unique_ptr<CaseStore>(new SqliteCaseStore(std::move(db.value())));
  } catch (const SqliteError& e) {
    return make_error(ErrorCode::io, fmt::format("{}/cases.db: {}", data_dir, e.message));
  }
}

std::string os_user() {
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
  return "unknown";
}

}  // namespace clearance
