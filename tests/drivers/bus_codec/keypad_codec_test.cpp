// Keypad payloads: POLL replies both ways, key codes and names, feedback commands.
#include "drivers/keypad/keypad_payload.h"

#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace hall::drivers::keypad;

TEST_CASE("a poll reply round trip, with the overflow flag") {
    const Key keys[] = {Key::Digit0, Key::Digit1, Key::Digit2, Key::Transfer};
    const auto payload = encodePollReply(true, keys);
    CHECK(payload == std::vector<std::uint8_t>{0x00, 0x01, 0x04, 0x10, 0x11, 0x12, 0x04});
    auto parsed = parsePollReply(std::span(payload).subspan(1));
    REQUIRE(std::holds_alternative<PollReply>(parsed));
    const auto& r = std::get<PollReply>(parsed);
    CHECK(r.overflow);
    CHECK(r.keys == std::vector<Key>(std::begin(keys), std::end(keys)));
    CHECK(r.unknownCodes == 0);
}

TEST_CASE("malformed poll replies are errors, unknown key codes are skipped and counted") {
    auto error = [](std::vector<std::uint8_t> data) {
        auto r = parsePollReply(data);
        REQUIRE(std::holds_alternative<DeviceError>(r));
        return std::get<DeviceError>(r).code;
    };
    CHECK(error({}) == "bad_poll_reply");
    CHECK(error({0x00}) == "bad_poll_reply");
    CHECK(error({0x00, 0x02, 0x01}) == "bad_poll_reply");       // 2 keys announced, 1 sent
    CHECK(error({0x00, 0x01, 0x01, 0x02}) == "bad_poll_reply"); // 1 announced, 2 sent
    std::vector<std::uint8_t> tooMany = {0x00, 17};
    tooMany.insert(tooMany.end(), 17, 0x01);
    CHECK(error(tooMany) == "bad_poll_reply");
    auto r = parsePollReply(std::vector<std::uint8_t>{0x00, 0x03, 0x01, 0x7F, 0x31});
    REQUIRE(std::holds_alternative<PollReply>(r));
    CHECK(std::get<PollReply>(r).keys == std::vector<Key>{Key::CallNext, Key::VerySatisfied});
    CHECK(std::get<PollReply>(r).unknownCodes == 1);
}

TEST_CASE("key names, digits and evaluation levels") {
    CHECK(keyName(Key::CallNext) == "call_next");
    CHECK(keyFromName("no_show") == Key::NoShow);
    CHECK(keyFromName("digit_7") == Key::Digit7);
    CHECK_FALSE(keyFromName("call"));
    CHECK(digitKey('5') == Key::Digit5);
    CHECK(digitChar(Key::Digit5) == '5');
    CHECK_FALSE(digitKey('x'));
    CHECK(isDigit(Key::Digit9));
    CHECK_FALSE(isDigit(Key::Clear));
    CHECK(evaluationLevel(Key::VerySatisfied) == 1);
    CHECK(evaluationLevel(Key::VeryDissatisfied) == 5);
    CHECK(evaluationLevel(Key::Finish) == 0);
    for (int code = 0; code < 256; ++code) {
        auto k = keyFromCode(static_cast<std::uint8_t>(code));
        if (k) CHECK(static_cast<int>(*k) == code);
    }
}

TEST_CASE("feedback commands encode, decode, and refuse what is out of range") {
    const Feedback good[] = {LedCommand{1, LedMode::On}, LedCommand{4, LedMode::Blink},
                             BeepCommand{2, std::chrono::milliseconds(150)}, DisplayCommand{"A012"},
                             DisplayCommand{""}};
    for (const auto& f : good) {
        const auto e = encodeFeedback(f);
        auto back = decodeFeedback(e.command, e.payload);
        REQUIRE(std::holds_alternative<Feedback>(back));
        CHECK(encodeFeedback(std::get<Feedback>(back)).payload == e.payload);
    }
    CHECK(encodeFeedback(LedCommand{2, LedMode::Blink}).payload == std::vector<std::uint8_t>{2, 2});
    CHECK(encodeFeedback(BeepCommand{3, std::chrono::milliseconds(200)}).payload ==
          std::vector<std::uint8_t>{3, 20});
    CHECK_THROWS_AS(encodeFeedback(LedCommand{5, LedMode::On}), std::invalid_argument);
    CHECK_THROWS_AS(encodeFeedback(BeepCommand{0, std::chrono::milliseconds(100)}),
                    std::invalid_argument);
    CHECK_THROWS_AS(encodeFeedback(BeepCommand{1, std::chrono::milliseconds(5)}),
                    std::invalid_argument);
    CHECK_THROWS_AS(encodeFeedback(DisplayCommand{"A0123456789"}), std::invalid_argument);
    CHECK_THROWS_AS(encodeFeedback(DisplayCommand{"a012"}), std::invalid_argument);
    CHECK(std::get<bus::Status>(decodeFeedback(0x21, std::vector<std::uint8_t>{9, 1})) ==
          bus::Status::BadPayload);
    CHECK(std::get<bus::Status>(decodeFeedback(0x10, {})) == bus::Status::UnknownCommand);
}
