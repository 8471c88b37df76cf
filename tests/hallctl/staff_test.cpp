// staff list, set-pin, set-card and forget against the real callstationd (the test hall's staff:
// s1 "1001", s2 "1002", s3 without a staff number). PINs and ID numbers come on a pipe, and at a
// terminal, where the PIN is asked for twice and not echoed. The controller's refusals (its PIN
// rules, unknown staff, a card of someone else's) change nothing; a PIN set works at a ticket
// machine and ends a lockout. Neither a PIN nor an ID number appears in anything hallctl prints,
// the audit log included.

#include "tests/daemon/daemon_process.h"
#include "tests/daemon/test_requests.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

using namespace hall;
using namespace hall::testing;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A valid number (its check digit too): the controller refuses anything else.
const std::string kIdNumber = "11010519491231002X";

const std::string kHeader = "ID  NUMBER  NAME  PIN  CARD  LOCKED\n";
const std::string kNobody = kHeader + "s1  1001    张三  —    —     —\n"
                                      "s2  1002    李四  —    —     —\n"
                                      "s3  —       王五  —    —     —\n";

protocol::Response green(netclient::TerminalConnection& tm, const std::string& number,
                         const std::string& pin) {
    return tm.request(protocol::GreenTicketRequest{"permits", "elderly", {number, pin, {}}});
}

} // namespace

