#pragma once
// The ID-card reader as a device: a SAM reader on any byte stream (serial or USB bulk), polled.
//
//   open stream → SAM status (11 FF) must be 90 → ready
//   every pollInterval:  find (20 01)
//     9F, card not yet read  → CardInserted (first time) → select (20 02) → read (30 01) →
//                              decode → the card handler gets the record; the card counts as read
//     9F, card already read  → nothing: one card is taken once, however long it lies there
//     80 twice in a row      → CardRemoved (once, if a card was there)
//   a Retry failure (moved too fast, check digit misread) → ReadFailed, and the read is tried
//   again on the next poll, up to readAttemptsPerCard times per placement; then ReadFailed
//   "remove and place the card again" and no more attempts until the card is removed.
//   a Device failure (no answer, SAM fault, port gone) → the worker reports Lost and re-opens.
//
// Events carry no personal data; the record goes only to the handler, which owns (and wipes)
// it. Nothing here logs.

#include "drivers/base/worker_device.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/idcard/sam_link.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <functional>
#include <memory>

namespace hall::drivers::idcard {

struct IdCardReaderOptions {
    std::chrono::milliseconds pollInterval{250};
    std::chrono::milliseconds commandTimeout{1000};
    // 30 01 returns 1,295 bytes: 1.3 s on the wire at 9600 baud, plus the card's own time.
    std::chrono::milliseconds readTimeout{3000};
    bool readFingerprint = false; // 30 10 instead of 30 01
    int readAttemptsPerCard = 3;
    ReopenPolicy reopen{};
};

using StreamOpener = std::function<std::unique_ptr<ByteStream>()>; // throws DeviceFailure
using CardHandler = std::function<void(IdCardRecord&&)>;

class IdCardReader final : public WorkerDevice {
public:
    // port names the instance for technicians: "/dev/ttyUSB0", "usb".
    IdCardReader(const DeviceDescriptor& descriptor, const std::string& port, StreamOpener open,
                 DeviceEventSink events, CardHandler onCard, IdCardReaderOptions options = {});
    ~IdCardReader() override { stop(); }

private:
    enum class Card { Absent, Unread, Read, GaveUp }; // the card in the field, as polled

    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    Card attemptRead(SamLink& link, int attempt, std::stop_token stop);
    // Select and read the card in the field. Throws DeviceFailure: Retry for what another
    // attempt may cure (moved, misread), Device for the reader itself.
    IdCardRecord readPlacedCard(SamLink& link, std::stop_token stop);
    void deliver(IdCardRecord&& record);

    StreamOpener open_;
    CardHandler onCard_;
    IdCardReaderOptions options_;
};

} // namespace hall::drivers::idcard
