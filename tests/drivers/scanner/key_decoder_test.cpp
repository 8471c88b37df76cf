// Keyboard-mode scanners: the US keymap and KeyDecoder on evdev event sequences.
#include "drivers/scanner/key_decoder.h"
#include "drivers/scanner/us_keymap.h"
#include "tests/drivers/scanner/key_events.h"
#include "tests/drivers/scanner/scanner_test_support.h"

#include <doctest/doctest.h>
#include <linux/input-event-codes.h>
#include <string>
#include <vector>

using namespace hall::drivers::scanner;
using scanner_test::FrameLog;
using Strings = std::vector<std::string>;

namespace {

Strings decode(const std::vector<InputEvent>& events, KeySettings settings = {}) {
    KeyDecoder decoder(std::move(settings));
    FrameLog log;
    auto sink = log.sink();
    for (const auto& e : events)
        decoder.feed(e, sink);
    return log.out;
}

InputEvent key(unsigned code, int value) {
    return {EV_KEY, static_cast<std::uint16_t>(code), value};
}
InputEvent syn() {
    return {EV_SYN, SYN_REPORT, 0};
}

} // namespace

TEST_CASE("US keymap: plain and shifted characters") {
    struct Row {
        unsigned code;
        char plain, shifted;
    };
    const Row rows[] = {
        {KEY_A, 'a', 'A'},           {KEY_Z, 'z', 'Z'},          {KEY_1, '1', '!'},
        {KEY_2, '2', '@'},           {KEY_3, '3', '#'},          {KEY_4, '4', '$'},
        {KEY_5, '5', '%'},           {KEY_6, '6', '^'},          {KEY_7, '7', '&'},
        {KEY_8, '8', '*'},           {KEY_9, '9', '('},          {KEY_0, '0', ')'},
        {KEY_MINUS, '-', '_'},       {KEY_EQUAL, '=', '+'},      {KEY_LEFTBRACE, '[', '{'},
        {KEY_RIGHTBRACE, ']', '}'},  {KEY_BACKSLASH, '\\', '|'}, {KEY_SEMICOLON, ';', ':'},
        {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},      {KEY_COMMA, ',', '<'},
        {KEY_DOT, '.', '>'},         {KEY_SLASH, '/', '?'},      {KEY_SPACE, ' ', ' '},
        {KEY_KP7, '7', '7'},         {KEY_KPMINUS, '-', '-'},    {KEY_KPDOT, '.', '.'},
    };
    for (const auto& r : rows) {
        CAPTURE(r.code);
        CHECK(usKeyChar(r.code, false) == r.plain);
        CHECK(usKeyChar(r.code, true) == r.shifted);
    }
    CHECK_FALSE(usKeyChar(KEY_LEFTSHIFT, false).has_value());
    CHECK_FALSE(usKeyChar(KEY_F1, false).has_value());
    CHECK_FALSE(usKeyChar(KEY_ESC, true).has_value());
    CHECK(isLetterKey(KEY_Q));
    CHECK_FALSE(isLetterKey(KEY_1));
    CHECK_FALSE(isLetterKey(KEY_SEMICOLON));
}

TEST_CASE("every printable ASCII character survives typing and decoding") {
    std::string all;
    for (char c = ' '; c <= '~'; ++c)
        all.push_back(c);
    CHECK(decode(scanner_test::typeCode(all)) == Strings{all});
}

TEST_CASE("a URL with shifted characters, as a scanner types it") {
    const std::string url = "https://eid.example.gov.cn/v?c=AB_12&t=~x%20Y";
    CHECK(decode(scanner_test::typeCode(url)) == Strings{url});
}

TEST_CASE("right Shift, Caps Lock and both together") {
    const std::vector<InputEvent> events = {
        key(KEY_RIGHTSHIFT, 1), key(KEY_A, 1),        key(KEY_A, 0), key(KEY_RIGHTSHIFT, 0), // A
        key(KEY_CAPSLOCK, 1),   key(KEY_CAPSLOCK, 0), // caps on
        key(KEY_B, 1),          key(KEY_B, 0),        // B
        key(KEY_1, 1),          key(KEY_1, 0),        // 1 (not !)
        key(KEY_LEFTSHIFT, 1),  key(KEY_C, 1),        key(KEY_C, 0), key(KEY_LEFTSHIFT, 0), // c
        key(KEY_CAPSLOCK, 1),   key(KEY_CAPSLOCK, 0), // caps off
        key(KEY_D, 1),          key(KEY_D, 0),        // d
        key(KEY_ENTER, 1),      key(KEY_ENTER, 0),
    };
    CHECK(decode(events) == Strings{"AB1cd"});
}

TEST_CASE("Ctrl types control characters: GS inside a GS1 code") {
    std::vector<InputEvent> events = scanner_test::typeKeys("01");
    for (auto e : {key(KEY_LEFTCTRL, 1), key(KEY_RIGHTBRACE, 1), key(KEY_RIGHTBRACE, 0),
                   key(KEY_LEFTCTRL, 0)})
        events.push_back(e);
    auto tail = scanner_test::typeCode("10");
    events.insert(events.end(), tail.begin(), tail.end());
    CHECK(decode(events) == Strings{"01\x1d"
                                    "10"});
    // Ctrl + a letter.
    CHECK(decode({key(KEY_RIGHTCTRL, 1), key(KEY_C, 1), key(KEY_C, 0), key(KEY_RIGHTCTRL, 0),
                  key(KEY_ENTER, 1)}) == Strings{"\x03"});
    // Ctrl + a digit types nothing defined: the code is refused.
    CHECK(decode({key(KEY_LEFTCTRL, 1), key(KEY_5, 1), key(KEY_5, 0), key(KEY_LEFTCTRL, 0),
                  key(KEY_ENTER, 1)}) == Strings{"!unknown_key"});
}

