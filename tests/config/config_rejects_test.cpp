// Bad configurations are rejected as a whole, with errors that name the offending field.

#include "tests/config/config_test_support.h"

#include <string>

using namespace hall;
using config::test::errorsOf;
using config::test::hasError;
using config::test::kMinimalHall;

namespace {

// The minimal hall with one piece of text replaced (which must be there).
std::string withChange(const std::string& from, const std::string& to) {
    std::string text = kMinimalHall;
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test text not found: " << from);
    text.replace(at, from.size(), to);
    return text;
}

// `text` with one piece of it replaced (which must be there).
std::string swapped(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test text not found: " << from);
    return text.replace(at, from.size(), to);
}

std::vector<core::ConfigError> rejected(const std::string& text) {
    const auto errors = errorsOf(config::parseHallConfig(text, "hall.toml"));
    INFO(core::describe(errors));
    return errors;
}

} // namespace

TEST_CASE("the unchanged minimal hall is accepted") {
    CHECK(std::holds_alternative<core::HallConfig>(config::parseHallConfig(kMinimalHall)));
}

TEST_CASE("a window naming an unknown service") {
    const auto errors = rejected(withChange(R"(["tax", "permit"])", R"(["tax", "passport"])"));
    CHECK(hasError(errors, "windows[0].services[1].service", "passport"));
}

TEST_CASE("two services with the same prefix") {
    const auto errors = rejected(withChange("prefix = \"B\"", "prefix = \"A\""));
    CHECK(hasError(errors, "services[1].prefix", "'A'"));
}

TEST_CASE("a negative daily quota") {
    const auto errors = rejected(withChange("prefix = \"A\"", "prefix = \"A\"\ndaily_quota = -5"));
    CHECK(hasError(errors, "services[0].daily_quota", "-5"));
}

TEST_CASE("a field of the wrong type") {
    SUBCASE("string for an integer") {
        const auto errors =
            rejected(withChange("prefix = \"A\"", "prefix = \"A\"\ndaily_quota = \"many\""));
        CHECK(hasError(errors, "services[0].daily_quota", "expected an integer, found a string"));
    }
    SUBCASE("string for a window number") {
        const auto errors = rejected(withChange("number = 1", "number = \"1\""));
        CHECK(hasError(errors, "windows[0].number", "expected an integer"));
    }
    SUBCASE("integer for a boolean in a policy table") {
        const auto errors = rejected(kMinimalHall + "\n[queue]\ntransfer_keeps_place = 1\n");
        CHECK(hasError(errors, "queue.transfer_keeps_place", "expected a boolean"));
    }
    SUBCASE("a weight that is not an integer") {
        const auto errors =
            rejected(withChange(R"(["tax", "permit"])", R"([{ service = "tax", weight = 1.5 }])"));
        CHECK(hasError(errors, "windows[0].services[0].weight", "floating-point"));
    }
    SUBCASE("a table where an array of tables belongs") {
        const auto errors = rejected(kMinimalHall + "\n[staff]\nid = \"s1\"\n");
        CHECK(hasError(errors, "staff", "found a table"));
    }
    SUBCASE("a word outside the allowed set") {
        const auto errors = rejected(withChange("number = 1", "number = 1\nrouting = \"random\""));
        CHECK(hasError(errors, "windows[0].routing", "\"random\" is not one of"));
    }
}

TEST_CASE("an unknown key") {
    SUBCASE("in a service") {
        const auto errors = rejected(withChange("prefix = \"A\"", "prefix = \"A\"\nquota = 5"));
        CHECK(hasError(errors, "services[0].quota", "unknown key"));
    }
    SUBCASE("at the top") {
        const auto errors = rejected("colour = \"blue\"\n" + kMinimalHall);
        CHECK(hasError(errors, "colour", "unknown key"));
    }
    SUBCASE("in a policy table") {
        const auto errors = rejected(kMinimalHall + "\n[evaluation]\nreason = [\"慢\"]\n");
        CHECK(hasError(errors, "evaluation.reason", "unknown key"));
    }
    SUBCASE("a rating time a citizen could not use") {
        const auto errors = rejected(kMinimalHall + "\n[evaluation]\nrating_seconds = 5\n");
        CHECK(hasError(errors, "evaluation.rating_seconds", "between 10 and 120"));
    }
    SUBCASE("in a weighted service entry") {
        const auto errors =
            rejected(withChange(R"(["tax", "permit"])", R"([{ service = "tax", wieght = 2 }])"));
        CHECK(hasError(errors, "windows[0].services[0].wieght", "unknown key"));
    }
}

TEST_CASE("a missing required key") {
    const auto errors = rejected(withChange("name = \"测试大厅\"", ""));
    CHECK(hasError(errors, "name", "missing"));
}