TEST_CASE("hallctl staff: list, set-pin and set-card from a pipe, refusals, forget") {
    TempDir dir("hallctl-staff");
    DaemonProcess daemon(dir.path());
    std::vector<ProcessResult> runs; // every run, to look for the secrets at the end
    auto run = [&](const std::vector<std::string>& args) {
        runs.push_back(hallctl(dir.path(), args));
        return runs.back();
    };
    auto piped = [&](const std::vector<std::string>& args, const std::string& input) {
        runs.push_back(hallctlWithInput(dir.path(), args, input));
        return runs.back();
    };

    auto before = run({"staff", "list"});
    REQUIRE_MESSAGE(before.exitCode == 0, describe(before));
    CHECK(before.err.empty());
    CHECK_MESSAGE(before.out == kNobody, before.out);
    // --json is the server's answer unchanged.
    const json listed = jsonOf(run({"staff", "list", "--json"}));
    CHECK(listed == json::parse(daemon.admin().get("/api/v1/staff").body));
    REQUIRE(listed.at("staff").size() == 3);
    CHECK(listed["staff"][0] == json{{"id", "s1"},
                                     {"name", "张三"},
                                     {"staff_number", "1001"},
                                     {"pin", false},
                                     {"card", false},
                                     {"locked", false}});

    // The controller's PIN rules: the rule is named, exit 1, nothing set.
    const std::vector<std::pair<std::string, std::string>> badPins{
        {"123456", "pin: the PIN must not be a straight run of digits (bad_staff)"},
        {"777777", "pin: the PIN must not repeat one digit (bad_staff)"},
        {"24681", "pin: the PIN must have 6 to 12 digits (bad_staff)"},
    };
    for (const auto& [pin, message] : badPins) {
        auto bad = piped({"staff", "set-pin", "s1"}, pin + "\n");
        CHECK_MESSAGE(bad.exitCode == 1, describe(bad));
        CHECK(bad.out.empty());
        CHECK_MESSAGE(bad.err == "hallctl: " + message + "\n", bad.err);
    }
    // No PIN at all (stdin empty, or /dev/null): a usage error, nothing sent.
    auto noPin = piped({"staff", "set-pin", "s1"}, "\n");
    CHECK_MESSAGE(noPin.exitCode == 2, describe(noPin));
    CHECK(has(noPin.err, "set-pin: no PIN on standard input"));
    CHECK(run({"staff", "set-pin", "s1"}).exitCode == 2);
    CHECK(run({"staff", "list"}).out == kNobody);

    // Set from a pipe: one line, blanks around it ignored; nothing on stderr (no prompt).
    auto pinSet = piped({"staff", "set-pin", "s1"}, " 246810\r\n");
    REQUIRE_MESSAGE(pinSet.exitCode == 0, describe(pinSet));
    CHECK(pinSet.out == "PIN set for s1.\n");
    CHECK(pinSet.err.empty());
    auto cardSet = piped({"staff", "set-card", "s2"}, kIdNumber + "\n");
    REQUIRE_MESSAGE(cardSet.exitCode == 0, describe(cardSet));
    CHECK(cardSet.out == "Card set for s2.\n");
    CHECK(cardSet.err.empty());
    auto after = run({"staff", "list"});
    CHECK_MESSAGE(after.out == kHeader + "s1  1001    张三  yes  —     —\n"
                                         "s2  1002    李四  —    yes   —\n"
                                         "s3  —       王五  —    —     —\n",
                  after.out);

    // The PIN set is the one a ticket machine checks.
    auto tm = daemon.terminal("tm-1", "ticket_machine");
    CHECK(commandResult(green(tm, "1001", "246810")).ticket);

    // Card refusals: someone else's card, not an ID number, none given.
    auto duplicate = piped({"staff", "set-card", "s1"}, kIdNumber + "\n");
    CHECK_MESSAGE(duplicate.exitCode == 1, describe(duplicate));
    CHECK_MESSAGE(duplicate.err == "hallctl: id_number: this ID card is s2's (duplicate)\n",
                  duplicate.err);
    auto notANumber = piped({"staff", "set-card", "s1"}, "12345\n");
    CHECK_MESSAGE(notANumber.exitCode == 1, describe(notANumber));
    CHECK_MESSAGE(has(notANumber.err,
                      "hallctl: id_number: not an ID number (15 or 18 letters and digits) "
                      "(bad_staff)"),
                  notANumber.err);
    auto noNumber = piped({"staff", "set-card", "s1"}, "");
    CHECK_MESSAGE(noNumber.exitCode == 2, describe(noNumber));
    CHECK(has(noNumber.err, "set-card: no ID number on standard input"));

    // Staff the configuration does not have: refused by the controller, exit 1.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"staff", "set-pin", "s9"}, {"staff", "set-card", "s9"}, {"staff", "forget", "s9"}}) {
        auto unknown = piped(args, (args[1] == "set-card" ? kIdNumber : "864209") + "\n");
        CHECK_MESSAGE(unknown.exitCode == 1, describe(unknown));
        CHECK(unknown.out.empty());
        CHECK_MESSAGE(
            unknown.err ==
                "hallctl: no staff member 's9' in the hall configuration (unknown_staff)\n",
            unknown.err);
    }
    // Not an id at all: it would change the request's path, so nothing is read or sent.
    for (const std::string& id :
         std::vector<std::string>{"s1/credentials", "../s1", "s1?x=1", std::string(65, 's'), ""}) {
        auto bad = piped({"staff", "set-pin", id}, "864209\n");
        CHECK_MESSAGE(bad.exitCode == 2, describe(bad));
        CHECK_MESSAGE(has(bad.err, "ID"), bad.err);
        CHECK(run({"staff", "forget", id}).exitCode == 2);
    }
    CHECK(run({"staff", "list"}).out == after.out);

    // Five wrong PINs at the machine lock s1 out; a new PIN set with hallctl ends the lockout.
    for (int i = 0; i < 5; ++i)
        CHECK_FALSE(green(tm, "1001", "135790").ok());
    CHECK(errorCode(green(tm, "1001", "246810")) == "staff_locked");
    CHECK(has(run({"staff", "list"}).out, "s1  1001    张三  yes  —     yes\n"));
    const json renewed = jsonOf(piped({"staff", "set-pin", "s1", "--json"}, "864209\n"));
    CHECK(renewed == json{{"id", "s1"}, {"set", "pin"}});
    CHECK(has(run({"staff", "list"}).out, "s1  1001    张三  yes  —     —\n"));
    CHECK(commandResult(green(tm, "1001", "864209")).ticket);

    // Forget: once done, then not_found; --json is the server's answer.
    auto forgotten = run({"staff", "forget", "s1"});
    REQUIRE_MESSAGE(forgotten.exitCode == 0, describe(forgotten));
    CHECK(forgotten.out == "Credentials of s1 forgotten.\n");
    auto again = run({"staff", "forget", "s1"});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK(again.out.empty());
    CHECK_MESSAGE(again.err == "hallctl: s1 has no credentials (not_found)\n", again.err);
    CHECK(jsonOf(run({"staff", "forget", "s2", "--json"})) == json{{"forgotten", "s2"}});
    CHECK(run({"staff", "list"}).out == kNobody);
    CHECK(errorCode(green(tm, "1001", "864209")) == "unknown_staff");

    // The audit log names who was given what, never the secrets.
    auto audit = run({"audit", "--limit", "50"});
    REQUIRE_MESSAGE(audit.exitCode == 0, describe(audit));
    std::vector<std::string> staffEntries;
    const json entries = jsonOf(run({"audit", "--limit", "50", "--json"})).at("entries");
    for (const auto& e : entries)
        if (e.at("action").get<std::string>().starts_with("staff_"))
            staffEntries.push_back(e.at("action").get<std::string>() + " " +
                                   e.at("detail").get<std::string>());
    // Newest first.
    const std::vector<std::string> expected{
        "staff_credentials_forgotten s2", "staff_credentials_forgotten s1",
        "staff_credentials s1 pin", "staff_credentials s2 card", "staff_credentials s1 pin"};
    std::string shown;
    for (const auto& e : staffEntries)
        shown += e + "\n";
    CHECK_MESSAGE(staffEntries == expected, (shown + audit.out));
    const std::string direct = daemon.admin().get("/api/v1/audit?limit=200").body;
    for (const std::string& secret : {std::string("246810"), std::string("864209"),
                                      std::string("123456"), std::string("777777"), kIdNumber}) {
        CHECK_MESSAGE(!has(direct, secret), secret);
        for (const auto& r : runs)
            CHECK_MESSAGE(!has(r.out + r.err, secret), (secret + " in\n" + describe(r)));
    }
}

