// The case store: subjects screened into alerts, decisions with their reasons, false positives
// held until the subject or the party changes, delisted parties' alerts closed, and an audit
// chain that finds an edited, removed, reordered or cut-off entry.
#include "clearance/store/case_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <thread>

#include "clearance/batch/batch_runner.h"
#include "clearance/lists/importer.h"
#include "clearance/match/name_index_file.h"
#include "clearance/store/case_file.h"
#include "clearance/store/monitor.h"
#include "clearance/store/screening_batch.h"
#include "clearance/store/sqlite_db.h"
#include "clearance/store/subjects_file.h"
#include "clearance/util/compression.h"
#include "clearance/util/sha256.h"
#include "test_support.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

void sql(const std::string& db_path, const std::string& statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// Rewrites the body of the batch that begins at `first_id` as `edit` makes it from the text its
// screenings were recorded as; kept zstd-compressed, or plain (as a store made before batches were
// compressed kept it) when `plain`.
void rewrite_batch(const std::string& db_path, int64_t first_id,
                   const std::function<std::string(std::string)>& edit, bool plain) {
  auto db = SqliteDb::open(db_path);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto q = db.value()->prepare("SELECT body, encoding FROM screening_batches WHERE first_id = ?");
  q.bind(1, first_id);
  ASSERT_TRUE(q.step());
  const std::string stored(q.bytes(0)), encoding = q.text(1);
  q.reset();
  auto text = encoding == "zstd" ? zstd_decompress(stored, 1 << 30) : Result<std::string>(stored);
  ASSERT_TRUE(text.ok()) << text.error().message;
  const std::string edited = edit(text.value());
  auto update =
      db.value()->prepare("UPDATE screening_batches SET body = ?, encoding = ? WHERE first_id = ?");
  if (plain)
    update.bind(1, std::string_view(edited)).bind(2, std::string_view(""));
  else
    update.bind_blob(1, zstd_compress(edited)).bind(2, std::string_view("zstd"));
  update.bind(3, first_id).run();
}

// The size a batch's body takes in the store, and the size of its text.
std::pair<int64_t, int64_t> batch_sizes(const std::string& db_path, int64_t first_id) {
  auto db = SqliteDb::open(db_path);
  EXPECT_TRUE(db.ok());
  auto q = db.value()->prepare(
      "SELECT length(CAST(body AS BLOB)), encoding, body FROM screening_batches WHERE first_id = "
      "?");
  q.bind(1, first_id);
  EXPECT_TRUE(q.step());
  const int64_t stored = q.integer(0);
  const std::string encoding = q.text(1), body(q.bytes(2));
  q.reset();
  if (encoding != "zstd") return {stored, stored};
  auto text = zstd_decompress(body, 1 << 30);
  EXPECT_TRUE(text.ok());
  return {stored, static_cast<int64_t>(text.ok() ? text->size() : 0)};
}

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SnapshotStore snapshots(data_);
    auto report = import_lists(snapshots, {test::fixture("lists/csl_small.csv")}, {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    auto engine = load_screening_engine(snapshots, "current", 1);
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(engine.value());
    auto store = open_case_store(data_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store.value());
    options_.actor = "analyst";
  }

  Subject subject(const std::string& id, const std::string& name, const std::string& country = "") {
    Subject s;
    s.id = id;
    s.name = name;
    s.country = country;
    return s;
  }
  MonitorReport screen(const std::vector<Subject>& subjects) {
    auto r = screen_subjects(*store_, *engine_, subjects, options_);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r.value() : MonitorReport{};
  }
  std::vector<Alert> alerts(std::optional<AlertStatus> status = std::nullopt) {
    AlertFilter f;
    f.status = status;
    auto a = store_->alerts(f);
    EXPECT_TRUE(a.ok());
    return a.ok() ? a.value() : std::vector<Alert>{};
  }
  std::string db_path() const { return data_ + "/cases.db"; }

  test::TempDir dir_;
  std::string data_ = dir_ / "data";
  std::unique_ptr<ScreeningEngine> engine_;
  std::unique_ptr<CaseStore> store_;
  MonitorOptions options_;
};

TEST_F(CaseStoreTest, ASubjectThatMatchesOpensOneAlertAndScreeningAgainOpensNoOther) {
  const Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").value());
  const MonitorReport first = screen({s});
  ASSERT_EQ(first.opened.size(), 1u);
  const MonitorReport again = screen({s});
  EXPECT_TRUE(again.opened.empty());
  EXPECT_TRUE(again.reopened.empty());
  const auto open = alerts(AlertStatus::open);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].subject_id, "C-1");
  EXPECT_EQ(open[0].party_name, "Example Microelectronics Co.");
  EXPECT_GE(open[0].score, 0.8);
  // A subject that matches nothing opens nothing; both screenings are recorded.
  const Subject clean = subject("C-2", "Entirely Unrelated Bakery GmbH");
  ASSERT_TRUE(store_->put_subject(clean, "analyst").ok());
  EXPECT_TRUE(screen({clean}).opened.empty());
  EXPECT_EQ(alerts().size(), 1u);
  auto trail = store_->audit("", 100);
  ASSERT_TRUE(trail.ok());
  size_t recorded = 0;
  for (const auto& e : trail.value()) recorded += e.action == "screening.recorded";
  EXPECT_EQ(recorded, 3u);
}

