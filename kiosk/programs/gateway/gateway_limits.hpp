// Connection limits of the reference gateway: timeouts, a cap on connections served at once,
// and body caps that also hold for chunked bodies, applied to a cpp-httplib server.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

namespace httplib {
class Server;
}

namespace kiosk {

struct GatewayLimits {
    // A client that sends nothing for this long (between header bytes, body bytes, or before
    // reading the reply) is dropped. Kiosks send a few kilobytes at once, so seconds are plenty.
    std::chrono::seconds readTimeout{5};
    std::chrono::seconds writeTimeout{5};
    // An idle kept-alive connection is closed after this, and after this many requests.
    std::chrono::seconds keepAliveTimeout{5};
    std::size_t keepAliveMaxRequests = 50;
    // Connections served at once, each by its own worker. Further connections wait in the
    // kernel's listen queue until one ends. A commune has tens of kiosks, so 64 leaves room for
    // a few dozen slow or hostile clients before a kiosk has to wait (httplib's default is 8).
    std::size_t maxConnections = 64;
};

// Sets the timeouts and replaces the server's worker pool with one that accepts no more than
// `limits.maxConnections` connections at a time. `stopping` must outlive the server's accept
// loop; set it before httplib::Server::stop() so an accept loop waiting for a free worker ends.
void applyGatewayLimits(httplib::Server& server, const GatewayLimits& limits,
                        const std::atomic<bool>& stopping);

} // namespace kiosk
