// The visitor helper for std::visit over a set of lambdas, shared by every module.
#pragma once

namespace kiosk {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
// Clang 14 (the sanitizer and fuzz builds) has no aggregate deduction yet; the guide makes
// `Overloaded{lambdas...}` compile everywhere.
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace kiosk
