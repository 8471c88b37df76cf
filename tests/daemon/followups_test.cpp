// Follow-up cases of bad ratings (差评整改) through the real callstationd: a bad rating from a
// window pad or a kiosk opens one case (a good or an automatic one none, a retried request no
// second), announced in the audit log, the log and /metrics without the citizen's comment; an
// admin lists, assigns and closes cases, a closed case does not change; the cases and their
// states survive a restart; a case past its deadline on the hall's clock is overdue; the report
// counts them, and a visit rated twice (追评) once.

#include "tests/daemon/daemon_process.h"
#include "tests/daemon/test_requests.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string kComment = "窗口人员态度很差，我的电话13800138000";

core::Rate rating(core::TicketId ticket, core::RatingLevel level, std::string comment = {}) {
    std::vector<std::string> reasons;
    if (core::isBadRating(level)) reasons = {"服务态度差"};
    return core::Rate{ticket, level, std::move(reasons), std::move(comment)};
}

// A permits ticket issued at the kiosk, called and finished at window 1 (s1 signed in there).
core::TicketId serve(netclient::TerminalConnection& kiosk, netclient::TerminalConnection& pad) {
    const auto issued = commandResult(kiosk.request(issue("permits"))).ticket;
    REQUIRE(issued);
    commandResult(pad.request(core::CallNext{1, false}));
    commandResult(pad.request(core::Finish{1}));
    return issued->id;
}

json getJson(const DaemonProcess& daemon, const std::string& target) {
    const auto reply = daemon.admin().get(target);
    INFO(target, " → ", reply.status, " ", reply.body);
    REQUIRE(reply.status == 200);
    return json::parse(reply.body);
}

