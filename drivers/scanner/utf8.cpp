#include "drivers/scanner/utf8.h"

#include <cstdint>

namespace hall::drivers::scanner {

bool isValidUtf8(std::string_view bytes) noexcept {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        const auto b0 = static_cast<std::uint8_t>(bytes[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        // Lead byte → sequence length and the allowed range of the second byte. The narrowed
        // second-byte ranges are what exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF
        // (F4).
        std::size_t len;
        std::uint8_t lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if (b0 == 0xED) {
            len = 3;
            hi = 0x9F;
        } else if (b0 >= 0xE1 && b0 <= 0xEF) {
            len = 3;
        } else if (b0 == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (b0 >= 0xF1 && b0 <= 0xF3) {
            len = 4;
        } else if (b0 == 0xF4) {
            len = 4;
            hi = 0x8F;
        } else {
            return false; // 80..C1 (continuation or overlong 2-byte lead), F5..FF
        }
        if (n - i < len) return false;
        const auto b1 = static_cast<std::uint8_t>(bytes[i + 1]);
        if (b1 < lo || b1 > hi) return false;
        for (std::size_t k = 2; k < len; ++k) {
            const auto bk = static_cast<std::uint8_t>(bytes[i + k]);
            if (bk < 0x80 || bk > 0xBF) return false;
        }
        i += len;
    }
    return true;
}

} // namespace hall::drivers::scanner
