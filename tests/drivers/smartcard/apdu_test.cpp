// Short APDU encoding cases 1–4, response parsing, and the T=0 procedure statuses (61xx GET
// RESPONSE loop, 6Cxx wrong-Le retry) against a scripted card.

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/hex.h"
#include "tests/drivers/smartcard/scripted_card.h"

#include <doctest/doctest.h>

using namespace hall::drivers::smartcard;
using smartcard_test::ScriptedCard;

namespace {
std::string encoded(const CommandApdu& c) {
    return toHex(c.encode());
}
} // namespace

TEST_CASE("command APDUs encode as cases 1 to 4") {
    CHECK(encoded({0x00, 0xA4, 0x00, 0x00, {}, std::nullopt}) == "00 A4 00 00");
    CHECK(encoded({0x00, 0xB2, 0x07, 0x00, {}, 11}) == "00 B2 07 00 0B");
    CHECK(encoded({0x00, 0xB2, 0x07, 0x00, {}, 256}) == "00 B2 07 00 00");
    CHECK(encoded({0x00, 0xA4, 0x02, 0x00, {0xEF, 0x05}, std::nullopt}) == "00 A4 02 00 02 EF 05");
    CHECK(encoded({0x00, 0xA4, 0x04, 0x00, {0x73, 0x78}, 256}) == "00 A4 04 00 02 73 78 00");
    CHECK(CommandApdu{0x00, 0xA4, 0x04, 0x00, {0x01}, 5}.apduCase() == 4);
}

TEST_CASE("fields that do not fit a short APDU are refused") {
    CHECK_THROWS_AS(
        CommandApdu({0, 0xD6, 0, 0, std::vector<std::uint8_t>(256, 0), std::nullopt}).encode(),
        ApduError);
    CHECK_THROWS_AS(CommandApdu({0, 0xB0, 0, 0, {}, 0}).encode(), ApduError);
    CHECK_THROWS_AS(CommandApdu({0, 0xB0, 0, 0, {}, 257}).encode(), ApduError);
}

TEST_CASE("command APDUs decode back, and malformed ones are rejected") {
    for (const char* hex : {"00 A4 00 00", "00 B2 07 00 0B", "00 B2 07 00 00",
                            "00 A4 02 00 02 EF 05", "00 A4 04 00 02 73 78 00"}) {
        const auto bytes = fromHex(hex);
        CHECK(toHex(CommandApdu::decode(bytes).encode()) == hex);
    }
    CHECK(CommandApdu::decode(fromHex("00 B2 07 00 00")).le == std::uint16_t{256});
    CHECK_THROWS_AS(CommandApdu::decode(fromHex("00 A4 00")), ApduError);
    CHECK_THROWS_AS(CommandApdu::decode(fromHex("00 A4 02 00 03 EF 05")),
                    ApduError); // Lc 3, 2 bytes
    CHECK_THROWS_AS(CommandApdu::decode(fromHex("00 A4 02 00 02 EF 05 00 00")),
                    ApduError); // one too many
    CHECK_THROWS_AS(CommandApdu::decode(fromHex("00 B0 00 00 00 01 00")),
                    ApduError); // extended length
}

TEST_CASE("responses split into data and status word") {
    const auto r = ResponseApdu::parse(fromHex("01 02 03 90 00"));
    CHECK(r.ok());
    CHECK(r.data() == std::vector<std::uint8_t>{1, 2, 3});
    CHECK(ResponseApdu::parse(fromHex("6A 82")).sw() == 0x6A82);
    CHECK_THROWS_AS(ResponseApdu::parse(fromHex("90")), ApduError);
    CHECK_THROWS_AS(ResponseApdu::parse({}), ApduError);
}

TEST_CASE("T=0: 61xx is followed with GET RESPONSE until the card has given everything") {
    ScriptedCard card;
    card.expect("00 A4 04 00 02 73 78", "61 03")
        .expect("00 C0 00 00 03", "6F 01 84 61 02")
        .expect("00 C0 00 00 02", "AA BB 90 00");
    const auto r = exchange(card, {0x00, 0xA4, 0x04, 0x00, {0x73, 0x78}, std::nullopt});
    CHECK(r.ok());
    CHECK(toHex(r.data()) == "6F 01 84 AA BB");
    CHECK(card.finished());
}

