// LED strip commands: GB2312 text (with a clear error for characters outside it), the payload
// of every command on the hall bus, and their checks.
#include "drivers/bus/crc16.h"
#include "drivers/bus/frame.h"
#include "drivers/led/gb2312.h"
#include "drivers/led/led_payload.h"

#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace hall::drivers::led;

TEST_CASE("GB2312 round trip of a call") {
    const std::string call = "请A012号到3号窗口";
    const auto gb = toGb2312(call);
    const std::vector<std::uint8_t> expected = {0xC7, 0xEB, 0x41, 0x30, 0x31, 0x32,
                                                0xBA, 0xC5, 0xB5, 0xBD, 0x33, 0xBA,
                                                0xC5, 0xB4, 0xB0, 0xBF, 0xDA};
    CHECK(gb == expected);
    CHECK(fromGb2312(gb) == call);
    CHECK(toGb2312("").empty());
    CHECK(fromGb2312(toGb2312("暂停服务，请到其他窗口办理")) == "暂停服务，请到其他窗口办理");
}

TEST_CASE("characters outside GB2312 are refused, naming the character") {
    // 𠀀 (U+20000, CJK extension B) is in no GB2312 font; neither is an emoji; 镕 (U+9555) is a
    // name character added only in GB18030.
    try {
        (void)toGb2312("请A012𠀀号");
        FAIL("expected TextEncodingError");
    } catch (const TextEncodingError& e) {
        const std::string m = e.what();
        CHECK(m.find("U+20000") != std::string::npos);
        CHECK(m.find("character 6") != std::string::npos);
        CHECK(m.find("GB2312") != std::string::npos);
    }
    CHECK_THROWS_AS((void)toGb2312("😀"), TextEncodingError);
    CHECK_THROWS_AS((void)toGb2312("朱镕基"), TextEncodingError);
    try {
        (void)toGb2312(std::string("ab\xC3(", 4));
        FAIL("expected TextEncodingError");
    } catch (const TextEncodingError& e) {
        CHECK(std::string(e.what()).find("not valid UTF-8") != std::string::npos);
    }
    CHECK_FALSE(fromGb2312({0xC7})); // half a hanzi
    CHECK_FALSE(fromGb2312({0xFF, 0xFF}));
}

TEST_CASE("the documented TEXT example frame") {
    // docs/bus-protocol.md and led_payload.h: TEXT "请A012号到3号窗口" to strip 3, SEQ 7.
    const auto e = encodeCommand(Text{"请A012号到3号窗口"});
    CHECK(e.command == 0x10);
    CHECK(e.payload.size() == 0x11);
    const auto wire = bus::encodeFrame(bus::Frame{3, e.command, 7, e.payload});
    std::vector<std::uint8_t> body = {0x03, 0x10, 0x07, 0x11};
    body.insert(body.end(), e.payload.begin(), e.payload.end());
    const auto crc = bus::crc16Modbus(body);
    // STX, then the header stuffed: 03 → 10 23, 10 → 10 30, 07, 11.
    const std::vector<std::uint8_t> head = {0x02, 0x10, 0x23, 0x10, 0x30, 0x07, 0x11, 0xC7};
    CHECK(std::vector<std::uint8_t>(wire.begin(), wire.begin() + 8) == head);
    CHECK(wire.back() == 0x03);
    auto decoded = bus::decodeOne(wire);
    REQUIRE(decoded);
    auto* f = std::get_if<bus::Frame>(&*decoded);
    REQUIRE(f);
    CHECK(f->payload == e.payload);
    // The CRC at the end, low byte first (neither byte needs escaping here).
    const auto lo = static_cast<std::uint8_t>(crc & 0xFF), hi = static_cast<std::uint8_t>(crc >> 8);
    CAPTURE(crc);
    auto special = [](std::uint8_t b) { return b == 0x02 || b == 0x03 || b == 0x10; };
    REQUIRE_FALSE(special(lo));
    REQUIRE_FALSE(special(hi));
    CHECK(wire[wire.size() - 3] == lo);
    CHECK(wire[wire.size() - 2] == hi);
}

