#include "clearance/store/monitor.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "clearance/match/name_index_file.h"
#include "clearance/match/name_words.h"
#include "clearance/match/screen_output.h"
#include "clearance/model/party_json.h"
#include "clearance/util/sha256.h"
#include "clearance/util/varint.h"

namespace clearance {

namespace {

std::string listings_fingerprint(const Snapshot& snapshot, const Party& party, bool added_names) {
  std::string text;
  for (uint32_t m : party.members) {
    const Entity& e = snapshot.entities[m];
    text +=
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}\n", e.id, e.list, e.sub_list, e.name, e.listed_on,
                    e.end_date, e.license_requirement, e.license_policy, e.federal_register_notice);
    for (const auto& a : e.aliases)
      if (added_names || !added_by_clearance(a.kind)) text += "a|" + a.name + "\n";
    for (const auto& p : e.programs) text += "p|" + p + "\n";
    for (const auto& d : e.dates_of_birth) text += "d|" + d + "\n";
  }
  return sha256_hex(text);
}

}  // namespace

std::string party_fingerprint(const Snapshot& snapshot, const Party& party) {
  return listings_fingerprint(snapshot, party, false);
}

std::string party_fingerprint_with_added_names(const Snapshot& snapshot, const Party& party) {
  return listings_fingerprint(snapshot, party, true);
}

ScreeningRecord make_screening_record(const ScreeningEngine& engine, const ScreenQuery& query,
                                      const ScreenResult& result, float threshold,
                                      const std::string& actor) {
  const Snapshot& snapshot = *engine.snapshot;
  ScreeningRecord record;
  record.actor = actor;
  record.query = query_to_json(query);
  record.threshold = threshold;
  record.snapshot_id = snapshot.id;
  record.matcher = index_build_key();
  const nlohmann::ordered_json details = hits_to_json(result, *engine.screener);
  for (size_t k = 0; k < result.hits.size(); ++k) {
    const Hit& hit = result.hits[k];
    RecordedHit h;
    const Party single{hit.entity->id, {hit.entity_index}, {}};
    const Party& party = hit.party ? *hit.party : single;
    h.party_id = party.id;
    h.party_name = party_name(snapshot, party);
    h.score = hit.score;
    h.party_fingerprint = party_fingerprint(snapshot, party);
    h.former_party_fingerprint = party_fingerprint_with_added_names(snapshot, party);
    h.detail = details.at(k);
    record.hits.push_back(std::move(h));
  }
  return record;
}

ScreenQuery subject_query(const Subject& subject) {
  ScreenQuery query;
  query.name = subject.name;
  query.country = subject.country;
  query.type = subject.type.empty() ? EntityType::unknown : entity_type_from_string(subject.type);
  query.date_of_birth = subject.date_of_birth;
  query.identifier = subject.identifier;
  return query;
}

namespace {

// SubjectWords::flags: what screening reads of a subject besides its words.
constexpr uint32_t kPerson = 1;       // screened as a person
constexpr uint32_t kMaybeCut = 2;     // NormalizedName::maybe_cut
constexpr uint32_t kCountry = 4;      // evidence it may have: a country,
constexpr uint32_t kBirthDate = 8;    // a date of birth,
constexpr uint32_t kIdentifier = 16;  // an identifier
constexpr uint32_t kTyped = 32;       // and a type (a person's, or another)

// How monitoring screens a subject: at the threshold, with its near score looked for kNearMargin
// under it, keeping `limit` hits.
ScreenOptions monitoring_screen_options(const MonitorOptions& options, size_t limit) {
  ScreenOptions out;
  out.threshold = options.threshold;
  out.limit = limit;
  out.near_floor = options.threshold - kNearMargin;
  return out;
}

// The subject's words from its name as normalize_query() reads it.
SubjectWords words_of(const Subject& subject, const NormalizedName& name) {
  SubjectWords out;
  out.readings = name_words(name);
  const ScreenQuery query = subject_query(subject);
  if (query.type == EntityType::person) out.flags |= kPerson;
  if (query.type != EntityType::unknown) out.flags |= kTyped;
  if (name.maybe_cut) out.flags |= kMaybeCut;
  if (!query.country.empty()) out.flags |= kCountry;
  if (!query.date_of_birth.empty()) out.flags |= kBirthDate;
  if (!query.identifier.empty()) out.flags |= kIdentifier;
  return out;
}

}  // namespace

Result<MonitorReport> screen_subjects(CaseStore& store, const ScreeningEngine& engine,
                                      const std::vector<Subject>& subjects,
                                      const MonitorOptions& options) {
  MonitorReport report;
  report.subjects = subjects.size();
  auto drift = store.monitor_drift();
  if (!drift) return drift.error();
  // Each subject's words are kept with its near score, derived where the store lacks them or kept
  // those another matcher derived (a delta run reads them instead of the names).
  auto words_matcher = store.words_matcher();
  if (!words_matcher) return words_matcher.error();
  const bool words_stale = words_matcher.value() != index_build_key();
  if (words_stale && !subjects.empty())
    if (auto st = store.reset_words(index_build_key()); !st) return st.error();
  ScreenSession session;
  // With the subject's near score: a bound of its best score under the threshold, looked for
  // kNearMargin under it (how far a reweighting of words would have to lift it to a hit).
  ScreenOptions screen_options = monitoring_screen_options(options, options.limit);
  // Recorded a thousand at a time: a transaction each would cap a run at a few thousand
  // subjects a second (the cost is the commit's sync, not the rows).
  constexpr size_t kRecordsPerTransaction = 1000;
  std::vector<ScreeningRecord> pending;
  auto flush = [&]() -> Status {
    if (pending.empty()) return Ok{};
    auto outcomes = store.record_screenings(pending);
    if (!outcomes) return outcomes.error();
    for (const RecordOutcome& o : outcomes.value()) {
      report.opened.insert(report.opened.end(), o.opened.begin(), o.opened.end());
      report.reopened.insert(report.reopened.end(), o.reopened.begin(), o.reopened.end());
      report.suppressed.insert(report.suppressed.end(), o.suppressed.begin(), o.suppressed.end());
    }
    pending.clear();
    return Ok{};
  };
  for (const Subject& subject : subjects) {
    const ScreenQuery query = subject_query(subject);
    // A subject whose words the store lacks keeps them from this screening's normalised name.
    const bool needs_words = words_stale || !subject.words_known;
    screen_options.keep_name = needs_words;
    const ScreenResult result = engine.screener->screen(query, screen_options, session);
    ScreeningRecord record =
        make_screening_record(engine, query, result, options.threshold, options.actor);
    record.subject_id = subject.id;
    record.near_score = result.near - drift.value();
    if (needs_words) record.words = words_of(subject, session.name);
    pending.push_back(std::move(record));
    ++report.screened;
    report.hits += result.hits.size();
    if (pending.size() == kRecordsPerTransaction)
      if (auto st = flush(); !st) return st.error();
  }
  if (auto st = flush(); !st) return st.error();
  return report;
}

