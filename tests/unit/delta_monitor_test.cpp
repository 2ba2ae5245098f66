// Monitoring on a list change: re-screening only the subjects the change can reach must leave the
// store exactly as re-screening every subject does — the same new alerts, the same reopened false
// positives, the same delisted closures — while screening far fewer subjects.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "clearance/lists/party_linker.h"
#include "clearance/match/name_index_file.h"
#include "clearance/store/monitor.h"
#include "shared_lists.h"
#include "test_support.h"

namespace clearance {
namespace {

// A spelling a little off: one letter of the longest word dropped (a typo a screener must catch).
std::string misspelt(const std::string& name) {
  size_t best = 0, best_len = 0, start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == ' ') {
      if (i - start > best_len) best = start, best_len = i - start;
      start = i + 1;
    }
  }
  std::string out = name;
  if (best_len >= 6) out.erase(best + best_len / 2, 1);
  return out;
}

// What one set holds and the other does not, for a failure message.
template <typename Set>
std::string difference(const Set& a, const Set& b) {
  std::string out;
  for (const auto& x : a)
    if (!b.count(x)) out += " " + ::testing::PrintToString(x);
  return out.empty() ? " none" : out;
}

// One alert as both runs must leave it (ids, scores and screenings differ by construction).
using AlertKey = std::tuple<std::string, std::string, std::string, std::string>;

class DeltaMonitor : public ::testing::Test {
 protected:
  // The real lists as `before`; `after` removes one record in 97, adds an alias to another, and
  // lists a new record under a near-copy of a third's name — a 3 % change of the lists.
  static void SetUpTestSuite() {
    for (const auto& f : bench::standard_list_files())
      if (!std::filesystem::exists(f)) GTEST_FAIL() << "shared data file missing: " << f;
    auto before = std::make_shared<Snapshot>(*bench::load_standard_lists());
    before->id = "before";
    auto after = std::make_shared<Snapshot>();
    after->id = "after";
    after->sources = before->sources;
    std::vector<Subject> subjects;
    auto add_subject = [&](const std::string& name, const Entity& like) {
      Subject s;
      s.id = fmt::format("S-{:05}", subjects.size());
      s.name = name;
      s.type = like.type == EntityType::person ? "person" : "";
      subjects.push_back(std::move(s));
    };
    for (size_t i = 0; i < before->entities.size(); ++i) {
      const Entity& e = before->entities[i];
      const size_t k = i % 97;
      if (i % 13 == 0) add_subject(e.name, e);
      if (k == 3) {  // delisted
        if (i % 2 == 0 && i % 13 != 0) add_subject(e.name, e);
        continue;
      }
      Entity kept = e;
      if (k == 11) {
        kept.aliases.push_back({misspelt(e.name) + " Trading", AliasKind::aka});
        if (i % 2 == 0) add_subject(kept.aliases.back().name, e);
      }
      after->entities.push_back(std::move(kept));
      if (k == 29) {
        Entity added = e;
        added.id = e.id + "-new";
        added.source_id += "-new";
        added.name = misspelt(e.name) + " Holdings";
        added.aliases.clear();
        added.listed_on = "2026-11-30";
        if (i % 2 == 0) add_subject(added.name, e);
        after->entities.push_back(std::move(added));
      }
    }
    // Names that mix the words of two listed names: mostly nobody, sometimes someone.
    for (size_t i = 0; i + 1 < before->entities.size() && subjects.size() < 3200; i += 71) {
      const std::string a = before->entities[i].name, b = before->entities[i + 1].name;
      add_subject(a.substr(0, a.find(' ')) + " " + b.substr(b.rfind(' ') + 1), before->entities[i]);
    }
    after->entities.sort_by_id();
    const PartyHistory history = party_history(*before);
    auto linked = link_parties(*after, &history, false);
    if (!linked) GTEST_FAIL() << linked.error().message;
    before_ = bench::engine_for(before).release();
    after_ = bench::engine_for(after).release();
    subjects_ = new std::vector<Subject>(std::move(subjects));
  }
  static void TearDownTestSuite() {
    delete before_;
    delete after_;
    delete subjects_;
  }