json cases(const DaemonProcess& daemon, const std::string& query = {}) {
    return getJson(daemon, "/api/v1/followups" + query).at("followups");
}

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST_CASE("a bad rating opens one follow-up case: listed, assigned, closed, kept on restart") {
    TempDir dir("daemon-followups");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    auto api = daemon.admin();
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto pad = daemon.terminal("pad-1", "window_pad", 1);
    commandResult(pad.request(core::SignIn{1, "s1"}));
    const auto first = serve(kiosk, pad), second = serve(kiosk, pad), third = serve(kiosk, pad);
    CHECK(cases(daemon).empty());

    // At the window's pad, 非常不满意, sent twice with the same request id (a retry).
    const auto bad = req("rate-1", rating(first, core::RatingLevel::VeryDissatisfied, kComment));
    CHECK(commandResult(pad.request(bad)).ticket->id == first);
    CHECK(commandResult(pad.request(bad)).ticket->id == first);
    // A good rating at the kiosk: no case; a bad one there: a case.
    commandResult(kiosk.request(rating(second, core::RatingLevel::Satisfied)));
    commandResult(kiosk.request(rating(third, core::RatingLevel::Dissatisfied)));

    auto listed = cases(daemon);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].at("id") == 2); // newest first
    CHECK(listed[0].at("number") == "A003");
    const auto one = listed[1];
    CHECK(one.at("id") == 1);
    CHECK(one.at("ticket") == first);
    CHECK(one.at("number") == "A001");
    CHECK(one.at("service") == "permits");
    CHECK(one.at("window") == 1);
    CHECK(one.at("staff") == "s1");
    CHECK(one.at("level") == "very_dissatisfied");
    CHECK(one.at("level_zh") == "非常不满意");
    CHECK(one.at("reasons") == json::array({"服务态度差"}));
    CHECK(one.at("comment") == kComment);
    CHECK(one.at("supplementary") == false);
    CHECK(one.at("state") == "open");
    CHECK(one.at("overdue") == false);
    CHECK(one.at("deadline").get<std::string>() > one.at("opened_at").get<std::string>());
    CHECK(one.at("due_day").get<std::string>() > one.at("day").get<std::string>());
    CHECK_FALSE(one.contains("assignee"));
    CHECK(getJson(daemon, "/api/v1/followups/1") == one);
    CHECK(api.get("/api/v1/followups/9").status == 404);
    CHECK(api.get("/api/v1/followups/abc").status == 404);
    CHECK(api.get("/api/v1/followups?state=pending").status == 400);
    CHECK(cases(daemon, "?state=overdue").empty());
    CHECK(cases(daemon, "?state=open").size() == 2);

    // Announced: the audit log and the log name case, number, window and level, never what the
    // citizen wrote; /metrics counts the cases opened.
    const auto audit = api.get("/api/v1/audit").body;
    CHECK(audit.find("case 1 A001 window 1 very_dissatisfied") != std::string::npos);
    CHECK(audit.find("case 2 A003 window 1 dissatisfied") != std::string::npos);
    CHECK(audit.find("13800138000") == std::string::npos);
    CHECK(api.get("/metrics").body.find("hall_follow_ups_opened_total 2") != std::string::npos);

    // Assign: an assignee is required; then in progress. Close: a note and who closed it.
    CHECK(api.post("/api/v1/followups/1/assign", R"({"note":"x"})").status == 400);
    CHECK(api.post("/api/v1/followups/1/assign", R"({"assignee":"  "})").status == 400);
    CHECK(api.post("/api/v1/followups/1/assign", R"({"assignee":7})").status == 400);
    CHECK(api.post("/api/v1/followups/9/assign", R"({"assignee":"王主任"})").status == 404);
    auto reply =
        api.post("/api/v1/followups/1/assign", R"({"assignee":"王主任","note":"今日回访"})");
    REQUIRE(reply.status == 200);
    auto changed = json::parse(reply.body);
    CHECK(changed.at("state") == "in_progress");
    CHECK(changed.at("assignee") == "王主任");
    CHECK(changed.at("assign_note") == "今日回访");
    CHECK(cases(daemon, "?state=in_progress").size() == 1);
    CHECK(api.post("/api/v1/followups/1/close", R"({"closed_by":"王主任"})").status == 400);
    CHECK(api.post("/api/v1/followups/1/close", R"({"note":"已回访"})").status == 400);
    reply = api.post("/api/v1/followups/1/close",
                     R"({"note":"已电话回访并致歉","closed_by":"王主任"})");
    REQUIRE(reply.status == 200);
    changed = json::parse(reply.body);
    CHECK(changed.at("state") == "closed");
    CHECK(changed.at("closed_by") == "王主任");
    CHECK(changed.at("close_note") == "已电话回访并致歉");
    CHECK(changed.contains("closed_at"));
    // A closed case does not change.
    reply = api.post("/api/v1/followups/1/close", R"({"note":"again","closed_by":"王主任"})");
    CHECK(reply.status == 409);
    CHECK(json::parse(reply.body)["error"]["code"] == "case_closed");
    CHECK(api.post("/api/v1/followups/1/assign", R"({"assignee":"s2"})").status == 409);
    CHECK(cases(daemon, "?state=closed").size() == 1);
    const auto changes = json::parse(api.get("/api/v1/audit?limit=5").body)["entries"];
    CHECK(changes[0]["action"] == "followup_close");
    CHECK(changes[0]["detail"] == "case 1 A001");
    CHECK(changes[1]["action"] == "followup_assign");
    CHECK(changes[0].dump().find("致歉") == std::string::npos);

    // A 追评 of the visit rated 满意: a case of its own; the visit counts once in the report.
    commandResult(kiosk.request(rating(second, core::RatingLevel::VeryDissatisfied)));
    listed = cases(daemon);
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].at("number") == "A002");
    CHECK(listed[0].at("supplementary") == true);
    auto report = getJson(daemon, "/api/v1/reports?by=hall");
    REQUIRE(report.at("rows").size() == 1);
    const auto hallRow = report.at("rows")[0];
    CHECK(hallRow.at("served") == 3);
    CHECK(hallRow.at("rated") == 3);
    CHECK(hallRow.at("supplementary") == 1);
    CHECK(hallRow.at("very_dissatisfied") == 2);
    CHECK(hallRow.at("dissatisfied") == 1);
    CHECK(hallRow.at("satisfied") == 0);
    CHECK(report.at("follow_ups").at("opened") == 3);
    CHECK(report.at("follow_ups").at("open") == 2);
    CHECK(report.at("follow_ups").at("overdue") == 0);

    // Restarted: the same three cases in the same states; the retried rating, sent once more
    // from the pad, opens none.
    CHECK(daemon.terminate() == 0);
    daemon.start();
    const auto after = cases(daemon);
    REQUIRE(after.size() == 3);
    CHECK(after[2].at("state") == "closed");
    CHECK(after[2].at("close_note") == "已电话回访并致歉");
    auto padAgain = daemon.terminal("pad-1", "window_pad", 1);
    CHECK(commandResult(padAgain.request(bad)).ticket->id == first);
    CHECK(cases(daemon).size() == 3);

    // The log names the cases, never the citizen's words.
    const auto log = fileText(dir.path() / "callstationd.log");
    CHECK(log.find("follow-up case 1 A001 window 1 very_dissatisfied opened") != std::string::npos);
    CHECK(log.find("13800138000") == std::string::npos);
    CHECK(log.find("态度很差") == std::string::npos);
}

