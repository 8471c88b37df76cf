#include "drivers/idcard/ucs2.h"

#include "drivers/base/secure_wipe.h"

namespace hall::drivers::idcard::detail {
namespace {

std::uint16_t unitAt(std::span<const std::uint8_t> raw, std::size_t i) {
    return static_cast<std::uint16_t>(raw[2 * i] | raw[2 * i + 1] << 8);
}

bool isHighSurrogate(std::uint32_t u) {
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLowSurrogate(std::uint32_t u) {
    return u >= 0xDC00 && u <= 0xDFFF;
}
bool isControl(std::uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

void appendUtf8(std::uint32_t c, std::string& out) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | c >> 6));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | c >> 12));
        out.push_back(static_cast<char>(0x80 | (c >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | c >> 18));
        out.push_back(static_cast<char>(0x80 | (c >> 12 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// Decodes the code point starting at s[i]; advances i. -1 for invalid UTF-8 (overlong forms,
// surrogates, values above U+10FFFF, truncated sequences).
long nextCodePoint(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t c = 0;
    std::uint32_t min = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1, c = b0 & 0x1Fu, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, c = b0 & 0x0Fu, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, c = b0 & 0x07u, min = 0x10000;
    } else {
        return -1;
    }
    if (i + extra >= s.size()) return -1;
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return -1;
        c = c << 6 | (b & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
    i += 1 + extra;
    return static_cast<long>(c);
}

} // namespace

void reserveSecure(std::string& s, std::size_t n) {
    if (s.capacity() >= n) return;
    std::string bigger;
    bigger.reserve(n);
    bigger.append(s);
    secureWipe(s);
    s.swap(bigger);
}

bool appendUtf16le(std::span<const std::uint8_t> raw, std::string& out) {
    if (raw.size() % 2 != 0) return false;
    std::size_t units = raw.size() / 2;
    while (units > 0 && (unitAt(raw, units - 1) == 0x0020 || unitAt(raw, units - 1) == 0x0000)) {
        --units;
    }
    // Validate everything first, so a bad field leaves out untouched.
    for (std::size_t i = 0; i < units; ++i) {
        const std::uint32_t u = unitAt(raw, i);
        if (isHighSurrogate(u)) {
            if (i + 1 >= units || !isLowSurrogate(unitAt(raw, i + 1))) return false;
            ++i;
        } else if (isLowSurrogate(u) || isControl(u)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < units; ++i) {
        std::uint32_t c = unitAt(raw, i);
        if (isHighSurrogate(c)) {
            c = 0x10000 + ((c - 0xD800) << 10) + (unitAt(raw, i + 1) - 0xDC00u);
            ++i;
        }
        appendUtf8(c, out);
    }
    return true;
}

long writeUtf16le(std::string_view utf8, std::span<std::uint8_t> out) {
    const std::size_t capacity = out.size() / 2;
    std::size_t units = 0;
    auto put = [&](std::uint32_t u) {
        if (units >= capacity) return false;
        out[2 * units] = static_cast<std::uint8_t>(u & 0xFF);
        out[2 * units + 1] = static_cast<std::uint8_t>(u >> 8);
        ++units;
        return true;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const long cp = nextCodePoint(utf8, i);
        if (cp < 0 || isControl(static_cast<std::uint32_t>(cp))) return -1;
        const auto c = static_cast<std::uint32_t>(cp);
        if (c < 0x10000) {
            if (!put(c)) return -1;
        } else {
            if (units + 2 > capacity) return -1;
            put(0xD800 + ((c - 0x10000) >> 10));
            put(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    const auto written = static_cast<long>(units);
    while (put(0x0020)) {
    }
    return written;
}

} // namespace hall::drivers::idcard::detail
