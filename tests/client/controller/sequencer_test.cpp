#include "shared/terminal/push_sequencer.h"

#include <doctest/doctest.h>

using hall::client::PushSequencer;
using Verdict = PushSequencer::Verdict;
namespace protocol = hall::protocol;

namespace {
protocol::Push push(std::uint64_t seq) {
    return protocol::Push{seq, protocol::Notice{"n", "t"}};
}
} // namespace

TEST_CASE("pushes in order are applied") {
    PushSequencer s;
    s.restart();
    CHECK(s.onPush(push(1)) == Verdict::Apply);
    CHECK(s.onPush(push(2)) == Verdict::Apply);
    CHECK(s.onPush(push(3)) == Verdict::Apply);
    CHECK(s.lastSeq() == 3);
    CHECK(s.gapsSeen() == 0);
}

TEST_CASE("a gap asks for a snapshot once and drops pushes until it comes") {
    PushSequencer s;
    s.restart();
    CHECK(s.onPush(push(1)) == Verdict::Apply);
    CHECK(s.onPush(push(3)) == Verdict::RequestSnapshot);
    CHECK(s.awaitingSnapshot());
    CHECK(s.onPush(push(4)) == Verdict::Ignore);
    // The snapshot covers everything up to seq 4 …
    s.onSnapshotResult(4);
    CHECK_FALSE(s.awaitingSnapshot());
    // … so a late 4 is ignored and 5 continues.
    CHECK(s.onPush(push(4)) == Verdict::Ignore);
    CHECK(s.onPush(push(5)) == Verdict::Apply);
    CHECK(s.gapsSeen() == 1);
}

TEST_CASE("a failed snapshot request is asked again at the next push") {
    PushSequencer s;
    s.restart();
    s.onPush(push(1));
    CHECK(s.onPush(push(5)) == Verdict::RequestSnapshot);
    s.onSnapshotFailed();
    CHECK(s.onPush(push(6)) == Verdict::RequestSnapshot);
    CHECK(s.onPush(push(7)) == Verdict::Ignore);
}

TEST_CASE("a reconnect starts a new stream at 1") {
    PushSequencer s;
    s.restart();
    for (std::uint64_t i = 1; i <= 9; ++i)
        s.onPush(push(i));
    s.restart();
    CHECK(s.onPush(push(1)) == Verdict::Apply);
}
