#pragma once
// The record of a compliance team's work: the subjects (counterparties) it monitors, every
// screening run through the store, the alerts those screenings open (subject × party), the
// decisions on them, and an append-only audit trail in which every entry carries the SHA-256 of
// the one before, so that an edited, deleted or reordered entry is found (`audit verify`).
//
// CaseStore is the interface; the embedded implementation is SQLite in WAL mode in the data
// directory (DATA_DIR/cases.db). A server-backed implementation (PostgreSQL) implements the same
// interface: each operation is one transaction, and the audit chain is appended inside it.
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance {

struct Subject {
  std::string id;  // the user's own id for the counterparty
  std::string name;
  std::string country;
  std::string type;  // person, organization, vessel, aircraft or empty
  std::string date_of_birth;
  std::string identifier;
  nlohmann::ordered_json attributes = nlohmann::ordered_json::object();  // free fields
  std::string created_at;
  std::string updated_at;
  // Kept by the store for monitoring (store/monitor.h): an upper bound of the subject's best score
  // under the threshold at its last recorded screening, less the monitoring drift of that time;
  // none when not known (never screened since it changed, or a store older than the field).
  std::optional<double> near_score;
  // Whether the store keeps the subject's words (ScreeningRecord::words) for the matcher that
  // derived the words it keeps (CaseStore::words_matcher).
  bool words_known = false;
  // SHA-256 of the fields that screening reads: a change reopens a false positive.
  std::string fingerprint() const;
};

// A subject's words as a delta monitoring run reads them (store/monitor.cpp): each its normalised
// token's bytes (match/name_words.h), reading by reading, and flags that say what else the run
// must know of the subject.
struct SubjectWords {
  uint32_t flags = 0;
  std::vector<std::vector<std::string>> readings;
};

// One hit of a screening, as the store keeps it.
struct RecordedHit {
  std::string party_id;
  std::string party_name;
  float score = 0;
  // SHA-256 of the party's listings (records, lists, names, programmes, dates; not the names
  // Clearance adds): a change reopens a false positive.
  std::string party_fingerprint;
  // The same as stores made before kept it, with the added names (party_fingerprint_with_added_
  // names): an alert holding it is unchanged, and takes party_fingerprint. Empty: none.
  std::string former_party_fingerprint;
  nlohmann::ordered_json detail;  // the hit as the API writes it (listings, explanation)
};

struct ScreeningRecord {
  std::optional<std::string> subject_id;  // none for an ad-hoc screening
  std::string actor;
  nlohmann::ordered_json query;
  double threshold = 0.8;
  std::string snapshot_id;
  std::string matcher;  // the matcher's build key (name_index_file.h)
  std::vector<RecordedHit> hits;
  // A subject's screening: the near score to keep for it (Subject::near_score).
  std::optional<double> near_score;
  // And, when the screening derived them, the subject's words to keep with it; none keeps the
  // words kept.
  std::optional<SubjectWords> words;
};

// What a delta monitoring run reads of every subject (store/monitor.cpp): its near score and its
// words, each word an id into `vocabulary`.
struct MonitoredSubject {
  std::string id;
  std::optional<double> near_score;
  // SubjectWords as LEB128 numbers (util/varint.h): the flags, then each reading's word ids and
  // a 0; empty when not known.
  std::string words;
};
struct MonitoredSubjects {
  std::vector<std::string> vocabulary;  // a word id's bytes at [id]; [0] unused
  std::vector<MonitoredSubject> subjects;
};

// A batch's body as the store keeps it, made before its transaction (prepare_batch_body).
struct PreparedBatchBody {
  std::string frame;        // one zstd frame of the body's text: its screenings' lines
  std::string text_sha256;  // the SHA-256 of that text, lower-case hex
  size_t lines = 0;         // the screenings it was made of
};

// The screenings of one chunk of a batch (`screen --input --record`): no subject, so no alert.
// Kept together: one row and one audit entry for the chunk, the entry holding the SHA-256 of every
// screening in it, so that `audit verify` finds one edited or removed.
struct ScreeningBatch {
  std::string actor;
  double threshold = 0.8;
  std::string snapshot_id;
  std::string matcher;
  // One per screening, in order: a JSON object on one line with the screening's "query" and "hits"
  // (as the API writes them), a final line break allowed; the batch output's rows
  // (batch_row_to_json) also carry the row's "id", which goes with the query when the screening is
  // read back. Views: the caller keeps the texts while the batch is recorded.
  std::vector<std::string_view> screenings;
  // The body made already from `screenings` (prepare_batch_body, screening_batch.h), so that the
  // store's transaction only writes it; none: the store makes it. A body of another number of
  // screenings is refused.
  std::optional<PreparedBatchBody> body;
  // What the batch is in the run that made it (its run and first row): a batch given again under
  // a key the store holds is the same batch (a resumed run giving again the chunk in flight when
  // it stopped), recorded once. Empty: every batch is new.
  std::string key;
};

// The ids a batch's screenings were given: first, first + 1, … last.
struct BatchIds {
  int64_t first = 0;
  int64_t last = 0;
};

// A screening as the store keeps it.
struct StoredScreening {
  int64_t id = 0;
  std::optional<std::string> subject_id;
  std::string actor;
  std::string at;
  nlohmann::ordered_json query;
  double threshold = 0;
  std::string snapshot_id;
  std::string matcher;
  nlohmann::ordered_json hits;  // as the API writes them
};

// awaiting_confirmation: a false positive decided under four-eyes, until a second reviewer
// confirms it.
enum class AlertStatus { open, escalated, awaiting_confirmation, closed };
const char* to_string(AlertStatus status);
std::optional<AlertStatus> alert_status_from(const std::string& text);

struct Alert {
  int64_t id = 0;
  std::string subject_id;
  std::string party_id;
  std::string party_name;
  AlertStatus status = AlertStatus::open;
  // When closed: true_match, false_positive, delisted, subject_removed, subject_changed.
  std::string resolution;
  double score = 0;
  int64_t screening_id = 0;  // the screening that last raised it
  std::string snapshot_id;
  std::string opened_at;
  std::string updated_at;
};

struct Decision {
  int64_t alert_id = 0;
  std::string decision;  // true_match, false_positive, escalate, confirm (four-eyes)
  std::string reason;
  std::string reviewer;
  std::string at;
};

struct AuditEntry {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;  // subject.added, alert.opened, decision, …
  std::string object;  // "subject:ID", "alert:N", "screening:N", "snapshot:ID"
  nlohmann::ordered_json detail;
  std::string prev_hash;
  std::string hash;
};

// A change others may want to hear of (an alert opened, reopened, decided or closed; a monitoring
// run), queued in the store's outbox in the transaction that made it. Read by polling, or pushed
// to a webhook (store/webhook.h), which records each attempt here.
struct Notification {
  int64_t id = 0;
  std::string at;
  std::string event;  // the audit action: alert.opened, alert.reopened, alert.decided, …
  nlohmann::ordered_json payload;
  int attempts = 0;             // deliveries tried
  std::string next_attempt_at;  // when a failed delivery is tried again
  std::string delivered_at;     // empty until delivered
  std::string last_error;
};

// What recording a screening did to the alerts.
struct RecordOutcome {
  // 0 when nothing was recorded: the subject was removed while it was being screened.
  int64_t screening_id = 0;
  std::vector<int64_t> opened;      // new alerts
  std::vector<int64_t> reopened;    // closed alerts (false positive, delisted…) raised again
  std::vector<int64_t> suppressed;  // false positives whose subject and party have not changed
};

struct AlertFilter {
  std::optional<AlertStatus> status;
  std::string subject_id;
  std::string party_id;
  int64_t after_id = 0;  // paging: alerts with a larger id
  size_t limit = 100;
};

struct AuditVerdict {
  bool intact = true;
  int64_t entries = 0;
  int64_t first_bad = 0;  // seq of the first entry that does not verify
  std::string problem;
};

class CaseStore {
 public:
  virtual ~CaseStore() = default;
  // Adds or updates a subject; `changed` says whether anything screening reads changed.
  virtual Result<bool> put_subject(const Subject& subject, const std::string& actor) = 0;
  // Many at once (a subjects file): a transaction per thousand, not per subject. Whether each
  // was new or changed, in order; on an error, the chunks before it are kept.
  virtual Result<std::vector<bool>> put_subjects(const std::vector<Subject>& subjects,
                                                 const std::string& actor) = 0;
  // Removes the subject and closes its open alerts (resolution subject_removed).
  virtual Status remove_subject(const std::string& id, const std::string& actor) = 0;
  virtual Result<std::optional<Subject>> subject(const std::string& id) = 0;
  virtual Result<std::vector<Subject>> subjects() = 0;
  // A page of them by id: at most `limit` after the id `after` ("" for the first page).
  virtual Result<std::vector<Subject>> subjects_after(const std::string& after, size_t limit) = 0;
  // These subjects (those that exist), in the order asked.
  virtual Result<std::vector<Subject>> subjects(const std::vector<std::string>& ids) = 0;
  // Every subject with its near score and words, and the words' vocabulary: one read of a narrow
  // table, not of the subjects' rows.
  virtual Result<MonitoredSubjects> monitored_subjects() = 0;
  // The matcher (its build key) that derived the words kept; "" when none are.
  virtual Result<std::string> words_matcher() = 0;
  // Forgets every subject's words: another matcher derives them from now on.
  virtual Status reset_words(const std::string& matcher) = 0;
  // Keeps these subjects' words (those with a near score: the words go with it).
  virtual Status keep_words(const std::vector<std::pair<std::string, SubjectWords>>& words) = 0;
  // Records the screening and, when it screened a subject, opens, updates, reopens or suppresses
  // the subject × party alerts of its hits at or above its threshold.
  virtual Result<RecordOutcome> record_screening(const ScreeningRecord& screening) = 0;
  // Many screenings in one transaction (a monitoring run records a thousand at a time): all of
  // them or, on an error, none.
  virtual Result<std::vector<RecordOutcome>> record_screenings(
      const std::vector<ScreeningRecord>& screenings) = 0;
  // A batch's screenings in one transaction; their ids follow those recorded before.
  virtual Result<BatchIds> record_batch(const ScreeningBatch& batch) = 0;
  // Closes the open alerts whose party is not among `live_parties` (resolution "delisted").
  virtual Result<std::vector<int64_t>> close_delisted(const std::vector<std::string>& live_parties,
                                                      const std::string& snapshot_id,
                                                      const std::string& actor) = 0;
  virtual Result<std::vector<Alert>> alerts(const AlertFilter& filter) = 0;
  virtual Result<std::optional<Alert>> alert(int64_t id) = 0;
  virtual Result<std::optional<StoredScreening>> screening(int64_t id) = 0;
  virtual Result<std::vector<Decision>> decisions(int64_t alert_id) = 0;
  // A reviewer's decision: true_match and false_positive close the alert, escalate marks it.
  // Under four-eyes a false positive waits for a second reviewer's `confirm`. Refused
  // (invalid_argument) without a reason or reviewer, on an unknown or closed alert, and for a
  // confirmation by the reviewer who decided.
  virtual Status decide(const Decision& decision) = 0;
  // Four-eyes: a false positive closes only once a second reviewer confirms it.
  virtual Status set_four_eyes(bool on, const std::string& actor) = 0;
  virtual Result<bool> four_eyes() = 0;
  virtual Result<std::vector<AuditEntry>> audit(const std::string& object, size_t limit) = 0;
  virtual Result<AuditVerdict> verify_audit() = 0;
  virtual Status note_import(const std::string& snapshot_id, const std::string& actor) = 0;
  // A monitoring run: every subject now stands screened against `snapshot_id` with the matcher
  // `matcher` (what the next run's delta starts from); `summary` goes into the audit trail.
  virtual Status note_monitor_run(const std::string& snapshot_id, const std::string& matcher,
                                  const nlohmann::ordered_json& summary,
                                  const std::string& actor) = 0;
  // How far scores may have moved since the first monitoring run through the reweighting of words
  // that delta runs did not re-screen for (store/monitor.cpp): 0 until a delta run sets it.
  virtual Result<double> monitor_drift() = 0;
  virtual Status set_monitor_drift(double drift) = 0;
  // Raises the near score of these subjects (those that have one) by these amounts.
  virtual Status raise_near_scores(const std::vector<std::pair<std::string, double>>& by) = 0;
  // Raises the near score of every subject holding one of these words (MonitoredSubjects'
  // vocabulary forms) by the amount given for the word, a subject holding several by their sum:
  // kept once for the word. Words the store does not hold are passed by.
  virtual Status raise_word_drifts(const std::vector<std::pair<std::string, double>>& by) = 0;
  // Keeps these near scores (ScreeningRecord::near_score: less the drift of their time) for these
  // subjects, as recording a screening of each would, without the screening: a delta monitoring
  // run's check of a subject that found nothing to raise. Subjects without one are passed by.
  virtual Status keep_near_scores(const std::vector<std::pair<std::string, double>>& near) = 0;
  // The snapshot and matcher of the last monitoring run (empty strings before the first).
  virtual Result<std::pair<std::string, std::string>> last_monitor_run() = 0;
  // The outbox, oldest first, after `after_id`; with `pending`, only those not delivered whose
  // next attempt is due by `due` (ISO time; empty = any).
  virtual Result<std::vector<Notification>> notifications(int64_t after_id, size_t limit,
                                                          bool pending,
                                                          const std::string& due = "") = 0;
  // One delivery attempt: delivered, or failed with `error` and tried again from `retry_at`.
  virtual Status record_delivery(int64_t id, bool delivered, const std::string& error,
                                 const std::string& retry_at) = 0;
};

// The embedded store, DATA_DIR/cases.db (created on first use).
Result<std::unique_ptr<CaseStore>> open_case_store(const std::string& data_dir);

// The name of the OS user running the process ("unknown" if it has none).
std::string os_user();

}  // namespace clearance
