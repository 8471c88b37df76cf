#include "drivers/smartcard/smartcard_reader_device.h"

#include "drivers/base/registry.h"
#include "drivers/smartcard/pcsc_context.h"

#include <algorithm>
#include <map>

namespace hall::drivers::smartcard {

namespace {

constexpr std::string_view kDescriptorId = "smartcard.pcsc";

std::string instanceName(const SmartCardReaderConfig& c) {
    std::string target = !c.readerName.empty()     ? c.readerName
                         : !c.readerPrefix.empty() ? c.readerPrefix + "*"
                                                   : "*";
    return std::string(kDescriptorId) + "@" + target;
}

// What the device last told its host about one reader.
struct Seen {
    bool present = false;
    bool countKnown = false;
    unsigned count = 0; // pcsc-lite's card event counter when we last looked
};

} // namespace

SmartCardReaderDevice::SmartCardReaderDevice(SmartCardReaderConfig config, DeviceEventSink events,
                                             RecordSink records)
    : WorkerDevice(requireDescriptor(kDescriptorId), instanceName(config), std::move(events),
                   config.reopen),
      config_(std::move(config)), records_(std::move(records)) {}

bool SmartCardReaderDevice::matches(const std::string& reader) const {
    if (reader == kPnpNotificationReader) return false;
    if (!config_.readerName.empty()) return reader == config_.readerName;
    return reader.compare(0, config_.readerPrefix.size(), config_.readerPrefix) == 0;
}

void SmartCardReaderDevice::readCard(const std::string& reader, std::stop_token stop) {
    SessionOutcome out = sessions_.run(reader, config_.profile, config_.readTimeout, stop);
    if (out.cancelled) return;
    if (out.record) {
        if (records_) {
            try {
                records_(std::move(*out.record));
            } catch (...) {
                // A host handler that throws must not take the device down; the record is wiped
                // below.
            }
        }
        return;
    }
    if (!out.error) return;
    if (out.error->category == ErrorCategory::Device) throw DeviceFailure(*out.error);
    report(DeviceEventType::ReadFailed, *out.error);
}

void SmartCardReaderDevice::serve(std::stop_token stop, const std::function<void()>& ready) {
    PcscContext
        context; // throws pcscd_unavailable while pcscd is down: Lost, retried by the worker
    // Declared after the context, so it is gone (and any running cancel finished) before the
    // context is released.
    std::stop_callback cancelWait(stop, [&context] { context.cancel(); });

    auto matchingReaders = [&] {
        std::vector<std::string> names = context.listReaders();
        std::erase_if(names, [&](const std::string& n) { return !matches(n); });
        return names;
    };

    std::vector<std::string> readers = matchingReaders();
    if (readers.empty()) {
        throw DeviceFailure(deviceError(
            "reader_absent",
            config_.readerName.empty() && config_.readerPrefix.empty()
                ? "pcscd runs but sees no smart-card reader: plug the reader in and check that its "
                  "driver (libccid) is installed"
                : "no reader named '" +
                      (config_.readerName.empty() ? config_.readerPrefix + "…"
                                                  : config_.readerName) +
                      "' is connected: plug it in, or correct the reader name in the configuration "
                      "(pcsc_scan lists the names)"));
    }
    ready();

    std::vector<ReaderState> states;
    states.push_back(ReaderState{kPnpNotificationReader});
    for (const auto& r : readers)
        states.push_back(ReaderState{r});
    bool pnp = true; // pcscd reports reader changes through the PnP pseudo reader
    std::map<std::string, Seen> seen;

    try {
        while (!stop.stop_requested()) {
            const WaitResult result = context.waitForChange(states, config_.waitSlice);
            if (stop.stop_requested() || result == WaitResult::Cancelled) return;

            bool relist =
                result == WaitResult::UnknownReader || (result == WaitResult::Timeout && !pnp);
            if (result == WaitResult::Changed) {
                for (auto& s : states) {
                    if (!s.changed()) continue;
                    if (s.reader == kPnpNotificationReader) {
                        if (s.gone()) {
                            pnp = false; // an old pcscd without PnP notification: re-list on every
                                         // wait slice
                        } else {
                            relist = true;
                        }
                        s.acknowledge();
                        continue;
                    }
                    Seen& was = seen[s.reader];
                    if (s.gone()) {
                        if (was.present) report(DeviceEventType::CardRemoved);
                        seen.erase(s.reader);
                        relist = true;
                        continue;
                    }
                    const bool present = s.present();
                    const bool newCard =
                        present &&
                        (!was.present || (was.countKnown && s.eventCount() != was.count));
                    was.count = s.eventCount();
                    was.countKnown = true;
                    s.acknowledge();
                    if (newCard) {
                        // Present before with another event count: pulled and re-inserted between
                        // two waits.
                        if (was.present) report(DeviceEventType::CardRemoved);
                        was.present = true;
                        report(DeviceEventType::CardInserted);
                        if (s.mute()) {
                            report(DeviceEventType::ReadFailed,
                                   retryError("card_unresponsive",
                                              "the card does not answer reset: check it is "
                                              "inserted chip first and face up; a "
                                              "card that never answers has a damaged chip"));
                        } else {
                            readCard(s.reader, stop);
                        }
                    } else if (!present && was.present) {
                        was.present = false;
                        report(DeviceEventType::CardRemoved);
                    }
                }
            }
            if (!pnp)
                std::erase_if(states, [](const ReaderState& s) {
                    return s.reader == kPnpNotificationReader;
                });

            if (relist) {
                const std::vector<std::string> now = matchingReaders();
                // Readers that left: forget them (a card they held was reported removed above, or
                // is reported now if the reader vanished between two waits).
                bool removedAny = false;
                std::erase_if(states, [&](const ReaderState& s) {
                    if (s.reader == kPnpNotificationReader) return false;
                    if (std::find(now.begin(), now.end(), s.reader) != now.end()) return false;
                    if (seen[s.reader].present) report(DeviceEventType::CardRemoved);
                    seen.erase(s.reader);
                    removedAny = true;
                    return true;
                });
                // "Unknown reader" while every watched reader still exists: the PnP pseudo reader
                // is the unknown one (a pcscd without it). Watch without it rather than spin.
                if (result == WaitResult::UnknownReader && !removedAny && pnp) {
                    pnp = false;
                    std::erase_if(states, [](const ReaderState& s) {
                        return s.reader == kPnpNotificationReader;
                    });
                }
                for (const auto& r : now) {
                    const bool watched =
                        std::any_of(states.begin(), states.end(),
                                    [&](const ReaderState& s) { return s.reader == r; });
                    if (!watched) states.push_back(ReaderState{r});
                }
                if (now.empty())
                    throw DeviceFailure(deviceError(
                        "reader_unplugged",
                        "the smart-card reader was unplugged (pcscd no longer lists it): "
                        "reconnect it; the driver picks it up again by itself"));
            }
        }
    } catch (const DeviceFailure&) {
        // The host must not keep believing in cards it will hear nothing more about.
        for (const auto& [reader, s] : seen)
            if (s.present) report(DeviceEventType::CardRemoved);
        throw;
    }
}

} // namespace hall::drivers::smartcard
