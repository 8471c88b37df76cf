#include "drivers/printer/gb18030.h"

#include <cerrno>
#include <cstdint>
#include <iconv.h>
#include <stdexcept>

namespace hall::drivers::printer {
namespace {

// One conversion direction, opened once per thread: iconv_open looks up and loads a gconv
// module, which costs more than converting a whole ticket. The shift state is reset before
// every use.
class Converter {
public:
    Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {
        if (cd_ == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
            throw std::runtime_error(std::string("this system's iconv cannot convert ") + from +
                                     " to " + to + " (glibc's gconv modules are missing)");
    }
    ~Converter() { iconv_close(cd_); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    // Converts as much as it can; returns 0 on success or the errno that stopped it (EILSEQ:
    // an input sequence it cannot convert at `in`; EINVAL: an incomplete one at the end).
    int run(const char*& in, std::size_t& inLeft, std::string& out) {
        iconv(cd_, nullptr, nullptr, nullptr, nullptr);
        while (inLeft > 0) {
            const std::size_t used = out.size();
            out.resize(used + inLeft * 4 + 16);
            char* outPtr = out.data() + used;
            std::size_t outLeft = out.size() - used;
            char* inPtr = const_cast<char*>(in); // iconv's prototype; it does not write input
            const std::size_t rc = iconv(cd_, &inPtr, &inLeft, &outPtr, &outLeft);
            const int err = errno;
            in = inPtr;
            out.resize(static_cast<std::size_t>(outPtr - out.data()));
            if (rc != static_cast<std::size_t>(-1)) return 0;
            if (err != E2BIG) return err;
        }
        return 0;
    }

private:
    iconv_t cd_;
};

Converter& toGb() {
    thread_local Converter c("GB18030", "UTF-8");
    return c;
}

Converter& fromGb() {
    thread_local Converter c("UTF-8", "GB18030");
    return c;
}

bool isControl(std::uint8_t b) {
    return b < 0x20 || b == 0x7F;
}

} // namespace

std::size_t utf8SequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 1;
}

EncodedText utf8ToGb18030(std::string_view utf8, Gb18030Options options) {
    EncodedText result;
    result.bytes.reserve(utf8.size());
    auto putAscii = [&](std::uint8_t b) {
        if (isControl(b)) {
            result.bytes.push_back('?');
            ++result.replaced;
        } else {
            result.bytes.push_back(b);
        }
    };

    bool allAscii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) allAscii = false;
    if (allAscii) { // the common case on a ticket line: numbers, times, URLs
        for (char c : utf8)
            putAscii(static_cast<std::uint8_t>(c));
        return result;
    }

    // iconv stops at each sequence it cannot take; that sequence becomes '?' and it goes on.
    std::string gb;
    const char* in = utf8.data();
    std::size_t left = utf8.size();
    while (left > 0) {
        const int err = toGb().run(in, left, gb);
        if (err == 0) break;
        // The bad lead byte and the continuation bytes that follow it, no more: an ASCII
        // character after a broken sequence is kept.
        const std::size_t len = utf8SequenceLength(static_cast<unsigned char>(*in));
        std::size_t skip = 1;
        while (skip < len && skip < left && (static_cast<unsigned char>(in[skip]) & 0xC0) == 0x80)
            ++skip;
        if (err == EINVAL) skip = left; // cut off in the middle of a character
        gb.push_back('?');
        ++result.replaced;
        in += skip;
        left -= skip;
    }

    // Walk the GB18030 output: controls and (when asked) four-byte characters become '?'.
    const auto* p = reinterpret_cast<const std::uint8_t*>(gb.data());
    const std::size_t n = gb.size();
    for (std::size_t i = 0; i < n;) {
        const std::uint8_t b = p[i];
        if (b < 0x80) {
            putAscii(b);
            ++i;
            continue;
        }
        const bool four = i + 3 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39;
        const std::size_t len = four ? 4 : std::min<std::size_t>(2, n - i);
        if (four && !options.allowFourByte) {
            result.bytes.push_back('?');
            ++result.replaced;
        } else {
            result.bytes.insert(result.bytes.end(), p + i, p + i + len);
            result.ascii = false;
        }
        i += len;
    }
    return result;
}

std::string gb18030ToUtf8(std::span<const std::uint8_t> bytes) {
    std::string out;
    const char* in = reinterpret_cast<const char*>(bytes.data());
    std::size_t left = bytes.size();
    while (left > 0) {
        const int err = fromGb().run(in, left, out);
        if (err == 0) break;
        const std::size_t skip = err == EINVAL ? left : 1;
        out.append(skip, '?');
        in += skip;
        left -= skip;
    }
    return out;
}

int displayColumns(std::string_view utf8) {
    int columns = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        columns += lead < 0x80 ? 1 : 2;
        i += utf8SequenceLength(lead);
    }
    return columns;
}

} // namespace hall::drivers::printer
