// SIGKILL of the daemon under load, then a restart: every acknowledged ticket, call and rating
// is there exactly once. The terminals then replay everything they sent with the same ids, as
// their outboxes do; every answer they had heard comes back the same, and the day's report
// counts each operation once.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

#include <atomic>
#include <functional>
#include <set>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

namespace {

struct Sent {
    protocol::Request request;
    std::optional<protocol::Response> answer; // heard before the kill
};

struct Terminal {
    std::string credential;
    std::vector<Sent> sent; // in order
};

using NextRequest = std::function<protocol::RequestBody(int i, const std::optional<protocol::Response>& previous)>;

// A terminal keeps to the request rate: a rate_limited answer is no answer, so it waits and
// sends the same request again, as its outbox would.
protocol::Response patiently(netclient::TerminalConnection& connection, const protocol::Request& request) {
    for (;;) {
        auto answer = connection.request(request, 5s);
        connection.takePushes();
        if (answer.ok() || std::get<protocol::Error>(answer.outcome).code != "rate_limited") return answer;
        std::this_thread::sleep_for(100ms);
    }
}

void drive(const DaemonProcess& daemon, Terminal& terminal, const NextRequest& next) {
    try {
        auto connection = daemon.connect();
        connection.hello(terminal.credential);
        std::optional<protocol::Response> previous;
        for (int i = 0;; ++i) {
            terminal.sent.push_back({protocol::Request{connection.nextRequestId(), next(i, previous)}, std::nullopt});
            previous = patiently(connection, terminal.sent.back().request);
            terminal.sent.back().answer = previous;
        }
    } catch (const netclient::ConnectionError&) {
        // The daemon was killed; the last request may or may not have been committed.
    }
}

std::optional<core::TicketId> ticketOf(const protocol::Response& r) {
    if (!r.ok()) return std::nullopt;
    const auto& result = std::get<protocol::CommandResult>(std::get<protocol::ResponseResult>(r.outcome));
    if (!result.ticket) return std::nullopt;
    return result.ticket->id;
}

std::string outcomeCode(const protocol::Response& r) {
    return r.ok() ? "ok" : std::get<protocol::Error>(r.outcome).code;
}

} // namespace

TEST_CASE("SIGKILL under load: nothing acknowledged is lost, nothing is applied twice") {
    TempDir dir("daemon-crash");
    DaemonProcess daemon(dir.path());
    std::vector<Terminal> kiosks(4);
    for (std::size_t k = 0; k < kiosks.size(); ++k) {
        auto c = daemon.connect();
        kiosks[k].credential = c.enroll(daemon.enrollmentCode("kiosk-" + std::to_string(k), "kiosk")).credential;
    }
    Terminal pad;
    {
        auto c = daemon.connect();
        pad.credential = c.enroll(daemon.enrollmentCode("pad-1", "window_pad", 1)).credential;
        c.hello(pad.credential);
        commandResult(c.request(req("sign-in", core::SignIn{1, "s1"})));
    }

    std::vector<std::thread> threads;
    for (auto& kiosk : kiosks)
        threads.emplace_back([&] { drive(daemon, kiosk, [](int, const auto&) { return protocol::RequestBody(issue("permits")); }); });
    // The window pad cycles call → finish → rate the ticket it just finished.
    threads.emplace_back([&] {
        drive(daemon, pad, [](int i, const std::optional<protocol::Response>& previous) -> protocol::RequestBody {
            if (i % 3 == 0) return core::CallNext{1, false};
            if (i % 3 == 1) return core::Finish{1};
            const auto ticket = previous ? ticketOf(*previous) : std::nullopt;
            return core::Rate{ticket.value_or(1), core::RatingLevel::Satisfied, {}, {}};
        });
    });
    std::this_thread::sleep_for(1500ms);
    daemon.kill();
    for (auto& t : threads) t.join();

    daemon.start();
    std::set<core::TicketId> tickets;
    int issueRequests = 0, acknowledged = 0;
    for (auto& kiosk : kiosks) {
        auto connection = daemon.connect();
        connection.hello(kiosk.credential);
        for (const auto& sent : kiosk.sent) {
            auto replay = patiently(connection, sent.request);
            auto ticket = ticketOf(replay);
            REQUIRE(ticket);
            if (sent.answer) {
                ++acknowledged;
                CHECK(ticketOf(*sent.answer) == ticket);
            }
            ++issueRequests;
            CHECK(tickets.insert(*ticket).second);
        }
    }
    CHECK(acknowledged > 20);

    int finished = 0, rated = 0;
    {
        auto connection = daemon.connect();
        connection.hello(pad.credential);
        for (const auto& sent : pad.sent) {
            auto replay = patiently(connection, sent.request);
            if (sent.answer) {
                CHECK(outcomeCode(*sent.answer) == outcomeCode(replay));
                CHECK(ticketOf(*sent.answer) == ticketOf(replay));
            }
            if (replay.ok() && std::holds_alternative<core::Finish>(sent.request.body)) ++finished;
            if (replay.ok() && std::holds_alternative<core::Rate>(sent.request.body)) ++rated;
        }
    }
    CHECK(finished > 5);

    auto report = daemon.admin().get("/api/v1/reports?by=hall");
    REQUIRE(report.status == 200);
    auto row = nlohmann::json::parse(report.body)["rows"][0];
    CHECK(row["issued"] == issueRequests);
    CHECK(row["served"] == finished);
    CHECK(row["rated"] == rated);
}