namespace {

// Whether a subject the lists' change did not reach is to be screened all the same: it never was
// (no near score kept: its command stopped first), or its near score — the best it scored under
// the stricter threshold it was screened at, plus the drift since — reaches this one.
bool unscreened_at(const std::optional<double>& near_score, double drift, float threshold) {
  return !near_score || meets_threshold(static_cast<float>(*near_score + drift), threshold);
}

}  // namespace

Result<std::vector<Subject>> subjects_to_screen(CaseStore& store, const std::vector<Subject>& given,
                                                const std::vector<bool>& put, float threshold) {
  std::vector<Subject> out;
  std::vector<std::string> unchanged;
  for (size_t i = 0; i < given.size(); ++i)
    if (i < put.size() && put[i])
      out.push_back(given[i]);
    else
      unchanged.push_back(given[i].id);
  if (unchanged.empty()) return out;
  auto stored = store.subjects(unchanged);
  if (!stored) return stored.error();
  auto drift = store.monitor_drift();
  if (!drift) return drift.error();
  for (Subject& s : stored.value())
    if (unscreened_at(s.near_score, drift.value(), threshold)) out.push_back(std::move(s));
  return out;
}

namespace {

// Closes the open alerts of parties the engine's snapshot no longer lists (by id or former id).
Result<std::vector<int64_t>> close_delisted(CaseStore& store, const ScreeningEngine& engine,
                                            const MonitorOptions& options) {
  std::vector<std::string> live;
  for (const Party& p : engine.snapshot->parties) {
    live.push_back(p.id);
    live.insert(live.end(), p.former_ids.begin(), p.former_ids.end());
  }
  return store.close_delisted(live, engine.snapshot->id, options.actor);
}

}  // namespace

Result<MonitorReport> run_monitor(CaseStore& store, const ScreeningEngine& engine,
                                  const MonitorOptions& options) {
  auto subjects = store.subjects();
  if (!subjects) return subjects.error();
  auto report = screen_subjects(store, engine, subjects.value(), options);
  if (!report) return report;
  auto closed = close_delisted(store, engine, options);
  if (!closed) return closed.error();
  report->delisted = std::move(closed.value());
  return report;
}

