#include "clearance/batch/batch_runner.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "clearance/match/explanation.h"
#include "clearance/match/hit_text.h"
#include "clearance/match/screen_output.h"
#include "clearance/model/party_json.h"
#include "clearance/util/file_io.h"
#include "clearance/util/json_text.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

// A CSV field, quoted when needed. A value a spreadsheet would take for a formula (starting with
// = + - @, a tab or a carriage return: "=HYPERLINK(…)" in a list name or a customer's row) is
// prefixed with an apostrophe, which spreadsheets show as text (OWASP's CSV injection advice).
std::string csv_field(std::string_view value) {
  std::string text;
  text.reserve(value.size() + 1);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    text.push_back('\'');
  text.append(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* kCsvHeader =
    "line,id,query,party_id,lists,entity_id,list,source,name,matched_name,score,license_"
    "requirement,license_policy,federal_register_notice\n";

// Formats one screened row in the chosen output format.
std::string format_row(const BatchRow& row, const ScreenResult& result, const Screener& screener,
                       const std::string& snapshot_id, BatchOutputFormat format,
                       const HitTextWriter& writer) {
  if (format == BatchOutputFormat::jsonl) {
    std::string line = batch_row_text(row, result, screener, snapshot_id, &writer);
    line += '\n';
    return line;
  }
  std::string out;
  const Snapshot& snapshot = screener.index().snapshot();
  for (const Hit& hit : result.hits) {
    const Entity& e = *hit.entity;
    // Every list the party is on, most consequential first; the other columns are the matched
    // record's.
    const std::string& party_id = hit.party ? hit.party->id : e.id;
    const std::vector<std::string> lists =
        hit.party ? party_lists(snapshot, *hit.party) : std::vector<std::string>{e.list};
    out +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{:.3f},{},{},{}\n", row.line, csv_field(row.id),
                    csv_field(row.query.name), csv_field(party_id), csv_field(join(lists, ";")),
                    csv_field(e.id), csv_field(e.list), csv_field(e.dataset), csv_field(e.name),
                    csv_field(hit.matched_name()), hit.score, csv_field(e.license_requirement),
                    csv_field(e.license_policy), csv_field(e.federal_register_notice));
  }
  return out;
}

struct Checkpoint {
  size_t line = 0;
  uint64_t output_bytes = 0, errors_bytes = 0;
  BatchSummary summary;
  std::string snapshot_id, input_sha256;
  std::string settings;  // screening_settings() of the run
  std::string run_id;    // the run's, kept by a resumed run: its chunks' keys
};

// What decides a row's output besides the row and the snapshot: a resumed run must screen as the
// interrupted one did, or its output would mix two kinds of answer.
std::string screening_settings(const BatchOptions& o) {
  return fmt::format("--threshold {} --limit {} --lists {} --output-format {} --record {}",
                     o.screen.threshold, o.screen.limit, fmt::join(o.lists, ","),
                     o.format == BatchOutputFormat::csv ? "csv" : "jsonl", o.keeper ? "on" : "off");
}

// A run's id: random, so that two runs over the same file are two runs.
std::string new_run_id() {
  std::random_device random;
  return fmt::format("{:08x}{:08x}", random(), random());
}

Result<Checkpoint> read_checkpoint(const std::string& path) {
  auto bytes = read_file_raw(path);
  if (!bytes) return bytes.error();
  auto j = nlohmann::json::parse(bytes.value(), nullptr, false);
  if (j.is_discarded())
    return make_error(ErrorCode::integrity, fmt::format("{}: damaged checkpoint", path));
  Checkpoint c;
  c.line = j.value("line", size_t{0});
  c.output_bytes = j.value("output_bytes", uint64_t{0});
  c.errors_bytes = j.value("errors_bytes", uint64_t{0});
  c.summary.rows = j.value("rows", size_t{0});
  c.summary.rows_with_hits = j.value("rows_with_hits", size_t{0});
  c.summary.hits = j.value("hits", size_t{0});
  c.summary.errors = j.value("errors", size_t{0});
  c.summary.unread_rows = j.value("unread_rows", size_t{0});
  c.snapshot_id = j.value("snapshot", "");
  c.input_sha256 = j.value("input_sha256", "");
  c.settings = j.value("settings", "");
  c.run_id = j.value("run", "");
  return c;
}

Status write_checkpoint(const std::string& path, const Checkpoint& c) {
  nlohmann::json j = {{"line", c.line},
                      {"output_bytes", c.output_bytes},
                      {"errors_bytes", c.errors_bytes},
                      {"rows", c.summary.rows},
                      {"rows_with_hits", c.summary.rows_with_hits},
                      {"hits", c.summary.hits},
                      {"errors", c.summary.errors},
                      {"unread_rows", c.summary.unread_rows},
                      {"snapshot", c.snapshot_id},
                      {"input_sha256", c.input_sha256},
                      {"settings", c.settings},
                      {"run", c.run_id}};
  return write_file_atomic(path, j.dump());
}

}  // namespace

