#pragma once
// UTF-16LE text fields of the card's text block <-> UTF-8 strings. Internal to the ID-card codec.
// The card writes UCS-2 little-endian and pads each fixed-width field with U+0020 (some readers
// with U+0000); rare characters in names may come as surrogate pairs, which are decoded too.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hall::drivers::idcard::detail {

// UTF-8 bytes that decoding raw can need at most (3 per UTF-16 unit covers pairs too).
inline std::size_t utf8Capacity(std::span<const std::uint8_t> raw) {
    return raw.size() / 2 * 3;
}

// Grows s to hold at least n bytes without leaving its old characters in freed memory.
void reserveSecure(std::string& s, std::size_t n);

// Appends raw (UTF-16LE, trailing U+0020 / U+0000 removed) to out as UTF-8. Returns false and
// leaves out as it was for an odd byte count, an unpaired surrogate or a control character
// other than trailing padding. Reserve first (reserveSecure) to keep personal text from being
// copied by a reallocation.
bool appendUtf16le(std::span<const std::uint8_t> raw, std::string& out);

// Writes utf8 into out as UTF-16LE and pads the rest with U+0020. Returns the number of UTF-16
// units written, or -1 when utf8 is not valid UTF-8 (or holds a control character) or does not
// fit; out is then partly written.
long writeUtf16le(std::string_view utf8, std::span<std::uint8_t> out);

} // namespace hall::drivers::idcard::detail