namespace {

// The parties of `after` that a subject may now match or match differently: new ones, and those
// with a record added, removed or changed in any field (names, countries, dates, identifiers…).
std::vector<uint32_t> changed_parties(const Snapshot& before, const Snapshot& after) {
  std::unordered_map<std::string_view, uint32_t> old_records;
  old_records.reserve(before.entities.size());
  for (uint32_t i = 0; i < before.entities.size(); ++i)
    old_records.emplace(before.entities[i].id, i);
  std::unordered_map<std::string_view, size_t> old_sizes;
  for (const Party& p : before.parties) old_sizes.emplace(p.id, p.members.size());
  std::vector<uint32_t> changed;
  for (uint32_t k = 0; k < after.parties.size(); ++k) {
    const Party& p = after.parties[k];
    const auto size = old_sizes.find(p.id);
    bool same = size != old_sizes.end() && size->second == p.members.size();
    for (size_t m = 0; same && m < p.members.size(); ++m) {
      const Entity& e = after.entities[p.members[m]];
      const auto old = old_records.find(e.id);
      same = old != old_records.end() && before.entities[old->second] == e &&
             before.party_of_entity(old->second)->id == p.id;
    }
    if (!same) changed.push_back(k);
  }
  return changed;
}

// The changed parties alone, as a snapshot of their own (records sorted by id, each party's
// members in the order `from` gives them: most consequential listing first).
std::shared_ptr<Snapshot> snapshot_of_parties(const Snapshot& from,
                                              const std::vector<uint32_t>& parties) {
  auto out = std::make_shared<Snapshot>();
  out->id = from.id + "-delta";
  out->content_hash = from.content_hash + "-delta";
  std::vector<uint32_t> records;
  for (uint32_t k : parties)
    records.insert(records.end(), from.parties[k].members.begin(), from.parties[k].members.end());
  std::sort(records.begin(), records.end());
  std::unordered_map<uint32_t, uint32_t> position;
  for (uint32_t m : records) {
    position.emplace(m, static_cast<uint32_t>(out->entities.size()));
    out->entities.push_back(from.entities[m]);
  }
  for (uint32_t k : parties) {
    Party p{from.parties[k].id, {}, from.parties[k].former_ids};
    for (uint32_t m : from.parties[k].members) p.members.push_back(position.at(m));
    out->parties.push_back(std::move(p));
  }
  out->index_parties();
  return out;
}

// How many names of `index` hold each term of `names`, by term text.
std::unordered_map<std::string, size_t> term_counts(const NameIndex& index) {
  std::unordered_map<std::string, size_t> counts;
  for (uint32_t n = 0; n < index.name_count(); ++n)
    for (const IndexedToken& t : index.name(n).tokens) {
      const std::string text(index.term_text(t.term));
      if (!counts.count(text)) counts.emplace(text, index.names_with_term(t.term).size());
    }
  return counts;
}

constexpr size_t kEvery = size_t{1} << 40;  // an alert filter's limit that keeps every alert

// A term whose weight moved by more than a cut (relative) makes the parties holding it worth
// re-scoring (they go into the delta index); a score against any other party moves only by how far
// weights moved within the cut, which every subject's near score is granted — those it lifts to
// the threshold are screened again. A low cut makes a large delta index, searched for every
// subject; a high one re-screens more subjects. Each run takes the cut, of these, that costs least.
constexpr double kWeightCuts[] = {0.002, 0.003, 0.004, 0.006, 0.008, 0.012, 0.016, 0.024};
// What checking one subject near the threshold costs (its screening), in subject–name pairs of the
// delta index's search, both on the same threads (bench/monitor_bench at 1M subjects: 43 µs
// against 0.11 ns a pair, each on two threads).
constexpr double kPairsPerScreening = 4e5;

// A term's weight moves when the number of names holding it does. Weighed as the index weighs
// (name_index_builder.cpp): log(1 + names / names holding it).
double term_weight(double names, double holding) {
  return std::log(1.0 + names / std::max(1.0, holding));
}

// Runs `work(first, stride)` on `threads` threads (this one among them).
template <typename Work>
void on_threads(unsigned threads, Work&& work) {
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
  work(0, threads);
  for (auto& th : pool) th.join();
}

constexpr uint32_t kUnknownWord = static_cast<uint32_t>(-1);

// Every subject's words, as word ids into one vocabulary (the store's, extended by the words of
// subjects the store keeps none for): one flat array, each subject's run the readings' words with
// a 0 after each reading.
struct SubjectWordRuns {
  std::vector<std::string> vocabulary;  // [0] unused
  std::vector<uint32_t> ids;
  std::vector<size_t> begin;    // subject i's run: ids[begin[i], begin[i + 1])
  std::vector<uint32_t> flags;  // subject i's SubjectWords::flags
  std::span<const uint32_t> of(size_t i) const {
    return std::span<const uint32_t>(ids).subspan(begin[i], begin[i + 1] - begin[i]);
  }
  // Subjects holding the same words with the same flags are searched and checked alike.
  uint64_t hash(size_t i) const {
    const auto run = of(i);
    return XXH3_64bits_withSeed(run.data(), run.size_bytes(), flags[i]);
  }
  bool alike(size_t a, size_t b) const {
    const auto x = of(a), y = of(b);
    return flags[a] == flags[b] && std::equal(x.begin(), x.end(), y.begin(), y.end());
  }
};

// Reads the words the store keeps and derives (and keeps) those it lacks: subjects screened
// before words were kept, or whose words another matcher derived.
Result<SubjectWordRuns> subject_word_runs(CaseStore& store, MonitoredSubjects& monitored) {
  SubjectWordRuns out;
  out.vocabulary = std::move(monitored.vocabulary);
  auto matcher = store.words_matcher();
  if (!matcher) return matcher.error();
  const bool current = matcher.value() == index_build_key();
  if (!current)
    if (auto st = store.reset_words(index_build_key()); !st) return st.error();
  std::vector<std::string> lacking;
  for (const MonitoredSubject& s : monitored.subjects)
    if (!current || s.words.empty()) lacking.push_back(s.id);
  std::unordered_map<std::string, SubjectWords> derived;
  if (!lacking.empty()) {
    auto subjects = store.subjects(lacking);
    if (!subjects) return subjects.error();
    NameNormalizer normalizer;
    std::vector<std::pair<std::string, SubjectWords>> keep;
    for (const Subject& s : subjects.value()) {
      SubjectWords words = words_of(s, normalizer.normalize_query(s.name));
      if (s.near_score) keep.emplace_back(s.id, words);
      derived.emplace(s.id, std::move(words));
    }
    if (auto st = store.keep_words(keep); !st) return st.error();
  }
  // The words of `derived`, numbered after the store's.
  std::unordered_map<std::string, uint32_t> added;
  for (const MonitoredSubject& s : monitored.subjects) {
    out.begin.push_back(out.ids.size());
    const auto d = derived.find(s.id);
    if (d != derived.end()) {
      out.flags.push_back(d->second.flags);
      for (const auto& reading : d->second.readings) {
        for (const std::string& form : reading) {
          auto [it, fresh] = added.try_emplace(form, static_cast<uint32_t>(out.vocabulary.size()));
          if (fresh) out.vocabulary.push_back(form);
          out.ids.push_back(it->second);
        }
        out.ids.push_back(0);
      }
      continue;
    }
    std::string_view words = s.words;
    uint64_t v = 0;
    out.flags.push_back(read_varint(words, v) ? static_cast<uint32_t>(v) : 0);
    // An id the vocabulary lacks (a damaged row): its subject is screened.
    while (read_varint(words, v))
      out.ids.push_back(v < out.vocabulary.size() ? static_cast<uint32_t>(v) : kUnknownWord);
    if (!words.empty()) out.ids.push_back(kUnknownWord);  // cut inside a number
  }
  out.begin.push_back(out.ids.size());
  return out;
}

// The best name score a subject's words may have against `screener`'s index, over their readings
// (Screener::best_name_score: exact for the names whose bound reaches `floor`), and whether it may
// reach `enough` — or holds a word the vocabulary lacks, which only a screening can tell.
// `token_of(id)` is a word prepared against that index; `query` and `session`, the caller's.
template <typename TokenOf>
std::pair<bool, float> best_over_readings(const Screener& screener, std::span<const uint32_t> words,
                                          uint32_t flags, TokenOf token_of, float floor,
                                          float enough, float followers_under,
                                          ScreenSession& session, PreparedQuery& query) {
  bool may = false;
  float best = 0;
  size_t k = 0;
  for (uint32_t id : words) {
    if (id == kUnknownWord) {
      may = true;
    } else if (id != 0) {
      if (query.tokens.size() <= k) query.tokens.resize(k + 1);
      query.tokens[k++] = token_of(id);
    } else if (!may && k > 0) {  // the end of a reading
      query.tokens.resize(k);
      complete_query(query, flags & kMaybeCut);
      best = std::max(best, screener.best_name_score(query, flags & kPerson, floor, enough, session,
                                                     followers_under));
      may = best >= enough;
      k = 0;
    } else {
      k = 0;
    }
  }
  return {may, best};
}

// Whether recording a screening of the subject that met these parties at the threshold would open
// or reopen an alert: one on a party it has no alert on, or whose alert was closed other than by a
// decision (the store reopens those).
Result<bool> raises_an_alert(CaseStore& store, const std::string& subject_id,
                             const std::vector<std::string>& parties) {
  if (parties.empty()) return false;
  AlertFilter filter;
  filter.subject_id = subject_id;
  filter.limit = kEvery;
  auto alerts = store.alerts(filter);
  if (!alerts) return alerts.error();
  std::unordered_set<std::string> held;
  for (const Alert& a : alerts.value())
    if (a.status != AlertStatus::closed || a.resolution == "true_match" ||
        a.resolution == "false_positive")
      held.insert(a.party_id);
  return std::any_of(parties.begin(), parties.end(),
                     [&](const std::string& p) { return held.count(p) == 0; });
}

}  // namespace