std::string batch_row_text(const BatchRow& row, const ScreenResult& result,
                           const Screener& screener, const std::string& snapshot_id,
                           const HitTextWriter* writer) {
  std::string out;
  out.reserve(128 + row.query.name.size() + row.id.size());
  append_batch_row_text(out, row, result, screener, snapshot_id, writer);
  return out;
}

void append_batch_row_text(std::string& out, const BatchRow& row, const ScreenResult& result,
                           const Screener& screener, const std::string& snapshot_id,
                           const HitTextWriter* writer) {
  // Field by field as batch_row_to_json and query_to_json order them.
  const ScreenQuery& q = row.query;
  out += "{\"id\":";
  append_json_string(out, row.id);
  // Numbers by std::to_chars: a format string parsed a million times weighed in a batch's time.
  auto append_number = [&out](uint64_t n) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  };
  out += ",\"line\":";
  append_number(row.line);
  out += ",\"query\":{\"name\":";
  append_json_string(out, q.name);
  if (!q.country.empty()) out += ",\"country\":", append_json_string(out, q.country);
  if (q.type != EntityType::unknown)
    out += ",\"type\":", append_json_string(out, to_string(q.type));
  if (!q.date_of_birth.empty()) out += ",\"dob\":", append_json_string(out, q.date_of_birth);
  if (!q.identifier.empty()) out += ",\"identifier\":", append_json_string(out, q.identifier);
  if (!q.lists.empty()) out += ",\"lists\":", append_json_strings(out, q.lists);
  out += '}';
  if (!result.unread.empty()) out += ",\"unread\":", out += unread_to_json(result.unread).dump();
  out += ",\"hits\":";
  if (result.hits.empty()) {
    out += "[]";
  } else if (writer) {
    writer->append_hits(out, result);
  } else {
    HitTextWriter(screener).append_hits(out, result);
  }
  out += ",\"total\":";
  append_number(result.total);
  out +=
      result.truncated ? ",\"truncated\":true,\"snapshot\":" : ",\"truncated\":false,\"snapshot\":";
  append_json_string(out, snapshot_id);
  out += '}';
}

