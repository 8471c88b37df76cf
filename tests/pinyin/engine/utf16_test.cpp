// The engine's UTF-16 candidates in the project's UTF-8.
#include "shared/pinyin/utf16.h"

#include <cstdint>
#include <doctest/doctest.h>

using hall::pinyin::utf16ToUtf8;

TEST_CASE("UTF-16 to UTF-8") {
    const std::uint16_t zhengwu[] = {0x653F, 0x52A1, 0};
    CHECK(utf16ToUtf8(zhengwu) == "政务");
    const std::uint16_t mixed[] = {'A', 0x00E9, 0xD842, 0xDFB7, 0}; // A é 𠮷
    CHECK(utf16ToUtf8(mixed) == "A\xC3\xA9\xF0\xA0\xAE\xB7");
    const std::uint16_t unpaired[] = {0xD842, 'x', 0xDC00, 0};
    CHECK(utf16ToUtf8(unpaired) == "\xEF\xBF\xBDx\xEF\xBF\xBD");
    CHECK(utf16ToUtf8(nullptr).empty());
    const std::uint16_t empty[] = {0};
    CHECK(utf16ToUtf8(empty).empty());
}
