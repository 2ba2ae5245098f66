#pragma once
// Screening the subjects of the case store against a snapshot and recording what it finds: a
// subject added or changed is screened at once; `monitor run` screens every subject after a list
// change and closes the alerts of parties no longer listed.
#include <string>
#include <utility>
#include <vector>

#include "clearance/match/screening_engine.h"
#include "clearance/store/case_store.h"

namespace clearance {

// How far under the threshold a subject's screening looks for its near score (Subject::near_score).
constexpr float kNearMargin = 0.05f;

struct MonitorOptions {
  float threshold = 0.80f;
  size_t limit = 20;  // hits kept per subject
  std::string actor;
  unsigned threads = 1;  // a delta run's search for the subjects it can affect
};

struct MonitorReport {
  std::string mode;      // "full", "delta", or "up_to_date" (this snapshot was monitored already)
  std::string against;   // a delta run: the snapshot it started from
  std::string why_full;  // a full run: why not a delta
  size_t subjects = 0;   // subjects in the store
  size_t screened = 0;   // subjects screened (all of them, or those a delta can reach)
  // A delta run: why subjects were chosen (an alert on a changed party; a match at the threshold
  // with a changed or reweighted party; a near score the reweighting of words may lift over the
  // threshold; no near score to bound its score), and how many changed parties and reweighted
  // terms the change holds.
  size_t chosen_for_alert = 0, chosen_for_match = 0, chosen_for_near = 0, chosen_without_near = 0;
  size_t changed_parties = 0, reweighted_terms = 0;
  size_t near_raised = 0;  // a delta run: subjects not re-screened whose near score it raised
  // A delta run: subjects chosen for their near score that it screened and found nothing to raise
  // (no hit on a party without an alert): their near score kept, no screening recorded.
  size_t near_checked = 0;
  // A delta run: words whose weight moved further than every word is granted, whose raise it
  // kept once for the word (CaseStore::raise_word_drifts) rather than for each subject holding it.
  size_t words_raised = 0;
  // A delta run: how far (relative) a term's weight may move for the parties holding it to stay
  // out of the delta index, every subject's near score granted the rise it allows.
  double weight_cut = 0;
  size_t hits = 0;
  // A delta run: how long each of its steps took, in seconds, in order.
  std::vector<std::pair<std::string, double>> steps;
  std::vector<int64_t> opened, reopened, suppressed, delisted;
};

// A screening as the store records it: the query, the snapshot, the matcher's build key and each
// hit with its party, score, listings' fingerprint and the detail the API writes.
ScreeningRecord make_screening_record(const ScreeningEngine& engine, const ScreenQuery& query,
                                      const ScreenResult& result, float threshold,
                                      const std::string& actor);

// The query a subject is screened with.
ScreenQuery subject_query(const Subject& subject);

// Screens each subject and records the screening (opening, reopening or suppressing alerts).
Result<MonitorReport> screen_subjects(CaseStore& store, const ScreeningEngine& engine,
                                      const std::vector<Subject>& subjects,
                                      const MonitorOptions& options);

// The subjects an add at `threshold` leaves to screen (`put` as CaseStore::put_subjects answered
// for `given`): those new or changed, those given unchanged that were never screened — stored by a
// command stopped, or failing, before it screened them — and those whose near score reaches the
// threshold: screened before at a stricter one, they may have a hit at this one.
Result<std::vector<Subject>> subjects_to_screen(CaseStore& store, const std::vector<Subject>& given,
                                                const std::vector<bool>& put, float threshold);

// Every subject, then the open alerts of parties the snapshot no longer lists are closed.
Result<MonitorReport> run_monitor(CaseStore& store, const ScreeningEngine& engine,
                                  const MonitorOptions& options);

// Re-screens only the subjects the change from `before` to the engine's snapshot can affect:
// those whose names may match a party added or whose listings changed, and those with an alert on
// a changed party; then closes the alerts of parties no longer listed. Leaves the store as
// run_monitor would.
Result<MonitorReport> run_monitor_delta(CaseStore& store, const ScreeningEngine& engine,
                                        const Snapshot& before, const MonitorOptions& options);

// A monitoring run against the store's current snapshot, as `monitor run` and a list import make
// it: a delta from the snapshot of the last run when the store still holds it and the matcher is
// the same; otherwise (or with `full`) every subject. Noted in the case store's audit trail.
// When the last run was against this snapshot (mode "up_to_date"), only the subjects never
// screened, unless `full`.
Result<MonitorReport> monitor_lists(CaseStore& store, const ScreeningEngine& engine,
                                    const SnapshotStore& snapshots, const MonitorOptions& options,
                                    bool full);

// SHA-256 of what a party's listings say (records, lists, names, programmes, dates, license
// fields), not of when the source was published: a change reopens a false positive.
std::string party_fingerprint(const Snapshot& snapshot, const Party& party);

// The same with the names Clearance added to the party's records counted, as stores made before
// kept it.
std::string party_fingerprint_with_added_names(const Snapshot& snapshot, const Party& party);

}  // namespace clearance
