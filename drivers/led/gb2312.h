#pragma once
// Text for the strips' fonts. The common LED controller cards carry a GB2312 font (6,763 hanzi,
// ASCII, full-width punctuation): the wire form is EUC-CN, ASCII as itself and each hanzi as two
// bytes A1..FE A1..FE (请 = C7 EB). Conversion goes through the C library's iconv ("GB2312"
// is EUC-CN in glibc). A character outside GB2312 (a rare name character such as 𠀀, an emoji, a
// traditional form the font lacks) cannot be shown: it is refused with a clear error before
// anything is queued, rather than sent and shown as a box.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::led {

class TextEncodingError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// UTF-8 to GB2312 (EUC-CN). Throws TextEncodingError naming the first character that is not in
// GB2312 ("U+20000 at character 5") or where the input stops being valid UTF-8.
std::vector<std::uint8_t> toGb2312(std::string_view utf8);

// GB2312 (EUC-CN) to UTF-8; nullopt for bytes that are not valid GB2312 (the twin answers
// NO_GLYPH to those).
std::optional<std::string> fromGb2312(const std::vector<std::uint8_t>& gb);

} // namespace hall::drivers::led