Result<MonitorReport> run_monitor_delta(CaseStore& store, const ScreeningEngine& engine,
                                        const Snapshot& before, const MonitorOptions& options) {
  const Snapshot& after = *engine.snapshot;
  const NameIndex& index = *engine.index;
  MonitorReport why;
  auto step_start = std::chrono::steady_clock::now();
  auto step = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    why.steps.emplace_back(name, std::chrono::duration<double>(now - step_start).count());
    step_start = now;
  };
  // The lists' change (the parties it touches; the names it adds and removes, indexed for their
  // terms' counts) is found on a thread of its own while this one reads the subjects.
  std::vector<uint32_t> changed, gone;  // gone: before's side of it
  std::shared_ptr<const NameIndex> added, removed;
  auto most_changed = [&] { return changed.size() * 4 > after.parties.size(); };
  std::jthread change_side([&] {
    changed = changed_parties(before, after);
    gone = changed_parties(after, before);
    if (most_changed() || (changed.empty() && gone.empty())) return;
    added = NameIndex::build(snapshot_of_parties(after, changed), 1);
    removed = NameIndex::build(snapshot_of_parties(before, gone), 1);
  });
  auto monitored = store.monitored_subjects();
  change_side.join();
  // A change of most of the lists (a source's new format, a first import of a list) reaches
  // most subjects anyway: screening them all costs less than finding out which.
  if (most_changed()) {
    auto report = run_monitor(store, engine, options);
    if (report) {
      report->changed_parties = changed.size() + gone.size();
      report->why_full =
          fmt::format("the change touches {} of {} parties", changed.size(), after.parties.size());
    }
    return report;
  }
  if (!monitored) return monitored.error();
  const std::vector<MonitoredSubject>& all = monitored->subjects;
  step("subjects read, the change found");

  // A subject's position in `all` by its id (the store reads them in order of id; a store whose
  // order differs from the bytes' is sorted here).
  std::vector<uint32_t> by_id(all.size());
  for (uint32_t i = 0; i < all.size(); ++i) by_id[i] = i;
  auto id_less = [&](uint32_t a, uint32_t b) { return all[a].id < all[b].id; };
  if (!std::is_sorted(by_id.begin(), by_id.end(), id_less))
    std::sort(by_id.begin(), by_id.end(), id_less);
  auto index_of = [&](const std::string& id) -> size_t {
    const auto it =
        std::lower_bound(by_id.begin(), by_id.end(), id,
                         [&](uint32_t i, const std::string& v) { return all[i].id < v; });
    return it != by_id.end() && all[*it].id == id ? *it : all.size();
  };
  std::vector<uint8_t> chosen(all.size(), 0);  // to be screened and recorded
  // Subjects with an alert of any status on a changed or removed party: its listings changed.
  std::vector<std::string> party_ids;
  for (uint32_t k : changed) {
    party_ids.push_back(after.parties[k].id);
    for (const auto& id : after.parties[k].former_ids) party_ids.push_back(id);
  }
  for (uint32_t k : gone) party_ids.push_back(before.parties[k].id);
  for (const std::string& id : party_ids) {
    AlertFilter filter;
    filter.party_id = id;
    filter.limit = kEvery;
    auto alerts = store.alerts(filter);
    if (!alerts) return alerts.error();
    for (const Alert& a : alerts.value())
      if (const size_t i = index_of(a.subject_id); i < all.size() && !chosen[i])
        chosen[i] = 1, ++why.chosen_for_alert;
  }
  step("alerts of changed parties");
  why.changed_parties = changed.size() + gone.size();

  std::vector<size_t> near_only;  // subjects chosen for their near score alone
  SubjectWordRuns runs;           // every subject's words
  const unsigned threads = std::max(1u, std::min(options.threads, 16u));
  if (!changed.empty() || !gone.empty()) {
    // Terms whose weight the change moved: the names holding them were added or removed. A score
    // between a subject and an unchanged party moves only through them.
    const double names_after = static_cast<double>(index.name_count());
    const double names_before = names_after - static_cast<double>(added->name_count()) +
                                static_cast<double>(removed->name_count());
    const auto added_counts = term_counts(*added), removed_counts = term_counts(*removed);
    std::unordered_map<std::string, double> reweighted;  // term → relative change of weight
    auto weigh = [&](const std::string& text) {
      const TermId t = index.find_term(text);
      const double now = t == kNoTerm ? 0.0 : static_cast<double>(index.names_with_term(t).size());
      const auto plus = added_counts.find(text), minus = removed_counts.find(text);
      const double then = now - (plus == added_counts.end() ? 0.0 : plus->second) +
                          (minus == removed_counts.end() ? 0.0 : minus->second);
      const double w_now = term_weight(names_after, now), w_then = term_weight(names_before, then);
      const double change = std::abs(w_now - w_then) / w_then;
      if (change == 0) return;
      reweighted[text] = change;
    };
    for (const auto& [text, count] : added_counts) weigh(text);
    for (const auto& [text, count] : removed_counts) weigh(text);

    // Every weight moves a little with the count of all names (a_names). A score being a ratio of
    // weights, weights each moved by at most `a` (relative) raise it by at most a factor
    // (1 + a) / (1 − a), and a score being at most 1, by at most that less 1.
    double a_names = 0;
    for (const double holding :
         {1.0, names_before / 100, names_before / 10, names_before / 2, names_before}) {
      const double then = term_weight(names_before, holding),
                   now = term_weight(names_after, holding);
      a_names = std::max(a_names, std::abs(now - then) / then);
    }
    auto rise = [](double a) { return a >= 0.5 ? 1.0 : (1 + a) / (1 - a) - 1; };
    auto drift = store.monitor_drift();
    if (!drift) return drift.error();

    // The cut: for each, the names the delta index would hold (the changed parties' and those of
    // every party with a name holding a term moved beyond it) and the subjects its rise would
    // bring to the threshold.
    std::vector<double> party_moved(after.parties.size(), 0);  // the most a term of its names moved
    for (const auto& [text, change] : reweighted) {
      const TermId t = index.find_term(text);
      if (t == kNoTerm || change <= kWeightCuts[0]) continue;
      for (uint32_t n : index.names_with_term(t)) {
        double& most = party_moved[after.party_of[index.name(n).entity]];
        most = std::max(most, change);
      }
    }
    std::vector<uint32_t> party_names(after.parties.size(), 0);
    for (uint32_t n = 0; n < index.name_count(); ++n)
      ++party_names[after.party_of[index.name(n).entity]];
    std::vector<bool> is_changed(after.parties.size(), false);
    for (uint32_t k : changed) is_changed[k] = true;
    double cut = kWeightCuts[0], least = -1;
    for (const double c : kWeightCuts) {
      double names = 0;
      for (size_t k = 0; k < after.parties.size(); ++k)
        if (is_changed[k] || party_moved[k] > c) names += party_names[k];
      const double lift = drift.value() + rise(std::max(c, a_names));
      double rescreened = 0;
      for (const MonitoredSubject& s : all)
        rescreened += s.near_score &&
                      meets_threshold(static_cast<float>(*s.near_score + lift), options.threshold);
      const double cost = rescreened + static_cast<double>(all.size()) * names / kPairsPerScreening;
      if (least < 0 || cost < least) least = cost, cut = c;
    }
    std::unordered_set<std::string> moved;  // terms moved beyond the cut
    for (const auto& [text, change] : reweighted)
      if (change > cut) moved.insert(text);
    why.weight_cut = cut;
    step("reweighted terms");

    // What a subject may now meet at the threshold: the changed parties, and every party with a
    // name holding a moved term. Indexed apart, weighted as the whole index is, so each score is
    // the one the whole index gives.
    std::vector<uint32_t> reach = changed;
    std::vector<bool> taken(after.parties.size(), false);
    std::unordered_set<std::string> changed_ids;
    for (uint32_t k : changed) taken[k] = true, changed_ids.insert(after.parties[k].id);
    for (const std::string& text : moved) {
      const TermId t = index.find_term(text);
      if (t == kNoTerm) continue;
      for (uint32_t n : index.names_with_term(t)) {
        const uint32_t party = after.party_of[index.name(n).entity];
        if (!taken[party]) taken[party] = true, reach.push_back(party);
      }
    }
    const Screener screener(NameIndex::build(snapshot_of_parties(after, reach), 2, &index));
    step("delta index");

    // Which subjects have a name of the delta index through the screener's score bound: their
    // words, prepared once for each distinct word the subjects hold, make their queries again
    // (each reading's) without normalising a million names, and the screener's lookups and bound
    // run on them as screen() runs them. A subject with no name through the bound there has no
    // hit there; the others are screened against it below.
    auto read_runs = subject_word_runs(store, monitored.value());
    if (!read_runs) return read_runs.error();
    runs = std::move(read_runs.value());
    step("subjects' words");
    const std::vector<std::string>& vocabulary = runs.vocabulary;
    std::vector<uint8_t> used(vocabulary.size(), 0);
    for (uint32_t id : runs.ids)
      if (id < used.size()) used[id] = 1;
    std::vector<QueryToken> prepared(vocabulary.size());
    // Each word's neighbours in the delta index looked up once here rather than once by each
    // search thread (QueryToken::similar): as a family name for the words some subject's reading
    // holds as its family name (complete_query's rule), which look further.
    std::vector<std::array<std::vector<NameIndex::SimilarTerm>, 2>> similar(vocabulary.size());
    std::vector<double> word_change(vocabulary.size(), 0);  // how far its weight moved, relative
    on_threads(threads, [&](size_t first, size_t stride) {
      ScreenSession session;
      for (size_t w = first; w < vocabulary.size(); w += stride) {
        if (!used[w] || w == 0) continue;
        const NameToken token = decode_word(vocabulary[w]);
        prepared[w] = screener.prepare_word(token, session);
        similar[w][0] = screener.find_similar(prepared[w], false);
        prepared[w].similar[0] = &similar[w][0];
        prepared[w].similar_serial = screener.index().serial();
        double& change = word_change[w];
        if (auto it = reweighted.find(token.text); it != reweighted.end()) change = it->second;
        for (const auto& alt : token.alternatives)
          if (auto it = reweighted.find(alt); it != reweighted.end())
            change = std::max(change, it->second);
      }
    });
    std::vector<uint8_t> family(vocabulary.size(), 0);
    for (size_t start = 0; start < runs.ids.size();) {
      size_t end = start;
      while (end < runs.ids.size() && runs.ids[end] != 0) ++end;
      const std::span<const uint32_t> reading(runs.ids.data() + start, end - start);
      const bool known = std::none_of(reading.begin(), reading.end(),
                                      [](uint32_t id) { return id == kUnknownWord; });
      if (known)
        for_each_family_name(
            static_cast<int>(reading.size()),
            [&](int m) -> const TokenMarks& { return prepared[reading[m]].marks; },
            [&](int m) { return prepared[reading[m]].kind; },
            [&](int k) { family[reading[k]] = 1; });
      start = end + 1;
    }
    on_threads(threads, [&](size_t first, size_t stride) {
      for (size_t w = first; w < vocabulary.size(); w += stride)
        if (family[w]) {
          similar[w][1] = screener.find_similar(prepared[w], true);
          prepared[w].similar[1] = &similar[w][1];
        }
    });
    step("words prepared");
    // Near scores: a score against a party the delta index does not hold moves only through
    // weights, each of which moved by at most `a` (relative): the party's words by the cut (those
    // beyond are in the delta index) or through the count of all names alone (a_names), the
    // subject's own words by what they moved.
    const double a_all = std::max(cut, a_names);

    // What a word whose weight moved further than every word is granted (a_all) raises the near
    // score of each subject holding it by (CaseStore::raise_word_drifts): kept once for the word.
    std::vector<double> word_raise(vocabulary.size(), 0);
    std::vector<std::pair<std::string, double>> raised_words;
    for (size_t w = 1; w < vocabulary.size(); ++w)
      if (used[w] && word_change[w] > a_all) {
        word_raise[w] = rise(word_change[w]) - rise(a_all);
        raised_words.emplace_back(vocabulary[w], word_raise[w]);
      }

    std::vector<uint8_t> candidate(all.size(), 0);
    std::vector<double> own_change(all.size(), 0);  // the most one of a subject's words moved
    std::vector<double> own_raise(all.size(), 0);   // what its words' raises add to its near score
    // Each subject's bound before this search: its near score plus the drift plus the rise its
    // own words and every party's can give (screened when that reaches the threshold); none when
    // it has no near score (screened) or an alert on a changed party (screened).
    auto bound_of = [&](size_t i) {
      return *all[i].near_score + drift.value() + rise(std::max(a_all, own_change[i]));
    };
    std::vector<uint8_t> screened_anyway(all.size(), 0);
    for (size_t i = 0; i < all.size(); ++i) screened_anyway[i] = !all[i].near_score || chosen[i];
    // A bound of each subject's best score under the threshold against the delta index's
    // parties, whose scores the change moved by any amount: its near score must cover it. Only
    // names that may score over the subject's bound need scoring for that.
    std::vector<float> delta_near(all.size(), 0);
    // What the search asks of each subject: how far under the threshold it must look (none: it is
    // screened anyway, or its bound reaches the threshold), and its words' hash.
    constexpr float kNoSearch = -1;
    std::vector<float> floor_of(all.size(), kNoSearch);
    std::vector<uint64_t> run_hash(all.size(), 0);
    on_threads(threads, [&](size_t first, size_t stride) {
      for (size_t i = first; i < all.size(); i += stride) {
        double change = 0, raise = 0;
        std::span<const uint32_t> words = runs.of(i);
        for (size_t k = 0; k < words.size(); ++k) {
          const uint32_t id = words[k];
          if (id == 0 || id == kUnknownWord) continue;
          change = std::max(change, word_change[id]);
          // Each word once, as the store counts it.
          if (word_raise[id] > 0 &&
              std::find(words.begin(), words.begin() + k, id) == words.begin() + k)
            raise += word_raise[id];
        }
        own_change[i] = change;
        own_raise[i] = raise;
        if (screened_anyway[i] ||
            meets_threshold(static_cast<float>(bound_of(i)), options.threshold))
          continue;
        const uint32_t flags = runs.flags[i];
        const float boost =
            Screener::max_evidence_boost(flags & kCountry, flags & kBirthDate, flags & kIdentifier);
        const float needed = lowest_meeting(options.threshold) - boost;
        floor_of[i] = std::max(needed - kNearMargin, static_cast<float>(bound_of(i)) - boost);
        run_hash[i] = runs.hash(i);
      }
    });
    // Subjects whose words and flags are the same (one name under two ids, "John Smith" in two
    // firms) are searched once, at the lowest floor any of them asks: a search at a lower floor
    // scores more names in full, so its figure bounds each of theirs as tightly or more, and
    // finds every name reaching the threshold alike. Each thread takes the runs whose hash falls
    // to it, in order of hash, then of floor.
    on_threads(threads, [&](size_t first, size_t stride) {
      struct Asked {
        uint64_t hash;
        float floor;
        uint32_t subject;
      };
      std::vector<Asked> asked;
      for (size_t i = 0; i < all.size(); ++i)
        if (floor_of[i] != kNoSearch && run_hash[i] % stride == first)
          asked.push_back({run_hash[i], floor_of[i], static_cast<uint32_t>(i)});
      std::sort(asked.begin(), asked.end(), [](const Asked& a, const Asked& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.floor < b.floor;
      });
      ScreenSession session;
      PreparedQuery query;
      auto search = [&](size_t i, float floor) {
        const uint32_t flags = runs.flags[i];
        const float boost =
            Screener::max_evidence_boost(flags & kCountry, flags & kBirthDate, flags & kIdentifier);
        const float needed = lowest_meeting(options.threshold) - boost;
        const auto [may, best] = best_over_readings(
            screener, runs.of(i), flags,
            [&](uint32_t id) -> const QueryToken& { return prepared[id]; }, floor, needed,
            floor - kNearMargin, session, query);
        candidate[i] = may;
        delta_near[i] = std::min(1.0f, best + boost);
      };
      for (size_t g = 0; g < asked.size();) {
        const size_t lead = asked[g].subject;
        search(lead, asked[g].floor);
        size_t next = g + 1;
        for (; next < asked.size() && asked[next].hash == asked[g].hash; ++next) {
          const size_t i = asked[next].subject;
          if (runs.alike(i, lead)) {
            candidate[i] = candidate[lead];
            delta_near[i] = delta_near[lead];
          } else {
            search(i, asked[next].floor);  // another run under the same hash
          }
        }
        g = next;
      }
    });
    step("subjects searched");
    std::vector<std::string> candidate_ids;
    for (size_t i = 0; i < all.size(); ++i)
      if (candidate[i] && !chosen[i]) candidate_ids.push_back(all[i].id);

    // The subjects that can meet it, screened against it on every core (sessions are per
    // thread); what each met is kept for the store, which this thread alone asks.
    const ScreenOptions screen_options = monitoring_screen_options(options, 1000);
    struct Met {
      std::vector<std::string> parties;  // at the threshold, none of them changed
      bool changed_party = false;
      float near = 0;  // ScreenResult::near against the delta index
    };
    std::vector<Met> found;
    std::vector<int32_t> met_at(all.size(), -1);  // a subject's entry in `found`
    {
      auto subjects = store.subjects(candidate_ids);
      if (!subjects) return subjects.error();
      const std::vector<Subject>& screened = subjects.value();
      found.resize(screened.size());
      on_threads(threads, [&](size_t first, size_t stride) {
        ScreenSession session;
        for (size_t i = first; i < screened.size(); i += stride) {
          const ScreenResult r =
              screener.screen(subject_query(screened[i]), screen_options, session);
          found[i].near = r.near;
          for (const Hit& h : r.hits) {
            // (Hits are parties of the delta index, whose ids are those of `after`.)
            if (changed_ids.count(h.party->id))
              found[i].changed_party = true;
            else
              found[i].parties.push_back(h.party->id);
          }
        }
      });
      for (size_t k = 0; k < screened.size(); ++k)
        if (const size_t i = index_of(screened[k].id); i < all.size())
          met_at[i] = static_cast<int32_t>(k);
    }

    step("candidates screened");
    std::vector<std::pair<std::string, double>> raised_near;

    for (size_t i = 0; i < all.size(); ++i) {
      const Met* m = met_at[i] < 0 ? nullptr : &found[static_cast<size_t>(met_at[i])];
      bool news = m && m->changed_party;
      if (!news && m) {
        // A match with a party whose listings did not change, which the subject already has an
        // alert on, only moves that alert's score: not worth a screening.
        auto raises = raises_an_alert(store, all[i].id, m->parties);
        if (!raises) return raises.error();
        news = raises.value();
      }
      if (news) {
        chosen[i] = 1;
        ++why.chosen_for_match;
      } else if (chosen[i]) {
        // chosen for an alert on a changed party
      } else if (all[i].near_score) {
        // Its bound now: against the parties outside the delta index, its near score plus this
        // change's rise plus what earlier delta runs may have added (the drift); against those in
        // it, what the search (or its screening there) found. Within reach of the threshold:
        // screened. Otherwise its near score grows by what the bound gained beyond the rise every
        // subject is granted and its words' raises.
        const double in_delta = m ? m->near : delta_near[i];
        const double bound = std::max(bound_of(i), in_delta);
        if (meets_threshold(static_cast<float>(bound), options.threshold)) {
          chosen[i] = 1;
          ++why.chosen_for_near;
          near_only.push_back(i);
        } else if (const double raise =
                       bound - (*all[i].near_score + drift.value() + rise(a_all) + own_raise[i]);
                   raise > 0) {
          raised_near.emplace_back(all[i].id, raise);
        }
      } else {
        // Nothing bounds its score (never screened since it changed, or a store made before
        // near scores were kept).
        chosen[i] = 1;
        ++why.chosen_without_near;
      }
    }
    why.reweighted_terms = moved.size();
    why.near_raised = raised_near.size();
    why.words_raised = raised_words.size();
    // Before the re-screen, which keeps near scores against the drift as it then stands (a run
    // cut short leaves bounds higher than they need be, never lower).
    step("bounds weighed");
    if (auto st = store.raise_word_drifts(raised_words); !st) return st.error();
    if (auto st = store.raise_near_scores(raised_near); !st) return st.error();
    if (auto st = store.set_monitor_drift(drift.value() + rise(a_all)); !st) return st.error();
    step("near scores and drifts raised");
  }
  // Subjects chosen for their near score alone are screened here on every core, and recorded only
  // when they meet at the threshold a party whose alert that would open or reopen (what a full run
  // raises); the others keep the near score found, as the record of their screening would.
  size_t near_checked = 0;
  if (!near_only.empty()) {
    auto drift = store.monitor_drift();
    if (!drift) return drift.error();
    std::vector<std::pair<std::string, double>> kept;
    // A subject with nothing but a name (no type, country, date of birth or identifier to weigh):
    // its near score is its best name score under the threshold, which its words give against the
    // whole index as the search gives it against the delta's — at the floor and follower bound a
    // screening uses (screener.cpp, screen_reading) — without the subject read from the store.
    // Those whose words may reach the threshold, and the others, are screened.
    std::vector<size_t> by_words, by_screening;
    constexpr uint32_t kEvidence = kTyped | kCountry | kBirthDate | kIdentifier;
    for (size_t i : near_only) (runs.flags[i] & kEvidence ? by_screening : by_words).push_back(i);
    if (!by_words.empty()) {
      // The words they hold, prepared against the whole index.
      constexpr uint32_t kNoSlot = static_cast<uint32_t>(-1);
      std::vector<uint32_t> slot(runs.vocabulary.size(), kNoSlot), words;
      for (size_t i : by_words)
        for (uint32_t id : runs.of(i))
          if (id != 0 && id != kUnknownWord && slot[id] == kNoSlot)
            slot[id] = static_cast<uint32_t>(words.size()), words.push_back(id);
      std::vector<QueryToken> tokens(words.size());
      on_threads(threads, [&](size_t first, size_t stride) {
        ScreenSession session;
        for (size_t k = first; k < words.size(); k += stride)
          tokens[k] =
              engine.screener->prepare_word(decode_word(runs.vocabulary[words[k]]), session);
      });
      const float lowest = lowest_meeting(options.threshold - kNearMargin);
      const float enough = lowest_meeting(options.threshold);
      // Subjects holding the same words with the same flags are checked once.
      std::vector<size_t> same_as(by_words.size()), distinct;
      {
        std::unordered_map<uint64_t, std::vector<size_t>> by_hash;
        for (size_t d = 0; d < by_words.size(); ++d) {
          auto& alike = by_hash[runs.hash(by_words[d])];
          same_as[d] = d;
          for (size_t e : alike)
            if (runs.alike(by_words[e], by_words[d])) {
              same_as[d] = e;
              break;
            }
          if (same_as[d] == d) alike.push_back(d), distinct.push_back(d);
        }
      }
      std::vector<float> near(by_words.size(), 0);
      std::vector<uint8_t> may_meet(by_words.size(), 0);
      on_threads(threads, [&](size_t first, size_t stride) {
        ScreenSession session;
        PreparedQuery query;
        for (size_t e = first; e < distinct.size(); e += stride) {
          const size_t d = distinct[e], i = by_words[d];
          const auto [may, best] = best_over_readings(
              *engine.screener, runs.of(i), runs.flags[i],
              [&](uint32_t id) -> const QueryToken& { return tokens[slot[id]]; }, lowest, enough,
              lowest - (options.threshold - lowest), session, query);
          may_meet[d] = may;
          near[d] = std::min(1.0f, best);
        }
      });
      for (size_t d = 0; d < by_words.size(); ++d) {
        const size_t i = by_words[d];
        near[d] = near[same_as[d]], may_meet[d] = may_meet[same_as[d]];
        if (may_meet[d]) {
          by_screening.push_back(i);
        } else {
          kept.emplace_back(all[i].id, near[d] - drift.value());
          chosen[i] = 0;
        }
      }
      step("near-threshold subjects checked from their words");
    }
    std::sort(by_screening.begin(), by_screening.end());
    std::vector<std::string> ids;
    for (size_t i : by_screening) ids.push_back(all[i].id);
    auto subjects = store.subjects(ids);
    if (!subjects) return subjects.error();
    const std::vector<Subject>& checked = subjects.value();
    step("near-threshold subjects read");
    const ScreenOptions screen_options = monitoring_screen_options(options, 1000);
    // Subjects asking the same query (one name under two ids) are screened once.
    std::vector<size_t> same_as(checked.size());
    std::vector<size_t> distinct;
    {
      std::unordered_map<std::string, size_t> first_asking;
      for (size_t i = 0; i < checked.size(); ++i) {
        const Subject& s = checked[i];
        const auto [it, fresh] =
            first_asking.try_emplace(fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", s.name, s.country,
                                                 s.type, s.date_of_birth, s.identifier),
                                     i);
        same_as[i] = it->second;
        if (fresh) distinct.push_back(i);
      }
    }
    std::vector<float> near(checked.size(), 0);
    std::vector<std::vector<std::string>> met_parties(checked.size());
    on_threads(threads, [&](size_t first, size_t stride) {
      ScreenSession session;
      for (size_t d = first; d < distinct.size(); d += stride) {
        const size_t i = distinct[d];
        const ScreenResult r =
            engine.screener->screen(subject_query(checked[i]), screen_options, session);
        near[i] = r.near;
        for (const Hit& h : r.hits) met_parties[i].push_back(h.party ? h.party->id : h.entity->id);
      }
    });
    for (size_t i = 0; i < checked.size(); ++i)
      if (same_as[i] != i) near[i] = near[same_as[i]], met_parties[i] = met_parties[same_as[i]];
    step("near-threshold subjects screened");
    for (size_t i = 0; i < checked.size(); ++i) {
      auto raises = raises_an_alert(store, checked[i].id, met_parties[i]);
      if (!raises) return raises.error();
      if (raises.value()) continue;  // screened and recorded below
      kept.emplace_back(checked[i].id, near[i] - drift.value());
      if (const size_t k = index_of(checked[i].id); k < all.size()) chosen[k] = 0;
    }
    std::sort(kept.begin(), kept.end());  // the store's rows in order
    if (auto st = store.keep_near_scores(kept); !st) return st.error();
    near_checked = kept.size();
    step("their near scores kept");
  }
  std::vector<std::string> chosen_ids;
  for (size_t i = 0; i < all.size(); ++i)
    if (chosen[i]) chosen_ids.push_back(all[i].id);
  auto rescreen = store.subjects(chosen_ids);
  if (!rescreen) return rescreen.error();
  auto report = screen_subjects(store, engine, rescreen.value(), options);
  if (!report) return report;
  step("re-screened and recorded");
  report->subjects = all.size();
  report->screened += near_checked;
  report->near_checked = near_checked;
  report->chosen_for_alert = why.chosen_for_alert;
  report->chosen_for_match = why.chosen_for_match;
  report->chosen_for_near = why.chosen_for_near;
  report->chosen_without_near = why.chosen_without_near;
  report->changed_parties = why.changed_parties;
  report->reweighted_terms = why.reweighted_terms;
  report->near_raised = why.near_raised;
  report->words_raised = why.words_raised;
  report->weight_cut = why.weight_cut;
  auto closed = close_delisted(store, engine, options);
  if (!closed) return closed.error();
  report->delisted = std::move(closed.value());
  step("delisted closed");
  report->steps = std::move(why.steps);
  return report;
}

