// The display rule for names (shared/terminal/name_mask.h).
#include "shared/terminal/name_mask.h"

#include <doctest/doctest.h>

using hall::client::maskPersonName;

TEST_CASE("Chinese names keep the surname, and the last character from three on") {
    CHECK(maskPersonName("兰") == "*");
    CHECK(maskPersonName("李明") == "李*");
    CHECK(maskPersonName("王秀兰") == "王*兰");
    CHECK(maskPersonName("欧阳娜娜") == "欧**娜");
    CHECK(maskPersonName("司马相如风") == "司***风");
}

TEST_CASE("characters outside the basic plane count as one character each") {
    // 𠀀 (U+20000, CJK extension B) is four UTF-8 bytes: still one character.
    CHECK(maskPersonName("\xF0\xA0\x80\x80") == "*");
    CHECK(maskPersonName("张\xF0\xA0\x80\x80") == "张*");
    CHECK(maskPersonName("张\xF0\xA0\x80\x80兰") == "张*兰");
}

TEST_CASE("transcribed names keep their middle dots, which do not count") {
    CHECK(maskPersonName("阿依古丽·买买提") == "阿***·**提");
    CHECK(maskPersonName("买买提·艾力") == "买**·*力");
    CHECK(maskPersonName("约翰・史密斯") == "约*・**斯");
}

TEST_CASE("Latin names keep the first letter of every word") {
    CHECK(maskPersonName("SMITH JOHN") == "S**** J***");
    CHECK(maskPersonName("ZHANG, SAN") == "Z****, S**");
    CHECK(maskPersonName("O'BRIEN MARY-ANN") == "O'B**** M***-A**");
    CHECK(maskPersonName("MÜLLER") == "M*****");
    CHECK(maskPersonName("J") == "J");
}

TEST_CASE("blank, padded and malformed names") {
    CHECK(maskPersonName("") == "");
    CHECK(maskPersonName("   ") == "");
    CHECK(maskPersonName("  王秀兰 \r\n") == "王*兰");
    CHECK(maskPersonName("\xE7\x8E") == "*");     // a cut-off 王
    CHECK(maskPersonName("\xC0\xAF") == "*");     // overlong '/'
    CHECK(maskPersonName("\xED\xA0\x80") == "*"); // a UTF-16 surrogate
    CHECK(maskPersonName("王\xFF兰") == "*");
}
