#include "engine_holder.h"

#include <thread>

namespace clearance::server {

EngineHolder::EngineHolder(std::string data_dir, std::string ref, unsigned index_threads)
    : store_(std::move(data_dir)), ref_(std::move(ref)), index_threads_(index_threads) {}

Result<bool> EngineHolder::reload() {
  std::lock_guard reloading(reload_mutex_);
  free_retired(std::chrono::milliseconds(0));  // those no request uses any more
  if (const auto current = engine()) {
    if (ref_ != "current") return false;  // pinned
    auto id = store_.current_id();
    if (id && id.value() == current->snapshot->id) return false;
  }
  auto loaded = load_screening_engine(store_, ref_, index_threads_);
  std::lock_guard lock(mutex_);
  if (!loaded) {
    ++stats_.failures;
    stats_.last_error = loaded.error().message;
    return loaded.error();
  }
  if (engine_) {
    ++stats_.reloads;
    // Requests in flight may still use it; free_retired() frees it once they are done.
    retired_.push_back(std::move(engine_));
  }
  engine_ = std::shared_ptr<const ScreeningEngine>(std::move(loaded.value()));
  stats_.loaded_at = std::chrono::system_clock::now();
  stats_.last_error.clear();
  return true;
}

void EngineHolder::free_retired(std::chrono::milliseconds patience) {
  std::vector<std::shared_ptr<const ScreeningEngine>> mine;
  {
    std::lock_guard lock(mutex_);
    mine.swap(retired_);
  }
  const auto deadline = std::chrono::steady_clock::now() + patience;
  for (auto& engine : mine) {
    while (engine.use_count() > 1 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (engine.use_count() == 1) engine.reset();  // freed here, by the caller's thread
  }
  std::lock_guard lock(mutex_);
  for (auto& engine : mine)
    if (engine) retired_.push_back(std::move(engine));
}

std::shared_ptr<const ScreeningEngine> EngineHolder::engine() const {
  std::lock_guard lock(mutex_);
  return engine_;
}

ReloadStats EngineHolder::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace clearance::server
