#include "drivers/led/gb2312.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <iconv.h>

namespace hall::drivers::led {
namespace {

// One iconv descriptor per conversion: cheap next to a bus transaction, and nothing is shared
// between threads.
class Converter {
public:
    Converter(const char* to, const char* from) : cd_(::iconv_open(to, from)) {
        if (cd_ == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
            throw std::runtime_error(std::string("iconv cannot convert ") + from + " to " + to +
                                     " (glibc's gconv modules are missing)");
    }
    ~Converter() { ::iconv_close(cd_); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    // Converts all of in; on failure returns the offset in `in` where it stopped.
    std::optional<std::size_t> run(std::string_view in, std::string& out) {
        out.assign(in.size() * 4 + 8, '\0');
        char* src = const_cast<char*>(in.data());
        std::size_t srcLeft = in.size();
        char* dst = out.data();
        std::size_t dstLeft = out.size();
        const std::size_t rc = ::iconv(cd_, &src, &srcLeft, &dst, &dstLeft);
        out.resize(out.size() - dstLeft);
        if (rc == static_cast<std::size_t>(-1)) return static_cast<std::size_t>(src - in.data());
        // Flush any shift state (none for these encodings, but iconv asks for it).
        ::iconv(cd_, nullptr, nullptr, nullptr, nullptr);
        return std::nullopt;
    }

private:
    iconv_t cd_;
};

// The code point of the UTF-8 sequence at s[at], or nullopt when it is not valid UTF-8.
std::optional<char32_t> codePointAt(std::string_view s, std::size_t at) {
    const auto b0 = static_cast<unsigned char>(s[at]);
    int extra;
    char32_t cp;
    if (b0 < 0x80) return b0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        extra = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        extra = 2;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        extra = 3;
        cp = b0 & 0x07u;
    } else {
        return std::nullopt;
    }
    if (at + static_cast<std::size_t>(extra) >= s.size()) return std::nullopt;
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
        if ((b & 0xC0u) != 0x80u) return std::nullopt;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    return cp;
}

// How many characters (UTF-8 lead bytes) come before byte offset `at`.
std::size_t characterIndex(std::string_view s, std::size_t at) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < at && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0u) != 0x80u) ++n;
    return n;
}

} // namespace

std::vector<std::uint8_t> toGb2312(std::string_view utf8) {
    Converter c("GB2312", "UTF-8");
    std::string out;
    if (auto stopped = c.run(utf8, out)) {
        const std::size_t at = *stopped;
        const std::size_t index = characterIndex(utf8, at) + 1;
        if (at < utf8.size()) {
            if (auto cp = codePointAt(utf8, at)) {
                char u[16];
                std::snprintf(u, sizeof u, "U+%04X", static_cast<unsigned>(*cp));
                throw TextEncodingError(
                    std::string("character ") + u + " (character " + std::to_string(index) +
                    " of the text) is not in GB2312, so the strips' fonts cannot show it: "
                    "use another character or leave it out");
            }
        }
        throw TextEncodingError("the text is not valid UTF-8 at character " +
                                std::to_string(index));
    }
    return {out.begin(), out.end()};
}

std::optional<std::string> fromGb2312(const std::vector<std::uint8_t>& gb) {
    Converter c("UTF-8", "GB2312");
    std::string out;
    const std::string_view in(reinterpret_cast<const char*>(gb.data()), gb.size());
    if (c.run(in, out)) return std::nullopt;
    return out;
}

} // namespace hall::drivers::led
