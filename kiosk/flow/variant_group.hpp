// Groups of alternatives inside a variant, so a visitor can hand a whole group to one handler
// and still fail to compile when an alternative belongs to no group (no catch-all branch).
#pragma once

#include <type_traits>
#include <variant>

namespace kiosk {

template <class T, class Variant> struct IsAlternativeOf : std::false_type {};
template <class T, class... Ts>
struct IsAlternativeOf<T, std::variant<Ts...>> : std::disjunction<std::is_same<T, Ts>...> {};

// True when T is one of the alternatives of the std::variant `Variant`.
template <class T, class Variant>
concept AlternativeOf = IsAlternativeOf<std::decay_t<T>, Variant>::value;

} // namespace kiosk
