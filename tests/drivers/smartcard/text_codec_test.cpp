// GBK ↔ UTF-8 through iconv, ASCII and BCD fields, padding.

#include "drivers/smartcard/hex.h"
#include "drivers/smartcard/text_codec.h"

#include <doctest/doctest.h>

using namespace hall::drivers::smartcard;

TEST_CASE("GBK names become UTF-8 and back") {
    // 社会保障 in GBK, as in the SSSE directory name.
    CHECK(gbkToUtf8(fromHex("C9E7 BBE1 B1A3 D5CF")) == "社会保障");
    CHECK(toHex(utf8ToGbk("社会保障"), false) == "C9E7BBE1B1A3D5CF");
    const std::string name = "欧阳娜娜";
    CHECK(gbkToUtf8(utf8ToGbk(name)) == name);
    CHECK(gbkToUtf8(fromHex("41 42")) == "AB");
}

TEST_CASE("invalid GBK and UTF-8 are errors that carry no text") {
    CHECK_THROWS_WITH_AS(gbkToUtf8(fromHex("C9")),
                         doctest::Contains("incomplete byte sequence at offset 0"), TextCodecError);
    CHECK_THROWS_WITH_AS(gbkToUtf8(fromHex("41 FF 30")),
                         doctest::Contains("invalid byte sequence at offset 1"), TextCodecError);
    CHECK_THROWS_AS(utf8ToGbk("\xE4\xB8"), TextCodecError);         // truncated UTF-8
    CHECK_THROWS_AS(utf8ToGbk("\xF0\x9F\x98\x80"), TextCodecError); // an emoji has no GBK form
}

TEST_CASE("padding: trailing 00, 20 and FF go, inner spaces stay") {
    const auto bytes = fromHex("41 20 42 20 20 00 FF");
    CHECK(toHex(trimPadding(bytes)) == "41 20 42");
    CHECK(trimPadding(fromHex("20 20")).empty());
}

TEST_CASE("ASCII fields must be printable") {
    CHECK(asciiText(fromHex("33 2E 30 30")) == "3.00");
    CHECK_THROWS_WITH_AS(asciiText(fromHex("41 0A")), doctest::Contains("offset 1"),
                         TextCodecError);
}

TEST_CASE("BCD: digits, F padding, a prefix of a longer field") {
    CHECK(bcdDigits(fromHex("20 24 01 31")) == "20240131");
    CHECK(bcdDigits(fromHex("11 01 0F FF")) == "11010");
    CHECK(bcdDigits(fromHex("FF FF")).empty());
    CHECK(bcdDigits(fromHex("44 03 05 D1 56"), 6) ==
          "440305"); // only the region digits are decoded
    CHECK_THROWS_WITH_AS(bcdDigits(fromHex("44 03 05 D1")),
                         doctest::Contains("non-decimal nibble at nibble 6"), TextCodecError);
    CHECK_THROWS_WITH_AS(bcdDigits(fromHex("4F 03")), doctest::Contains("a digit after F padding"),
                         TextCodecError);
    CHECK_THROWS_WITH_AS(bcdDigits(fromHex("44 0F"), 6),
                         doctest::Contains("holds 3 digits, 6 expected"), TextCodecError);
    CHECK(toHex(bcdEncode("20240131", 4)) == "20 24 01 31");
    CHECK(toHex(bcdEncode("123", 3)) == "12 3F FF");
    CHECK_THROWS_AS(bcdEncode("123456789", 4), TextCodecError);
    CHECK_THROWS_AS(bcdEncode("12a4", 2), TextCodecError);
}