Result<MonitorReport> monitor_lists(CaseStore& store, const ScreeningEngine& engine,
                                    const SnapshotStore& snapshots, const MonitorOptions& options,
                                    bool full) {
  auto last = store.last_monitor_run();
  if (!last) return last.error();
  const auto& [last_snapshot, last_matcher] = last.value();
  std::string why_full;
  std::shared_ptr<const Snapshot> before;
  if (full) {
    why_full = "asked for";
  } else if (last_snapshot.empty()) {
    why_full = "the first run";
  } else if (last_matcher != index_build_key()) {
    why_full = "the matcher changed since the last run";
  } else if (last_snapshot == engine.snapshot->id) {
    // This snapshot was monitored already (by `lists import`, say): only subjects stored since
    // and never screened (their command stopped first), or screened at a stricter threshold.
    auto monitored = store.monitored_subjects();
    if (!monitored) return monitored.error();
    std::vector<std::string> unscreened;
    auto drift = store.monitor_drift();
    if (!drift) return drift.error();
    for (const MonitoredSubject& s : monitored->subjects)
      if (unscreened_at(s.near_score, drift.value(), options.threshold)) unscreened.push_back(s.id);
    MonitorReport report;
    if (!unscreened.empty()) {
      auto subjects = store.subjects(unscreened);
      if (!subjects) return subjects.error();
      auto screened = screen_subjects(store, engine, subjects.value(), options);
      if (!screened) return screened;
      report = std::move(screened.value());
    }
    report.subjects = monitored->subjects.size();
    report.mode = "up_to_date";
    report.against = last_snapshot;
    return report;
  } else if (auto loaded = snapshots.load(last_snapshot); loaded) {
    before = std::make_shared<const Snapshot>(std::move(loaded.value()));
  } else {
    why_full = fmt::format("the last run's snapshot {} is gone", last_snapshot);
  }
  auto report = before ? run_monitor_delta(store, engine, *before, options)
                       : run_monitor(store, engine, options);
  if (!report) return report;
  if (!report->why_full.empty()) before.reset();  // the delta found a full run cheaper
  report->mode = before ? "delta" : "full";
  if (report->why_full.empty()) report->why_full = why_full;
  if (before) report->against = before->id;
  nlohmann::ordered_json summary = {{"mode", report->mode},
                                    {"subjects", report->subjects},
                                    {"screened", report->screened},
                                    {"opened", report->opened.size()},
                                    {"reopened", report->reopened.size()},
                                    {"delisted", report->delisted.size()}};
  if (before) summary["against"] = before->id;
  if (auto st =
          store.note_monitor_run(engine.snapshot->id, index_build_key(), summary, options.actor);
      !st)
    return st.error();
  return report;
}

}  // namespace clearance
