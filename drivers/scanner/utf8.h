#pragma once
// Strict UTF-8 validation (RFC 3629): what a scanner sends must be text before anything reads it
// as an appointment code or a URL. Rejected: stray continuation bytes, truncated sequences,
// overlong forms (C0 80 for NUL, E0 80 80 …), UTF-16 surrogates (ED A0 80 … ED BF BF) and
// anything above U+10FFFF (F4 90 … and F5…FF). Control characters are valid text here; a GS1
// code legitimately carries GS (0x1D).

#include <string_view>

namespace hall::drivers::scanner {

bool isValidUtf8(std::string_view bytes) noexcept;

} // namespace hall::drivers::scanner
