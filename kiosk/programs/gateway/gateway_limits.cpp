// A worker pool that caps the connections served at once, and the server's timeouts.
#include "kiosk/programs/gateway/gateway_limits.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk {
namespace {

// httplib's own ThreadPool queues every accepted connection without limit behind a fixed
// number of workers, so a handful of clients that send headers a byte at a time hold every
// worker while a kiosk's request waits in the queue. This pool has one worker per allowed
// connection, and enqueue() (called on the accept loop) waits while all are busy, so the
// accept loop stops accepting instead of queueing: the listen backlog is the only queue.
class ConnectionPool final : public httplib::TaskQueue {
public:
    ConnectionPool(std::size_t workers, const std::atomic<bool>& stopping)
        : capacity_(workers)
        , stopping_(stopping) {
        for (std::size_t i = 0; i < workers; ++i) {
            threads_.emplace_back([this] { work(); });
        }
    }

    ~ConnectionPool() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        std::unique_lock lock(mutex_);
        // Polls `stopping` because the server's stop() cannot reach this wait; a tenth of a
        // second is how long a stop may wait behind a full pool.
        while (busy_ + jobs_.size() >= capacity_ && !stopping_.load()) {
            freed_.wait_for(lock, std::chrono::milliseconds(100));
        }
        jobs_.push_back(std::move(job)); // when stopping, served anyway so the socket is closed
        ready_.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            if (shutDown_) {
                return;
            }
            shutDown_ = true;
        }
        ready_.notify_all();
        for (std::thread& thread : threads_) {
            thread.join();
        }
    }

private:
    void work() {
        while (true) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return shutDown_ || !jobs_.empty(); });
                if (jobs_.empty()) {
                    return; // shut down and nothing left to serve
                }
                job = std::move(jobs_.front());
                jobs_.pop_front();
                ++busy_;
            }
            job();
            {
                std::lock_guard lock(mutex_);
                --busy_;
            }
            freed_.notify_one();
        }
    }

    const std::size_t capacity_;
    const std::atomic<bool>& stopping_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable freed_;
    std::deque<std::function<void()>> jobs_;
    std::size_t busy_ = 0;
    bool shutDown_ = false;
    std::vector<std::thread> threads_;
};

} // namespace

void applyGatewayLimits(httplib::Server& server, const GatewayLimits& limits,
                        const std::atomic<bool>& stopping) {
    server.set_read_timeout(limits.readTimeout);
    server.set_write_timeout(limits.writeTimeout);
    server.set_keep_alive_timeout(static_cast<time_t>(limits.keepAliveTimeout.count()));
    server.set_keep_alive_max_count(limits.keepAliveMaxRequests);
    std::size_t workers = limits.maxConnections == 0 ? 1 : limits.maxConnections;
    server.new_task_queue = [workers, &stopping] { return new ConnectionPool(workers, stopping); };
}

} // namespace kiosk
