#include "shared/terminal/name_mask.h"

#include "drivers/base/ascii.h"

#include <cstdint>
#include <vector>

namespace hall::client {
namespace {

struct CodePoint {
    std::uint32_t value;
    std::string_view bytes; // its encoding inside the input
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool decode(std::string_view s, std::vector<CodePoint>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<std::uint8_t>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if (b0 < 0x80) {
            len = 1, cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            len = 2, cp = b0 & 0x1Fu, min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            len = 3, cp = b0 & 0x0Fu, min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            len = 4, cp = b0 & 0x07u, min = 0x10000;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<std::uint8_t>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.push_back({cp, s.substr(i, len)});
        i += len;
    }
    return true;
}

bool isSeparator(std::uint32_t cp) {
    switch (cp) {
    case ' ':
    case ',':
    case '-':
    case '\'':
    case '.':
    case 0x00B7: // MIDDLE DOT, the usual separator on ID cards: 阿依古丽·买买提
    case 0x2022: // BULLET, typed instead of the middle dot by some systems
    case 0x30FB: // KATAKANA MIDDLE DOT, the full-width form
    case 0x3000: // IDEOGRAPHIC SPACE
        return true;
    default:
        return false;
    }
}

bool isIdeographicScript(std::uint32_t cp) {
    return cp >= 0x2E80;
}

std::string maskChinese(const std::vector<CodePoint>& cps) {
    std::size_t count = 0;
    for (const auto& c : cps)
        if (!isSeparator(c.value)) ++count;
    std::string out;
    std::size_t seen = 0;
    for (const auto& c : cps) {
        if (isSeparator(c.value)) {
            out += c.bytes;
            continue;
        }
        ++seen;
        const bool first = seen == 1 && count >= 2;
        const bool last = seen == count && count >= 3;
        if (first || last)
            out += c.bytes;
        else
            out += '*';
    }
    return out;
}

std::string maskLatin(const std::vector<CodePoint>& cps) {
    std::string out;
    bool inWord = false;
    for (const auto& c : cps) {
        if (isSeparator(c.value)) {
            out += c.bytes;
            inWord = false;
        } else if (!inWord) {
            out += c.bytes;
            inWord = true;
        } else {
            out += '*';
        }
    }
    return out;
}

} // namespace

std::string maskPersonName(std::string_view utf8) {
    const std::string_view name = hall::drivers::trimAscii(utf8);
    if (name.empty()) return {};
    std::vector<CodePoint> cps;
    cps.reserve(name.size());
    if (!decode(name, cps)) return "*";
    for (const auto& c : cps)
        if (!isSeparator(c.value) && isIdeographicScript(c.value)) return maskChinese(cps);
    return maskLatin(cps);
}

} // namespace hall::client