TEST_F(CaseStoreTest, ACaseFileHoldsTheAlertsWholeStoryAndItsPageEscapesWhatItQuotes) {
  const Subject s = subject("C-<1>", "Example <Microelectronics> & Co", "CN");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  const MonitorReport r = screen({s});
  ASSERT_EQ(r.opened.size(), 1u);
  Decision d;
  d.alert_id = r.opened[0];
  d.decision = "escalate";
  d.reason = "ask <legal> & compliance";
  d.reviewer = "ann";
  ASSERT_TRUE(store_->decide(d).ok());
  SnapshotStore snapshots(data_);
  auto file = alert_case_file(*store_, r.opened[0], &snapshots, "clearance test");
  ASSERT_TRUE(file.ok()) << file.error().message;
  const auto& f = file.value();
  EXPECT_EQ(f["subject"]["name"], "Example <Microelectronics> & Co");
  EXPECT_EQ(f["party"]["name"], "Example Microelectronics Co.");
  EXPECT_EQ(f["screening"]["hit"]["party_id"], f["party"]["id"]);
  EXPECT_FALSE(f["screening"]["hit"]["listings"].empty());
  EXPECT_EQ(f["lists"]["sources"][0]["dataset"], "us_csl");
  ASSERT_EQ(f["decisions"].size(), 1u);
  EXPECT_EQ(f["decisions"][0]["reason"], "ask <legal> & compliance");
  EXPECT_EQ(f["audit_chain"]["intact"], true);
  std::set<std::string> actions;
  for (const auto& e : f["audit"]) actions.insert(e["action"].get<std::string>());
  for (const char* a : {"subject.added", "screening.recorded", "alert.opened", "alert.decided"})
    EXPECT_TRUE(actions.count(a)) << a;
  const std::string html = case_file_html(f);
  EXPECT_NE(html.find("Example &lt;Microelectronics&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(html.find("ask &lt;legal&gt; &amp; compliance"), std::string::npos);
  EXPECT_EQ(html.find("<Microelectronics>"), std::string::npos);
  EXPECT_EQ(html.find("<legal>"), std::string::npos);
  EXPECT_EQ(alert_case_file(*store_, 9999, &snapshots, "x").error().code, ErrorCode::not_found);
}

TEST_F(CaseStoreTest, AnAdHocScreeningIsRecordedWithItsHitsButOpensNoAlert) {
  // `screen --record`: no subject, so nothing to alert on; the screening and its hits are kept.
  ScreenSession session;
  ScreenQuery query;
  query.name = "Example Microelectronics Company";
  const ScreenResult result = engine_->screener->screen(query, {}, session);
  ASSERT_FALSE(result.hits.empty());
  const ScreeningRecord record = make_screening_record(*engine_, query, result, 0.8f, "alice");
  EXPECT_EQ(record.snapshot_id, engine_->snapshot->id);
  EXPECT_FALSE(record.matcher.empty());
  EXPECT_EQ(record.hits[0].party_name, "Example Microelectronics Co.");
  EXPECT_TRUE(record.hits[0].detail.contains("explanation"));
  auto outcome = store_->record_screening(record);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->opened.empty());
  EXPECT_TRUE(alerts().empty());
  auto trail = store_->audit("screening:" + std::to_string(outcome->screening_id), 10);
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ(trail->at(0).actor, "alice");
  EXPECT_EQ(trail->at(0).detail["hits"], result.hits.size());
}

TEST_F(CaseStoreTest, AFalsePositiveHoldsUntilTheSubjectChanges) {
  Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  ASSERT_TRUE(store_->decide({id, "false_positive", "a bakery in Ohio", "reviewer-1", ""}).ok());
  EXPECT_EQ(alerts(AlertStatus::open).size(), 0u);
  // Screened again, unchanged: held.
  const MonitorReport held = screen({s});
  EXPECT_EQ(held.suppressed, std::vector<int64_t>{id});
  EXPECT_TRUE(held.reopened.empty());
  // The same data put again is no change.
  EXPECT_FALSE(store_->put_subject(s, "analyst").value());
  // A changed subject reopens it, saying what changed.
  s.country = "CN";
  EXPECT_TRUE(store_->put_subject(s, "analyst").value());
  const MonitorReport reopened = screen({s});
  EXPECT_EQ(reopened.reopened, std::vector<int64_t>{id});
  const auto a = store_->alert(id);
  ASSERT_TRUE(a.ok() && a.value());
  EXPECT_EQ(a.value()->status, AlertStatus::open);
  auto trail = store_->audit("alert:" + std::to_string(id), 100);
  ASSERT_TRUE(trail.ok());
  ASSERT_FALSE(trail->empty());
  EXPECT_EQ(trail->back().action, "alert.reopened");
  EXPECT_EQ(trail->back().detail["changed"][0], "subject");
  auto decisions = store_->decisions(id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ(decisions->at(0).reason, "a bakery in Ohio");
  EXPECT_EQ(decisions->at(0).reviewer, "reviewer-1");
}

TEST_F(CaseStoreTest, BadDecisionsAreRefusedWithAReason) {
  const Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  auto no_reason = store_->decide({id, "false_positive", "  ", "reviewer-1", ""});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(no_reason.error().message.find("reason"), std::string::npos);
  auto no_reviewer = store_->decide({id, "true_match", "same address", "", ""});
  ASSERT_FALSE(no_reviewer.ok());
  auto unknown = store_->decide({id + 100, "true_match", "x", "reviewer-1", ""});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  auto kind = store_->decide({id, "maybe", "x", "reviewer-1", ""});
  ASSERT_FALSE(kind.ok());
  // A reason of megabytes, or a reviewer's name of kilobytes, is no note for the trail.
  auto long_reason =
      store_->decide({id, "false_positive", std::string(3 << 20, 'r'), "reviewer-1", ""});
  ASSERT_FALSE(long_reason.ok());
  EXPECT_NE(long_reason.error().message.find("reason"), std::string::npos);
  ASSERT_FALSE(store_->decide({id, "false_positive", "x", std::string(5000, 'v'), ""}).ok());
  ASSERT_TRUE(store_->decide({id, "escalate", "needs the sales file", "reviewer-1", ""}).ok());
  EXPECT_EQ(alerts(AlertStatus::escalated).size(), 1u);
  ASSERT_TRUE(store_->decide({id, "true_match", "same address", "reviewer-2", ""}).ok());
  auto closed = store_->decide({id, "false_positive", "changed my mind", "reviewer-1", ""});
  ASSERT_FALSE(closed.ok());
  EXPECT_NE(closed.error().message.find("closed"), std::string::npos);
  // A true match stays decided when screened again.
  const MonitorReport again = screen({s});
  EXPECT_TRUE(again.opened.empty() && again.reopened.empty());
  EXPECT_FALSE(store_->remove_subject("no-such", "analyst").ok());
}

TEST_F(CaseStoreTest, UnderFourEyesAFalsePositiveWaitsForASecondReviewer) {
  const Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  EXPECT_FALSE(store_->four_eyes().value());
  ASSERT_TRUE(store_->set_four_eyes(true, "admin").ok());
  EXPECT_TRUE(store_->four_eyes().value());
  EXPECT_FALSE(store_->decide({id, "confirm", "ok", "ann", ""}).ok());  // nothing to confirm
  ASSERT_TRUE(store_->decide({id, "false_positive", "a bakery", "ann", ""}).ok());
  EXPECT_EQ(alerts(AlertStatus::awaiting_confirmation).size(), 1u);
  // Still not closed: screened again, it is neither reopened nor held.
  const MonitorReport waiting = screen({s});
  EXPECT_TRUE(waiting.opened.empty() && waiting.reopened.empty() && waiting.suppressed.empty());
  auto self = store_->decide({id, "confirm", "I agree with me", "ann", ""});
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.error().message.find("second reviewer"), std::string::npos);
  ASSERT_TRUE(store_->decide({id, "confirm", "checked the address", "bob", ""}).ok());
  const auto closed = store_->alert(id).value();
  EXPECT_EQ(closed->status, AlertStatus::closed);
  EXPECT_EQ(closed->resolution, "false_positive");
  EXPECT_EQ(screen({s}).suppressed, std::vector<int64_t>{id});
}

// The trail is the record of every change: the tables it describes, edited beside it (a decision
// turned into a false positive, an alert closed, a screening's hits emptied, a subject renamed or
// removed), no longer agree with it — verify names the object and the entry that disagrees.
TEST_F(CaseStoreTest, TheStateEditedBesideTheTrailIsFoundByVerify) {
  const Subject c1 = subject("C-1", "Example Microelectronics Company");
  const Subject c2 = subject("C-2", "Quiet Bakery GmbH");
  ASSERT_TRUE(store_->put_subjects({c1, c2}, "analyst").ok());
  ASSERT_EQ(screen({c1, c2}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  ASSERT_TRUE(store_->decide({id, "true_match", "confirmed by KYC", "ann", ""}).ok());
  ASSERT_TRUE(store_->verify_audit()->intact);
  store_.reset();
  const std::string copy = dir_ / "cases-state.db";
  fs::copy_file(db_path(), copy);
  auto verdict_after = [&](const std::string& statement) {
    fs::remove(db_path());
    fs::copy_file(copy, db_path());
    if (!statement.empty()) sql(db_path(), statement);
    auto store = open_case_store(data_);
    EXPECT_TRUE(store.ok());
    auto v = store.value()->verify_audit();
    EXPECT_TRUE(v.ok());
    return v.value();
  };
  EXPECT_TRUE(verdict_after("").intact) << verdict_after("").problem;
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"UPDATE decisions SET decision = 'false_positive', reason = 'not him'", "decision"},
      {"UPDATE alerts SET resolution = 'false_positive'", "alert"},
      {"UPDATE alerts SET status = 'open', resolution = ''", "alert"},
      {"DELETE FROM decisions", "decision"},
      {"DELETE FROM alerts", "alert"},
      {"UPDATE screenings SET hits = '[]' WHERE subject_id = 'C-1'", "screening"},
      {"DELETE FROM screenings WHERE subject_id = 'C-2'", "screening"},
      {"UPDATE subjects SET name = 'Another Name' WHERE id = 'C-2'", "subject"},
      {"DELETE FROM subjects WHERE id = 'C-2'", "subject"},
  };
  for (const auto& [edit, named] : edits) {
    const AuditVerdict v = verdict_after(edit);
    EXPECT_FALSE(v.intact) << edit;
    EXPECT_GT(v.first_bad, 0) << edit;
    EXPECT_NE(v.problem.find(named), std::string::npos) << edit << ": " << v.problem;
  }
}

// An alert raised on what a subject used to be: once the subject is changed and screened again
// without meeting that party, the alert closes, saying why; while it is unchanged it stays.
TEST_F(CaseStoreTest, AnAlertOnWhatASubjectNoLongerIsClosesWhenItIsScreenedAgain) {
  Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  options_.threshold = 0.99f;  // the same subject, screened stricter: its alert stays open
  screen({s});
  options_.threshold = 0.8f;
  EXPECT_EQ(store_->alert(id).value()->status, AlertStatus::open);
  s.name = "Quiet Bakery GmbH";  // the record corrected
  ASSERT_TRUE(store_->put_subject(s, "analyst").value());
  screen({s});
  const auto closed = store_->alert(id).value();
  EXPECT_EQ(closed->status, AlertStatus::closed);
  EXPECT_EQ(closed->resolution, "subject_changed");
  EXPECT_TRUE(store_->verify_audit()->intact) << store_->verify_audit()->problem;
}

// A subject removed while it was being screened (the API's DELETE during a monitoring run): its
// screening is moot, not an error that stops the run — the rest is recorded.
TEST_F(CaseStoreTest, ASubjectRemovedWhileItWasScreenedIsPassedBy) {
  const Subject c1 = subject("C-1", "Example Microelectronics Company");
  const Subject c2 = subject("C-2", "Example Microelectronics Co.");
  ASSERT_TRUE(store_->put_subjects({c1, c2}, "analyst").ok());
  ScreenSession session;
  std::vector<ScreeningRecord> records;
  for (const Subject& s : {c1, c2}) {
    const ScreenQuery q = subject_query(s);
    ScreeningRecord r = make_screening_record(
        *engine_, q, engine_->screener->screen(q, {}, session), 0.8f, "analyst");
    r.subject_id = s.id;
    r.near_score = 0.5;
    records.push_back(std::move(r));
  }
  ASSERT_TRUE(store_->remove_subject("C-1", "someone").ok());
  auto outcomes = store_->record_screenings(records);
  ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
  ASSERT_EQ(alerts().size(), 1u);
  EXPECT_EQ(alerts()[0].subject_id, "C-2");
  EXPECT_TRUE(store_->verify_audit()->intact) << store_->verify_audit()->problem;
}

TEST_F(CaseStoreTest, AlertsOfPartiesNoLongerListedCloseAsDelisted) {
  const Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  auto closed = store_->close_delisted({"P-some-other"}, "snap", "monitor");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->size(), 1u);
  const auto all = alerts();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, AlertStatus::closed);
  EXPECT_EQ(all[0].resolution, "delisted");
  // Listed again: reopened.
  EXPECT_EQ(screen({s}).reopened.size(), 1u);
  // The whole run keeps it open (its party is in the snapshot).
  auto run = run_monitor(*store_, *engine_, options_);
  ASSERT_TRUE(run.ok());
  EXPECT_TRUE(run->delisted.empty());
  // Removing the subject closes its alerts.
  ASSERT_TRUE(store_->remove_subject("C-1", "analyst").ok());
  EXPECT_EQ(alerts(AlertStatus::open).size(), 0u);
  EXPECT_EQ(alerts()[0].resolution, "subject_removed");
}

