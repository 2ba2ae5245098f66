#pragma once
// Batch screening: rows from a BatchInput screened on every core, results written in input order,
// rows that cannot be screened written to an errors file with their line number.
//
// Output goes to OUTPUT.partial (and ERRORS.partial) and is renamed into place only when the run
// completes, so a rerun never appends to a half-written file. After each chunk a checkpoint
// (OUTPUT.partial.checkpoint) records how far the run got; `resume` continues from it, truncating
// the partial files to the checkpoint first so nothing is written twice.
#include <any>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/batch/batch_input.h"
#include "clearance/match/hit_text.h"
#include "clearance/match/screener.h"

namespace clearance {

enum class BatchOutputFormat { jsonl, csv };

// `screen --input --record`: how each chunk's screenings are kept. `screenings`: as JSON output
// rows (batch_row_to_json, one line each, made on the threads that screened them: a JSON Lines
// output's own lines, with their line breaks), in input order, rejected rows left out, never
// empty; views that last until the chunk's output is written. Two steps, so that the keeping
// takes no core from the screening threads for longer than it must:
// - `prepare` (pure computation: the case store's body compressed and hashed) runs on the first
//   screening thread of the next chunk before it takes rows (the others take them meanwhile: no
//   core idles, and no thread waits to be woken for it);
// - `keep` (the case store's transaction, mostly waiting on the disk) is given what `prepare`
//   made, as made, and runs on a thread of its own while the next chunk is screened; the chunk's
//   output is written once it is kept.
// An error stops the run; a resumed run may give the chunk that was in flight again, under the
// same `key` (the run's id and the chunk's first line: ScreeningBatch::key).
struct BatchKeeper {
  std::function<Status(const std::vector<std::string_view>& screenings, std::any& prepared)>
      prepare;
  std::function<Status(const std::vector<std::string_view>& screenings, std::any prepared,
                       const std::string& key)>
      keep;
  explicit operator bool() const { return prepare && keep; }
};

struct BatchOptions {
  ScreenOptions screen;
  unsigned threads = 0;      // 0 = every core
  size_t chunk_rows = 4096;  // rows read, screened and written together
  BatchOutputFormat format = BatchOutputFormat::jsonl;
  bool resume = false;
  // What the input file is (its SHA-256): a checkpoint records it with the snapshot id, and a
  // resume refuses another input or snapshot rather than mix their rows in one output.
  std::string input_sha256;
  std::vector<std::string> lists;  // restrict every row to these lists or datasets (empty = all)
  BatchKeeper keeper;              // optional
};

struct BatchSummary {
  size_t rows = 0;  // rows read (screened or not)
  size_t rows_with_hits = 0;
  size_t hits = 0;
  size_t errors = 0;        // rows rejected (written to the errors file, not screened)
  size_t unread_rows = 0;   // rows screened without words no reader spells (errors file too)
  size_t resumed_rows = 0;  // rows skipped because a previous run had done them
  double seconds = 0;
};

using BatchProgress = std::function<void(const BatchSummary&, double fraction)>;

// One screened row as the JSON Lines output writes it: {"id", "line", "query", "hits", "total",
// "truncated", "snapshot"} (also the Python binding's screen_many rows).
nlohmann::ordered_json batch_row_to_json(const BatchRow& row, const ScreenResult& result,
                                         const Screener& screener, const std::string& snapshot_id);

// The same row as JSON text on one line, equal to batch_row_to_json(…).dump(), written directly
// without building the JSON first; its hits through `writer` (which keeps the parties' texts
// from row to row) when one is given.
std::string batch_row_text(const BatchRow& row, const ScreenResult& result,
                           const Screener& screener, const std::string& snapshot_id,
                           const HitTextWriter* writer = nullptr);

// The same text appended to `out`.
void append_batch_row_text(std::string& out, const BatchRow& row, const ScreenResult& result,
                           const Screener& screener, const std::string& snapshot_id,
                           const HitTextWriter* writer = nullptr);

Result<BatchSummary> run_batch(const Screener& screener, const std::string& snapshot_id,
                               BatchInput& input, const std::string& output_path,
                               const std::string& errors_path, const BatchOptions& options,
                               const BatchProgress& progress);

}  // namespace clearance
