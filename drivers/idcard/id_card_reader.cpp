#include "drivers/idcard/id_card_reader.h"

#include "drivers/idcard/sam_link.h"
#include "drivers/idcard/sam_status.h"

namespace hall::drivers::idcard {
namespace {

void throwIfFailed(SamCommand command, std::uint8_t sw3) {
    if (auto error = checkStatus(command, sw3)) throw DeviceFailure(*error);
}

} // namespace

IdCardReader::IdCardReader(const DeviceDescriptor& descriptor, const std::string& port,
                           StreamOpener open, DeviceEventSink events, CardHandler onCard,
                           IdCardReaderOptions options)
    : WorkerDevice(descriptor, std::string(descriptor.id) + "@" + port, std::move(events),
                   options.reopen),
      open_(std::move(open)), onCard_(std::move(onCard)), options_(options) {}

void IdCardReader::serve(std::stop_token stop, const std::function<void()>& ready) {
    auto stream = open_();
    SamLink link(*stream);
    // A reader whose SAM failed its self-test answers every card command with 60: say so now,
    // not at the first citizen's card.
    throwIfFailed(SamCommand::SamStatus,
                  link.exchange(SamCommand::SamStatus, options_.commandTimeout, stop).sw3);
    ready();

    Card card = Card::Absent;
    int misses = 0;
    int attempts = 0;
    while (!stop.stop_requested()) {
        const auto found = link.exchange(SamCommand::FindCard, options_.commandTimeout, stop).sw3;
        if (found == static_cast<std::uint8_t>(SamStatus::CardFound)) {
            misses = 0;
            if (card == Card::Absent) {
                report(DeviceEventType::CardInserted);
                card = Card::Unread;
                attempts = 0;
            }
            if (card == Card::Unread) card = attemptRead(link, ++attempts, stop);
        } else if (auto error = checkStatus(SamCommand::FindCard, found);
                   error && error->code != "no_card") {
            if (error->category == ErrorCategory::Device) throw DeviceFailure(*error);
            report(DeviceEventType::ReadFailed, *error);
        } else if (card != Card::Absent && ++misses >= 2) {
            // Twice: one missed find is normal while a card is being slid onto the reader.
            card = Card::Absent;
            misses = 0;
            report(DeviceEventType::CardRemoved);
        }
        if (!sleepUnlessStopped(stop, options_.pollInterval)) return;
    }
}

IdCardReader::Card IdCardReader::attemptRead(SamLink& link, int attempt, std::stop_token stop) {
    try {
        deliver(readPlacedCard(link, stop));
        return Card::Read;
    } catch (const DeviceFailure& f) {
        if (!f.isRetry()) throw;
        report(DeviceEventType::ReadFailed, f.error());
    }
    if (attempt < options_.readAttemptsPerCard) return Card::Unread;
    report(
        DeviceEventType::ReadFailed,
        retryError("place_again", "the card could not be read " + std::to_string(attempt) +
                                      " times: remove it and place it flat on the reader again"));
    return Card::GaveUp;
}

IdCardRecord IdCardReader::readPlacedCard(SamLink& link, std::stop_token stop) {
    throwIfFailed(SamCommand::SelectCard,
                  link.exchange(SamCommand::SelectCard, options_.commandTimeout, stop).sw3);
    const SamCommand read =
        options_.readFingerprint ? SamCommand::ReadTextPhotoFingerprint : SamCommand::ReadTextPhoto;
    auto reply = link.exchange(read, options_.readTimeout, stop);
    throwIfFailed(read, reply.sw3);
    auto record = decodeReadReply(reply.data.bytes(), read);
    reply.data.wipe();
    if (!record.ok()) throw DeviceFailure(record.error());
    return std::move(record.value());
}

void IdCardReader::deliver(IdCardRecord&& record) {
    if (!onCard_) return;
    try {
        onCard_(std::move(record));
    } catch (...) {
        // The host's handler failed: its problem, not the reader's. The card counts as read
        // (no second delivery of the same card); the record wipes itself.
    }
}

} // namespace hall::drivers::idcard
