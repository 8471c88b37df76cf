// 200 terminal connections at once, issuing and calling, against the real daemon.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

TEST_CASE("200 concurrent terminals issue and call; every number once, every call heard") {
    TempDir dir("daemon-load");
    DaemonProcess daemon(dir.path());
    constexpr int kThreads = 8;
    constexpr int kConnectionsPerThread = 25; // 200 kiosk connections
    constexpr int kTicketsPerConnection = 3;

    std::vector<std::string> credentials;
    for (int k = 0; k < 4; ++k) {
        auto c = daemon.connect();
        credentials.push_back(c.enroll(daemon.enrollmentCode("kiosk-" + std::to_string(k), "kiosk")).credential);
    }
    auto board = daemon.terminal("board-north", "call_board", {}, "north");
    std::vector<netclient::TerminalConnection> pads;
    for (int w = 1; w <= 3; ++w) {
        pads.push_back(daemon.terminal("pad-" + std::to_string(w), "window_pad", w));
        commandResult(pads.back().request(req("in", core::SignIn{w, "s" + std::to_string(w)})));
    }

    // The board listens all along, as a call board does.
    std::atomic<bool> done{false};
    int heard = 0;
    bool gapless = true;
    std::thread listener([&] {
        std::uint64_t seq = 0;
        while (!done) {
            while (auto push = board.nextPush(200ms)) {
                gapless = gapless && push->seq == ++seq;
                if (auto* call = std::get_if<protocol::Call>(&push->body)) {
                    if (call->window == 3) gapless = false; // window 3 is in the south zone
                    ++heard;
                }
            }
        }
    });

    std::mutex mutex;
    std::set<std::string> numbers;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    std::atomic<int> threadsDone{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                std::vector<netclient::TerminalConnection> connections;
                for (int c = 0; c < kConnectionsPerThread; ++c) {
                    connections.push_back(daemon.connect());
                    connections.back().hello(credentials[static_cast<std::size_t>((t + c) % 4)]);
                }
                for (int round = 0; round < kTicketsPerConnection; ++round) {
                    for (auto& connection : connections) {
                        auto answer = connection.request(protocol::RequestBody(
                            issue(round % 2 == 0 ? "permits" : "taxes")));
                        connection.takePushes();
                        if (!answer.ok()) {
                            ++failures;
                            continue;
                        }
                        const auto& r = std::get<protocol::CommandResult>(std::get<protocol::ResponseResult>(answer.outcome));
                        std::lock_guard lock(mutex);
                        if (!numbers.insert(r.ticket->number).second) ++failures;
                    }
                }
            } catch (const std::exception& e) {
                ++failures;
                MESSAGE(e.what());
            }
            ++threadsDone;
        });
    }
    // Meanwhile the windows call.
    int calls = 0, callsNorth = 0;
    for (int i = 0; threadsDone < kThreads || i < 60; ++i) {
        std::this_thread::sleep_for(5ms); // a clerk's pace, well inside the request rate
        auto& pad = pads[static_cast<std::size_t>(i % 3)];
        const int window = i % 3 + 1;
        auto answer = pad.request(req("c" + std::to_string(i), core::CallNext{window, false}));
        if (answer.ok()) {
            ++calls;
            if (window != 3) ++callsNorth;
            commandResult(pad.request(req("f" + std::to_string(i), core::Finish{window})));
        }
        pad.takePushes();
    }
    for (auto& thread : threads) thread.join();

    CHECK(failures == 0);
    CHECK(numbers.size() == kThreads * kConnectionsPerThread * kTicketsPerConnection);
    auto status = daemon.status();
    const int waiting = status["queues"]["services"][0]["waiting"].get<int>() +
                        status["queues"]["services"][1]["waiting"].get<int>();
    CHECK(waiting == static_cast<int>(numbers.size()) - calls);

    // The north board heard the calls of windows 1 and 2 (two thirds), in order, without a gap.
    std::this_thread::sleep_for(500ms);
    done = true;
    listener.join();
    CHECK(gapless);
    CHECK(heard == callsNorth);
    CHECK(heard > 0);
    CHECK(heard <= calls);
}