TEST_CASE("a bad opening-hours string") {
    const char* bad[] = {"8:30-12:00",  "08:30-12:60", "08:30–12:00",
                         "24:00-24:00", "13:00-12:00", "08:30"};
    for (const char* hours : bad) {
        CAPTURE(hours);
        const auto errors =
            rejected(withChange("prefix = \"A\"", "prefix = \"A\"\nhours = [\"07:00-08:00\", \"" +
                                                      std::string(hours) + "\"]"));
        CHECK(hasError(errors, "services[0].hours[1]", hours));
    }
}

TEST_CASE("a bad day start") {
    const auto errors = rejected(kMinimalHall + "\n[queue]\nday_start = \"24:00\"\n");
    CHECK(hasError(errors, "queue.day_start", "24:00"));
}

TEST_CASE("a TOML syntax error reports its line and column") {
    const auto errors = rejected("name = \"x\"\n\n[[services]\nid = \"a\"\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "hall.toml");
    CHECK(errors[0].message.find("line 3") != std::string::npos);
    CHECK(errors[0].message.find("column") != std::string::npos);
}

TEST_CASE("an unknown time zone") {
    const auto errors = rejected("time_zone = \"Mars/Olympus_Mons\"\n" + kMinimalHall);
    CHECK(hasError(errors, "time_zone", "Mars/Olympus_Mons"));
}

TEST_CASE("every rule broken is reported at once") {
    const auto errors = rejected(R"(
name = "两处错误"

[[zones]]
id = "z1"
name_zh = "一区"

[[services]]
id = "tax"
name_zh = "税务"
prefix = "A"
daily_quota = -1

[[services]]
id = "permit"
name_zh = "许可"
prefix = "A"

[[windows]]
number = 1
zone = "z1"
services = ["tax", "ghost"]
)");
    CHECK(hasError(errors, "services[0].daily_quota"));
    CHECK(hasError(errors, "services[1].prefix"));
    CHECK(hasError(errors, "windows[0].services[1].service", "ghost"));
}

TEST_CASE("window directions: a default per window, a board's own, bad ones named") {
    const std::string good = kMinimalHall + R"(
[[windows]]
number = 2
zone = "z1"
services = ["tax"]
direction = { arrow = "ahead", zh = "二楼", en = "Upstairs" }

[[boards]]
device = "board-east"
directions = [
  { window = 1, arrow = "left", zh = "左侧", en = "On your left" },
  { window = 2, zh = "请上二楼" },
]
)";
    const auto config = config::test::configOf(config::parseHallConfig(good));
    REQUIRE(config.boards.size() == 1);
    const core::Direction* own = config.directionFor("board-east", 1);
    REQUIRE(own != nullptr);
    CHECK(own->arrow == "left");
    CHECK(own->textEn == "On your left");
    CHECK(config.directionFor("board-east", 2)->textZh == "请上二楼");
    CHECK(config.directionFor("board-west", 2)->arrow == "ahead"); // the window's own
    CHECK(config.directionFor("board-west", 1) == nullptr);

    SUBCASE("an unknown arrow") {
        auto text = good;
        text.replace(text.find("arrow = \"left\""), 14, "arrow = \"up\"");
        CHECK(hasError(rejected(text), "boards[0].directions[0].arrow", "unknown arrow 'up'"));
    }
    SUBCASE("an unknown window, and one listed twice") {
        auto text = good;
        text.replace(text.find("{ window = 2, zh"), 12, "{ window = 9");
        text += R"(
[[boards]]
device = "board-north"
directions = [{ window = 1, arrow = "left" }, { window = 1, arrow = "right" }]
)";
        const auto errors = rejected(text);
        CHECK(hasError(errors, "boards[0].directions[1].window", "unknown window 9"));
        CHECK(hasError(errors, "boards[1].directions[1].window", "listed twice"));
    }
    SUBCASE("a direction with neither arrow nor text, and a misspelt key") {
        CHECK(hasError(
            rejected(good + "\n[[boards]]\ndevice = \"b2\"\ndirections = [{ window = 1 }]\n"),
            "boards[1].directions[0]", "an arrow or a text"));
        auto text = good;
        text.replace(text.find("zh = \"二楼\""), 2, "cn");
        CHECK(hasError(rejected(text), "windows[1].direction.cn"));
    }
    SUBCASE("two boards of one device") {
        CHECK(hasError(rejected(good + "\n[[boards]]\ndevice = \"board-east\"\n"),
                       "boards[1].device", "duplicate"));
    }
}

