#include "callstation/hallsim/text_width.h"

#include <cstdint>

namespace hall::sim {

namespace {

// Decodes one code point at `i`, advancing `i`; invalid sequences yield one byte as U+FFFD.
char32_t next(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        cp = b0 & 0x1Fu;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        cp = b0 & 0x0Fu;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        cp = b0 & 0x07u;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) { // truncated sequence
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

// The East Asian Wide (W) and Fullwidth (F) blocks of Unicode's EastAsianWidth.txt that a hall
// report can contain (CJK, kana, Hangul, full-width forms, CJK punctuation).
bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

bool isZeroWidth(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

int width(char32_t c) {
    return isZeroWidth(c) ? 0 : isWide(c) ? 2 : 1;
}

} // namespace

int displayWidth(std::string_view utf8) {
    int columns = 0;
    for (std::size_t i = 0; i < utf8.size();)
        columns += width(next(utf8, i));
    return columns;
}

std::string padRight(std::string_view utf8, int width) {
    std::string out(utf8);
    const int w = displayWidth(utf8);
    if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
    return out;
}

std::string padLeft(std::string_view utf8, int width) {
    const int w = displayWidth(utf8);
    std::string out;
    if (w < width) out.assign(static_cast<std::size_t>(width - w), ' ');
    out += utf8;
    return out;
}

std::string truncateTo(std::string_view utf8, int maxWidth) {
    if (displayWidth(utf8) <= maxWidth) return std::string(utf8);
    std::string out;
    int used = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const int w = width(next(utf8, i));
        if (used + w > maxWidth - 1) break; // keep a column for the ellipsis
        out.append(utf8.substr(start, i - start));
        used += w;
    }
    return out + "…";
}

} // namespace hall::sim
