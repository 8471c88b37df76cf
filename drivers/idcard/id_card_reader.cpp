#include "drivers/idcard/id_card_reader.h"

#include "drivers/idcard/sam_link.h"
#include "drivers/idcard/sam_status.h"

namespace hall::drivers::idcard {
namespace {

// Throws the status's error when it is a Device one; returns it when it is a Retry one.
std::optional<DeviceError> judge(SamCommand command, std::uint8_t sw3) {
    auto error = checkStatus(command, sw3);
    if (error && error->category == ErrorCategory::Device) throw DeviceFailure(*error);
    return error;
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
    judge(SamCommand::SamStatus,
          link.exchange(SamCommand::SamStatus, options_.commandTimeout, stop).sw3);
    ready();

    const SamCommand readCommand =
        options_.readFingerprint ? SamCommand::ReadTextPhotoFingerprint : SamCommand::ReadTextPhoto;
    enum class Card { Absent, Unread, Read, GaveUp } card = Card::Absent;
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
            if (card == Card::Unread) {
                try {
                    std::optional<DeviceError> failed = judge(
                        SamCommand::SelectCard,
                        link.exchange(SamCommand::SelectCard, options_.commandTimeout, stop).sw3);
                    if (!failed) {
                        auto reply = link.exchange(readCommand, options_.readTimeout, stop);
                        failed = judge(readCommand, reply.sw3);
                        if (!failed) {
                            auto record = decodeReadReply(reply.data.bytes(), readCommand);
                            reply.data.wipe();
                            if (record.ok()) {
                                card = Card::Read;
                                if (onCard_) onCard_(std::move(record.value()));
                            } else if (record.error().category == ErrorCategory::Device) {
                                throw DeviceFailure(record.error());
                            } else {
                                failed = record.error();
                            }
                        }
                    }
                    if (failed) throw DeviceFailure(*failed);
                } catch (const DeviceFailure& f) {
                    if (!f.isRetry()) throw;
                    report(DeviceEventType::ReadFailed, f.error());
                    if (++attempts >= options_.readAttemptsPerCard) {
                        card = Card::GaveUp;
                        report(DeviceEventType::ReadFailed,
                               retryError(
                                   "place_again",
                                   "the card could not be read " + std::to_string(attempts) +
                                       " times: remove it and place it flat on the reader again"));
                    }
                }
            }
        } else if (auto error = judge(SamCommand::FindCard, found);
                   error && error->code != "no_card") {
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

} // namespace hall::drivers::idcard