TEST_F(CaseStoreTest, ASubjectsNearScoreIsKeptUntilItChangesAndRaisedOnDemand) {
  Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  EXPECT_FALSE(store_->subject("C-1").value()->near_score.has_value());  // never screened
  screen({s});
  const auto near = store_->subject("C-1").value()->near_score;
  ASSERT_TRUE(near.has_value());
  EXPECT_LT(*near, options_.threshold);
  EXPECT_GT(*near, 0.0);
  // Put again unchanged (a subjects file loaded twice): kept. Raised: by that much.
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  EXPECT_DOUBLE_EQ(*store_->subject("C-1").value()->near_score, *near);
  ASSERT_TRUE(store_->raise_near_scores({{"C-1", 0.01}, {"nobody", 0.5}}).ok());
  EXPECT_NEAR(*store_->subject("C-1").value()->near_score, *near + 0.01, 1e-9);
  // Changed: not known until screened again.
  s.country = "CN";
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  EXPECT_FALSE(store_->subject("C-1").value()->near_score.has_value());
  // The drift is kept; a screening keeps its near score less the drift of its time.
  EXPECT_DOUBLE_EQ(store_->monitor_drift().value(), 0.0);
  ASSERT_TRUE(store_->set_monitor_drift(0.004).ok());
  EXPECT_DOUBLE_EQ(store_->monitor_drift().value(), 0.004);
  screen({s});
  EXPECT_NEAR(*store_->subject("C-1").value()->near_score, *near - 0.004, 0.05);
}