TEST_CASE("a case past its deadline on the hall's clock is overdue") {
    TempDir dir("daemon-followups-overdue");
    std::string openedDay;
    {
        DaemonProcess daemon(dir.path(), {}, "10:00@1");
        auto kiosk = daemon.terminal("kiosk-1", "kiosk");
        auto pad = daemon.terminal("pad-1", "window_pad", 1);
        commandResult(pad.request(core::SignIn{1, "s1"}));
        const auto ticket = serve(kiosk, pad);
        commandResult(pad.request(rating(ticket, core::RatingLevel::Dissatisfied)));
        const auto listed = cases(daemon);
        REQUIRE(listed.size() == 1);
        openedDay = listed[0].at("day").get<std::string>();
        CHECK(cases(daemon, "?state=overdue").empty());
        CHECK(daemon.terminate() == 0);
    }
    // The hall's clock ten days on (the deadline is at most eight days after the rating: five
    // working days from a Saturday). A demo clock read ten days ago runs from there.
    const auto tenDaysAgo = nowMs() - std::int64_t{10} * 24 * 3600 * 1000;
    DaemonProcess later(dir.path(), {}, "10:00@1@" + std::to_string(tenDaysAgo));
    const auto overdue = cases(later, "?state=overdue");
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].at("overdue") == true);
    CHECK(overdue[0].at("state") == "open");
    CHECK(cases(later, "?state=open").size() == 1);

    // Today's report: none opened, one open and overdue; the day it opened: one opened, open
    // and not overdue at that day's end.
    auto report = getJson(later, "/api/v1/reports?by=hall");
    CHECK(report.at("follow_ups").at("opened") == 0);
    CHECK(report.at("follow_ups").at("open") == 1);
    CHECK(report.at("follow_ups").at("overdue") == 1);
    report = getJson(later, "/api/v1/reports?by=hall&from=" + openedDay);
    CHECK(report.at("follow_ups").at("opened") == 1);
    CHECK(report.at("follow_ups").at("open") == 1);
    CHECK(report.at("follow_ups").at("overdue") == 0);

    // Late, it is still assigned and closed as any other.
    auto api = later.admin();
    CHECK(api.post("/api/v1/followups/1/assign", R"({"assignee":"s2"})").status == 200);
    CHECK(cases(later, "?state=overdue").size() == 1);
    CHECK(api.post("/api/v1/followups/1/close", R"({"note":"已整改","closed_by":"s2"})").status ==
          200);
    CHECK(cases(later, "?state=overdue").empty());
    CHECK(getJson(later, "/api/v1/reports?by=hall").at("follow_ups").at("open") == 0);
}

TEST_CASE("an automatic rating opens no follow-up case") {
    TempDir dir("daemon-followups-automatic");
    // An hour of the hall's day in four seconds: the unrated policy rates a visit after one.
    DaemonProcess daemon(dir.path(),
                         "[evaluation]\nunrated = \"default_satisfied\"\n"
                         "unrated_default_after_hours = 1\n",
                         "10:00@900");
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto pad = daemon.terminal("pad-1", "window_pad", 1);
    commandResult(pad.request(core::SignIn{1, "s1"}));
    serve(kiosk, pad);
    int rated = 0;
    for (int i = 0; i < 200 && rated == 0; ++i) {
        std::this_thread::sleep_for(100ms);
        rated = getJson(daemon, "/api/v1/reports?by=hall").at("rows")[0].at("rated").get<int>();
    }
    REQUIRE(rated == 1);
    CHECK(cases(daemon).empty());
    CHECK(daemon.admin().get("/api/v1/audit").body.find("followup_opened") == std::string::npos);
}
