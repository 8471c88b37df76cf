#include "drivers/smartcard/hex.h"

#include <stdexcept>

namespace hall::drivers::smartcard {

namespace {
constexpr char kDigits[] = "0123456789ABCDEF";

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}
} // namespace

std::string hexByte(std::uint8_t b) {
    return {kDigits[b >> 4], kDigits[b & 0x0F]};
}

std::string hexStatus(std::uint16_t sw) {
    return hexByte(static_cast<std::uint8_t>(sw >> 8)) +
           hexByte(static_cast<std::uint8_t>(sw & 0xFF));
}

std::string toHex(std::span<const std::uint8_t> bytes, bool spaced) {
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (spaced && i > 0) out += ' ';
        out += hexByte(bytes[i]);
    }
    return out;
}

std::vector<std::uint8_t> fromHex(std::string_view text) {
    std::vector<std::uint8_t> out;
    int high = -1;
    for (char c : text) {
        if (c == ' ') {
            if (high >= 0)
                throw std::invalid_argument("hex: a space splits a byte in \"" + std::string(text) +
                                            "\"");
            continue;
        }
        const int v = nibble(c);
        if (v < 0)
            throw std::invalid_argument("hex: '" + std::string(1, c) +
                                        "' is not a hex digit in \"" + std::string(text) + "\"");
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0)
        throw std::invalid_argument("hex: odd number of digits in \"" + std::string(text) + "\"");
    return out;
}

} // namespace hall::drivers::smartcard