// A subject's words (what a delta monitoring run reads instead of its name) are kept with its near
// score, each word once in the store's vocabulary, and forgotten with it when the subject changes.
TEST_F(CaseStoreTest, ASubjectsWordsAreKeptWithItsNearScoreUntilItChanges) {
  Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  EXPECT_FALSE(store_->subject("C-1").value()->words_known);
  screen({s});
  EXPECT_TRUE(store_->subject("C-1").value()->words_known);
  EXPECT_EQ(store_->words_matcher().value(), index_build_key());
  const MonitoredSubjects first = store_->monitored_subjects().value();
  ASSERT_EQ(first.subjects.size(), 1u);
  ASSERT_TRUE(first.subjects[0].near_score.has_value());
  const std::string words = first.subjects[0].words;
  ASSERT_FALSE(words.empty());
  // Three words, one reading: flags, three ids, the reading's end.
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words.back(), '\0');
  for (size_t k = 1; k < 4; ++k) {
    const auto id = static_cast<size_t>(static_cast<uint8_t>(words[k]));
    ASSERT_LT(id, first.vocabulary.size());
    EXPECT_FALSE(first.vocabulary[id].empty());
  }
  // Screened again: the same words, no word added twice.
  Subject other = subject("C-2", "Example Company");
  ASSERT_TRUE(store_->put_subject(other, "analyst").ok());
  screen({s, other});
  const MonitoredSubjects second = store_->monitored_subjects().value();
  EXPECT_EQ(second.subjects[0].words, words);
  EXPECT_EQ(second.vocabulary.size(), first.vocabulary.size());
  // Changed: forgotten until screened again.
  s.name = "Example Micro Electronics Co";
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  EXPECT_FALSE(store_->subject("C-1").value()->words_known);
  EXPECT_TRUE(store_->monitored_subjects().value().subjects[0].words.empty());
  // Another matcher's words are forgotten at once; kept again as given.
  ASSERT_TRUE(store_->reset_words("another matcher").ok());
  EXPECT_EQ(store_->words_matcher().value(), "another matcher");
  EXPECT_TRUE(store_->monitored_subjects().value().subjects[1].words.empty());
  SubjectWords kept;
  kept.flags = 3;
  kept.readings = {{"a", "b"}, {"c"}};
  ASSERT_TRUE(store_->keep_words({{"C-2", kept}}).ok());
  const MonitoredSubjects third = store_->monitored_subjects().value();
  const std::string& blob = third.subjects[1].words;
  ASSERT_EQ(blob.size(), 6u);
  EXPECT_EQ(blob[0], 3);
  EXPECT_EQ(third.vocabulary[static_cast<uint8_t>(blob[1])], "a");
  EXPECT_EQ(third.vocabulary[static_cast<uint8_t>(blob[2])], "b");
  EXPECT_EQ(blob[3], 0);
  EXPECT_EQ(third.vocabulary[static_cast<uint8_t>(blob[4])], "c");
  EXPECT_EQ(blob[5], 0);
}

// A word whose weight moved (a delta monitoring run's finding) raises the near score of every
// subject holding it, kept once for the word instead of once for each subject; a screening keeps
// what it found, the word's drift not counted twice; forgetting the words keeps what they raised.
TEST_F(CaseStoreTest, AWordsDriftRaisesEverySubjectHoldingItOnce) {
  const std::vector<Subject> subjects = {subject("C-1", "Example Microelectronics Company"),
                                         subject("C-2", "Other Trading Company"),
                                         subject("C-3", "Example Microelectronics")};
  for (const Subject& s : subjects) ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  screen(subjects);
  const MonitoredSubjects first = store_->monitored_subjects().value();
  ASSERT_EQ(first.subjects.size(), 3u);
  std::vector<double> near;
  for (const MonitoredSubject& s : first.subjects) {
    ASSERT_TRUE(s.near_score.has_value()) << s.id;
    near.push_back(*s.near_score);
  }
  // The word C-1 and C-2 share and C-3 lacks: "company" as the words read it.
  std::string shared;
  for (char id : first.subjects[1].words.substr(1))
    if (id != 0 && first.subjects[0].words.find(id, 1) != std::string::npos &&
        first.subjects[2].words.find(id, 1) == std::string::npos)
      shared = first.vocabulary[static_cast<uint8_t>(id)];
  ASSERT_FALSE(shared.empty());

  ASSERT_TRUE(store_->raise_word_drifts({{shared, 0.01}, {"no such word", 0.5}}).ok());
  ASSERT_TRUE(store_->raise_word_drifts({{shared, 0.02}}).ok());
  const MonitoredSubjects raised = store_->monitored_subjects().value();
  EXPECT_NEAR(*raised.subjects[0].near_score, near[0] + 0.03, 1e-9);
  EXPECT_NEAR(*raised.subjects[1].near_score, near[1] + 0.03, 1e-9);
  EXPECT_NEAR(*raised.subjects[2].near_score, near[2], 1e-9);
  EXPECT_NEAR(*store_->subject("C-2").value()->near_score, near[1] + 0.03, 1e-9);
  EXPECT_EQ(raised.vocabulary, first.vocabulary);  // no word added

  // Screened again against the same lists: the near score it finds, not that plus the drift.
  screen({subjects[0]});
  EXPECT_NEAR(*store_->subject("C-1").value()->near_score, near[0], 1e-6);
  EXPECT_NEAR(*store_->subject("C-2").value()->near_score, near[1] + 0.03, 1e-9);
  // A near score kept without a screening (a delta run's check) reads as given, likewise.
  ASSERT_TRUE(store_->keep_near_scores({{"C-2", near[1] - 0.01}, {"nobody", 0.5}}).ok());
  EXPECT_NEAR(*store_->subject("C-2").value()->near_score, near[1] - 0.01, 1e-9);
  ASSERT_TRUE(store_->keep_near_scores({{"C-2", near[1] + 0.03}}).ok());

  // Another matcher's words: the drift its words carried stays in the near scores.
  ASSERT_TRUE(store_->reset_words("another matcher").ok());
  EXPECT_NEAR(*store_->subject("C-1").value()->near_score, near[0], 1e-6);
  EXPECT_NEAR(*store_->subject("C-2").value()->near_score, near[1] + 0.03, 1e-9);
  EXPECT_NEAR(*store_->subject("C-3").value()->near_score, near[2], 1e-9);
}

