// The example frames of docs/bus-protocol.md, byte for byte, built with the codecs: the document
// and the code cannot drift apart.
#include "drivers/bus/frame.h"
#include "drivers/bus/protocol.h"
#include "drivers/keypad/keypad_payload.h"
#include "drivers/led/led_payload.h"

#include <doctest/doctest.h>

using namespace hall::drivers;

namespace {

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string s;
    char b[4];
    for (auto v : bytes) {
        std::snprintf(b, sizeof b, "%02X", v);
        s += (s.empty() ? "" : " ") + std::string(b);
    }
    return s;
}

std::string frame(std::uint8_t address, std::uint8_t command, std::uint8_t seq,
                  std::vector<std::uint8_t> payload) {
    return hex(bus::encodeFrame(bus::Frame{address, command, seq, std::move(payload)}));
}

std::string request(std::uint8_t address, std::uint8_t seq, const led::StripCommand& c) {
    auto e = led::encodeCommand(c);
    return frame(address, e.command, seq, e.payload);
}

} // namespace

TEST_CASE("docs/bus-protocol.md examples") {
    CHECK(frame(5, bus::cmd::kIdentify, 0x01, {}) == "02 05 01 01 00 50 B8 03");
    CHECK(frame(5, 0x81, 0x01, {0x00, 0x01, 0x01}) == "02 05 81 01 10 23 00 01 01 AD C5 03");
    CHECK(request(3, 0x07, led::Text{"请A012号到3号窗口"}) ==
          "02 10 23 10 30 07 11 C7 EB 41 30 31 32 BA C5 B5 BD 33 BA C5 B4 B0 BF DA 0D CA 03");
    CHECK(frame(3, 0x90, 0x07, {0x00}) == "02 10 23 90 07 01 00 FD 51 03");
    CHECK(request(3, 0x08, led::Colour{led::kRed}) == "02 10 23 11 08 10 23 FF 00 00 FA F4 03");
    CHECK(request(3, 0x09, led::Blink{true, std::chrono::milliseconds(500)}) ==
          "02 10 23 13 09 10 22 01 32 A7 F2 03");
    CHECK(request(12, 0x04, led::State{led::StripMode::Serving, "A012"}) ==
          "02 0C 15 04 05 01 41 30 31 32 66 E0 03");
    CHECK(frame(12, 0x92, 0x05, {0x02}) == "02 0C 92 05 01 10 22 88 E9 03");
    CHECK(frame(7, bus::cmd::kPoll, 0x21, {}) == "02 07 20 21 00 18 CA 03");
    const keypad::Key keys[] = {keypad::Key::Digit0, keypad::Key::Digit1, keypad::Key::Digit2,
                                keypad::Key::Transfer};
    CHECK(frame(7, 0xA0, 0x21, keypad::encodePollReply(false, keys)) ==
          "02 07 A0 21 07 00 00 04 10 30 11 12 04 67 C3 03");
    CHECK(frame(7, 0xA0, 0x22, keypad::encodePollReply(false, {})) ==
          "02 07 A0 22 10 23 00 00 00 8D 23 03");
    const auto display = keypad::encodeFeedback(keypad::DisplayCommand{"A012"});
    CHECK(frame(7, display.command, 0x23, display.payload) ==
          "02 07 23 23 04 41 30 31 32 65 CA 03");
    CHECK(request(bus::kBroadcast, 0x01, led::Brightness{40}) == "02 00 12 01 01 28 71 36 03");
}
