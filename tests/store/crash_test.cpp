// Crash test: a worker process issues, calls and finishes tickets through the durable engine
// and is killed with SIGKILL at a random moment, again and again on the same file. After every
// kill the store is reopened and must hold every acknowledged operation exactly once, number
// its tickets 1..N without gap or repeat, and the next worker must number on from there.

#include "tests/store/crash_hall.h"
#include "tests/store/store_fixture.h"

#include <algorithm>
#include <map>
#include <poll.h>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRuns = 60;

// A fixed offset that puts local time at about 10:00 now: every run of the test stays on one
// business day, far from midnight, whatever the machine's clock says.
std::chrono::minutes midMorningOffset() {
    const auto now = std::chrono::system_clock::now();
    const auto sinceMidnight = std::chrono::duration_cast<std::chrono::minutes>(
        now - std::chrono::floor<std::chrono::days>(now));
    return std::chrono::minutes(10 * 60) - sinceMidnight;
}

struct Acks {
    std::vector<std::string> issued; // in order
    std::vector<std::string> called;
    std::vector<std::string> finished;
    bool ready = false;
};

struct RunResult {
    Acks acks;
    int status = 0;
};

void parseLine(const std::string& line, Acks& acks) {
    std::istringstream in(line);
    std::string verb;
    std::string number;
    in >> verb >> number;
    if (verb == "READY")
        acks.ready = true;
    else if (verb == "ISSUED")
        acks.issued.push_back(number);
    else if (verb == "CALLED")
        acks.called.push_back(number);
    else if (verb == "FINISHED")
        acks.finished.push_back(number);
    else
        FAIL("unexpected worker output: " << line);
}

// Spawns the worker with its stdout on a pipe, kills it `delay` after it is started (or after it
// said READY, when `afterReady`), and returns what it acknowledged before dying.
RunResult runAndKill(const fs::path& db, std::chrono::minutes offset, unsigned seed,
                     std::chrono::milliseconds delay, bool afterReady) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    std::string program = WORKER_PATH;
    std::string path = db.string();
    std::string offsetText = std::to_string(offset.count());
    std::string seedText = std::to_string(seed);
    char* argv[] = {program.data(), path.data(), offsetText.data(), seedText.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    REQUIRE(spawned == 0);

    RunResult result;
    std::string pending;
    const auto consume = [&](const char* data, std::size_t size) {
        pending.append(data, size);
        std::size_t end = 0;
        while ((end = pending.find('\n')) != std::string::npos) {
            parseLine(pending.substr(0, end), result.acks);
            pending.erase(0, end + 1);
        }
    };
    // Reads what is available until `deadline`; false once the worker closed its end.
    const auto readUntil = [&](Clock::time_point deadline, bool stopWhenReady) {
        char buffer[4096];
        for (;;) {
            if (stopWhenReady && result.acks.ready) return true;
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) return true;
            pollfd p{fds[0], POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
            const auto n = ::read(fds[0], buffer, sizeof buffer);
            if (n <= 0) return false;
            consume(buffer, static_cast<std::size_t>(n));
        }
    };

    bool open = true;
    if (afterReady) open = readUntil(Clock::now() + std::chrono::seconds(30), true);
    if (open) readUntil(Clock::now() + delay, false);
    ::kill(pid, SIGKILL);
    // Drain: whatever the worker wrote before it died was acknowledged.
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        consume(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    REQUIRE(::waitpid(pid, &result.status, 0) == pid);
    CHECK_MESSAGE(pending.empty(), "a partial acknowledgement line: " << pending);
    return result;
}

} // namespace