// A near score a delta run's check keeps (no screening recorded) holds on every path that reads
// it or moves it: read alone, with every subject, or among some; raised; raised through a word's
// drift; kept again; after the store is reopened — until a screening, a change of the subject or
// its removal replaces it, and a subject removed and added again has none.
TEST_F(CaseStoreTest, ANearScoreKeptByACheckHoldsOnEveryPathUntilAScreeningReplacesIt) {
  const std::vector<Subject> subjects = {subject("C-1", "Example Microelectronics Company"),
                                         subject("C-2", "Other Trading Company"),
                                         subject("C-3", "Example Microelectronics")};
  for (const Subject& s : subjects) ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  screen(subjects);
  std::vector<double> screened;
  for (const Subject& s : subjects) screened.push_back(*store_->subject(s.id).value()->near_score);
  auto read_everywhere = [&](const std::string& id) {
    std::vector<std::optional<double>> out = {store_->subject(id).value()->near_score};
    const std::vector<Subject> some = store_->subjects({id}).value();
    for (const Subject& s : some) out.push_back(s.near_score);
    const MonitoredSubjects every = store_->monitored_subjects().value();
    for (const MonitoredSubject& s : every.subjects)
      if (s.id == id) out.push_back(s.near_score);
    return out;
  };
  auto expect_everywhere = [&](const std::string& id, double near, const char* when) {
    const auto read = read_everywhere(id);
    ASSERT_EQ(read.size(), 3u) << when;
    for (const auto& r : read) {
      ASSERT_TRUE(r.has_value()) << when;
      EXPECT_NEAR(*r, near, 1e-9) << when;
    }
  };

  ASSERT_TRUE(store_->keep_near_scores({{"C-1", 0.61}, {"C-3", 0.42}, {"nobody", 0.5}}).ok());
  expect_everywhere("C-1", 0.61, "kept");
  expect_everywhere("C-2", screened[1], "another subject, not kept");
  expect_everywhere("C-3", 0.42, "kept");
  EXPECT_EQ(store_->monitored_subjects().value().subjects.size(), 3u);  // "nobody" is no subject
  ASSERT_TRUE(store_->raise_near_scores({{"C-1", 0.01}, {"C-2", 0.02}}).ok());
  expect_everywhere("C-1", 0.62, "kept, then raised");
  expect_everywhere("C-2", screened[1] + 0.02, "raised");
  ASSERT_TRUE(store_->keep_near_scores({{"C-1", 0.6}}).ok());
  expect_everywhere("C-1", 0.6, "kept again");

  // A word C-1 holds and C-3 does not ("company"): its drift raises the kept score; a score kept
  // after it reads as given.
  const MonitoredSubjects monitored = store_->monitored_subjects().value();
  std::string word;
  for (char id : monitored.subjects[0].words.substr(1))
    if (id != 0 && monitored.subjects[2].words.find(id, 1) == std::string::npos)
      word = monitored.vocabulary[static_cast<uint8_t>(id)];
  ASSERT_FALSE(word.empty());
  ASSERT_TRUE(store_->raise_word_drifts({{word, 0.05}}).ok());
  expect_everywhere("C-1", 0.65, "kept, then its word's drift");
  expect_everywhere("C-3", 0.42, "kept, without the word");
  ASSERT_TRUE(store_->keep_near_scores({{"C-1", 0.63}}).ok());
  expect_everywhere("C-1", 0.63, "kept after the drift");

  store_.reset();
  store_ = open_case_store(data_).value();
  expect_everywhere("C-1", 0.63, "reopened");
  expect_everywhere("C-3", 0.42, "reopened");

  // Screened again: the screening's near score (its word's drift not counted twice).
  screen({subjects[0]});
  expect_everywhere("C-1", screened[0], "screened again");
  // Changed, then screened again: unknown until then.
  Subject changed = subjects[2];
  changed.country = "CN";
  ASSERT_TRUE(store_->put_subject(changed, "analyst").ok());
  EXPECT_FALSE(store_->subject("C-3").value()->near_score.has_value());
  screen({changed});
  ASSERT_TRUE(store_->subject("C-3").value()->near_score.has_value());
  // Kept, then removed and added again: none.
  ASSERT_TRUE(store_->keep_near_scores({{"C-2", 0.3}}).ok());
  ASSERT_TRUE(store_->remove_subject("C-2", "analyst").ok());
  ASSERT_TRUE(store_->put_subject(subjects[1], "analyst").ok());
  for (const auto& r : read_everywhere("C-2")) EXPECT_FALSE(r.has_value());
  // Kept, then another matcher's words: the score stays as it read.
  ASSERT_TRUE(store_->keep_near_scores({{"C-1", 0.55}}).ok());
  ASSERT_TRUE(store_->reset_words("another matcher").ok());
  expect_everywhere("C-1", 0.55, "kept, then the words reset");
}

TEST_F(CaseStoreTest, AStoreMadeBeforeNearScoresGainsThem) {
  ASSERT_TRUE(
      store_->put_subject(subject("C-1", "Example Microelectronics Company"), "analyst").ok());
  store_.reset();
  sql(db_path(), "DROP TABLE subject_near");  // as a store made before them
  auto reopened = open_case_store(data_);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto s = reopened.value()->subject("C-1");
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(s->has_value());
  EXPECT_FALSE(s.value()->near_score.has_value());
  auto screened = screen_subjects(*reopened.value(), *engine_, {**s}, options_);
  ASSERT_TRUE(screened.ok()) << screened.error().message;
  EXPECT_TRUE(reopened.value()->subject("C-1").value()->near_score.has_value());
}

// A batch recorded as `screen --input --record` records it: the screenings of a chunk kept
// together, each still read back by its own id, which follows the ids recorded before it.
class BatchRecords : public CaseStoreTest {
 protected:
  ScreeningBatch batch(const std::vector<std::string>& names) {
    ScreeningBatch b;
    b.actor = "batcher";
    b.threshold = 0.8;
    b.snapshot_id = engine_->snapshot->id;
    b.matcher = "matcher-key";
    ScreenSession session;
    for (size_t i = 0; i < names.size(); ++i) {
      ScreenQuery query;
      query.name = names[i];
      const ScreenResult result = engine_->screener->screen(query, {}, session);
      hits_.push_back(result.hits.size());
      BatchRow row;
      row.id = fmt::format("row-{}", i + 1);
      row.line = i + 2;
      row.query = query;
      texts_.push_back(
          batch_row_to_json(row, result, *engine_->screener, engine_->snapshot->id).dump());
      b.screenings.push_back(texts_.back());
    }
    return b;
  }
  int64_t single(const std::string& name) {
    ScreenSession session;
    ScreenQuery query;
    query.name = name;
    const ScreenResult result = engine_->screener->screen(query, {}, session);
    auto outcome =
        store_->record_screening(make_screening_record(*engine_, query, result, 0.8f, "alice"));
    EXPECT_TRUE(outcome.ok()) << outcome.error().message;
    return outcome.ok() ? outcome->screening_id : 0;
  }
  std::vector<size_t> hits_;
  std::deque<std::string> texts_;  // what the batches' screenings view
};

// A resumed batch gives again the chunk that was in flight when it stopped: kept under the
// same key, it is recorded once.
TEST_F(BatchRecords, AChunkGivenAgainUnderItsKeyIsRecordedOnce) {
  ScreeningBatch b = batch({"Example Microelectronics Company", "Quiet Bakery GmbH"});
  b.key = "run-1:2";
  auto first = store_->record_batch(b);
  ASSERT_TRUE(first.ok()) << first.error().message;
  const size_t entries = store_->verify_audit().value().entries;
  auto again = store_->record_batch(b);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->first, first->first);
  EXPECT_EQ(again->last, first->last);
  EXPECT_EQ(store_->verify_audit().value().entries, entries);  // no second audit entry
  // Another run's chunk of the same rows is another batch; so is one without a key.
  b.key = "run-2:2";
  auto other = store_->record_batch(b);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->first, first->last + 1);
  b.key.clear();
  EXPECT_EQ(store_->record_batch(b)->first, other->last + 1);
  EXPECT_TRUE(store_->verify_audit().value().intact);
}

