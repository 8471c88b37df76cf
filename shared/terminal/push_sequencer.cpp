#include "shared/terminal/push_sequencer.h"

namespace hall::client {

void PushSequencer::restart() {
    last_ = 0;
    awaiting_ = false;
    requestAgain_ = false;
}

PushSequencer::Verdict PushSequencer::onPush(const protocol::Push& push) {
    if (awaiting_) {
        if (requestAgain_) {
            requestAgain_ = false;
            return Verdict::RequestSnapshot;
        }
        return Verdict::Ignore;
    }
    if (push.seq <= last_) return Verdict::Ignore;
    if (push.seq != last_ + 1) {
        ++gaps_;
        awaiting_ = true;
        return Verdict::RequestSnapshot;
    }
    last_ = push.seq;
    return Verdict::Apply;
}

void PushSequencer::onSnapshotResult(std::uint64_t seq) {
    // The server writes pushes and responses into one ordered stream, so every push read before
    // this result has seq ≤ `seq` (its effect is in the snapshot: dropping them was right) and
    // every later one continues at seq + 1.
    last_ = seq;
    awaiting_ = false;
    requestAgain_ = false;
}

void PushSequencer::onSnapshotFailed() {
    if (awaiting_) requestAgain_ = true;
}

} // namespace hall::client
