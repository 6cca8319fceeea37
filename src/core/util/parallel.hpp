#pragma once
// Work on all cores, results in input order: items are taken one by one
// from `next`, processed by `work` on a pool of threads, and handed to
// `consume` on the calling thread in the order they were taken, whatever
// the timing. At most a small window of items is in flight, so memory does
// not grow with the number of items. An exception thrown by `next`, `work`
// or `consume` (std::bad_alloc above all) stops the others and is rethrown
// on the calling thread, once every worker has ended.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace plancheck {

// Threads to use: `requested` when positive, else the machine's cores.
unsigned worker_count(int requested);

template <typename Item, typename Result, typename Next, typename Work, typename Consume>
void parallel_ordered(unsigned jobs, Next next, Work work, Consume consume) {
  if (jobs <= 1) {
    while (std::optional<Item> item = next()) {
      Result r = work(*item);
      consume(r);
    }
    return;
  }
  std::mutex m;
  std::condition_variable cv;
  std::deque<std::optional<Result>> window;  // results by sequence, from `base`
  std::size_t base = 0, handed_out = 0;
  bool exhausted = false;
  std::exception_ptr failure;  // the first exception, on any thread
  const std::size_t max_in_flight = 4 * static_cast<std::size_t>(jobs);
  // Called with `m` held: every thread stops taking work.
  auto fail = [&](std::exception_ptr e) {
    if (!failure) failure = e;
    exhausted = true;
    cv.notify_all();
  };

  auto take_and_work = [&] {
    while (true) {
      std::optional<Item> item;
      std::size_t seq = 0;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return exhausted || handed_out - base < max_in_flight; });
        if (exhausted) return;
        item = next();
        if (!item) {
          exhausted = true;
          cv.notify_all();
          return;
        }
        seq = handed_out++;
        window.emplace_back();
      }
      Result r = work(*item);
      {
        std::lock_guard lock(m);
        window[seq - base] = std::move(r);
      }
      cv.notify_all();
    }
  };
  auto worker = [&] {
    try {
      take_and_work();
    } catch (...) {
      std::lock_guard lock(m);
      fail(std::current_exception());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < jobs; ++i) pool.emplace_back(worker);
  try {
    while (true) {
      std::optional<Result> ready;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return failure || (!window.empty() && window.front()) || (exhausted && base == handed_out); });
        if (failure || window.empty() || !window.front()) break;  // failed, or exhausted and all consumed
        ready = std::move(window.front());
        window.pop_front();
        ++base;
      }
      cv.notify_all();
      consume(*ready);
    }
  } catch (...) {
    std::lock_guard lock(m);
    fail(std::current_exception());
  }
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace plancheck
