// Result<T>: a value or the reason it could not be produced; shared by drivers and core.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk {

// The reason something failed, in words a maintainer can act on. `code` is a short stable
// identifier (for logs and tests), `message` the human explanation.
struct Error {
    std::string code;
    std::string message;
};

template <typename T> class Result {
public:
    Result(T value)
        : data_(std::move(value)) {}
    Result(Error error)
        : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(data_); }
    T& value() & { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(data_); }

private:
    std::variant<T, Error> data_;
};

// For operations that produce nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status ok() {
    return Done{};
}

inline Error makeError(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

} // namespace kiosk
