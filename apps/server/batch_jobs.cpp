#include "batch_jobs.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "clearance/lists/snapshot_store.h"

namespace clearance::server {

namespace {

constexpr int kJobNice = 10;  // as the reload thread: below the request workers

// Unguessable: without API keys the id is all that keeps one client from another's results.
std::string new_job_id() {
  std::random_device random;
  return fmt::format("{:08x}{:08x}", random(), random());
}

}  // namespace

BatchJobs::BatchJobs(size_t keep) : keep_(keep) {
  thread_ = std::thread([this] { run(); });
}

BatchJobs::~BatchJobs() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

const std::filesystem::path& BatchJobs::dir() {
  if (dir_.empty()) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "clearance-jobs-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a directory for jobs");
    dir_ = pattern;
  }
  return dir_;
}

std::filesystem::path BatchJobs::file_of(const std::string& id, std::string_view suffix) const {
  return dir_ / fmt::format("{}.{}", id, suffix);
}

std::filesystem::path BatchJobs::results_path(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return file_of(id, "hits.jsonl");
}

std::filesystem::path BatchJobs::errors_path(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return file_of(id, "rejected.csv");
}

Result<std::string> BatchJobs::submit(std::string body, std::string format, std::string name,
                                      std::string owner, BatchOptions options,
                                      std::shared_ptr<const ScreeningEngine> engine) {
  std::lock_guard lock(mutex_);
  if (queue_.size() >= kMaxQueued)
    return make_error(
        ErrorCode::invalid_argument,  // the route answers 503
        fmt::format("{} batch files are already waiting; retry when one is done", queue_.size()));
  try {
    dir();  // created on the first upload
  } catch (const std::exception& e) {
    return make_error(ErrorCode::io, e.what());
  }
  BatchJob job;
  job.id = new_job_id();
  job.owner = std::move(owner);
  job.name = std::move(name);
  job.format = std::move(format);
  job.created_at = utc_now_iso();
  job.bytes = body.size();
  job.snapshot = engine->snapshot->id;
  const std::filesystem::path input = file_of(job.id, "input." + job.format);
  {
    std::ofstream out(input, std::ios::binary);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) return make_error(ErrorCode::io, "cannot store the uploaded file");
  }
  queue_.push_back({job.id, std::move(options), std::move(engine)});
  const std::string id = job.id;
  jobs_.emplace(id, std::move(job));
  wake_.notify_all();
  return id;
}

std::optional<BatchJob> BatchJobs::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

void BatchJobs::run() {
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kJobNice);
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    Pending job = std::move(queue_.front());
    queue_.pop_front();
    jobs_[job.id].state = "running";
    lock.unlock();
    run_one(job);
    lock.lock();
    finished_.push_back(job.id);
    forget_old_jobs();
  }
}

void BatchJobs::run_one(Pending& pending) {
  std::string format;
  {
    std::lock_guard lock(mutex_);
    format = jobs_[pending.id].format;
  }
  const std::filesystem::path input_file = file_of(pending.id, "input." + format);
  auto finish = [&](const std::string& state, const std::string& error, const BatchSummary* s) {
    std::lock_guard lock(mutex_);
    BatchJob& job = jobs_[pending.id];
    job.state = state;
    job.error = error;
    if (s) job.summary = *s;
    if (state == "done") job.fraction = 1;
    job.finished_at = utc_now_iso();
  };
  auto input = BatchInput::open(input_file.string(), format);
  if (!input) return finish("failed", input.error().message, nullptr);
  auto progress = [&](const BatchSummary& s, double fraction) {
    std::lock_guard lock(mutex_);
    BatchJob& job = jobs_[pending.id];
    job.summary = s;
    job.fraction = fraction;
  };
  auto summary = run_batch(*pending.engine->screener, pending.engine->snapshot->id, *input.value(),
                           results_path(pending.id).string(), errors_path(pending.id).string(),
                           pending.options, progress);
  std::error_code ignored;
  std::filesystem::remove(input_file, ignored);
  pending.engine.reset();  // a reloaded snapshot is not held by a finished job
  if (!summary) return finish("failed", summary.error().message, nullptr);
  finish("done", "", &summary.value());
}

void BatchJobs::forget_old_jobs() {
  while (finished_.size() > keep_) {
    const std::string id = finished_.front();
    finished_.pop_front();
    std::error_code ignored;
    std::filesystem::remove(file_of(id, "hits.jsonl"), ignored);
    std::filesystem::remove(file_of(id, "rejected.csv"), ignored);
    jobs_.erase(id);
  }
}

}  // namespace clearance::server