TEST_CASE("T=0: 61 00 means 256 bytes are waiting") {
    ScriptedCard card;
    std::string big;
    for (int i = 0; i < 256; ++i)
        big += "5A ";
    card.expect("80 CA 00 00", "61 00").expect("00 C0 00 00 00", big + "90 00");
    const auto r = exchange(card, {0x80, 0xCA, 0x00, 0x00, {}, std::nullopt});
    CHECK(r.data().size() == 256);
    CHECK(r.ok());
}

TEST_CASE("T=0: 6Cxx resends the same command with Le = xx") {
    ScriptedCard card;
    card.expect("00 B2 07 00 00", "6C 0B")
        .expect("00 B2 07 00 0B", "07 09 41 31 32 33 34 35 36 37 38 90 00");
    const auto r = exchange(card, {0x00, 0xB2, 0x07, 0x00, {}, 256});
    CHECK(r.ok());
    CHECK(r.data().size() == 11);
    CHECK(card.finished());
}

TEST_CASE("T=0: a GET RESPONSE answered 6Cxx is corrected too") {
    ScriptedCard card;
    card.expect("00 A4 04 00 01 73", "61 10")
        .expect("00 C0 00 00 10", "6C 04")
        .expect("00 C0 00 00 04", "01 02 03 04 90 00");
    const auto r = exchange(card, {0x00, 0xA4, 0x04, 0x00, {0x73}, std::nullopt});
    CHECK(toHex(r.data()) == "01 02 03 04");
}

TEST_CASE("a final error status is returned, not thrown: the caller knows what it means") {
    ScriptedCard card;
    card.expect("00 A4 02 00 02 EF 07", "6A 82");
    const auto r = exchange(card, {0x00, 0xA4, 0x02, 0x00, {0xEF, 0x07}, std::nullopt});
    CHECK(r.sw() == 0x6A82);
    CHECK(r.data().empty());
}

TEST_CASE("T=0 loops and malformed answers are bounded errors") {
    SUBCASE("6Cxx twice") {
        ScriptedCard card;
        card.expect("00 B2 01 00 00", "6C 12").expect("00 B2 01 00 12", "6C 10");
        CHECK_THROWS_WITH_AS(exchange(card, {0x00, 0xB2, 0x01, 0x00, {}, 256}),
                             doctest::Contains("6Cxx twice"), ApduError);
    }
    SUBCASE("61xx forever") {
        ScriptedCard card;
        card.expect("00 A4 00 00", "61 01");
        for (int i = 0; i < 3; ++i)
            card.expect("00 C0 00 00 01", "00 61 01");
        CHECK_THROWS_WITH_AS(
            exchange(card, {0x00, 0xA4, 0x00, 0x00, {}, std::nullopt}, ExchangeLimits{3, 8192}),
            doctest::Contains("after 3 GET RESPONSE rounds"), ApduError);
    }
    SUBCASE("more data than the limit") {
        ScriptedCard card;
        card.expect("00 A4 00 00", "61 04").expect("00 C0 00 00 04", "01 02 03 04 61 04");
        CHECK_THROWS_WITH_AS(
            exchange(card, {0x00, 0xA4, 0x00, 0x00, {}, std::nullopt}, ExchangeLimits{8, 3}),
            doctest::Contains("exceeds 3 bytes"), ApduError);
    }
    SUBCASE("a one-byte answer") {
        ScriptedCard card;
        card.expect("00 A4 00 00", "3C");
        CHECK_THROWS_WITH_AS(exchange(card, {0x00, 0xA4, 0x00, 0x00, {}, std::nullopt}),
                             doctest::Contains("no status word"), ApduError);
    }
    SUBCASE("an invalid status word") {
        ScriptedCard card;
        card.expect("00 A4 00 00", "A5 1F 00");
        CHECK_THROWS_WITH_AS(exchange(card, {0x00, 0xA4, 0x00, 0x00, {}, std::nullopt}),
                             doctest::Contains("1F00, which is not an ISO 7816 status word"),
                             ApduError);
    }
}
