#include "drivers/smartcard/text_codec.h"

#include "drivers/base/secure_wipe.h"

#include <cerrno>
#include <cstdint>
#include <iconv.h>

namespace hall::drivers::smartcard {

namespace {

// One conversion with iconv; the output buffer is wiped on every path that drops it.
std::vector<std::uint8_t> convert(const char* to, const char* from,
                                  std::span<const std::uint8_t> in, const char* what) {
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
        throw TextCodecError(std::string("this system's iconv cannot convert ") + from + " to " +
                             to);
    // GB18030 ↔ UTF-8 is at most 4 output bytes per input byte either way.
    std::vector<std::uint8_t> out(in.size() * 4 + 4);
    char* inPtr = const_cast<char*>(reinterpret_cast<const char*>(in.data()));
    std::size_t inLeft = in.size();
    char* outPtr = reinterpret_cast<char*>(out.data());
    std::size_t outLeft = out.size();
    const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    const int err = errno;
    std::size_t rcFlush = 0;
    if (rc != static_cast<std::size_t>(-1))
        rcFlush = iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1) || rcFlush == static_cast<std::size_t>(-1) ||
        inLeft != 0) {
        secureWipe(out);
        throw TextCodecError(
            std::string(what) +
            (err == EILSEQ ? ": invalid byte sequence" : ": incomplete byte sequence") +
            " at offset " + std::to_string(in.size() - inLeft));
    }
    out.resize(out.size() - outLeft);
    return out;
}

} // namespace

std::span<const std::uint8_t> trimPadding(std::span<const std::uint8_t> bytes) {
    std::size_t n = bytes.size();
    while (n > 0 && (bytes[n - 1] == 0x00 || bytes[n - 1] == 0x20 || bytes[n - 1] == 0xFF))
        --n;
    return bytes.first(n);
}

std::string gbkToUtf8(std::span<const std::uint8_t> bytes) {
    std::vector<std::uint8_t> out = convert("UTF-8", "GB18030", bytes, "GBK text");
    std::string text(out.begin(), out.end());
    secureWipe(out);
    return text;
}

std::vector<std::uint8_t> utf8ToGbk(std::string_view text) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    return convert("GBK", "UTF-8", std::span<const std::uint8_t>(p, text.size()), "UTF-8 text");
}

std::string asciiText(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
            secureWipe(out);
            throw TextCodecError("ASCII field has a non-printable byte at offset " +
                                 std::to_string(i));
        }
        out += static_cast<char>(bytes[i]);
    }
    return out;
}

std::string bcdDigits(std::span<const std::uint8_t> bytes, std::optional<std::size_t> maxDigits) {
    std::string out;
    const std::size_t limit = maxDigits.value_or(bytes.size() * 2);
    bool padding = false;
    for (std::size_t i = 0; i < bytes.size() * 2 && out.size() < limit; ++i) {
        const unsigned nib = (i % 2 == 0) ? (bytes[i / 2] >> 4) : (bytes[i / 2] & 0x0F);
        if (nib == 0x0F) {
            padding = true;
            continue;
        }
        if (padding || nib > 9) {
            secureWipe(out);
            throw TextCodecError(
                "BCD field has " +
                std::string(padding ? "a digit after F padding" : "a non-decimal nibble") +
                " at nibble " + std::to_string(i));
        }
        out += static_cast<char>('0' + nib);
    }
    if (maxDigits && out.size() < *maxDigits) {
        const std::size_t got = out.size();
        secureWipe(out);
        throw TextCodecError("BCD field holds " + std::to_string(got) + " digits, " +
                             std::to_string(*maxDigits) + " expected");
    }
    return out;
}

std::vector<std::uint8_t> bcdEncode(std::string_view digits, std::size_t length) {
    if ((digits.size() + 1) / 2 > length)
        throw TextCodecError(std::to_string(digits.size()) + " digits do not fit " +
                             std::to_string(length) + " BCD bytes");
    std::vector<std::uint8_t> out(length, 0xFF);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const char c = digits[i];
        if (c < '0' || c > '9') throw TextCodecError("BCD encoding needs decimal digits only");
        const auto v = static_cast<std::uint8_t>(c - '0');
        if (i % 2 == 0)
            out[i / 2] = static_cast<std::uint8_t>((v << 4) | 0x0F);
        else
            out[i / 2] = static_cast<std::uint8_t>((out[i / 2] & 0xF0) | v);
    }
    return out;
}

} // namespace hall::drivers::smartcard
