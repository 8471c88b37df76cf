// Strict UTF-8: what may reach the classifier as text.
#include "drivers/scanner/utf8.h"

#include <doctest/doctest.h>
#include <string>

using hall::drivers::scanner::isValidUtf8;

TEST_CASE("valid UTF-8 is accepted, ASCII controls included") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("HALL-APPT:AB12CD34"));
    CHECK(isValidUtf8("\x1d"
                      "0104012345678901"));     // GS1 with a GS separator
    CHECK(isValidUtf8(std::string("a\0b", 3))); // NUL is a character
    CHECK(isValidUtf8("\xc2\xa9"));             // U+00A9
    CHECK(isValidUtf8("\xe7\x94\xb5\xe5\xad\x90\xe8\xaf\x81\xe7\x85\xa7")); // 电子证照
    CHECK(isValidUtf8("\xed\x9f\xbf"));     // U+D7FF, just below the surrogates
    CHECK(isValidUtf8("\xee\x80\x80"));     // U+E000, just above them
    CHECK(isValidUtf8("\xf0\x9f\x98\x80")); // U+1F600
    CHECK(isValidUtf8("\xf4\x8f\xbf\xbf")); // U+10FFFF, the last code point
}

TEST_CASE("malformed UTF-8 is refused") {
    const char* bad[] = {
        "\x80",               // lone continuation byte
        "\xbf",               // another
        "\xc0\x80",           // overlong NUL
        "\xc1\xbf",           // overlong
        "\xc2",               // truncated 2-byte
        "\xc2\x41",           // bad continuation
        "\xe0\x80\x80",       // overlong 3-byte
        "\xe0\x9f\xbf",       // overlong 3-byte, top of the range
        "\xed\xa0\x80",       // UTF-16 surrogate D800
        "\xed\xbf\xbf",       // surrogate DFFF
        "\xe7\x94",           // truncated 3-byte
        "\xf0\x80\x80\x80",   // overlong 4-byte
        "\xf0\x8f\xbf\xbf",   // overlong 4-byte, top
        "\xf4\x90\x80\x80",   // U+110000
        "\xf5\x80\x80\x80",   // lead byte past F4
        "\xff",               // never valid
        "HALL-APPT:\xb5\xe7", // Latin-1 / GBK bytes in an otherwise ASCII code
    };
    for (const char* s : bad) {
        CAPTURE(s);
        CHECK_FALSE(isValidUtf8(s));
    }
}
