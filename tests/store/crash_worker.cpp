// The process the crash test kills: it issues, calls and finishes tickets through the durable
// engine in random group-commit batches, as fast as it can, and reports on stdout every command
// the store acknowledged, only after executeBatch() returned:
//
//   READY                    the store is open
//   ISSUED A00042            an IssueTicket was acknowledged, with the number it got
//   CALLED A00042 W1         a CallNext was acknowledged
//   FINISHED A00042          a Finish was acknowledged
//
// Usage: hall_crash_worker DB_PATH ZONE_OFFSET_MINUTES SEED
// It runs until it is killed; any error ends it with status 1 and a message on stderr.

#include "tests/store/crash_hall.h"
#include "shared/store/durable_engine.h"

#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hall;

namespace {

// One write(2) per batch: the lines of a batch reach the pipe whole (writes of up to PIPE_BUF
// bytes are atomic), and nothing waits in a stdio buffer when SIGKILL comes.
void emit(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n < 0) throw std::runtime_error("cannot write to stdout");
        done += static_cast<std::size_t>(n);
    }
}

enum class Kind { Issue, Call, Finish };

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s DB_PATH ZONE_OFFSET_MINUTES SEED\n", argv[0]);
        return 2;
    }
    try {
        store::StoreOptions options;
        options.path = argv[1];
        const auto zone =
            std::make_shared<core::FixedOffsetZone>(std::chrono::minutes(std::stoi(argv[2])));
        std::mt19937 rng(static_cast<std::mt19937::result_type>(std::stoul(argv[3])));
        const core::SystemClock clock;

        auto durable =
            store::DurableEngine::open(options, store::testing::crashHall(), zone, clock.now());
        emit("READY\n");
        if (durable.engine().window(1)->staffId.empty()) {
            const auto signedIn = durable.execute(core::SignIn{1, "s1"}, clock.now());
            if (!signedIn) throw std::runtime_error("sign-in refused: " + signedIn.error().message);
        }

        std::uniform_int_distribution<int> batchSize(1, 8);
        std::uniform_int_distribution<int> pick(0, 3);
        for (;;) {
            std::vector<store::TimedCommand> batch;
            std::vector<Kind> kinds;
            const int n = batchSize(rng);
            for (int i = 0; i < n; ++i) {
                // Issue twice as often as the window works through tickets, so a queue builds.
                switch (pick(rng)) {
                case 0:
                case 1: {
                    core::IssueTicket issue;
                    issue.serviceId = "a";
                    issue.sourceDevice = "crash-worker";
                    batch.push_back({issue, clock.now()});
                    kinds.push_back(Kind::Issue);
                    break;
                }
                case 2:
                    batch.push_back({core::Finish{1}, clock.now()});
                    kinds.push_back(Kind::Finish);
                    break;
                default:
                    batch.push_back({core::CallNext{1, false}, clock.now()});
                    kinds.push_back(Kind::Call);
                    break;
                }
            }
            const auto results = durable.executeBatch(batch);
            // Acknowledged: only now may anyone hear about these commands.
            std::string out;
            for (std::size_t i = 0; i < results.size(); ++i) {
                if (!results[i].ok() || !results[i]->ticket) continue; // refused: never happened
                const std::string& number = durable.engine().ticket(*results[i]->ticket)->number;
                switch (kinds[i]) {
                case Kind::Issue:
                    out += "ISSUED " + number + "\n";
                    break;
                case Kind::Call:
                    out += "CALLED " + number + " W1\n";
                    break;
                case Kind::Finish:
                    out += "FINISHED " + number + "\n";
                    break;
                }
            }
            if (!out.empty()) emit(out);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "crash worker: %s\n", e.what());
        return 1;
    }
}
