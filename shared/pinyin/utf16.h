#pragma once
// libgooglepinyin hands out text as NUL-terminated UTF-16 (its char16 is a 16-bit unsigned
// integer); the rest of the project speaks UTF-8.

#include <cstdint>
#include <string>

namespace hall::pinyin {

// Converts up to the first NUL. An unpaired surrogate becomes U+FFFD rather than broken UTF-8.
std::string utf16ToUtf8(const std::uint16_t* text);

} // namespace hall::pinyin
