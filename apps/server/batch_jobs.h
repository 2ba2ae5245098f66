#pragma once
// Batch files uploaded to the server (the page's "Batch" view, POST /v1/jobs): each runs through
// the same batch runner as `clearance screen --input`, one job at a time on a thread of its own
// below the request workers' priority, into files the client then downloads. Jobs live in memory
// and in a private temporary directory; the last `keep` finished jobs are kept, older ones and
// everything at shutdown are removed. A server restart forgets them (the upload is the client's).
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "clearance/batch/batch_runner.h"
#include "clearance/match/screening_engine.h"

namespace clearance::server {

struct BatchJob {
  std::string id;
  std::string owner;   // the API key's label (empty without keys): only it may read the job
  std::string name;    // the uploaded file's name, for the downloads' names
  std::string format;  // "csv" or "jsonl"
  std::string state = "queued";         // queued, running, done, failed
  std::string error;                    // when failed
  std::string snapshot;                 // the snapshot the rows were screened against
  std::string created_at, finished_at;  // UTC, ISO 8601
  size_t bytes = 0;                     // of the upload
  double fraction = 0;                  // of the input read
  BatchSummary summary;
};

class BatchJobs {
 public:
  static constexpr size_t kMaxQueued = 8;

  explicit BatchJobs(size_t keep = 16);
  ~BatchJobs();
  BatchJobs(const BatchJobs&) = delete;
  BatchJobs& operator=(const BatchJobs&) = delete;

  // Queues the upload; the job's id, or an error when the queue is full or the file cannot be
  // written. `format` is "csv" or "jsonl".
  Result<std::string> submit(std::string body, std::string format, std::string name,
                             std::string owner, BatchOptions options,
                             std::shared_ptr<const ScreeningEngine> engine);
  std::optional<BatchJob> find(const std::string& id) const;
  // The finished job's output files.
  std::filesystem::path results_path(const std::string& id) const;
  std::filesystem::path errors_path(const std::string& id) const;

 private:
  struct Pending {
    std::string id;
    BatchOptions options;
    std::shared_ptr<const ScreeningEngine> engine;
  };
  void run();
  void run_one(Pending& job);
  void forget_old_jobs();  // holds mutex_
  // DIR/ID.SUFFIX: the upload ("input.csv"), its results ("hits.jsonl"), its rejected rows.
  std::filesystem::path file_of(const std::string& id, std::string_view suffix) const;
  const std::filesystem::path& dir();  // created on first use; holds mutex_

  size_t keep_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::filesystem::path dir_;
  std::map<std::string, BatchJob> jobs_;
  std::deque<std::string> finished_;  // oldest first
  std::deque<Pending> queue_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace clearance::server
