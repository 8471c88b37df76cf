// ATR parsing (ISO/IEC 7816-3 §8): structure, protocols, TCK, and every malformed shape.

#include "drivers/smartcard/atr.h"
#include "drivers/smartcard/hex.h"
#include "drivers/smartcard/twin/sscard_applet.h"

#include <doctest/doctest.h>

using namespace hall::drivers::smartcard;

namespace {
Atr parse(const char* hex) {
    return parseAtr(fromHex(hex));
}

std::string errorOf(const char* hex) {
    try {
        parseAtr(fromHex(hex));
    } catch (const AtrError& e) {
        return e.what();
    }
    return "no error";
}
} // namespace

TEST_CASE("a T=0 ATR without TD1: T=0 implied, no TCK, historical bytes") {
    const Atr a = parse("3B 6A 00 00 48 41 4C 4C 2D 53 53 43 33 30");
    CHECK(a.convention == Convention::Direct);
    REQUIRE(a.groups.size() == 1);
    CHECK_FALSE(a.groups[0].ta.has_value());
    CHECK(a.groups[0].tb == std::uint8_t{0x00});
    CHECK(a.groups[0].tc == std::uint8_t{0x00});
    CHECK_FALSE(a.groups[0].td.has_value());
    CHECK(a.offers(0));
    CHECK_FALSE(a.offers(1));
    CHECK(a.protocolsText() == "T=0");
    CHECK(std::string(a.historical.begin(), a.historical.end()) == "HALL-SSC30");
    CHECK_FALSE(a.tck.has_value());
    CHECK(a.fi() == 372u);
    CHECK(a.di() == 1u);
}

TEST_CASE("the virtual card's ATR parses as the card it claims to be") {
    const Atr a = parseAtr(hall::devsim::SsCardApplet::defaultAtr());
    CHECK(a.protocolsText() == "T=0");
    CHECK(a.historical.size() == 10);
}

TEST_CASE("a dual-protocol ATR: TA1 speed, TD chain, T=1 bytes and a correct TCK") {
    // T0=DF: TA1 TC1 TD1 follow, 15 historical bytes. TA1=18 (Fi 372, Di 12), TC1=00,
    // TD1=81 (T=1, TD2 follows), TD2=31 (T=1, TA3 TB3 follow), TA3=FE (IFSC 254), TB3=45.
    const Atr a = parse("3B DF 18 00 81 31 FE 45 80 31 80 94 43 4E 45 50 41 53 53 20 52 47 20 25");
    CHECK(a.offers(1));
    CHECK_FALSE(a.offers(0));
    CHECK(a.defaultProtocol() == 1u);
    CHECK(a.fi() == 372u);
    CHECK(a.di() == 12u);
    REQUIRE(a.groups.size() == 3);
    CHECK(a.groups[2].ta == std::uint8_t{0xFE});
    CHECK(a.groups[2].tb == std::uint8_t{0x45});
    CHECK(a.groups[0].tc == std::uint8_t{0x00});
    CHECK_FALSE(a.groups[0].tb.has_value());
    CHECK(a.historical.size() == 15);
    CHECK(a.tck == std::uint8_t{0x25});
}

TEST_CASE("T=0 and T=1 offered, inverse convention, TCK checked") {
    // 3F 80 80 01 xx : TD1=80 → TD2 present (T=0), TD2=01 → T=1, no more; TCK = 80^80^01 = 01.
    const Atr a = parse("3F 80 80 01 01");
    CHECK(a.convention == Convention::Inverse);
    CHECK(a.offers(0));
    CHECK(a.offers(1));
    CHECK(a.protocolsText() == "T=0, T=1");
    CHECK(a.defaultProtocol() == 0u);
}

TEST_CASE("T=15 global bytes bring a TCK but are not a protocol") {
    // TD1=80 (T=0, TD2 follows), TD2=1F (T=15, TA3 follows), TA3=03, TCK = 80^80^1F^03 = 1C
    const Atr a = parse("3B 80 80 1F 03 1C");
    CHECK(a.protocolsText() == "T=0");
    CHECK(a.tck == std::uint8_t{0x1C});
    CHECK(a.specificMode() == false);
}

TEST_CASE("TA2 marks the specific mode; TC1 is the extra guard time") {
    // T0=C0: TC1 TD1 follow. TC1=05, TD1=10 (T=0, TA2 follows), TA2=11. Only T=0: no TCK.
    const Atr a = parse("3B C0 05 10 11");
    CHECK(a.extraGuardTime() == 5);
    CHECK(a.specificMode());
}

TEST_CASE("TA1 with a reserved Fi or Di code is reported, not guessed") {
    const Atr a = parse("3B 10 77"); // TA1=77: Fi code 7 is RFU, Di code 7 is 64
    CHECK_FALSE(a.fi().has_value());
    CHECK(a.di() == 64u);
}

TEST_CASE("malformed ATRs give a clear error") {
    CHECK(errorOf("") == "ATR is empty: the card sent no answer to reset");
    CHECK(errorOf("3B").find("needs at least TS and T0") != std::string::npos);
    CHECK(errorOf("3C 00").find("(TS) is 3C") != std::string::npos);
    // T0 = F0: TA1..TD1 announced, only two bytes follow.
    CHECK(errorOf("3B F0 11 00").find("TC1 is announced but the ATR ends at byte 4") !=
          std::string::npos);
    // TD1 = 80 announces TD2, which is missing.
    CHECK(errorOf("3B 80 80").find("TD2 is announced") != std::string::npos);
    // T0 = 05: five historical bytes, three present.
    CHECK(errorOf("3B 05 01 02 03").find("announces 5 historical bytes but only 3") !=
          std::string::npos);
    // T=1 indicated: TCK required.
    CHECK(errorOf("3F 80 80 01").find("no TCK") != std::string::npos);
    CHECK(errorOf("3F 80 80 01 02").find("TCK 02 is wrong") != std::string::npos);
    // TD1 = 0F: T=15 in TD1 would offer no protocol at all (found by atr_apdu_fuzz).
    CHECK(errorOf("3B 80 0F 0F").find("TD1 indicates T=15") != std::string::npos);
    CHECK(errorOf("3B E3 EE 80 3F 28 25 80 3F 28 28").find("TD1 indicates T=15") !=
          std::string::npos);
    // Only T=0: a byte after the historical bytes is not a TCK but junk.
    CHECK(errorOf("3B 01 41 99")
              .find("1 unexpected byte(s) after the historical bytes, starting at byte 3") !=
          std::string::npos);
    std::vector<std::uint8_t> tooLong(34, 0x00);
    tooLong[0] = 0x3B;
    CHECK_THROWS_WITH_AS(parseAtr(tooLong), "ATR is 34 bytes long; ISO 7816-3 allows at most 33",
                         AtrError);
}
