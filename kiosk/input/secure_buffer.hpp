// Containers that overwrite their memory before giving it back, for text that may hold a name.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::input {

// Overwrites `size` bytes at `data` in a way the optimiser may not remove (OPENSSL_cleanse).
void wipeBytes(void* data, std::size_t size) noexcept;

// A standard allocator that wipes each block before freeing it, so that a string which grows
// (and moves to a bigger block) leaves no copy of a resident's name behind on the heap.
template <typename T> struct WipingAllocator {
    using value_type = T;

    WipingAllocator() noexcept = default;
    template <typename U> WipingAllocator(const WipingAllocator<U>&) noexcept {}

    T* allocate(std::size_t count) { return std::allocator<T>{}.allocate(count); }
    void deallocate(T* block, std::size_t count) noexcept {
        wipeBytes(block, count * sizeof(T));
        std::allocator<T>{}.deallocate(block, count);
    }

    template <typename U> bool operator==(const WipingAllocator<U>&) const noexcept { return true; }
};

using SecureString = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;
using SecureU32String =
    std::basic_string<char32_t, std::char_traits<char32_t>, WipingAllocator<char32_t>>;
template <typename T> using SecureVector = std::vector<T, WipingAllocator<T>>;

// Wipes the whole capacity (including a short-string buffer inside the object) and empties it.
template <typename Container> void wipeContainer(Container& container) noexcept {
    if (container.capacity() > 0) {
        wipeBytes(container.data(), container.capacity() * sizeof(typename Container::value_type));
    }
    container.clear();
}

} // namespace kiosk::input
