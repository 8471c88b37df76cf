#pragma once
// Text as social-security cards store it, into UTF-8 (and back, for the virtual card):
//   GBK    names (姓名) in the card's Chinese national encoding; decoded as GB18030, its
//          superset, so every GBK byte sequence is accepted. Uses glibc's iconv.
//   ASCII  numbers and codes (卡号, 社会保障号码, 规范版本): printable ASCII only.
//   BCD    dates and region codes packed two decimal digits per byte (20240131 → 20 24 01 31),
//          padded at the end with F nibbles.
// Fixed-length card fields are padded; trimPadding() drops trailing 00, 20 and FF bytes.
// Every intermediate buffer is wiped: these are personal data.

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::smartcard {

class TextCodecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The bytes without trailing 00 / 20 / FF padding.
std::span<const std::uint8_t> trimPadding(std::span<const std::uint8_t> bytes);

// Throws TextCodecError on a byte sequence that is not GB18030 (the message carries no text).
std::string gbkToUtf8(std::span<const std::uint8_t> bytes);
// Throws TextCodecError when the text is not valid UTF-8 or has no GBK form.
std::vector<std::uint8_t> utf8ToGbk(std::string_view text);

// Throws TextCodecError on a byte outside 20..7E.
std::string asciiText(std::span<const std::uint8_t> bytes);

// Decimal digits of packed BCD. Trailing F nibbles end the value; any other nibble above 9
// throws TextCodecError. With maxDigits, only that many leading digits are decoded and
// checked (a longer field may carry non-decimal data after them).
std::string bcdDigits(std::span<const std::uint8_t> bytes,
                      std::optional<std::size_t> maxDigits = std::nullopt);
// "20240131" → 20 24 01 31; an odd count gets an F pad nibble; padded with FF to `length`
// bytes. Throws TextCodecError on a non-digit or when the digits do not fit.
std::vector<std::uint8_t> bcdEncode(std::string_view digits, std::size_t length);

} // namespace hall::drivers::smartcard
