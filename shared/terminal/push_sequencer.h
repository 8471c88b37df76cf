#pragma once
// The resync rule of docs/protocol.md, on its own so it can be tested frame by frame:
//
//   - after hello the stream starts at seq 1 with a snapshot;
//   - pushes then come 1, 2, 3, … without gaps; a jump (a gap: something was lost) means the
//     terminal's state is stale, so it asks get_snapshot;
//   - the get_snapshot result carries the snapshot and `seq`, the last push sent before it: the
//     terminal replaces its state and ignores pushes with seq ≤ that value (they are already in
//     the snapshot), continuing with the next;
//   - a reconnect starts a new stream at 1.
//
// While a snapshot is awaited, pushes are dropped: the snapshot will contain their effect.
// Qt-free.

#include "shared/protocol/messages.h"

#include <cstdint>

namespace hall::client {

class PushSequencer {
public:
    enum class Verdict {
        Apply,          // in order: apply it
        Ignore,         // already contained in the state held (seq ≤ the snapshot's), or
                        // arriving while a snapshot is awaited
        RequestSnapshot // a gap: ask get_snapshot now (once); the push itself is dropped
    };

    // A new connection: the next push expected is seq 1 (a snapshot).
    void restart();
    Verdict onPush(const protocol::Push& push);
    // The get_snapshot result arrived: state replaced, continue after `seq`.
    void onSnapshotResult(std::uint64_t seq);
    // The get_snapshot request failed (timeout, refusal): ask again at the next push.
    void onSnapshotFailed();

    bool awaitingSnapshot() const { return awaiting_; }
    std::uint64_t lastSeq() const { return last_; }
    int gapsSeen() const { return gaps_; }

private:
    std::uint64_t last_ = 0; // the last seq applied (or covered by a snapshot)
    bool awaiting_ = false;
    bool requestAgain_ = false;
    int gaps_ = 0;
};

} // namespace hall::client
