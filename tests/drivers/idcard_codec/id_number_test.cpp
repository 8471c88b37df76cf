// ID-number check digits (ISO 7064 MOD 11-2), dates, masking and the nation table.
#include "tests/drivers/idcard_codec/card_fixtures.h"
#include "drivers/idcard/id_number.h"
#include "drivers/idcard/nations.h"

#include <chrono>
#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace hall::drivers::idcard;
using namespace std::chrono;

TEST_CASE("check digits of the numbers GB 11643 itself gives as examples") {
    CHECK(idNumberCheckDigit("11010519491231002") == 'X');
    CHECK(idNumberCheckDigit("44052418800101001") == '4');
    CHECK(isValidIdNumber("11010519491231002X"));
    CHECK(isValidIdNumber("440524188001010014"));
}

TEST_CASE("a wrong check digit, 'x' in lower case or a malformed number is refused") {
    CHECK(!isValidIdNumber("110105194912310021"));
    CHECK(!isValidIdNumber("11010519491231002x"));
    CHECK(!isValidIdNumber("440524188001010015"));
    CHECK(!isValidIdNumber("11010519491231002"));
    CHECK(!isValidIdNumber("11010519491231002XX"));
    CHECK(!isValidIdNumber(""));
    CHECK(!isValidIdNumber("1101051949123100AX"));
    CHECK(!idNumberCheckDigit("1101051949123100").has_value());
    CHECK(!idNumberCheckDigit("110105194912310021").has_value());
    CHECK(!idNumberCheckDigit("1101051949123100A").has_value());
}

TEST_CASE("the check digit agrees with the standard's formula and catches every one-digit error") {
    // Pseudo-random 17-digit bodies with valid birth dates; the test's own formula decides.
    unsigned seed = 12345;
    auto nextDigit = [&] {
        seed = seed * 1103515245u + 12345u;
        return static_cast<char>('0' + (seed >> 16) % 10);
    };
    for (int n = 0; n < 500; ++n) {
        std::string body = "110101";
        body += "19" + std::string(1, nextDigit()) + std::string(1, nextDigit()) + "0" +
                std::string(1, static_cast<char>('1' + (n % 9))) + "1" +
                std::string(1, nextDigit());
        for (int i = 0; i < 3; ++i)
            body += nextDigit();
        REQUIRE(body.size() == 17);
        const std::string id = idcard_test::withCheckDigit(body);
        CAPTURE(id);
        CHECK(idNumberCheckDigit(body) == id.back());
        CHECK(isValidIdNumber(id));
        // MOD 11-2 detects any single substituted digit: the other 10 values all fail.
        for (std::size_t pos = 0; pos < 17; ++pos) {
            std::string changed = body;
            changed[pos] = static_cast<char>('0' + (changed[pos] - '0' + 1 + n % 9) % 10);
            CHECK(idNumberCheckDigit(changed) != id.back());
        }
    }
}

TEST_CASE("dates: real calendar days, leap years, plausible births") {
    CHECK(isCalendarDate("20000229"));
    CHECK(isCalendarDate("20240229"));
    CHECK(!isCalendarDate("19000229"));
    CHECK(!isCalendarDate("20230229"));
    CHECK(!isCalendarDate("20240230"));
    CHECK(!isCalendarDate("20231301"));
    CHECK(!isCalendarDate("20230100"));
    CHECK(!isCalendarDate("2023011"));
    CHECK(!isCalendarDate("2023-1-1"));
    CHECK(isPlausibleBirthDate("18800101"));
    CHECK(!isPlausibleBirthDate("18491231"));
    CHECK(!isPlausibleBirthDate("21000101"));
    const year_month_day today{year{2024}, month{6}, day{1}};
    CHECK(isPlausibleBirthDate("20240601", today));
    CHECK(!isPlausibleBirthDate("20240602", today));
    // An ID number whose check digit is right but whose birth date is impossible.
    CHECK(!isValidIdNumber(idcard_test::withCheckDigit("11010519490230002")));
    CHECK(!isValidIdNumber(idcard_test::withCheckDigit("11010518000101002")));
}

TEST_CASE("masking keeps only what may be shown") {
    CHECK(maskIdNumber("110101199003071234") == "110101********1234");
    CHECK(maskIdNumber("11010519491231002X") == "110105********002X");
    CHECK(maskIdNumber("110101900307123") == "110101******123");
    CHECK(maskIdNumber("CAN310080010124") == "CAN310******124");
    CHECK(maskIdNumber("H12345678") == "H1*****78");
    CHECK(maskIdNumber("ABCD") == "A**D");
    CHECK(maskIdNumber("123") == "***");
    CHECK(maskIdNumber("") == "");
    CHECK(maskIdNumber("张三") == "**");
    for (const std::string id : {"110101199003071234", "110101900307123", "H12345678"}) {
        CHECK(maskIdNumber(id).size() == id.size());
    }
}

TEST_CASE("the nation table: 56 groups in code order, plus 97 and 98") {
    const auto all = nations();
    CHECK(all.size() == 58);
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < 56; ++i) {
        char code[3];
        code[0] = static_cast<char>('0' + (i + 1) / 10);
        code[1] = static_cast<char>('0' + (i + 1) % 10);
        code[2] = 0;
        CHECK(all[i].code == code);
        CHECK(names.insert(all[i].name).second);
        CHECK(nationCode(all[i].name) == all[i].code);
    }
    CHECK(nationName("01") == "汉");
    CHECK(nationName("02") == "蒙古");
    CHECK(nationName("05") == "维吾尔");
    CHECK(nationName("10") == "朝鲜");
    CHECK(nationName("29") == "柯尔克孜");
    CHECK(nationName("43") == "乌孜别克");
    CHECK(nationName("46") == "德昂");
    CHECK(nationName("56") == "基诺");
    CHECK(nationName("97") == "其他");
    CHECK(nationName("98") == "外国血统中国籍人士");
    CHECK(!nationName("00"));
    CHECK(!nationName("57"));
    CHECK(!nationName("99"));
    CHECK(!nationName("1"));
    CHECK(!nationCode("汉族"));
}
