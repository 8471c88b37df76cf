#pragma once
// std::visit over a variant with one lambda per alternative.

namespace hall::core {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace hall::core