TEST_CASE("acknowledged operations survive SIGKILL exactly once, numbering goes on") {
    TempDir dir;
    const auto db = dir.file("crash.db");
    const auto offset = midMorningOffset();
    const auto zone = std::make_shared<core::FixedOffsetZone>(offset);
    std::random_device seeds;
    const unsigned masterSeed = seeds();
    INFO("seed ", masterSeed);
    std::mt19937 rng(masterSeed);
    std::uniform_int_distribution<int> delayMs(5, 60);

    std::set<std::string> issued; // acknowledged over all runs
    std::set<std::string> called;
    std::set<std::string> finished;
    std::map<std::string, core::TicketId> known; // number → id, as of the previous check
    int highest = 0;                             // highest sequence as of the previous check
    int killedMidway = 0;

    for (int run = 0; run < kRuns; ++run) {
        const auto delay = std::chrono::milliseconds(delayMs(rng));
        // Half the runs are killed counting from the start, so that some die while opening the
        // store; the others count from READY, so that every run gets to commit something.
        const bool afterReady = run % 2 == 1;
        const RunResult r = runAndKill(db, offset, static_cast<unsigned>(rng()), delay, afterReady);
        INFO("run ", run, ", killed ", delay.count(), " ms after ", afterReady ? "READY" : "start");
        REQUIRE_MESSAGE(WIFSIGNALED(r.status),
                        "the worker ended by itself (status " << WEXITSTATUS(r.status) << ")");
        CHECK(WTERMSIG(r.status) == SIGKILL);
        if (!r.acks.issued.empty() || !r.acks.called.empty()) ++killedMidway;

        // The numbering goes on where the store stood after the last kill.
        for (const auto& number : r.acks.issued)
            CHECK(std::stoi(number.substr(1)) > highest);
        issued.insert(r.acks.issued.begin(), r.acks.issued.end());
        called.insert(r.acks.called.begin(), r.acks.called.end());
        finished.insert(r.acks.finished.begin(), r.acks.finished.end());

        auto store =
            DurableEngine::open(optionsAt(db), crashHall(), zone, core::SystemClock().now());
        std::map<std::string, int> copies;
        std::map<std::string, const core::Ticket*> byNumber;
        std::vector<int> sequences;
        store.engine().forEachTicket([&](const core::Ticket& t) {
            ++copies[t.number];
            byNumber[t.number] = &t;
            sequences.push_back(t.sequence);
        });
        for (const auto& [number, count] : copies) {
            INFO(number);
            CHECK(count == 1);
        }
        std::sort(sequences.begin(), sequences.end());
        for (std::size_t i = 0; i < sequences.size(); ++i) {
            INFO("sequence at position ", i);
            REQUIRE(sequences[i] == static_cast<int>(i) + 1);
        }
        for (const auto& number : issued) {
            INFO("acknowledged issue ", number);
            CHECK(byNumber.count(number) == 1);
        }
        for (const auto& number : called) {
            INFO("acknowledged call ", number);
            REQUIRE(byNumber.count(number) == 1);
            const auto state = byNumber[number]->state;
            CHECK((state == core::TicketState::Called || state == core::TicketState::Serving ||
                   state == core::TicketState::Done));
        }
        for (const auto& number : finished) {
            INFO("acknowledged finish ", number);
            REQUIRE(byNumber.count(number) == 1);
            CHECK(byNumber[number]->state == core::TicketState::Done);
        }
        // Nothing known before went missing or changed identity.
        for (const auto& [number, id] : known) {
            INFO(number);
            REQUIRE(byNumber.count(number) == 1);
            CHECK(byNumber[number]->id == id);
        }
        known.clear();
        for (const auto& [number, ticket] : byNumber)
            known[number] = ticket->id;
        highest = static_cast<int>(sequences.size());
    }
    MESSAGE(issued.size(), " issues, ", called.size(), " calls and ", finished.size(),
            " finishes acknowledged over ", kRuns, " kills; ", highest, " tickets in the store");
    // The test means nothing unless the kills struck workers that were busy committing.
    CHECK(killedMidway >= kRuns / 4);
    CHECK(issued.size() >= 50);
    CHECK_FALSE(called.empty());
}
