#include "drivers/smartcard/card_session.h"

#include "drivers/smartcard/atr.h"
#include "drivers/smartcard/pcsc_card.h"
#include "drivers/smartcard/pcsc_context.h"
#include "drivers/smartcard/sscard_read.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace hall::drivers::smartcard {

struct CardSessionRunner::Shared {
    std::atomic<int> abandoned{0};
};

namespace {

// What one session and its waiter share. The session thread may outlive the waiter.
struct SessionState {
    std::mutex mutex;
    std::condition_variable_any cv;
    bool done = false;
    bool abandoned = false;
    SessionOutcome outcome;
};

} // namespace

SessionOutcome readCardOnce(const std::string& reader, const SsCardProfile& profile) {
    SessionOutcome out;
    try {
        PcscContext context;
        PcscCard card(context, reader);
        CardInfo info;
        info.reader = reader;
        info.protocol = card.protocol();
        try {
            info.atr = parseAtr(card.atr());
        } catch (const AtrError& e) {
            throw DeviceFailure(retryError(
                "bad_atr", std::string("the card's answer to reset is malformed: ") + e.what() +
                               "; a damaged card, or not a card this kiosk reads"));
        }
        SocialSecurityCardRecord record = readSocialSecurityCard(card, profile);
        record.card = std::move(info);
        out.record.emplace(std::move(record));
    } catch (const DeviceFailure& f) {
        out.error = f.error();
    } catch (const std::exception& e) {
        out.error = deviceError(
            "driver_fault", std::string("smart-card read failed inside the driver: ") + e.what());
    }
    return out;
}

CardSessionRunner::CardSessionRunner() : shared_(std::make_shared<Shared>()) {}

CardSessionRunner::~CardSessionRunner() = default;

int CardSessionRunner::abandonedSessions() const {
    return shared_->abandoned.load();
}

SessionOutcome CardSessionRunner::run(const std::string& reader, const SsCardProfile& profile,
                                      std::chrono::milliseconds deadline, std::stop_token stop) {
    SessionOutcome outcome;
    if (shared_->abandoned.load() > 0) {
        outcome.error = retryError(
            "card_unresponsive",
            "the reader is still waiting for the previous card to answer; take the card out and "
            "insert it again (if this repeats with every card, restart pcscd)");
        return outcome;
    }

    auto state = std::make_shared<SessionState>();
    std::thread session([state, reader, profile, shared = shared_] {
        SessionOutcome result = readCardOnce(reader, profile);
        std::lock_guard lock(state->mutex);
        state->done = true;
        if (state->abandoned) {
            shared->abandoned.fetch_sub(1);
            return; // nobody is waiting; the record (if any) is wiped as `result` goes away
        }
        state->outcome = std::move(result);
        state->cv.notify_all();
    });

    std::unique_lock lock(state->mutex);
    const bool finished = state->cv.wait_for(lock, stop, deadline, [&] { return state->done; });
    if (finished) {
        outcome = std::move(state->outcome);
        lock.unlock();
        session.join();
        return outcome;
    }
    state->abandoned = true;
    shared_->abandoned.fetch_add(1);
    lock.unlock();
    session.detach();
    if (stop.stop_requested()) {
        outcome.cancelled = true;
        return outcome;
    }
    outcome.error = retryError(
        "card_unresponsive",
        "the card stopped answering (no reply within " + std::to_string(deadline.count()) +
            " ms): take it out and insert it again; a card that never answers has a damaged "
            "chip or dirty contacts");
    return outcome;
}

} // namespace hall::drivers::smartcard
