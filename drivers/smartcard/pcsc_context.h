#pragma once
// The PC/SC resource-manager context (SCardEstablishContext) and what is done with it: list the
// readers and wait for reader or card changes.
//
// Waiting uses SCardGetStatusChange with one state per watched reader plus the pseudo reader
// "\\?PnP?\Notification", whose state changes when a reader is plugged in or out. For a real
// reader the event state carries SCARD_STATE_* flags and, in its upper 16 bits, pcsc-lite's
// count of card events on that reader: a card pulled and another inserted between two waits
// still shows as a different count.
//
// A wait blocks in pcscd; cancel() (SCardCancel, safe from any thread) makes it return at once.
// One context per thread: pcsc-lite serialises calls on a context, so a second thread using it
// would queue behind a blocked wait.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>
#include <winscard.h>

namespace hall::drivers::smartcard {

// The pseudo reader whose state changes when readers appear or disappear.
inline constexpr const char* kPnpNotificationReader = "\\\\?PnP?\\Notification";

struct ReaderState {
    explicit ReaderState(std::string name) : reader(std::move(name)) {}

    std::string reader;
    DWORD currentState = SCARD_STATE_UNAWARE; // what we last saw; UNAWARE: report right away
    DWORD eventState = 0;                     // filled by waitForChange
    std::vector<std::uint8_t> atr;            // card's ATR when present

    bool changed() const { return (eventState & SCARD_STATE_CHANGED) != 0; }
    bool present() const { return (eventState & SCARD_STATE_PRESENT) != 0; }
    bool mute() const { return (eventState & SCARD_STATE_MUTE) != 0; }
    bool gone() const {
        return (eventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE)) != 0;
    }
    unsigned eventCount() const { return static_cast<unsigned>((eventState >> 16) & 0xFFFF); }
    // Acknowledge: the next wait reports only what changes after this.
    void acknowledge() { currentState = eventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED); }
};

// UnknownReader: a reader in `states` no longer exists; list the readers again.
enum class WaitResult { Changed, Timeout, Cancelled, UnknownReader };

class PcscContext {
public:
    // Throws DeviceFailure (pcscd_unavailable when pcscd is not running).
    PcscContext();
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    SCARDCONTEXT handle() const { return context_; }

    // Reader names as pcscd reports them; empty when no reader is connected. Throws DeviceFailure
    // for anything else.
    std::vector<std::string> listReaders();

    // Blocks until one of `states` differs from its currentState, `timeout` passes, or cancel()
    // is called. Fills eventState and atr; throws DeviceFailure on errors (pcscd gone: Device).
    WaitResult waitForChange(std::vector<ReaderState>& states, std::chrono::milliseconds timeout);

    // Wakes a waitForChange blocked in another thread. Does nothing when none is in progress.
    void cancel() noexcept;

private:
    SCARDCONTEXT context_ = 0;
};

} // namespace hall::drivers::smartcard
