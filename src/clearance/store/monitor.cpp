#include "clearance/store/monitor.h"

#include <fmt/format.h>

#include "clearance/match/name_index_file.h"
#include "clearance/match/screen_output.h"
#include "clearance/model/party_json.h"
#include "clearance/util/sha256.h"

namespace clearance {

std::string party_fingerprint(const Snapshot& snapshot, const Party& party) {
  std::string text;
  for (uint32_t m : party.members) {
    const Entity& e = snapshot.entities[m];
    text +=
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}\n", e.id, e.list, e.sub_list, e.name, e.listed_on,
                    e.end_date, e.license_requirement, e.license_policy, e.federal_register_notice);
    for (const auto& a : e.aliases) text += "a|" + a.name + "\n";
    for (const auto& p : e.programs) text += "p|" + p + "\n";
    for (const auto& d : e.dates_of_birth) text += "d|" + d + "\n";
  }
  return sha256_hex(text);
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
    h.detail = details.at(k);
    record.hits.push_back(std::move(h));
  }
  return record;
}

Result<MonitorReport> screen_subjects(CaseStore& store, const ScreeningEngine& engine,
                                      const std::vector<Subject>& subjects,
                                      const MonitorOptions& options) {
  MonitorReport report;
  ScreenSession session;
  ScreenOptions screen_options;
  screen_options.threshold = options.threshold;
  screen_options.limit = options.limit;
  for (const Subject& subject : subjects) {
    ScreenQuery query;
    query.name = subject.name;
    query.country = subject.country;
    query.type = subject.type.empty() ? EntityType::unknown : entity_type_from_string(subject.type);
    query.date_of_birth = subject.date_of_birth;
    query.identifier = subject.identifier;
    const ScreenResult result = engine.screener->screen(query, screen_options, session);
    ScreeningRecord record =
        make_screening_record(engine, query, result, options.threshold, options.actor);
    record.subject_id = subject.id;
    auto outcome = store.record_screening(record);
    if (!outcome) return outcome.error();
    ++report.screened;
    report.hits += result.hits.size();
    for (auto* list : {&outcome->opened, &outcome->reopened, &outcome->suppressed}) {
      auto& into = list == &outcome->opened     ? report.opened
                   : list == &outcome->reopened ? report.reopened
                                                : report.suppressed;
      into.insert(into.end(), list->begin(), list->end());
    }
  }
  return report;
}

Result<MonitorReport> run_monitor(CaseStore& store, const ScreeningEngine& engine,
                                  const MonitorOptions& options) {
  auto subjects = store.subjects();
  if (!subjects) return subjects.error();
  auto report = screen_subjects(store, engine, subjects.value(), options);
  if (!report) return report;
  std::vector<std::string> live;
  for (const Party& p : engine.snapshot->parties) {
    live.push_back(p.id);
    live.insert(live.end(), p.former_ids.begin(), p.former_ids.end());
  }
  auto closed = store.close_delisted(live, engine.snapshot->id, options.actor);
  if (!closed) return closed.error();
  report->delisted = std::move(closed.value());
  return report;
}

}  // namespace clearance
