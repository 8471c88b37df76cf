#pragma once
// The social-security card reader (descriptor "smartcard.pcsc"): any PC/SC reader that pcscd
// drives, watched through SCardGetStatusChange.
//
// Which readers: all of them, one reader by exact name, or every reader whose name starts with
// a prefix (pcscd names readers "<model> [<interface>] <nn> <slot>", so a prefix survives
// re-plugging into another port). The device is there while pcscd answers and at least one
// matching reader exists; otherwise it is Lost (pcscd stopped, reader unplugged) and comes Back
// on its own when both are there again — no host restart.
//
// Per reader: CardInserted when a card arrives, then the social-security read (CardSession,
// bounded by readTimeout); its record goes to the RecordSink, a failure to ReadFailed (Retry
// category: the citizen tries again). CardRemoved when the card leaves. A card that is already
// in the reader when the device starts counts as inserted.
//
// Threads: everything runs on the device's DeviceWorker thread; events and records are
// delivered there. stop() interrupts a wait through SCardCancel and returns promptly even
// while a card read is stuck (see card_session.h).

#include "drivers/base/worker_device.h"
#include "drivers/smartcard/card_session.h"
#include "drivers/smartcard/sscard_profile.h"
#include "drivers/smartcard/sscard_record.h"

#include <chrono>
#include <functional>
#include <string>

namespace hall::drivers::smartcard {

struct SmartCardReaderConfig {
    std::string readerName;   // exact name; empty: see readerPrefix
    std::string readerPrefix; // names starting with this; both empty: every reader
    SsCardProfile profile = defaultSsCardProfile();
    std::chrono::milliseconds readTimeout{8000}; // one whole card read
    // Longest single wait in pcscd. Only bounds how late a stop request that races with the
    // start of a wait is noticed; normal wake-ups come from pcscd or SCardCancel.
    std::chrono::milliseconds waitSlice{1000};
    ReopenPolicy reopen{};
};

class SmartCardReaderDevice final : public WorkerDevice {
public:
    // Called on the device's thread with each card read; the record is the callee's to keep
    // (and to drop promptly: it wipes itself).
    using RecordSink = std::function<void(SocialSecurityCardRecord&&)>;

    SmartCardReaderDevice(SmartCardReaderConfig config, DeviceEventSink events, RecordSink records);
    ~SmartCardReaderDevice() override { stop(); }

    bool matches(const std::string& reader) const;

private:
    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    void readCard(const std::string& reader, std::stop_token stop);

    SmartCardReaderConfig config_;
    RecordSink records_;
    CardSessionRunner sessions_;
};

} // namespace hall::drivers::smartcard