  // How every run here monitors: as "monitor", the delta's search on two threads.
  static MonitorOptions monitor_options() {
    MonitorOptions options;
    options.actor = "monitor";
    options.threads = 2;
    return options;
  }

  // A store with the subjects screened against `before`, and one alert in five decided a false
  // positive and one in seven a true match — the same in every store this makes.
  std::unique_ptr<CaseStore> monitored_store(const std::string& data_dir) {
    auto opened = open_case_store(data_dir);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    auto store = std::move(opened.value());
    EXPECT_TRUE(store->put_subjects(*subjects_, "analyst").ok());
    const MonitorOptions options = monitor_options();
    auto report = run_monitor(*store, *before_, options);
    EXPECT_TRUE(report.ok()) << report.error().message;
    AlertFilter all;
    all.limit = 1000000;
    const std::vector<Alert> alerts = store->alerts(all).value();
    for (const Alert& a : alerts) {
      Decision d;
      d.alert_id = a.id;
      d.reviewer = "reviewer";
      d.reason = "checked";
      if (a.id % 5 == 0)
        d.decision = "false_positive";
      else if (a.id % 7 == 0)
        d.decision = "true_match";
      else
        continue;
      EXPECT_TRUE(store->decide(d).ok());
    }
    return store;
  }

  static std::set<AlertKey> alert_keys(CaseStore& store) {
    AlertFilter all;
    all.limit = 1000000;
    std::set<AlertKey> keys;
    const std::vector<Alert> alerts = store.alerts(all).value();
    for (const Alert& a : alerts)
      keys.emplace(a.subject_id, a.party_id, to_string(a.status), a.resolution);
    return keys;
  }
  // The (subject, party) pairs of the alerts a run opened or reopened.
  static std::set<std::pair<std::string, std::string>> raised(CaseStore& store,
                                                              const MonitorReport& report) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto* ids : {&report.opened, &report.reopened})
      for (int64_t id : *ids) {
        const auto a = store.alert(id).value();
        if (a) out.emplace(a->subject_id, a->party_id);
      }
    return out;
  }

  // Two stores given `subjects`, monitored against the lists before; then one re-screened in full
  // against `after`, the other by the delta: what each raised, and the delta's report.
  struct FullAndDelta {
    std::set<std::pair<std::string, std::string>> full_raised, delta_raised;
    MonitorReport full, delta;
  };
  static FullAndDelta full_and_delta(const std::vector<Subject>& subjects,
                                     const ScreeningEngine& after, const MonitorOptions& options) {
    test::TempDir dir;
    std::unique_ptr<CaseStore> stores[2];
    for (int k = 0; k < 2; ++k) {
      stores[k] = open_case_store(dir / fmt::format("store-{}", k)).value();
      EXPECT_TRUE(stores[k]->put_subjects(subjects, "analyst").ok());
      EXPECT_TRUE(run_monitor(*stores[k], *before_, options).ok());
    }
    auto full = run_monitor(*stores[0], after, options);
    auto delta = run_monitor_delta(*stores[1], after, *before_->snapshot, options);
    EXPECT_TRUE(full.ok() && delta.ok());
    if (!full.ok() || !delta.ok()) return {};
    return {raised(*stores[0], *full), raised(*stores[1], *delta), *full, *delta};
  }

  // How many subjects score under the threshold (within 0.1 of it) against `engine`'s lists, and
  // those whose near score (plus the drift) is under that score: a next delta could let a small
  // reweighting lift them over the threshold unseen.
  static std::pair<size_t, std::string> unbounded_near_scores(CaseStore& store,
                                                              const ScreeningEngine& engine,
                                                              const MonitorOptions& options) {
    const double drift = store.monitor_drift().value();
    const MonitoredSubjects monitored = store.monitored_subjects().value();
    std::unordered_map<std::string, double> near;
    for (const MonitoredSubject& s : monitored.subjects)
      if (s.near_score) near.emplace(s.id, *s.near_score + drift);
    ScreenOptions wide;  // every party the subject scores within 0.1 of the threshold
    wide.threshold = options.threshold - 0.1f;
    wide.limit = 1000;
    ScreenSession session;
    size_t checked = 0;
    std::string unbounded;
    for (const Subject& s : *subjects_) {
      const ScreenResult result = engine.screener->screen(subject_query(s), wide, session);
      float best = 0;
      for (const Hit& h : result.hits)
        if (!meets_threshold(h.score, options.threshold)) best = std::max(best, h.score);
      if (best == 0) continue;
      ++checked;
      const auto it = near.find(s.id);
      if (it == near.end() || it->second + 1e-4 < best)
        unbounded += fmt::format(" {} ({}: {:.4f} > {:.4f})", s.id, s.name, best,
                                 it == near.end() ? -1.0 : it->second);
    }
    return {checked, unbounded};
  }

  static ScreeningEngine* before_;
  static ScreeningEngine* after_;
  static std::vector<Subject>* subjects_;
};
ScreeningEngine* DeltaMonitor::before_ = nullptr;
ScreeningEngine* DeltaMonitor::after_ = nullptr;
std::vector<Subject>* DeltaMonitor::subjects_ = nullptr;

