// Test helper: a raw HTTP/1.1 client socket on 127.0.0.1, for requests no well-behaved client
// sends (bytes one at a time, endless chunked bodies), with every wait bounded.
#pragma once

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace kiosk::testing {

struct RawReply {
    int status = 0;
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;
};

class RawConnection {
public:
    // Loopback only; sends and receives give up after `patience`.
    explicit RawConnection(int port, std::chrono::milliseconds patience = std::chrono::seconds(5)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval timeout{static_cast<time_t>(patience.count() / 1000),
                        static_cast<suseconds_t>((patience.count() % 1000) * 1000)};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }

    // False when the peer closed, reset, or did not take the bytes within the patience.
    bool send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    // True when a reply (or the end of the connection) is waiting to be read.
    bool readable(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) const {
        pollfd entry{fd_, POLLIN, 0};
        return ::poll(&entry, 1, static_cast<int>(wait.count())) > 0;
    }

    // True when the server closed the connection (EOF or reset) within the patience.
    bool closedByPeer() {
        char byte = 0;
        while (true) {
            ssize_t n = ::recv(fd_, &byte, 1, 0);
            if (n == 0 || (n < 0 && errno == ECONNRESET)) {
                return true;
            }
            if (n < 0) {
                return false; // timed out: still open
            }
        }
    }

    // One reply: status line, headers, then Content-Length bytes (or up to EOF).
    std::optional<RawReply> readReply() {
        std::string data;
        std::size_t headerEnd = std::string::npos;
        char buffer[4096];
        while ((headerEnd = data.find("\r\n\r\n")) == std::string::npos) {
            ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return std::nullopt;
            }
            data.append(buffer, static_cast<std::size_t>(n));
        }
        RawReply reply;
        if (data.rfind("HTTP/1.1 ", 0) != 0) {
            return std::nullopt;
        }
        reply.status = std::stoi(data.substr(9, 3));
        std::size_t line = data.find("\r\n") + 2;
        while (line < headerEnd) {
            std::size_t end = data.find("\r\n", line);
            std::string header = data.substr(line, end - line);
            std::size_t colon = header.find(':');
            if (colon != std::string::npos) {
                std::string name = header.substr(0, colon);
                for (char& c : name) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                std::size_t value = header.find_first_not_of(' ', colon + 1);
                reply.headers[name] = value == std::string::npos ? "" : header.substr(value);
            }
            line = end + 2;
        }
        reply.body = data.substr(headerEnd + 4);
        std::size_t expected = reply.headers.contains("content-length")
                                   ? std::stoul(reply.headers["content-length"])
                                   : std::string::npos;
        while (reply.body.size() < expected) {
            ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            reply.body.append(buffer, static_cast<std::size_t>(n));
        }
        if (expected != std::string::npos && reply.body.size() > expected) {
            reply.body.resize(expected); // what follows belongs to the next reply
        }
        return reply;
    }

private:
    int fd_ = -1;
    bool connected_ = false;
};

// A "VmXxx:" figure of /proc/self/status in KiB.
inline long memoryFigureKib(const std::string& name) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(name + ":", 0) == 0) {
            return std::stol(line.substr(name.size() + 1));
        }
    }
    return 0;
}

// Peak resident memory of this process since the last resetPeakMemory(), and now.
inline long peakMemoryKib() {
    return memoryFigureKib("VmHWM");
}
inline long currentMemoryKib() {
    return memoryFigureKib("VmRSS");
}

// Writing 5 to clear_refs resets the peak (Linux 4.0+, proc(5)).
inline void resetPeakMemory() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

} // namespace kiosk::testing