TEST_CASE("every command encodes and decodes to itself") {
    const StripCommand commands[] = {
        Text{"请A012号到3号窗口"},
        Text{""},
        State{StripMode::Serving, "A012"},
        State{StripMode::Paused, ""},
        State{StripMode::Closed, ""},
        Colour{kGreen},
        Colour{Rgb{1, 2, 3}},
        Brightness{0},
        Brightness{100},
        Blink{true, std::chrono::milliseconds(500)},
        Blink{false, std::chrono::milliseconds(2550)},
        Scroll{ScrollMode::Left, 10},
    };
    for (const auto& c : commands) {
        CAPTURE(describe(c));
        const auto e = encodeCommand(c);
        auto back = decodeCommand(e.command, e.payload);
        REQUIRE(std::holds_alternative<StripCommand>(back));
        CHECK(std::get<StripCommand>(back) == c);
    }
    CHECK(encodeCommand(Colour{Rgb{1, 2, 3}}).payload == std::vector<std::uint8_t>{1, 2, 3});
    CHECK(encodeCommand(Blink{true, std::chrono::milliseconds(500)}).payload ==
          std::vector<std::uint8_t>{1, 50});
    CHECK(encodeCommand(State{StripMode::Serving, "A012"}).payload ==
          std::vector<std::uint8_t>{1, 'A', '0', '1', '2'});
}

TEST_CASE("values out of range are refused before they are sent") {
    CHECK_THROWS_AS(encodeCommand(Brightness{101}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(Blink{true, std::chrono::milliseconds(50)}),
                    std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(Blink{true, std::chrono::milliseconds(505)}),
                    std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(Scroll{ScrollMode::Up, 0}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(State{StripMode::Serving, ""}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(State{StripMode::Serving, "a012"}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(State{StripMode::Serving, "A0123456789"}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(State{StripMode::Closed, "A012"}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(Text{"line\nbreak"}), std::invalid_argument);
    CHECK_THROWS_AS(encodeCommand(Text{std::string(201, 'A')}), std::invalid_argument);
    CHECK_NOTHROW(encodeCommand(Text{std::string(200, 'A')}));
    // 101 hanzi are 202 bytes.
    std::string many;
    for (int i = 0; i < 101; ++i)
        many += "号";
    CHECK_THROWS_AS(encodeCommand(Text{many}), std::invalid_argument);
}

TEST_CASE("the unit's side refuses malformed payloads with the right status") {
    using bus::Status;
    auto status = [](std::uint8_t cmd, std::vector<std::uint8_t> p) {
        auto r = decodeCommand(cmd, p);
        REQUIRE(std::holds_alternative<Status>(r));
        return std::get<Status>(r);
    };
    CHECK(status(0x11, {1, 2}) == Status::BadPayload);
    CHECK(status(0x12, {101}) == Status::BadPayload);
    CHECK(status(0x13, {2, 50}) == Status::BadPayload);
    CHECK(status(0x13, {1, 5}) == Status::BadPayload);
    CHECK(status(0x14, {3, 5}) == Status::BadPayload);
    CHECK(status(0x15, {}) == Status::BadPayload);
    CHECK(status(0x15, {1}) == Status::BadPayload); // serving without a number
    CHECK(status(0x10, {0xC7}) == Status::NoGlyph);
    CHECK(status(0x20, {}) == Status::UnknownCommand);
}

TEST_CASE("colour names") {
    CHECK(colourName(kRed) == "red");
    CHECK(colourName(Rgb{0x12, 0xab, 0x34}) == "#12ab34");
    CHECK(parseColour("yellow") == kYellow);
    CHECK(parseColour("#12AB34") == Rgb{0x12, 0xab, 0x34});
    CHECK_FALSE(parseColour("#12AB3"));
    CHECK_FALSE(parseColour("purple"));
}