TEST_F(BatchRecords, EachScreeningIsReadByItsIdAndTheBatchHasOneAuditEntry) {
  const int64_t before = single("Example Microelectronics Company");
  const std::vector<std::string> names = {"Nobody Special Widgets",
                                          "Example Microelectronics Company", "Quiet Bakery GmbH"};
  auto ids = store_->record_batch(batch(names));
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  EXPECT_EQ(ids->first, before + 1);
  EXPECT_EQ(ids->last, before + 3);
  const int64_t after = single("Another Name Entirely");
  EXPECT_EQ(after, ids->last + 1);
  for (int64_t id = ids->first; id <= ids->last; ++id) {
    auto got = store_->screening(id);
    ASSERT_TRUE(got.ok()) << got.error().message;
    ASSERT_TRUE(got->has_value()) << id;
    const StoredScreening& s = **got;
    const size_t k = static_cast<size_t>(id - ids->first);
    EXPECT_EQ(s.id, id);
    EXPECT_FALSE(s.subject_id.has_value());
    EXPECT_EQ(s.actor, "batcher");
    EXPECT_EQ(s.snapshot_id, engine_->snapshot->id);
    EXPECT_EQ(s.matcher, "matcher-key");
    EXPECT_DOUBLE_EQ(s.threshold, 0.8);
    EXPECT_FALSE(s.at.empty());
    EXPECT_EQ(s.query["name"], names[k]);
    EXPECT_EQ(s.query["id"], fmt::format("row-{}", k + 1));
    ASSERT_TRUE(s.hits.is_array());
    EXPECT_EQ(s.hits.size(), hits_[k]);
  }
  EXPECT_GT(hits_[1], 0u);
  EXPECT_EQ(store_->screening(ids->first + 1).value()->hits[0]["name"].is_string(), true);
  // Single screenings around it are read as before.
  EXPECT_EQ(store_->screening(before).value()->actor, "alice");
  EXPECT_EQ(store_->screening(after).value()->actor, "alice");
  EXPECT_FALSE(store_->screening(after + 1).value().has_value());
  EXPECT_TRUE(alerts().empty());  // no subject, no alert
  // One entry for the batch, found from any of its screenings.
  auto trail = store_->audit("", 100);
  ASSERT_TRUE(trail.ok());
  size_t batches = 0;
  for (const AuditEntry& e : trail.value())
    if (e.action == "screenings.recorded") {
      ++batches;
      EXPECT_EQ(e.actor, "batcher");
      EXPECT_EQ(e.detail["count"], 3);
      EXPECT_EQ(e.detail["first"], ids->first);
      EXPECT_EQ(e.detail["last"], ids->last);
      EXPECT_EQ(e.detail["snapshot"], engine_->snapshot->id);
      EXPECT_EQ(e.detail["sha256"].get<std::string>().size(), 64u);
    }
  EXPECT_EQ(batches, 1u);
  auto of_one = store_->audit(fmt::format("screening:{}", ids->first + 2), 10);
  ASSERT_TRUE(of_one.ok());
  ASSERT_EQ(of_one->size(), 1u);
  EXPECT_EQ(of_one->at(0).action, "screenings.recorded");
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
}

// A batch's screenings are kept zstd-compressed (JSON shrinks about 8:1, faster than the disk
// takes the text), read back as recorded, and verified against the digest of their text.
TEST_F(BatchRecords, ABatchIsKeptCompressedAndReadsBackAsRecorded) {
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i)
    names.push_back(i % 3 ? fmt::format("Counterparty Trading {} GmbH", i)
                          : "Example Microelectronics Company");
  ScreeningBatch b = batch(names);
  const std::vector<std::string> texts(b.screenings.begin(), b.screenings.end());
  auto ids = store_->record_batch(b);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  const auto [stored, text] = batch_sizes(db_path(), ids->first);
  EXPECT_LT(stored * 4, text) << stored << " bytes kept of " << text;
  for (int64_t k = 0; k < 300; k += 37) {
    auto s = store_->screening(ids->first + k);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_TRUE(s->has_value()) << k;
    const auto recorded = nlohmann::ordered_json::parse(texts[k]);
    EXPECT_EQ((*s)->query["name"], recorded["query"]["name"]);
    EXPECT_EQ((*s)->hits, recorded["hits"]);
  }
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
}

// A batch runner hands over rows written one after another into one text, each with its line
// break (CSV output), or lines of their own with theirs (JSON Lines output): kept and read back
// alike, one screening per row.
TEST_F(BatchRecords, RowsGivenInOneTextWithTheirLineBreaksAreKeptOneByOne) {
  const ScreeningBatch given = batch(
      {"Example Microelectronics Company", "Plain Name", "Second Batch Name", "Quiet Bakery GmbH"});
  std::string text;  // the runner's per-thread text: rows 0, 1 and 3 one after another
  std::vector<size_t> at;
  for (size_t k : {0, 1, 3}) {
    at.push_back(text.size());
    text.append(given.screenings[k]).append("\n");
  }
  const std::string apart = std::string(given.screenings[2]) + "\n";  // a line of its own
  ScreeningBatch b = given;
  b.screenings = {std::string_view(text).substr(at[0], at[1] - at[0]),
                  std::string_view(text).substr(at[1], at[2] - at[1]), apart,
                  std::string_view(text).substr(at[2])};
  auto ids = store_->record_batch(b);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  for (int64_t k = 0; k < 4; ++k) {
    auto s = store_->screening(ids->first + k);
    ASSERT_TRUE(s.ok() && s->has_value()) << k;
    EXPECT_EQ((*s)->query["name"],
              nlohmann::ordered_json::parse(given.screenings[k])["query"]["name"])
        << k;
  }
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
}

// A store written before a batch's entry kept the SHA-256 of its text apart (its digest is over
// the fields and the text itself): the store that version wrote for three rows (`screen --input
// --record` against lists/csl_small.csv, kept as SQL text).
std::string older_batch_store_sql() {
  std::ifstream in(test::fixture("store/batch_text_digest.sql"));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Its batch reads back, verifies against the digest of its text, and an edit of the text is
// still found.
TEST_F(BatchRecords, ABatchRecordedBeforeTheTextsDigestWasKeptApartStillVerifies) {
  store_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path() + suffix);
  sql(db_path(), older_batch_store_sql());
  const std::string copy = dir_ / "older.db";
  fs::copy_file(db_path(), copy);
  auto store = open_case_store(data_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto v = store.value()->verify_audit();
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->entries, 1u);
  auto s = store.value()->screening(2);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->query["name"], "Quiet Bakery GmbH");
  EXPECT_FALSE(store.value()->screening(1).value()->hits.empty());
  store.value().reset();
  rewrite_batch(
      db_path(), 1,
      [](std::string text) { return text.replace(text.find("Quiet Bakery"), 12, "Quiet Bakerx"); },
      false);
  v = open_case_store(data_).value()->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad, 1);
  // Kept plain, as a store made before batches were compressed kept it: read and verified alike.
  fs::remove(db_path());
  fs::copy_file(copy, db_path());
  rewrite_batch(
      db_path(), 1, [](std::string text) { return text; }, true);
  store = open_case_store(data_);
  ASSERT_TRUE(store.ok());
  s = store.value()->screening(3);
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(s->has_value());
  EXPECT_EQ((*s)->query["name"], "John Doe");
  v = store.value()->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
}

// A batch's body made before the store's transaction (prepare_batch_body: a batch run makes it
// beside the next chunk's screening) is kept as given. Its entry holds the SHA-256 of the text and
// a digest over it: the same text kept otherwise (plain, as an older store kept it) verifies
// alike; an edit of the text is found.
TEST_F(BatchRecords, ABodyMadeBeforehandIsKeptAsGivenAndItsDigestCoversTheText) {
  ScreeningBatch b =
      batch({"Example Microelectronics Company", "Quiet Bakery GmbH", "Nobody Special Widgets"});
  auto body = prepare_batch_body(b.screenings);
  ASSERT_TRUE(body.ok()) << body.error().message;
  std::string text;
  for (std::string_view s : b.screenings) text.append(s).append("\n");
  EXPECT_EQ(body->text_sha256, sha256_hex(text));
  EXPECT_EQ(zstd_decompress(body->frame, 1 << 20).value(), text);
  b.body = body.value();
  auto ids = store_->record_batch(b);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  for (int64_t k = 0; k < 3; ++k) {
    auto s = store_->screening(ids->first + k);
    ASSERT_TRUE(s.ok() && s->has_value()) << k;
    EXPECT_EQ((*s)->query["name"], nlohmann::ordered_json::parse(b.screenings[k])["query"]["name"]);
  }
  auto trail = store_->audit("", 10);
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ(trail->at(0).detail["text_sha256"], sha256_hex(text));
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
  {
    auto db = SqliteDb::open(db_path());
    ASSERT_TRUE(db.ok());
    auto q = db.value()->prepare("SELECT body FROM screening_batches WHERE first_id = ?");
    q.bind(1, ids->first);
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.bytes(0), body->frame);
  }
  store_.reset();
  const std::string copy = dir_ / "made.db";
  fs::copy_file(db_path(), copy);
  rewrite_batch(
      db_path(), ids->first, [](std::string text) { return text; }, true);
  v = open_case_store(data_).value()->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
  for (const bool plain : {false, true}) {
    fs::remove(db_path());
    fs::copy_file(copy, db_path());
    rewrite_batch(
        db_path(), ids->first,
        [](std::string text) { return text.replace(text.find("Quiet"), 5, "Quite"); }, plain);
    v = open_case_store(data_).value()->verify_audit();
    ASSERT_TRUE(v.ok());
    EXPECT_FALSE(v->intact) << plain;
    EXPECT_EQ(v->first_bad, trail->at(0).seq) << plain;
  }
}

