#pragma once
// One read of an inserted card (connect, ATR, the profile's APDUs, disconnect) on a thread of
// its own, bounded by a deadline.
//
// Why a thread: pcsc-lite's SCardTransmit waits for pcscd with no timeout (the client polls its
// socket with an infinite timeout), and pcscd waits for the reader driver. A reader driver that
// never returns — a card that stopped answering behind a driver without timeouts, such as
// vsmartcard's vpcd — would otherwise hold the device's worker thread: no more events, and
// stop() would not return. So the device waits for the session only until the deadline or a
// stop request; then it reports the card unresponsive and leaves the session to finish on its
// own. An abandoned session owns everything it touches (its own PC/SC context, copies of the
// profile and reader name) and wipes what it read; it ends when the card is pulled, answers
// again, or pcscd goes away.
//
// While an abandoned session is still blocked, a new read on the same runner is refused at once
// (the reader is still busy with the old card) rather than piling up blocked threads.

#include "drivers/base/device_error.h"
#include "drivers/smartcard/sscard_profile.h"
#include "drivers/smartcard/sscard_record.h"

#include <chrono>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

namespace hall::drivers::smartcard {

struct SessionOutcome {
    std::optional<SocialSecurityCardRecord> record;
    std::optional<DeviceError> error; // Retry: ReadFailed; Device: pcscd or the reader is gone
    bool cancelled = false;           // stop was requested while waiting
};

class CardSessionRunner {
public:
    CardSessionRunner();
    ~CardSessionRunner();
    CardSessionRunner(const CardSessionRunner&) = delete;
    CardSessionRunner& operator=(const CardSessionRunner&) = delete;

    SessionOutcome run(const std::string& reader, const SsCardProfile& profile,
                       std::chrono::milliseconds deadline, std::stop_token stop);

    // Sessions given up on that are still blocked in pcscd.
    int abandonedSessions() const;

private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
};

// The read itself, on the calling thread: what a session runs. Exposed for tests.
SessionOutcome readCardOnce(const std::string& reader, const SsCardProfile& profile);

} // namespace hall::drivers::smartcard