TEST_CASE("call board and ticket machine settings: read, defaulted, ranges checked") {
    const auto defaults = config::test::configOf(config::parseHallConfig(kMinimalHall));
    CHECK(defaults.callBoard == core::CallBoardPolicy{});
    CHECK(defaults.ticketMachine.confirmFromWaiting == 30);

    const auto set = config::test::configOf(config::parseHallConfig(kMinimalHall + R"(
[call_board]
hold_seconds = 7
voice_repeats = 1
voice_english = true

[ticket_machine]
confirm_from_waiting = 0
reprint_minutes = 10
attract_after_seconds = 60
)"));
    CHECK(set.callBoard == core::CallBoardPolicy{7, 1, true});
    CHECK(set.ticketMachine == core::TicketMachinePolicy{0, 10, 60});

    const auto errors = rejected(kMinimalHall + R"(
[call_board]
hold_seconds = 10
voice_repeats = 0

[ticket_machine]
attract_after_seconds = 1
)");
    CHECK(hasError(errors, "call_board.hold_seconds", "between 4 and 7"));
    CHECK(hasError(errors, "call_board.voice_repeats", "between 1 and 3"));
    CHECK(hasError(errors, "ticket_machine.attract_after_seconds", "between 5 and 600"));
    CHECK(hasError(rejected(kMinimalHall + "\n[call_board]\nvoice = true\n"), "call_board.voice"));
}

TEST_CASE("attachments: the retention period is read, defaulted and checked") {
    CHECK(config::test::configOf(config::parseHallConfig(kMinimalHall)).attachments.retentionDays ==
          30);
    const auto set = config::test::configOf(
        config::parseHallConfig(kMinimalHall + "\n[attachments]\nretention_days = 3650\n"));
    CHECK(set.attachments.retentionDays == 3650);
    for (const char* days : {"0", "-1", "3651"}) {
        CAPTURE(days);
        CHECK(hasError(rejected(kMinimalHall + "\n[attachments]\nretention_days = " + days + "\n"),
                       "attachments.retention_days", "between 1 and 3650"));
    }
    CHECK(hasError(rejected(kMinimalHall + "\n[attachments]\nretention_days = \"30\"\n"),
                   "attachments.retention_days", "expected an integer"));
    CHECK(hasError(rejected(kMinimalHall + "\n[attachments]\nretention = 30\n"),
                   "attachments.retention", "unknown key"));
}

TEST_CASE("departments: services name theirs once the hall has them") {
    const std::string withDepartments = kMinimalHall + R"(
[[departments]]
id = "tax-bureau"
name_zh = "税务局"
)";
    // Neither service names one yet.
    const auto errors = rejected(withDepartments);
    CHECK(hasError(errors, "services[0].department", "name this service's"));
    CHECK(hasError(errors, "services[1].department"));

    std::string named = withDepartments;
    for (const char* prefix : {"prefix = \"A\"", "prefix = \"B\""}) {
        const auto at = named.find(prefix);
        named.insert(at + std::string(prefix).size(), "\ndepartment = \"tax-bureau\"");
    }
    const auto config = config::test::configOf(config::parseHallConfig(named));
    CHECK(config.services[1].departmentId == "tax-bureau");

    const std::string second = "prefix = \"B\"\ndepartment = \"tax-bureau\"";
    named.replace(named.find(second), second.size(), "prefix = \"B\"\ndepartment = \"customs\"");
    CHECK(hasError(rejected(named), "services[1].department", "unknown department 'customs'"));
}