Result<BatchSummary> run_batch(const Screener& screener, const std::string& snapshot_id,
                               BatchInput& input, const std::string& output_path,
                               const std::string& errors_path, const BatchOptions& options,
                               const BatchProgress& progress) {
  const auto start = std::chrono::steady_clock::now();
  const std::string output_partial = output_path + ".partial",
                    errors_partial = errors_path + ".partial";
  const std::string checkpoint_path = output_partial + ".checkpoint";
  Checkpoint checkpoint;
  const bool resuming = options.resume && fs::exists(checkpoint_path) &&
                        fs::exists(output_partial) && fs::exists(errors_partial);
  if (resuming) {
    auto c = read_checkpoint(checkpoint_path);
    if (!c) return c.error();
    checkpoint = c.value();
    if (checkpoint.snapshot_id != snapshot_id)
      return make_error(
          ErrorCode::invalid_argument,
          fmt::format("--resume: the interrupted run screened against snapshot {}, "
                      "the current one is {}; one output must not mix them (screen "
                      "with --snapshot {}, or start again without --resume)",
                      checkpoint.snapshot_id.empty() ? "(unknown)" : checkpoint.snapshot_id,
                      snapshot_id, checkpoint.snapshot_id));
    if (checkpoint.input_sha256 != options.input_sha256)
      return make_error(ErrorCode::invalid_argument,
                        "--resume: the input file is not the one the interrupted run read (its "
                        "SHA-256 differs); start again without --resume");
    if (checkpoint.settings != screening_settings(options))
      return make_error(
          ErrorCode::invalid_argument,
          fmt::format("--resume: the interrupted run screened with {}, this one asks for {}; one "
                      "output must not mix them (resume with the same options, or start again "
                      "without --resume)",
                      checkpoint.settings.empty() ? "(unknown options)" : checkpoint.settings,
                      screening_settings(options)));
    std::error_code ec;
    fs::resize_file(output_partial, checkpoint.output_bytes, ec);
    if (!ec) fs::resize_file(errors_partial, checkpoint.errors_bytes, ec);
    if (ec)
      return make_error(ErrorCode::io, fmt::format("{}: cannot truncate to the checkpoint: {}",
                                                   output_partial, ec.message()));
  }
  std::ofstream out(output_partial,
                    std::ios::binary | (resuming ? std::ios::app : std::ios::trunc));
  std::ofstream errors(errors_partial,
                       std::ios::binary | (resuming ? std::ios::app : std::ios::trunc));
  if (!out) return make_error(ErrorCode::io, fmt::format("{}: cannot write", output_partial));
  if (!errors) return make_error(ErrorCode::io, fmt::format("{}: cannot write", errors_partial));
  if (!resuming) {
    if (options.format == BatchOutputFormat::csv) out << kCsvHeader;
    errors << "line,id,field,error\n";
    // A checkpoint before the first chunk: a run stopped while keeping it resumes under the same
    // run id, so that the chunk given again is recognised (BatchKeeper).
    out.flush();
    errors.flush();
    checkpoint.run_id = new_run_id();
    checkpoint.output_bytes = static_cast<uint64_t>(out.tellp());
    checkpoint.errors_bytes = static_cast<uint64_t>(errors.tellp());
    checkpoint.snapshot_id = snapshot_id;
    checkpoint.input_sha256 = options.input_sha256;
    checkpoint.settings = screening_settings(options);
    if (auto st = write_checkpoint(checkpoint_path, checkpoint); !st) return st.error();
  } else if (checkpoint.run_id.empty()) {
    checkpoint.run_id = new_run_id();  // a checkpoint written before runs had ids
  }
  BatchSummary summary = checkpoint.summary;
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<ScreenSession> sessions(threads);
  const HitTextWriter writer(screener);  // shared by the threads
  if (static_cast<bool>(options.keeper.prepare) != static_cast<bool>(options.keeper.keep))
    return make_error(ErrorCode::invalid_argument, "a batch's keeper needs both its steps");
  const bool keeping = static_cast<bool>(options.keeper);

  // One chunk's way through: read, screened, kept (options.keeper), written. Two chunks are in
  // flight: one is kept while the next is screened (BatchKeeper), and its output is written once
  // it is kept.
  struct Chunk {
    std::vector<BatchRow> rows;
    std::vector<std::string> formatted;
    std::vector<uint8_t> had_hits;
    std::vector<size_t> hit_counts;
    std::vector<std::string> unread;  // unread_message() of a row with words no reader spells
    // With CSV output, the rows' JSON for options.keeper: each thread's rows one after
    // another in a text of its own (kept from chunk to chunk: no allocation per row), and where
    // each row's is.
    struct KeptAt {
      unsigned thread = 0;
      size_t offset = 0, size = 0;
    };
    std::vector<std::string> kept_text;
    std::vector<KeptAt> kept_at;
    std::vector<std::string_view> to_keep;  // the rows kept: those texts, or the JSON Lines lines
    std::future<Status> keeping;            // last: waited for before the rest goes
  };
  std::array<Chunk, 2> chunks;

  // Keeping chunk `c`: its body made (keeper.prepare) on the calling thread, then its
  // transaction (keeper.keep) started on a thread of its own. What fails (an error, or an
  // exception on a screening thread, where it must not escape) is waited for as the keeping.
  auto start_keeping = [&](Chunk& c) {
    std::promise<Status> failed;
    try {
      std::any prepared;
      if (Status st = options.keeper.prepare(c.to_keep, prepared); !st) {
        failed.set_value(st);
        c.keeping = failed.get_future();
        return;
      }
      c.keeping = std::async(
          std::launch::async,
          [&options, &c, prepared = std::move(prepared),
           key = fmt::format("{}:{}", checkpoint.run_id, c.rows.front().line)]() mutable {
            return options.keeper.keep(c.to_keep, std::move(prepared), key);
          });
    } catch (...) {
      failed.set_exception(std::current_exception());
      c.keeping = failed.get_future();
    }
  };

  // Screens chunk `c`; `to_keep` (the chunk before, screened), when given, is kept meanwhile: the
  // first thread makes its body before it takes rows (the others take them meanwhile; no thread
  // waits to be woken for it) and starts its transaction.
  auto screen_chunk = [&](Chunk& c, Chunk* to_keep) {
    c.formatted.assign(c.rows.size(), std::string());
    c.had_hits.assign(c.rows.size(), 0);
    c.hit_counts.assign(c.rows.size(), 0);
    c.unread.assign(c.rows.size(), std::string());
    const bool keeping_apart = keeping && options.format != BatchOutputFormat::jsonl;
    if (keeping_apart) {
      c.kept_text.resize(threads);
      for (std::string& text : c.kept_text) text.clear();
      c.kept_at.assign(c.rows.size(), Chunk::KeptAt());
    }
    // Each thread takes the next few rows as it finishes its last (its own session): slow rows,
    // and a core lent to the case store's thread meanwhile, hold back no thread's share.
    std::atomic<size_t> next{0};
    constexpr size_t kRowsTaken = 16;
    auto work = [&](unsigned t) {
      if (t == 0 && to_keep) start_keeping(*to_keep);
      for (size_t first; (first = next.fetch_add(kRowsTaken)) < c.rows.size();)
        for (size_t i = first; i < std::min(first + kRowsTaken, c.rows.size()); ++i) {
          const BatchRow& row = c.rows[i];
          if (!row.error.empty()) continue;
          ScreenResult result = screener.screen(row.query, options.screen, sessions[t]);
          if (keeping_apart) {
            std::string& text = c.kept_text[t];
            const size_t offset = text.size();
            append_batch_row_text(text, row, result, screener, snapshot_id, &writer);
            text += '\n';  // rows one after another go to the store as one piece
            c.kept_at[i] = {t, offset, text.size() - offset};
          }
          c.formatted[i] = format_row(row, result, screener, snapshot_id, options.format, writer);
          c.had_hits[i] = !result.hits.empty();
          c.hit_counts[i] = result.hits.size();
          if (!result.unread.empty()) c.unread[i] = unread_message(result.unread);
        }
    };
    if (threads == 1 || c.rows.size() < 64) {
      for (unsigned t = 0; t < threads; ++t) work(t);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
      for (auto& th : pool) th.join();
    }
  };

  // The screenings of a screened chunk to keep: views of the rows' texts.
  auto collect_to_keep = [&](Chunk& c) {
    c.to_keep.clear();
    if (!keeping) return;
    const bool jsonl = options.format == BatchOutputFormat::jsonl;
    for (size_t i = 0; i < c.rows.size(); ++i) {
      if (!c.rows[i].error.empty()) continue;
      if (jsonl) {
        c.to_keep.push_back(c.formatted[i]);
      } else {
        const Chunk::KeptAt& at = c.kept_at[i];
        c.to_keep.push_back(std::string_view(c.kept_text[at.thread]).substr(at.offset, at.size));
      }
    }
  };

  // Once the chunk is kept: its output, its errors and the checkpoint after it.
  auto write_chunk = [&](Chunk& c) -> Status {
    if (c.keeping.valid())
      if (auto st = c.keeping.get(); !st) return st;
    for (size_t i = 0; i < c.rows.size(); ++i) {
      ++summary.rows;
      if (!c.rows[i].error.empty()) {
        ++summary.errors;
        errors << c.rows[i].line << ',' << csv_field(c.rows[i].id) << ','
               << csv_field(c.rows[i].error_field) << ',' << csv_field(c.rows[i].error) << '\n';
        continue;
      }
      out << c.formatted[i];
      // Screened, but not all of its name: said in the errors file too, where a run's problems
      // are looked for.
      if (!c.unread[i].empty()) {
        ++summary.unread_rows;
        errors << c.rows[i].line << ',' << csv_field(c.rows[i].id) << ",name,"
               << csv_field(c.unread[i]) << '\n';
      }
      summary.rows_with_hits += c.had_hits[i];
      summary.hits += c.hit_counts[i];
    }
    out.flush();
    errors.flush();
    if (!out || !errors)
      return make_error(ErrorCode::io,
                        fmt::format("{}: write failed (disk full?)", output_partial));
    if (!c.rows.empty()) {
      checkpoint.line = c.rows.back().line;
      checkpoint.output_bytes = static_cast<uint64_t>(out.tellp());
      checkpoint.errors_bytes = static_cast<uint64_t>(errors.tellp());
      checkpoint.summary = summary;
      checkpoint.snapshot_id = snapshot_id;
      checkpoint.input_sha256 = options.input_sha256;
      checkpoint.settings = screening_settings(options);
      if (auto st = write_checkpoint(checkpoint_path, checkpoint); !st) return st.error();
    }
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) progress(summary, input.progress());
    return Ok{};
  };

  Chunk* pending = nullptr;  // screened, not yet kept or written
  bool done = false;
  for (size_t n = 0; !done; ++n) {
    Chunk& c = chunks[n % 2];
    c.rows.clear();
    BatchRow row;
    while (c.rows.size() < options.chunk_rows) {
      auto got = input.next(row);
      if (!got) return got.error();
      if (!got.value()) {
        done = true;
        break;
      }
      if (resuming && row.line <= checkpoint.line) {
        ++summary.resumed_rows;
        continue;
      }
      row.query.lists = options.lists;
      c.rows.push_back(std::move(row));
    }
    screen_chunk(c, pending && !pending->to_keep.empty() ? pending : nullptr);
    if (pending)
      if (auto st = write_chunk(*pending); !st) return st.error();
    collect_to_keep(c);
    pending = &c;
  }
  if (pending) {
    if (!pending->to_keep.empty()) start_keeping(*pending);
    if (auto st = write_chunk(*pending); !st) return st.error();
  }
  out.close();
  errors.close();
  std::error_code ec;
  fs::rename(output_partial, output_path, ec);
  if (!ec) fs::rename(errors_partial, errors_path, ec);
  if (ec)
    return make_error(ErrorCode::io,
                      fmt::format("{}: cannot move into place: {}", output_path, ec.message()));
  fs::remove(checkpoint_path, ec);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

nlohmann::ordered_json batch_row_to_json(const BatchRow& row, const ScreenResult& result,
                                         const Screener& screener, const std::string& snapshot_id) {
  nlohmann::ordered_json out;
  out["id"] = row.id;
  out["line"] = row.line;
  out["query"] = query_to_json(row.query);
  if (!result.unread.empty()) out["unread"] = unread_to_json(result.unread);
  out["hits"] = hits_to_json(result, screener);
  out["total"] = result.total;
  out["truncated"] = result.truncated;
  out["snapshot"] = snapshot_id;
  return out;
}

}  // namespace clearance