TEST(BatchBody, EmptyBatchesAndScreeningsOverSeveralLinesAreRefused) {
  EXPECT_FALSE(prepare_batch_body({}).ok());
  EXPECT_FALSE(prepare_batch_body({"{\"query\":{}}", "{\"query\":\n{}}"}).ok());
  EXPECT_FALSE(prepare_batch_body({"{\"query\":{}}", ""}).ok());
  auto one = prepare_batch_body({"{\"query\":{}}\n"});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(zstd_decompress(one->frame, 1 << 20).value(), "{\"query\":{}}\n");
  EXPECT_EQ(one->text_sha256, sha256_hex("{\"query\":{}}\n"));
}

// A body made of other screenings than the batch's (a batch reused with its old body) is refused
// rather than recorded under the wrong ids.
TEST_F(BatchRecords, ABodyOfAnotherNumberOfScreeningsIsRefused) {
  ScreeningBatch b = batch({"Quiet Bakery GmbH", "Plain Name"});
  b.body = prepare_batch_body(b.screenings).value();
  ScreeningBatch fewer = b;
  fewer.screenings.pop_back();
  auto refused = store_->record_batch(fewer);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("made of 2 screenings"), std::string::npos);
  fewer.screenings.clear();
  EXPECT_FALSE(store_->record_batch(fewer).ok());
  EXPECT_TRUE(store_->audit("", 10)->empty());
  EXPECT_TRUE(store_->record_batch(b).ok());
}

TEST_F(BatchRecords, AnEmptyBatchIsRefusedAndRecordsNothing) {
  ScreeningBatch empty = batch({});
  auto ids = store_->record_batch(empty);
  EXPECT_FALSE(ids.ok());
  auto trail = store_->audit("", 100);
  ASSERT_TRUE(trail.ok());
  EXPECT_TRUE(trail->empty());
}

TEST_F(BatchRecords, AnEditedOrRemovedBatchIsFoundByVerify) {
  ASSERT_TRUE(store_->record_batch(batch({"Example Microelectronics Company", "Plain Name"})).ok());
  ASSERT_TRUE(store_->record_batch(batch({"Second Batch Name"})).ok());
  auto trail = store_->audit("", 100);
  ASSERT_TRUE(trail.ok());
  std::vector<int64_t> entries;  // the batches' entries, oldest first
  for (const AuditEntry& e : trail.value())
    if (e.action == "screenings.recorded") entries.push_back(e.seq);
  std::sort(entries.begin(), entries.end());
  ASSERT_EQ(entries.size(), 2u);
  store_.reset();
  const std::string copy = dir_ / "cases-copy.db";
  fs::copy_file(db_path(), copy);
  auto verdict = [&] {
    auto store = open_case_store(data_);
    EXPECT_TRUE(store.ok());
    auto v = store.value()->verify_audit();
    EXPECT_TRUE(v.ok());
    return v.value();
  };
  // A hit's name edited in the first batch, compressed again or kept plain: that batch's entry
  // is named.
  const int64_t first_batch = 1;
  for (const bool plain : {false, true}) {
    fs::remove(db_path());
    fs::copy_file(copy, db_path());
    rewrite_batch(
        db_path(), first_batch,
        [](std::string text) {
          const size_t at = text.find("Plain Name");
          return at == std::string::npos ? text : text.replace(at, 10, "Plain Nome");
        },
        plain);
    AuditVerdict v = verdict();
    EXPECT_FALSE(v.intact) << plain;
    EXPECT_EQ(v.first_bad, entries[0]) << plain;
    EXPECT_NE(v.problem.find("screenings"), std::string::npos) << v.problem;
  }
  // A byte of the compressed body changed: the frame no longer reads, or reads otherwise.
  fs::remove(db_path());
  fs::copy_file(copy, db_path());
  sql(db_path(),
      "UPDATE screening_batches SET body = substr(CAST(body AS BLOB), 1, 20) || x'00' || "
      "substr(CAST(body AS BLOB), 22) WHERE first_id = 1");
  AuditVerdict v = verdict();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, entries[0]);
  // The second batch removed.
  fs::remove(db_path());
  fs::copy_file(copy, db_path());
  sql(db_path(),
      "DELETE FROM screening_batches WHERE first_id = (SELECT max(first_id) FROM "
      "screening_batches)");
  v = verdict();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, entries[1]);
  // Its snapshot changed.
  fs::remove(db_path());
  fs::copy_file(copy, db_path());
  sql(db_path(), "UPDATE screening_batches SET snapshot_id = 'other'");
  v = verdict();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, entries[0]);
}

class AuditTampering : public CaseStoreTest {
 protected:
  void SetUp() override {
    CaseStoreTest::SetUp();
    const Subject s = subject("C-1", "Example Microelectronics Company");
    ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
    ASSERT_EQ(screen({s}).opened.size(), 1u);
    ASSERT_TRUE(store_->decide({alerts()[0].id, "escalate", "check", "reviewer-1", ""}).ok());
    auto v = store_->verify_audit();
    ASSERT_TRUE(v.ok());
    ASSERT_TRUE(v->intact) << v->problem;
    ASSERT_GE(v->entries, 4);
    entries_ = v->entries;
    store_.reset();  // closed before the file is edited behind its back
  }
  AuditVerdict verify() {
    auto store = open_case_store(data_);
    EXPECT_TRUE(store.ok());
    auto v = store.value()->verify_audit();
    EXPECT_TRUE(v.ok());
    return v.value();
  }
  int64_t entries_ = 0;
};

TEST_F(AuditTampering, AnEditedEntryIsFound) {
  sql(db_path(), "UPDATE audit SET actor = 'someone else' WHERE seq = 2");
  const AuditVerdict v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 2);
  EXPECT_NE(v.problem.find("edited"), std::string::npos) << v.problem;
}

TEST_F(AuditTampering, ADeletedEntryIsFound) {
  sql(db_path(), "DELETE FROM audit WHERE seq = 2");
  const AuditVerdict v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 3);
}

TEST_F(AuditTampering, ReorderedEntriesAreFound) {
  sql(db_path(),
      "UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; "
      "UPDATE audit SET seq = 3 WHERE seq = -1");
  const AuditVerdict v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad, 2);
}