TEST_F(DeltaMonitor, TheDeltaFindsWhatAFullRescreenFindsAndScreensFarFewer) {
  test::TempDir dir;
  auto full_store = monitored_store(dir / "full");
  auto delta_store = monitored_store(dir / "delta");
  ASSERT_EQ(alert_keys(*full_store), alert_keys(*delta_store));

  const MonitorOptions options = monitor_options();
  auto full = run_monitor(*full_store, *after_, options);
  ASSERT_TRUE(full.ok()) << full.error().message;
  auto delta = run_monitor_delta(*delta_store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(delta.ok()) << delta.error().message;

  // The change must have done something for the comparison to mean anything.
  EXPECT_GT(full->opened.size(), 50u);
  EXPECT_GT(full->delisted.size(), 5u);
  const auto full_raised = raised(*full_store, *full), delta_raised = raised(*delta_store, *delta);
  EXPECT_EQ(full_raised, delta_raised)
      << "only the full run:" << difference(full_raised, delta_raised)
      << "\nonly the delta:" << difference(delta_raised, full_raised);
  EXPECT_EQ(full->delisted.size(), delta->delisted.size());
  const auto full_alerts = alert_keys(*full_store), delta_alerts = alert_keys(*delta_store);
  EXPECT_EQ(full_alerts, delta_alerts)
      << "only the full run:" << difference(full_alerts, delta_alerts)
      << "\nonly the delta:" << difference(delta_alerts, full_alerts);
  EXPECT_EQ(full->screened, subjects_->size());
  // A fifth of these subjects were made from the records the change touches; the rest it should
  // mostly leave alone.
  EXPECT_LT(delta->screened * 2, full->screened)
      << "the delta re-screened " << delta->screened << " of " << full->screened << ": "
      << delta->chosen_for_alert << " for an alert, " << delta->chosen_for_match << " for a match, "
      << delta->chosen_for_near << " near the threshold, " << delta->chosen_without_near
      << " without a near score (" << delta->reweighted_terms << " terms; "
      << delta->changed_parties << " parties changed)";
  EXPECT_TRUE(delta_store->verify_audit().value().intact);
}

// Subjects whose score against a party the change left alone crosses the threshold only because
// the change moved the weights of words (names added and removed elsewhere) must be found too. Of
// the pairs whose score rose least, those whose rise spans one threshold are taken, and monitored
// at that threshold: the cases that any cut-off on how far weights moved would let slip.
TEST_F(DeltaMonitor, ScoresThatReweightingAloneLiftsOverTheThresholdAreFound) {
  const Snapshot& before = *before_->snapshot;
  const Snapshot& after = *after_->snapshot;
  std::unordered_map<std::string_view, const Entity*> before_records;
  for (const Entity& e : before.entities) before_records.emplace(e.id, &e);
  auto unchanged = [&](const Party& p) {
    const Party* old = before.find_party(p.id);
    if (!old || old->id != p.id || old->members.size() != p.members.size()) return false;
    for (uint32_t m : p.members) {
      const auto it = before_records.find(after.entities[m].id);
      if (it == before_records.end() || !(*it->second == after.entities[m])) return false;
    }
    return true;
  };
  struct Rise {
    double relative;
    float then, now;
    const Subject* subject;
    std::string party;
  };
  std::vector<Rise> rises;
  ScreenOptions wide;
  wide.threshold = 0.6f;
  wide.limit = 50;
  ScreenSession session;
  for (const Subject& s : *subjects_) {
    const ScreenQuery q = subject_query(s);
    const ScreenResult then = before_->screener->screen(q, wide, session);
    const ScreenResult now = after_->screener->screen(q, wide, session);
    for (const Hit& h : now.hits) {
      if (!h.party || !unchanged(*h.party)) continue;
      for (const Hit& o : then.hits)
        if (o.party && o.party->id == h.party->id && h.score - o.score > 1e-4f)
          rises.push_back({(h.score - o.score) / o.score, o.score, h.score, &s, h.party->id});
    }
  }
  std::sort(rises.begin(), rises.end(),
            [](const Rise& a, const Rise& b) { return a.relative < b.relative; });
  if (rises.size() > 60) rises.resize(60);
  // The threshold (just under some pair's score after) that the most of these rises span.
  float threshold = 0;
  size_t spanned = 0;
  for (const Rise& r : rises) {
    const float t = r.now - 1e-5f;
    const size_t n = std::count_if(rises.begin(), rises.end(), [&](const Rise& x) {
      return !meets_threshold(x.then, t) && meets_threshold(x.now, t);
    });
    if (n > spanned) spanned = n, threshold = t;
  }
  ASSERT_GT(spanned, 0u) << "no score rose against an unchanged party";
  std::vector<Subject> subjects;
  std::set<std::pair<std::string, std::string>> lifted;
  for (const Rise& r : rises)
    if (!meets_threshold(r.then, threshold) && meets_threshold(r.now, threshold)) {
      lifted.emplace(r.subject->id, r.party);
      if (std::none_of(subjects.begin(), subjects.end(),
                       [&](const Subject& s) { return s.id == r.subject->id; }))
        subjects.push_back(*r.subject);
    }
  MonitorOptions options = monitor_options();
  options.threshold = threshold;
  const auto [full_raised, delta_raised, full, delta] = full_and_delta(subjects, *after_, options);
  // (Not every one: a subject with more hits than the limit keeps only the best.)
  EXPECT_TRUE(std::any_of(lifted.begin(), lifted.end(),
                          [&](const auto& pair) { return full_raised.count(pair) > 0; }));
  EXPECT_EQ(full_raised, delta_raised)
      << lifted.size() << " pairs lifted over " << threshold
      << "\nonly the full run:" << difference(full_raised, delta_raised);
}

// After a delta run, every subject's near score (plus the drift) still bounds its best score under
// the threshold against the new lists — the changed parties' new names included — or the next delta
// could let a score that small reweightings lift over the threshold pass unseen.
TEST_F(DeltaMonitor, AfterADeltaEveryNearScoreStillBoundsTheSubjectsScores) {
  test::TempDir dir;
  auto store = monitored_store(dir / "bounds");
  const MonitorOptions options = monitor_options();
  auto delta = run_monitor_delta(*store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(delta.ok()) << delta.error().message;
  const auto [checked, unbounded] = unbounded_near_scores(*store, *after_, options);
  EXPECT_GT(checked, 100u);
  EXPECT_TRUE(unbounded.empty()) << "scores over their subject's near score:" << unbounded;
}

// A subject checked near the threshold (or re-screened) keeps the near score its screening
// gives, not a looser bound: one kept loose brings the subject back into every later run's checks.
// Checked here on the subjects with nothing but a name (no type, country, date of birth or
// identifier), whose near score their words alone decide.
TEST_F(DeltaMonitor, ACheckedSubjectKeepsTheNearScoreItsScreeningGives) {
  test::TempDir dir;
  auto store = monitored_store(dir / "kept");
  const MonitorOptions options = monitor_options();
  std::unordered_map<std::string, double> before;
  const MonitoredSubjects monitored = store->monitored_subjects().value();
  for (const MonitoredSubject& s : monitored.subjects)
    if (s.near_score) before.emplace(s.id, *s.near_score);
  auto delta = run_monitor_delta(*store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(delta.ok()) << delta.error().message;
  const double drift = store->monitor_drift().value();
  std::unordered_map<std::string, const Subject*> by_id;
  for (const Subject& s : *subjects_) by_id.emplace(s.id, &s);
  ScreenOptions screen_options;
  screen_options.threshold = options.threshold;
  screen_options.limit = 1000;
  screen_options.near_floor = options.threshold - kNearMargin;
  ScreenSession session;
  size_t compared = 0;
  std::string loose;
  const MonitoredSubjects after = store->monitored_subjects().value();
  for (const MonitoredSubject& s : after.subjects) {
    const auto was = before.find(s.id);
    const Subject& subject = *by_id.at(s.id);
    // Only a check or a screening lowers a near score as kept (drift and raises add to it).
    if (!s.near_score || was == before.end() || *s.near_score >= was->second - 1e-6) continue;
    if (!subject.type.empty() || !subject.country.empty() || !subject.date_of_birth.empty() ||
        !subject.identifier.empty())
      continue;
    const float near =
        after_->screener->screen(subject_query(subject), screen_options, session).near;
    ++compared;
    if (std::abs(*s.near_score + drift - near) > 1e-4)
      loose += fmt::format(" {} ({}: kept {:.4f}, screened {:.4f})", s.id, subject.name,
                           *s.near_score + drift, near);
  }
  EXPECT_GT(compared, 20u);
  EXPECT_TRUE(loose.empty()) << "near scores kept unlike the screening's:" << loose;
}

// A second delta after the first (the lists changed back) finds what a full re-screen finds, and
// leaves near scores that still bound every subject's scores. Weights that moved are kept for the
// words that hold them: far more subjects' near scores rise than the run raises one by one.
TEST_F(DeltaMonitor, ADeltaAfterADeltaFindsWhatAFullRescreenFinds) {
  test::TempDir dir;
  auto full_store = monitored_store(dir / "full");
  auto delta_store = monitored_store(dir / "delta");
  const MonitorOptions options = monitor_options();
  const MonitoredSubjects before = delta_store->monitored_subjects().value();
  ASSERT_TRUE(run_monitor(*full_store, *after_, options).ok());
  auto first = run_monitor_delta(*delta_store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  // Near scores risen beyond the drift every subject is granted: far more than the run raised
  // one by one.
  const MonitoredSubjects after = delta_store->monitored_subjects().value();
  size_t risen = 0;
  for (size_t i = 0; i < before.subjects.size(); ++i)
    risen += *after.subjects[i].near_score > *before.subjects[i].near_score + 1e-9;
  EXPECT_LT(first->near_raised * 2, risen)
      << first->near_raised << " near scores raised, " << first->screened << " screened, "
      << first->words_raised << " words raised (cut " << first->weight_cut << ")";

  auto full = run_monitor(*full_store, *before_, options);
  auto second = run_monitor_delta(*delta_store, *before_, *after_->snapshot, options);
  ASSERT_TRUE(full.ok() && second.ok());
  const auto full_raised = raised(*full_store, *full), delta_raised = raised(*delta_store, *second);
  EXPECT_FALSE(full_raised.empty());
  EXPECT_EQ(full_raised, delta_raised)
      << "only the full run:" << difference(full_raised, delta_raised)
      << "\nonly the delta:" << difference(delta_raised, full_raised);
  EXPECT_EQ(alert_keys(*full_store), alert_keys(*delta_store));
  const auto [checked, unbounded] = unbounded_near_scores(*delta_store, *before_, options);
  EXPECT_GT(checked, 100u);
  EXPECT_TRUE(unbounded.empty()) << "scores over their subject's near score:" << unbounded;
}

// A subject chosen only because its near score came within reach of the threshold is screened to
// check; when it meets no party it has no alert on, nothing is recorded for it (the change did
// not reach it, as it did not reach the subjects left alone) but its near score is renewed.
// Counterparties written alike (two firms' "John Smith", one name under two ids, the same name
// with and without a country) each get what they would alone: the delta raises for each copy
// what a full re-screen raises for it.
TEST_F(DeltaMonitor, SubjectsWrittenAlikeEachGetWhatTheyWouldAlone) {
  std::vector<Subject> subjects;
  for (size_t i = 0; i < subjects_->size(); i += 3) {
    Subject s = (*subjects_)[i];
    subjects.push_back(s);
    s.id += "-copy";
    subjects.push_back(s);
    s.id += "-in";
    if (i % 2 == 0) s.country = i % 4 == 0 ? "IR" : "CN";
    subjects.push_back(s);
  }
  const auto runs = full_and_delta(subjects, *after_, monitor_options());
  EXPECT_GT(runs.full_raised.size(), 20u);
  EXPECT_EQ(runs.full_raised, runs.delta_raised)
      << "only the full run:" << difference(runs.full_raised, runs.delta_raised)
      << "\nonly the delta:" << difference(runs.delta_raised, runs.full_raised);
  // The copies under another id raise what their original raises.
  std::set<std::pair<std::string, std::string>> originals, copies;
  for (const auto& [subject, party] : runs.delta_raised) {
    if (subject.ends_with("-copy"))
      copies.emplace(subject.substr(0, subject.size() - 5), party);
    else if (!subject.ends_with("-in"))
      originals.emplace(subject, party);
  }
  EXPECT_EQ(originals, copies);
}

TEST_F(DeltaMonitor, SubjectsNearTheThresholdThatMeetNothingNewAreCheckedNotRecorded) {
  test::TempDir dir;
  auto store = monitored_store(dir / "checked");
  auto recorded = [&] {
    const std::vector<AuditEntry> entries = store->audit("", 10000000).value();
    return std::count_if(entries.begin(), entries.end(),
                         [](const AuditEntry& e) { return e.action == "screening.recorded"; });
  };
  const auto before = recorded();
  const MonitorOptions options = monitor_options();
  auto delta = run_monitor_delta(*store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(delta.ok()) << delta.error().message;
  EXPECT_GT(delta->near_checked, 0u);
  EXPECT_LE(delta->near_checked, delta->chosen_for_near);
  EXPECT_EQ(static_cast<size_t>(recorded() - before), delta->screened - delta->near_checked);
  const auto [checked, unbounded] = unbounded_near_scores(*store, *after_, options);
  EXPECT_TRUE(unbounded.empty()) << "scores over their subject's near score:" << unbounded;
}

// What earlier delta runs let pass (the drift) adds up: a subject whose near score it could lift
// over the threshold is screened again (and keeps its new near score against the drift as it then
// stands) — every subject, once it could lift the lowest; only those, when it is half that.
TEST_F(DeltaMonitor, DriftFromEarlierDeltasBringsBackTheSubjectsItCanLift) {
  for (const bool every : {false, true}) {
    test::TempDir dir;
    auto store = monitored_store(dir / "drift");
    const MonitorOptions options = monitor_options();
    const MonitoredSubjects monitored = store->monitored_subjects().value();
    double lowest = 1;
    for (const MonitoredSubject& s : monitored.subjects) lowest = std::min(lowest, *s.near_score);
    const double drift =
        every ? options.threshold - lowest + 0.001 : (options.threshold - lowest) / 2;
    size_t lifted = 0;
    for (const MonitoredSubject& s : monitored.subjects)
      lifted += meets_threshold(static_cast<float>(*s.near_score + drift), options.threshold);
    ASSERT_TRUE(store->set_monitor_drift(drift).ok());
    auto delta = run_monitor_delta(*store, *after_, *before_->snapshot, options);
    ASSERT_TRUE(delta.ok()) << delta.error().message;
    EXPECT_GE(delta->screened, lifted);
    if (every)
      EXPECT_EQ(delta->screened, subjects_->size());
    else
      EXPECT_LT(delta->screened, subjects_->size());
    EXPECT_GT(store->monitor_drift().value(), drift);
  }
}

// A delta run reads the words the store keeps of each subject instead of its name: a store that
// keeps none (made before them) or another matcher's gets the same alerts as a full re-screen,
// and keeps the words it derived for the next run.
TEST_F(DeltaMonitor, AStoreWithoutTheSubjectsWordsGetsTheSameAlertsAndKeepsThem) {
  test::TempDir dir;
  auto full_store = monitored_store(dir / "full");
  auto delta_store = monitored_store(dir / "delta");
  ASSERT_TRUE(delta_store->reset_words("another matcher").ok());
  const MonitoredSubjects before = delta_store->monitored_subjects().value();
  for (const MonitoredSubject& s : before.subjects) ASSERT_TRUE(s.words.empty());
  const MonitorOptions options = monitor_options();
  auto full = run_monitor(*full_store, *after_, options);
  auto delta = run_monitor_delta(*delta_store, *after_, *before_->snapshot, options);
  ASSERT_TRUE(full.ok() && delta.ok());
  const auto full_raised = raised(*full_store, *full), delta_raised = raised(*delta_store, *delta);
  EXPECT_EQ(full_raised, delta_raised)
      << "only the full run:" << difference(full_raised, delta_raised)
      << "\nonly the delta:" << difference(delta_raised, full_raised);
  EXPECT_EQ(delta_store->words_matcher().value(), index_build_key());
  const MonitoredSubjects after = delta_store->monitored_subjects().value();
  for (const MonitoredSubject& s : after.subjects) EXPECT_FALSE(s.words.empty()) << s.id;
}

TEST_F(DeltaMonitor, NoChangeScreensNobody) {
  test::TempDir dir;
  auto store = monitored_store(dir / "same");
  const auto before = alert_keys(*store);
  const MonitorOptions options = monitor_options();
  auto delta = run_monitor_delta(*store, *before_, *before_->snapshot, options);
  ASSERT_TRUE(delta.ok()) << delta.error().message;
  EXPECT_EQ(delta->screened, 0u);
  EXPECT_TRUE(delta->opened.empty());
  EXPECT_EQ(alert_keys(*store), before);
}

// A newly listed party reaches a subject in many ways besides sharing its words: a typo, words
// written together or apart, initials, another romanisation of Chinese, Han characters read in
// pinyin, a name in kanji read in Japanese, Arabic and Hangul script, a sound-alike spelling, two
// words run together. The delta must find each subject the full re-screen finds, however its name
// meets the party's.
TEST_F(DeltaMonitor, EveryWayANameMeetsANewlyListedPartyIsFound) {
  struct Listed {
    const char* name;
    EntityType type;
    const char* country;
  };
  const std::vector<Listed> listed = {
      {"QINGTIAN SOLARWAVE PHOTONICS CO., LTD.", EntityType::organization, "CN"},
      {"BRIGHTHAVEN MARITIME LLC", EntityType::organization, "AE"},
      {"NORTH STAR KAVALIR TRADING", EntityType::organization, "TR"},
      {"VADC", EntityType::organization, "RU"},
      {"VELTRANO AEROSPACE DYNAMICS COMPANY", EntityType::organization, "RU"},
      {"ZHOU XIAOQIANG", EntityType::person, "CN"},
      {"HONGLIANG TECHNOLOGY CO., LTD.", EntityType::organization, "CN"},
      {"MATSUBARA-GUMI", EntityType::organization, "JP"},
      {"KHALID MAHMOUD AL-ZUBAIDI", EntityType::person, "IQ"},
      {"VLADIMIR SERGEYEVICH KHOROSHEV", EntityType::person, "RU"},
      {"KIM SONG HYOK", EntityType::person, "KP"},
      {"FRIEDRICH BUCHENBERG", EntityType::person, "DE"},
  };
  // Each subject meets one of them (by the index: `listed` above) one way only; the last few
  // meet none.
  const std::vector<std::pair<const char*, const char*>> names = {
      {"Qingtian Solarwve Photonics Co Ltd", ""},       // a typo
      {"Bright Haven Maritime LLC", ""},                // written apart
      {"Northstar Kavalir Trading", ""},                // written together
      {"Veltrano Aerospace Dynamics Company", ""},      // spells an acronym listed as such
      {"VADC", ""},                                     // initials of a listed name
      {"Chou Hsiao-chiang", "person"},                  // Wade–Giles
      {"宏亮科技有限公司", ""},                         // Han characters
      {"松原組", ""},                                   // kanji read in Japanese
      {"خالد محمود الزبيدي", "person"},                 // Arabic script
      {"Vladimir Sergejewitsch Choroschew", "person"},  // sounds alike
      {"김성혁", "person"},                             // Hangul
      {"Fridrichbuchenberg", "person"},                 // run together, with a typo
      {"Nordlicht Holzhandel GmbH", ""},
      {"Ostrava Cable Works a.s.", ""},
  };
  auto after = std::make_shared<Snapshot>();
  after->id = "after-routes";
  after->sources = before_->snapshot->sources;
  for (const Entity& e : before_->snapshot->entities) after->entities.push_back(e);
  for (size_t k = 0; k < listed.size(); ++k) {
    Entity e;
    e.id = fmt::format("test:route-{}", k);
    e.dataset = "test";
    e.list = "EL";
    e.source_id = fmt::format("route-{}", k);
    e.type = listed[k].type;
    e.name = listed[k].name;
    e.addresses.push_back({});
    e.addresses.back().country = listed[k].country;
    e.listed_on = "2026-12-01";
    after->entities.push_back(std::move(e));
  }
  after->entities.sort_by_id();
  const PartyHistory history = party_history(*before_->snapshot);
  ASSERT_TRUE(link_parties(*after, &history, false).ok());
  const auto after_engine = bench::engine_for(after);

  std::vector<Subject> subjects;
  for (const auto& [name, type] : names) {
    Subject s;
    s.id = fmt::format("R-{:02}", subjects.size());
    s.name = name;
    s.type = type;
    subjects.push_back(std::move(s));
  }
  // Among many others that meet nothing new.
  for (size_t i = 0; i < subjects_->size(); i += 3) subjects.push_back((*subjects_)[i]);
  const MonitorOptions options = monitor_options();
  const auto [full_raised, delta_raised, full, delta] =
      full_and_delta(subjects, *after_engine, options);
  EXPECT_EQ(full_raised, delta_raised)
      << "only the full run:" << difference(full_raised, delta_raised)
      << "\nonly the delta:" << difference(delta_raised, full_raised);
  // The routes must be real: most of these subjects are raised against the party they meet.
  size_t routes = 0;
  for (const auto& [subject, party_id] : full_raised) {
    const Party* party = after->find_party(party_id);
    if (subject.rfind("R-", 0) == 0 && party &&
        after->entities[party->members.front()].id.rfind("test:route-", 0) == 0)
      ++routes;
  }
  EXPECT_GE(routes, 9u) << "raised:" << difference(full_raised, {});
  EXPECT_LT(delta.screened * 4, full.screened);
}

}  // namespace
}  // namespace clearance
