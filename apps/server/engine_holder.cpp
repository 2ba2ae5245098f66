#include "engine_holder.h"

#include <thread>

namespace clearance::server {

EngineHolder::EngineHolder(std::string data_dir, std::string ref, unsigned index_threads)
    : store_(std::move(data_dir)), ref_(std::move(ref)), index_threads_(index_threads) {}

Result<bool> EngineHolder::reload() {
  std::lock_guard reloading(reload_mutex_);
  if (const auto current = engine()) {
    if (ref_ != "current") return false;  // pinned
    auto id = store_.current_id();
    if (id && id.value() == current->snapshot->id) return false;
  }
  auto loaded = load_screening_engine(store_, ref_, index_threads_);
  std::shared_ptr<const ScreeningEngine> previous;
  {
    std::lock_guard lock(mutex_);
    if (!loaded) {
      ++stats_.failures;
      stats_.last_error = loaded.error().message;
      return loaded.error();
    }
    if (engine_) ++stats_.reloads;
    previous =
        std::exchange(engine_, std::shared_ptr<const ScreeningEngine>(std::move(loaded.value())));
    stats_.loaded_at = std::chrono::system_clock::now();
    stats_.last_error.clear();
  }
  // Freeing an index of a million names takes a tenth of a second or more: done here, on the
  // reloading thread, once the requests still using the old engine are done with it, and not by
  // whichever request happens to let go of it last.
  for (int waited_ms = 0; previous.use_count() > 1 && waited_ms < 60'000; waited_ms += 5)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  previous.reset();
  return true;
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
