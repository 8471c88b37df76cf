// followups list, show, assign and close against the real callstationd: the cases two bad
// ratings opened, as tables and as the server's JSON; assigned, closed, and refused once closed;
// usage errors caught before anything is sent; the report's follow-up line.

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

core::Rate bad(core::TicketId ticket, std::string comment = {}) {
    return core::Rate{
        ticket, core::RatingLevel::Dissatisfied, {"等待时间过长"}, std::move(comment)};
}

} // namespace

TEST_CASE("hallctl followups: list, show, assign, close, refused once closed") {
    TempDir dir("hallctl-followups");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto pad = daemon.terminal("pad-1", "window_pad", 1);
    commandResult(pad.request(core::SignIn{1, "s1"}));
    for (int i = 0; i < 2; ++i) {
        const auto ticket = commandResult(kiosk.request(issue("permits"))).ticket;
        REQUIRE(ticket);
        commandResult(pad.request(core::CallNext{1, false}));
        commandResult(pad.request(core::Finish{1}));
        commandResult(pad.request(bad(ticket->id, i == 0 ? "等了两个小时" : "")));
    }

    auto list = hallctl(dir.path(), {"followups", "list"});
    REQUIRE_MESSAGE(list.exitCode == 0, describe(list));
    CHECK(list.err.empty());
    CHECK_MESSAGE(list.out.starts_with("ID  TICKET  WINDOW  LEVEL   STATE  DUE         ASSIGNEE\n"),
                  list.out);
    const std::string due = jsonOf(hallctl(dir.path(), {"followups", "show", "2", "--json"}))
                                .at("due_day")
                                .get<std::string>();
    CHECK_MESSAGE(has(list.out, "\n 2  A002         1  不满意  open   " + due + "  —\n"), list.out);
    CHECK_MESSAGE(has(list.out, "\n 1  A001         1  不满意  open   " + due + "  —\n"), list.out);
    CHECK_FALSE(has(list.out, "等了两个小时")); // the comment is shown by `show` alone
    // --json is the server's answer.
    const json listed = jsonOf(hallctl(dir.path(), {"followups", "list", "--json"}));
    REQUIRE(listed.at("followups").size() == 2);
    CHECK(listed["followups"] ==
          json::parse(daemon.admin().get("/api/v1/followups").body).at("followups"));

    auto show = hallctl(dir.path(), {"followups", "show", "1"});
    REQUIRE_MESSAGE(show.exitCode == 0, describe(show));
    CHECK_MESSAGE(
        show.out.starts_with("Case 1: ticket A001, service permits, window 1, staff s1\n"),
        show.out);
    CHECK(has(show.out, "rating:    不满意 (dissatisfied)\n"));
    CHECK(has(show.out, "reasons:   等待时间过长\n"));
    CHECK(has(show.out, "comment:   等了两个小时\n"));
    CHECK(has(show.out, "state:     open\n"));
    CHECK(has(show.out, "due:       by the end of " + due + " (hall time; "));

    auto assign =
        hallctl(dir.path(), {"followups", "assign", "1", "--to", "王主任", "--note", "今日回访"});
    REQUIRE_MESSAGE(assign.exitCode == 0, describe(assign));
    CHECK(assign.out == "Case 1 (A001) assigned to 王主任.\n");
    auto inProgress = hallctl(dir.path(), {"followups", "list", "--state", "in_progress"});
    CHECK_MESSAGE(has(inProgress.out, "in_progress"), inProgress.out);
    CHECK(has(inProgress.out, "王主任"));
    CHECK_FALSE(has(inProgress.out, "A002"));
    CHECK(has(hallctl(dir.path(), {"followups", "show", "1"}).out, "assigned:  to 王主任 at "));

    auto close =
        hallctl(dir.path(), {"followups", "close", "1", "--note", "已回访致歉", "--by", "王主任"});
    REQUIRE_MESSAGE(close.exitCode == 0, describe(close));
    CHECK(close.out == "Case 1 (A001) closed by 王主任.\n");
    const json closed = jsonOf(hallctl(dir.path(), {"followups", "show", "1", "--json"}));
    CHECK(closed.at("state") == "closed");
    CHECK(closed.at("close_note") == "已回访致歉");

    // A closed case does not change: the controller's 409, exit 1.
    auto again = hallctl(dir.path(), {"followups", "close", "1", "--note", "x", "--by", "y"});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK(has(again.err, "(case_closed)"));
    auto reassign = hallctl(dir.path(), {"followups", "assign", "1", "--to", "s2"});
    CHECK_MESSAGE(reassign.exitCode == 1, describe(reassign));
    auto missing = hallctl(dir.path(), {"followups", "show", "9"});
    CHECK_MESSAGE(missing.exitCode == 1, describe(missing));
    CHECK(has(missing.err, "(not_found)"));

    // Usage errors: nothing is sent.
    CHECK(hallctl(dir.path(), {"followups", "close", "2", "--note", "x"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"followups", "assign", "2"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"followups", "list", "--state", "pending"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"followups", "show", "x"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"followups", "list", "--state", "open"}).out.find("A002") !=
          std::string::npos);
    CHECK(hallctl(dir.path(), {"followups", "list", "--state", "overdue"}).out ==
          "No follow-up cases.\n");

    auto report = hallctl(dir.path(), {"report", "--by", "hall"});
    REQUIRE_MESSAGE(report.exitCode == 0, describe(report));
    CHECK_MESSAGE(
        has(report.out, "\nFollow-up cases (差评整改): 2 opened, 1 open, 0 overdue, as of "),
        report.out);
}