TEST_CASE("keys that type nothing poison the code; the next code is clean") {
    auto events = scanner_test::typeKeys("AB");
    events.push_back(key(KEY_F5, 1));
    events.push_back(key(KEY_F5, 0));
    auto rest = scanner_test::typeCode("CD");
    events.insert(events.end(), rest.begin(), rest.end());
    auto next = scanner_test::typeCode("OK");
    events.insert(events.end(), next.begin(), next.end());
    CHECK(decode(events) == Strings{"!unknown_key", "OK"});
    // Alt + keypad (the scanners' non-ASCII mode) is refused rather than guessed.
    CHECK(decode({key(KEY_LEFTALT, 1), key(KEY_KP2, 1), key(KEY_KP2, 0), key(KEY_KP1, 1),
                  key(KEY_KP1, 0), key(KEY_LEFTALT, 0), key(KEY_ENTER, 1)}) ==
          Strings{"!unknown_key"});
}

TEST_CASE("autorepeat, releases, sync and misc events type nothing") {
    CHECK(decode({key(KEY_A, 1),
                  {EV_MSC, MSC_SCAN, 0x70004},
                  syn(),
                  key(KEY_A, 2),
                  key(KEY_A, 2),
                  key(KEY_A, 0),
                  syn(),
                  {EV_LED, LED_NUML, 1},
                  key(KEY_NUMLOCK, 1),
                  key(KEY_NUMLOCK, 0),
                  key(KEY_ENTER, 1),
                  key(KEY_ENTER, 0),
                  syn()}) == Strings{"a"});
}

TEST_CASE("SYN_DROPPED: the code is lost, events up to the next SYN_REPORT are skipped") {
    std::vector<InputEvent> events = scanner_test::typeKeys("HALL");
    events.push_back(key(KEY_LEFTSHIFT, 1)); // shift held when the buffer overflows
    events.push_back({EV_SYN, SYN_DROPPED, 0});
    events.push_back(key(KEY_X, 1)); // skipped: before the SYN_REPORT
    events.push_back(key(KEY_ENTER, 1));
    events.push_back(syn());
    events.push_back(key(KEY_ENTER, 1)); // ends the poisoned code
    events.push_back(key(KEY_ENTER, 0));
    events.push_back(syn());
    auto next = scanner_test::typeCode("ok"); // shift state was reset: lower case
    events.insert(events.end(), next.begin(), next.end());
    CHECK(decode(events) == Strings{"!events_dropped", "ok"});
}

TEST_CASE("terminator keys are configurable") {
    KeySettings tab;
    tab.terminatorKeys = {KEY_TAB};
    auto events = scanner_test::typeKeys("A1");
    events.push_back(key(KEY_ENTER, 1)); // Enter is text now
    events.push_back(key(KEY_ENTER, 0));
    events.push_back(key(KEY_TAB, 1));
    events.push_back(key(KEY_TAB, 0));
    CHECK(decode(events, tab) == Strings{"A1\n"});

    // Keypad Enter ends a code by default.
    auto kp = scanner_test::typeKeys("42");
    kp.push_back(key(KEY_KPENTER, 1));
    CHECK(decode(kp) == Strings{"42"});
}

TEST_CASE("without terminator keys the pause ends a code") {
    KeySettings s;
    s.terminatorKeys.clear();
    KeyDecoder decoder(s);
    FrameLog log;
    auto sink = log.sink();
    for (const auto& e : scanner_test::typeKeys("HALL-APPT:AB12CD34"))
        decoder.feed(e, sink);
    CHECK(log.out.empty());
    REQUIRE(decoder.idleWait().has_value());
    CHECK(*decoder.idleWait() == s.idleTimeout);
    decoder.idle(sink);
    CHECK(log.out == Strings{"HALL-APPT:AB12CD34"});
}

TEST_CASE("with a terminator key, a partial code followed by a pause is dropped") {
    KeyDecoder decoder(KeySettings{});
    FrameLog log;
    auto sink = log.sink();
    for (const auto& e : scanner_test::typeKeys("HALL-AP"))
        decoder.feed(e, sink);
    decoder.idle(sink);
    for (const auto& e : scanner_test::typeCode("202405170012"))
        decoder.feed(e, sink);
    CHECK(log.out == Strings{"!incomplete_code", "202405170012"});
}

TEST_CASE("a typed code over the limit is refused once") {
    KeySettings s;
    s.limits.maxPayload = 8;
    auto events = scanner_test::typeCode(std::string(20, 'x'));
    auto next = scanner_test::typeCode("ok");
    events.insert(events.end(), next.begin(), next.end());
    CHECK(decode(events, s) == Strings{"!code_too_long", "ok"});
}

TEST_CASE("unusable key settings are refused") {
    KeySettings s;
    s.terminatorKeys = {0};
    CHECK(checkKeySettings(s).has_value());
    CHECK_THROWS_AS(KeyDecoder{s}, std::invalid_argument);
    s = {};
    s.terminatorKeys = {KEY_MAX + 1};
    CHECK(checkKeySettings(s).has_value());
    s = {};
    s.idleTimeout = std::chrono::milliseconds(0);
    CHECK(checkKeySettings(s).has_value());
    CHECK_FALSE(checkKeySettings(KeySettings{}).has_value());
}
