// bookings add, list and cancel against the real callstationd: one booking with a code of the
// hall's, one with a code of ours and an ID number read from stdin; the day's list, with the
// ticket of a booking once it is checked in; refusals that change nothing; a cancel done once.
// The ID number never appears in anything hallctl prints, nor in the audit log. The hall clock is
// pinned to 10:00 so that "today" cannot turn into tomorrow between two commands.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

using namespace hall::testing;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A valid number (its check digit too): the controller refuses anything else.
const std::string kIdNumber = "11010519491231002X";

} // namespace

TEST_CASE("hallctl bookings: add (ID number from stdin), list, refusals, cancel") {
    TempDir dir("hallctl-bookings");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    std::vector<ProcessResult> runs; // every run, to look for the ID number at the end
    auto run = [&](const std::vector<std::string>& args) {
        runs.push_back(hallctl(dir.path(), args));
        return runs.back();
    };

    const std::string today = jsonOf(run({"bookings", "list", "--json"})).at("day");
    CHECK(run({"bookings", "list"}).out == "No bookings on " + today + ".\n");

    auto first = run({"bookings", "add", "--service", "permits", "--slot", today + "T10:20"});
    REQUIRE_MESSAGE(first.exitCode == 0, describe(first));
    REQUIRE(first.out.starts_with("Booking "));
    const std::string firstId = first.out.substr(8, first.out.find(" added\n") - 8);
    CHECK(firstId.size() == 10); // the hall's own code
    CHECK(first.out == "Booking " + firstId + " added\nQR code:  HALL-APPT:" + firstId +
                           "\nservice:  permits\nslot:     " + today + "T10:20\nperson:   no\n");

    runs.push_back(hallctlWithInput(dir.path(),
                                    {"bookings", "add", "--service", "taxes", "--slot",
                                     today + "T10:05", "--id", "book2x", "--id-number-stdin"},
                                    kIdNumber + "\n"));
    const auto second = runs.back();
    REQUIRE_MESSAGE(second.exitCode == 0, describe(second));
    CHECK(second.out ==
          "Booking BOOK2X added\nQR code:  HALL-APPT:BOOK2X\nservice:  taxes\nslot:     " + today +
              "T10:05\nperson:   yes (the citizen's ID card checks it in too)\n");
    CHECK(second.err.empty());

    // Checked in by its code at a ticket machine: the list shows the ticket's number.
    auto machine = daemon.terminal("ticket-1", "ticket_machine");
    const auto checkedIn = machine.request(hall::protocol::CheckInRequest{firstId, {}});
    REQUIRE(checkedIn.ok());
    const json listed = jsonOf(run({"bookings", "list", "--day", today, "--json"}));
    REQUIRE(listed.at("bookings").size() == 2);
    const std::string ticket = listed["bookings"][1].at("ticket");
    CHECK(listed["bookings"][0]["person"] == true);

    auto list = run({"bookings", "list"});
    REQUIRE_MESSAGE(list.exitCode == 0, describe(list));
    CHECK_MESSAGE(list.out == "Bookings on " + today +
                                  ": 2\n\n"
                                  "SLOT   ID          SERVICE  PERSON  TICKET\n"
                                  "10:05  BOOK2X      taxes    yes     —\n"
                                  "10:20  " +
                                  firstId + "  permits  no      " + ticket + "\n",
                  list.out);

    // Refusals: the server's message and code, exit 1; nothing is added.
    auto duplicate = run(
        {"bookings", "add", "--service", "permits", "--slot", today + "T11:00", "--id", "BOOK2X"});
    CHECK_MESSAGE(duplicate.exitCode == 1, describe(duplicate));
    CHECK(duplicate.out.empty());
    CHECK_MESSAGE(has(duplicate.err, "hallctl: id: booking BOOK2X exists (duplicate)"),
                  duplicate.err);
    auto over = run({"bookings", "add", "--service", "permits", "--slot", "2020-01-06T10:00"});
    CHECK_MESSAGE(over.exitCode == 1, describe(over));
    CHECK_MESSAGE(has(over.err, "slot: the slot is on a day that is over (bad_booking)"), over.err);
    auto service = run({"bookings", "add", "--service", "passports", "--slot", today + "T11:00"});
    CHECK_MESSAGE(service.exitCode == 1, describe(service));
    CHECK(has(service.err, "service: no service 'passports' (bad_booking)"));
    // A slot that is no date and time, or an ID number missing: refused before anything is sent.
    for (const std::string& slot : std::vector<std::string>{"tomorrow", today + " 10:00",
                                                            today + "T25:00", "2026-02-30T10:00"}) {
        auto bad = run({"bookings", "add", "--service", "permits", "--slot", slot});
        CHECK_MESSAGE(bad.exitCode == 2, describe(bad));
        CHECK_MESSAGE(has(bad.err, "--slot"), bad.err);
        CHECK_MESSAGE(has(bad.err, "YYYY-MM-DDTHH:MM"), bad.err);
    }
    runs.push_back(hallctlWithInput(dir.path(),
                                    {"bookings", "add", "--service", "permits", "--slot",
                                     today + "T11:00", "--id-number-stdin"},
                                    "\n"));
    CHECK_MESSAGE(runs.back().exitCode == 2, describe(runs.back()));
    CHECK(has(runs.back().err, "no ID number on standard input"));
    CHECK(jsonOf(run({"bookings", "list", "--json"})).at("bookings").size() == 2);

    auto cancelled = run({"bookings", "cancel", "BOOK2X"});
    REQUIRE_MESSAGE(cancelled.exitCode == 0, describe(cancelled));
    CHECK(cancelled.out == "Booking BOOK2X cancelled.\n");
    auto again = run({"bookings", "cancel", "BOOK2X"});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK_MESSAGE(has(again.err, "no booking BOOK2X (not_found)"), again.err);
    // Not a code: it would change the request's path, so it is not sent.
    CHECK(run({"bookings", "cancel", "BOOK2X/x"}).exitCode == 2);
    const json left = jsonOf(run({"bookings", "list", "--json"}));
    REQUIRE(left.at("bookings").size() == 1);
    CHECK(left["bookings"][0]["id"] == firstId);

    run({"audit", "--limit", "50"});
    for (const auto& r : runs)
        CHECK_MESSAGE(!has(r.out + r.err, kIdNumber), describe(r));
}
