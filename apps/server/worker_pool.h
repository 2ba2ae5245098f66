#pragma once
// A fixed set of threads that run queued tasks, with a bounded queue: when it is full, submit
// refuses at once rather than letting waiting work pile up without end. The HTTP server runs every
// request's handler here, off the I/O threads, so a long screening never stalls reading, writing
// or accepting connections.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clearance::server {

class WorkerPool {
 public:
  // `threads` 0: one per core. `queue_limit`: tasks waiting for a thread, at most. `nice`: the
  // threads' scheduling niceness (Linux), above the caller's to yield the cores to it when both
  // have work.
  WorkerPool(unsigned threads, size_t queue_limit, int nice = 0);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues the task; false (and the task dropped) when the queue is full or the pool stopped.
  bool submit(std::function<void()> task);
  // Runs what is queued (or, with `drain` false, drops it), then joins the threads. Idempotent.
  void stop(bool drain = true);
  // Tasks waiting for a thread.
  size_t queued() const;
  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  size_t queue_limit_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace clearance::server
