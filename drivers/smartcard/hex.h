#pragma once
// Hex text for bytes that are not personal: ATRs, APDU headers, status words, profile
// commands. Never used on field values read from a card.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::smartcard {

// "3B 6A 00" (spaced) or "3B6A00".
std::string toHex(std::span<const std::uint8_t> bytes, bool spaced = true);
std::string hexByte(std::uint8_t b);
std::string hexStatus(std::uint16_t sw); // "6A82"

// Accepts upper or lower case; spaces between bytes are ignored. Throws std::invalid_argument
// on any other character or an odd number of digits.
std::vector<std::uint8_t> fromHex(std::string_view text);

} // namespace hall::drivers::smartcard