TEST_CASE("hallctl staff set-pin at a terminal: asked twice, not echoed, both must match") {
    TempDir dir("hallctl-staff-tty");
    DaemonProcess daemon(dir.path());
    const std::string first = "New PIN for s3 (not shown): ", second = "The same PIN again: ";

    auto typed = hallctlOnTerminal(dir.path(), {"staff", "set-pin", "s3"},
                                   {{first, "97531864"}, {second, "97531864"}});
    REQUIRE_MESSAGE(typed.exitCode == 0, describe(typed));
    CHECK_FALSE(typed.timedOut);
    CHECK(typed.out == "PIN set for s3.\n");
    // The terminal showed the two prompts, each followed by the newline hallctl prints for the
    // Enter that was not echoed: not the PIN.
    CHECK_MESSAGE(typed.err == first + "\r\n" + second + "\r\n", typed.err);

    auto mistyped =
        hallctlOnTerminal(dir.path(), {"staff", "set-pin", "s1"},
                          {{"New PIN for s1 (not shown): ", "97531864"}, {second, "97531865"}});
    CHECK_MESSAGE(mistyped.exitCode == 2, describe(mistyped));
    CHECK(mistyped.out.empty());
    CHECK(has(mistyped.err, "hallctl: set-pin: the two PINs differ; nothing was sent"));
    CHECK_FALSE(has(mistyped.err, "9753186"));

    const json staff = json::parse(daemon.admin().get("/api/v1/staff").body).at("staff");
    CHECK(staff[0].at("pin") == false);
    CHECK(staff[2].at("pin") == true);

    // The set-card prompt is bookings add's: also not echoed.
    auto card = hallctlOnTerminal(dir.path(), {"staff", "set-card", "s1"},
                                  {{"ID number (not shown): ", kIdNumber}});
    REQUIRE_MESSAGE(card.exitCode == 0, describe(card));
    CHECK(card.out == "Card set for s1.\n");
    CHECK_FALSE(has(card.err, kIdNumber));
}