TEST_F(AuditTampering, EntriesCutFromTheEndAreFound) {
  sql(db_path(), "DELETE FROM audit WHERE seq = " + std::to_string(entries_));
  const AuditVerdict v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("removed from its end"), std::string::npos) << v.problem;
}

TEST_F(CaseStoreTest, TwoWritersAtOnceLoseNothing) {
  // Two connections (as the CLI and the server would have) adding subjects at the same time.
  auto other = open_case_store(data_);
  ASSERT_TRUE(other.ok());
  auto writer = [](CaseStore& store, const std::string& prefix) {
    for (int i = 0; i < 100; ++i) {
      Subject s;
      s.id = prefix + std::to_string(i);
      s.name = "Subject " + s.id;
      auto put = store.put_subject(s, prefix);
      ASSERT_TRUE(put.ok()) << put.error().message;
    }
  };
  std::thread a(writer, std::ref(*store_), "a-");
  std::thread b(writer, std::ref(*other.value()), "b-");
  a.join();
  b.join();
  auto subjects = store_->subjects();
  ASSERT_TRUE(subjects.ok());
  EXPECT_EQ(subjects->size(), 200u);
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->problem;
  EXPECT_EQ(v->entries, 200);
}

TEST_F(CaseStoreTest, ManySubjectsAtOnceAreWrittenInChunksAndEachAudited) {
  std::vector<Subject> many;
  for (int i = 0; i < 2500; ++i)
    many.push_back(subject(fmt::format("S{}", i), fmt::format("Name {}", i)));
  auto put = store_->put_subjects(many, "loader");
  ASSERT_TRUE(put.ok()) << put.error().message;
  EXPECT_EQ(std::count(put->begin(), put->end(), true), 2500);
  many[7].country = "FR";  // one changed, the rest as they were
  put = store_->put_subjects(many, "loader");
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(std::count(put->begin(), put->end(), true), 1);
  EXPECT_TRUE(put->at(7));
  auto v = store_->verify_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->entries, 2501);
  // A bad subject in a later chunk: the chunks before it are kept, the error names it.
  std::vector<Subject> bad = many;
  bad[1500].name.clear();
  auto refused = store_->put_subjects(bad, "loader");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("S1500"), std::string::npos);
}

// A false positive holds until the party's listings change — what the lists say, not the names
// Clearance adds to a record from its own tables (a table row added or corrected is no new
// listing). A store whose fingerprints counted those names (made before) keeps its decisions.
TEST(PartyFingerprint, NamesClearanceAddsAreNoListing) {
  Entity e;
  e.id = "el-1";
  e.list = "EL";
  e.name = "Hangzhou Example Vision Co., Ltd.";
  e.aliases.push_back({"Example Vision", AliasKind::aka});
  e.aliases.push_back({"杭州示例视觉有限公司", AliasKind::added});
  auto fingerprint_of = [](const Entity& one, bool with_added_names = false) {
    Snapshot s;
    s.entities.push_back(one);
    const Party party{one.id, {0}, {}};
    return with_added_names ? party_fingerprint_with_added_names(s, party)
                            : party_fingerprint(s, party);
  };
  const std::string before = fingerprint_of(e);
  Entity table_changed = e;
  table_changed.aliases[1].name = "杭州示例视觉股份有限公司";  // the table's row corrected
  table_changed.aliases.push_back({"示例视觉", AliasKind::added_brand});
  EXPECT_EQ(fingerprint_of(table_changed), before);
  Entity list_changed = e;
  list_changed.aliases[0].name = "Example Vision Ltd.";  // the list's own alias changed
  EXPECT_NE(fingerprint_of(list_changed), before);
  // What stores made before kept: the same with the added names.
  EXPECT_NE(fingerprint_of(e, true), before);
}

TEST_F(CaseStoreTest, AFalsePositiveDecidedWhenFingerprintsCountedAddedNamesHolds) {
  Subject s = subject("C-1", "Example Microelectronics Company");
  ASSERT_TRUE(store_->put_subject(s, "analyst").ok());
  ASSERT_EQ(screen({s}).opened.size(), 1u);
  const int64_t id = alerts()[0].id;
  ASSERT_TRUE(store_->decide({id, "false_positive", "a bakery in Ohio", "reviewer-1", ""}).ok());
  // The fingerprint as a store made before kept it (the party's names Clearance added counted).
  const Snapshot& snapshot = *engine_->snapshot;
  const Party* party = snapshot.party_of_entity(0);
  const Party single{snapshot.entities[0].id, {0}, {}};
  const std::string older = party_fingerprint_with_added_names(snapshot, party ? *party : single);
  store_.reset();
  sql(db_path(),
      fmt::format("UPDATE alerts SET party_fingerprint = '{}' WHERE id = {}", older, id));
  store_ = std::move(open_case_store(data_).value());
  const MonitorReport held = screen({s});
  EXPECT_EQ(held.suppressed, std::vector<int64_t>{id});
  EXPECT_TRUE(held.reopened.empty());
  // It now holds today's fingerprint.
  store_.reset();
  auto db = SqliteDb::open(db_path());
  ASSERT_TRUE(db.ok());
  auto q = db.value()->prepare("SELECT party_fingerprint FROM alerts WHERE id = ?");
  q.bind(1, id);
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), party_fingerprint(snapshot, party ? *party : single));
}

TEST(SubjectsFile, CsvAndJsonLinesWithBadRowsNamed) {
  test::TempDir dir;
  std::ofstream(dir / "s.csv") << "id,name,country,type,owner\n"
                                  "C-1,Example Microelectronics,CN,organization,sales-east\n"
                                  "C-2,,CN,,\n"
                                  "C-3,Someone,,robot,\n"
                                  "C-1,Again,,,\n"
                                  "C-4,Jane Doe,US,person,\n";
  auto csv = read_subjects_file(dir / "s.csv");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  ASSERT_EQ(csv->subjects.size(), 2u);
  EXPECT_EQ(csv->subjects[0].attributes["owner"], "sales-east");
  ASSERT_EQ(csv->rejected.size(), 3u);
  EXPECT_NE(csv->rejected[0].find("s.csv:3: name: missing"), std::string::npos) << csv->rejected[0];
  EXPECT_NE(csv->rejected[1].find(":4: type"), std::string::npos) << csv->rejected[1];
  EXPECT_NE(csv->rejected[2].find("given twice"), std::string::npos) << csv->rejected[2];
  std::ofstream(dir / "s.jsonl")
      << "{\"id\":\"J-1\",\"name\":\"华为技术有限公司\",\"tier\":2}\n"
         "not json\n\n"
         "{\"id\":\"J-2\",\"name\":\"Vladimir Putin\",\"type\":\"person\"}\n";
  auto jsonl = read_subjects_file(dir / "s.jsonl");
  ASSERT_TRUE(jsonl.ok());
  ASSERT_EQ(jsonl->subjects.size(), 2u);
  EXPECT_EQ(jsonl->subjects[0].attributes["tier"], 2);
  ASSERT_EQ(jsonl->rejected.size(), 1u);
  EXPECT_NE(jsonl->rejected[0].find("s.jsonl:2"), std::string::npos);
  std::ofstream(dir / "bad.csv") << "name,country\nX,CN\n";
  EXPECT_FALSE(read_subjects_file(dir / "bad.csv").ok());
}

}  // namespace
}  // namespace clearance