TEST_CASE("bus lines: LED strips and keypads per window, on a port or a gateway") {
    const std::string good = kMinimalHall + R"(
[[windows]]
number = 2
zone = "z1"
services = ["tax"]

[[led_lines]]
port = "/dev/ttyUSB0"
baud = 19200
strips = [{ window = 1, unit = 1 }, { window = 2, unit = 2 }]

[[keypad_lines]]
host = "10.0.3.21:4001"
keypads = [{ window = 2, unit = 33 }]
)";
    const auto config = config::test::configOf(config::parseHallConfig(good));
    REQUIRE(config.ledLines.size() == 1);
    CHECK(config.ledLines[0].port == "/dev/ttyUSB0");
    CHECK(config.ledLines[0].baud == 19200);
    REQUIRE(config.ledLines[0].units.size() == 2);
    CHECK(config.ledLines[0].units[1].window == 2);
    CHECK(config.ledLines[0].units[1].unit == 2);
    REQUIRE(config.keypadLines.size() == 1);
    CHECK(config.keypadLines[0].host == "10.0.3.21:4001");
    CHECK(config.keypadLines[0].baud == 9600); // the default
    CHECK(config.keypadLines[0].units[0].unit == 33);

    SUBCASE("neither port nor host, a bad host, an odd baud rate") {
        auto text = good;
        text.replace(text.find("port = \"/dev/ttyUSB0\""), 21, "baud = 300");
        text.replace(text.find("baud = 19200\n"), 13, "");
        text.replace(text.find("10.0.3.21:4001"), 14, "10.0.3.21");
        const auto errors = rejected(text);
        CHECK(hasError(errors, "led_lines[0]", "either port"));
        CHECK(hasError(errors, "led_lines[0].baud", "got 300"));
        CHECK(hasError(errors, "keypad_lines[0].host", "host:port"));
    }
    SUBCASE("an address twice, out of range, an unknown window, a window with two strips") {
        auto text = good;
        text.replace(
            text.find("{ window = 2, unit = 2 }"), 24,
            "{ window = 2, unit = 1 }, { window = 9, unit = 70 }, { window = 1, unit = 5 }");
        const auto errors = rejected(text);
        CHECK(hasError(errors, "led_lines[0].strips[1].unit", "used twice"));
        CHECK(hasError(errors, "led_lines[0].strips[2].unit", "1..64"));
        CHECK(hasError(errors, "led_lines[0].strips[2].window", "unknown window 9"));
        CHECK(hasError(errors, "led_lines[0].strips[3].window", "already has a strip"));
    }
    SUBCASE("one port for two lines, a misspelt key") {
        auto text =
            good +
            "\n[[keypad_lines]]\nport = \"/dev/ttyUSB0\"\nkeypads = [{ window = 1, unit = 1 }]\n";
        CHECK(hasError(rejected(text), "keypad_lines[1]", "already drives another line"));
        auto misspelt = good;
        misspelt.replace(misspelt.find("unit = 33"), 4, "addr");
        CHECK(hasError(rejected(misspelt), "keypad_lines[0].keypads[0].addr"));
    }
}

TEST_CASE("bus lines: evaluators beside the caller keypads of a keypad line") {
    const std::string good = kMinimalHall + R"(
[[windows]]
number = 2
zone = "z1"
services = ["tax"]

[[keypad_lines]]
host = "10.0.3.21:4001"
keypads = [{ window = 1, unit = 1 }, { window = 2, unit = 2 }]
evaluators = [{ window = 1, unit = 33 }, { window = 2, unit = 34 }]

[[keypad_lines]]
port = "/dev/ttyUSB1"
evaluators = [{ window = 3, unit = 1 }]
)";
    // The hall has no window 3 until it is added.
    CHECK(hasError(rejected(good), "keypad_lines[1].evaluators[0].window", "unknown window 3"));
    const std::string three = R"(
[[windows]]
number = 3
zone = "z1"
services = ["tax"]
)";
    const auto config = config::test::configOf(config::parseHallConfig(good + three));
    REQUIRE(config.keypadLines.size() == 2);
    REQUIRE(config.keypadLines[0].evaluators.size() == 2);
    CHECK(config.keypadLines[0].units.size() == 2);
    CHECK(config.keypadLines[0].evaluators[1].window == 2);
    CHECK(config.keypadLines[0].evaluators[1].unit == 34);
    // A line of evaluators alone (the clerks there call from window pads).
    CHECK(config.keypadLines[1].units.empty());
    CHECK(config.keypadLines[1].evaluators.at(0).window == 3);

    SUBCASE("an evaluator at a caller keypad's address, a window with two evaluators") {
        const auto errors =
            rejected(swapped(good + three, "{ window = 2, unit = 34 }",
                             "{ window = 2, unit = 2 }, { window = 1, unit = 40 }"));
        CHECK(hasError(errors, "keypad_lines[0].evaluators[1].unit", "address 2 is used twice"));
        CHECK(hasError(errors, "keypad_lines[0].evaluators[2].window",
                       "window 1 already has an evaluator"));
    }
    SUBCASE("one evaluator per window over all lines, and an address out of range") {
        const auto errors = rejected(
            swapped(good + three, "{ window = 3, unit = 1 }", "{ window = 2, unit = 65 }"));
        CHECK(hasError(errors, "keypad_lines[1].evaluators[0].window", "already has an evaluator"));
        CHECK(hasError(errors, "keypad_lines[1].evaluators[0].unit", "1..64"));
    }
    SUBCASE("a keypad line with no unit at all; no evaluators on an LED line") {
        const auto none =
            swapped(good + three, "evaluators = [{ window = 3, unit = 1 }]", "evaluators = []");
        CHECK(hasError(rejected(none), "keypad_lines[1].keypads", "at least one unit"));
        const auto led =
            good + three +
            "\n[[led_lines]]\nport = \"/dev/ttyUSB2\"\nstrips = [{ window = 1, unit = 1 }]\n"
            "evaluators = [{ window = 1, unit = 2 }]\n";
        CHECK(hasError(rejected(led), "led_lines[0].evaluators"));
    }
}
