#pragma once
// A terminal's device from its setting: the one place that knows which driver class, transport
// stream and default port or baud rate each driver id and transport stand for. Apps build their
// devices here and the technician menu's device tests build theirs, so both drive the same
// device the same way. One entry per device kind (device_factory.cpp), next to its row in
// drivers/base/device_kinds.h.

#include "drivers/audio/announcer.h"
#include "drivers/base/device.h"
#include "drivers/base/device_setting.h"
#include "drivers/docprint/direct_print.h"
#include "drivers/docprint/document_printer_device.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/keypad/keypad_bus.h"
#include "drivers/led/led_strip_bus.h"
#include "drivers/printer/ticket_printer_device.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/smartcard/smartcard_reader_device.h"

#include <memory>

namespace hall::drivers {

// Where a device hands what it reads or finishes: each kind uses its own and ignores the rest.
struct DeviceSinks {
    DeviceEventSink events;
    idcard::CardHandler idCards;
    smartcard::SmartCardReaderDevice::RecordSink socialSecurityCards;
    scanner::CodeSink codes;
    printer::JobSink tickets;
    docprint::DocumentPrinterDevice::JobEventSink documents;
    keypad::KeyHandler keys;
    audio::AnnouncementSink announcements;
};

// What a terminal knows beyond the settings file, by kind.
struct DeviceOptions {
    docprint::DirectPrintSettings cups; // the CUPS transports: which cupsd, how long a job runs
    idcard::IdCardReaderOptions idCardReader;
    led::LedStripBusOptions ledStrips;                 // no addresses: units 1..8
    keypad::KeypadBusOptions keypads;                  // no addresses: units 1..8
    std::shared_ptr<const audio::VoicePack> voicePack; // the announcer needs one
    audio::AnnouncerConfig announcer;
    audio::SinkOpener audioSink; // empty: the ALSA device the setting names
};

// Not started. Throws std::invalid_argument for a setting the driver cannot use (a driver id
// of another kind, a transport the driver does not speak, a malformed address, no voice pack).
std::unique_ptr<Device> makeDevice(const DeviceSetting& setting, DeviceSinks sinks,
                                   const DeviceOptions& options = {});

} // namespace hall::drivers
