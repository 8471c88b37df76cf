#pragma once
// The ID-card reader on the USB bulk transport: the StreamOpener an IdCardReader built on the
// "idcard.sam-usb" descriptor is given. Each call opens a fresh UsbBulkStream, so the worker's
// re-open after a loss (unplugged, hub reset) looks the reader up on the bus again and follows it
// to its new address.
//
//   const auto& d = hall::drivers::requireDescriptor("idcard.sam-usb");
//   const auto usb = hall::drivers::UsbBulkSettings::forDescriptor(d);
//   IdCardReader reader(d, usbPortName(usb), usbStreamOpener(usb), events, onCard);

#include "drivers/idcard/id_card_reader.h"
#include "drivers/transport/usb_bulk_stream.h"

#include <string>

namespace hall::drivers::idcard {

// Throws std::invalid_argument when settings name nothing to look for (no id and no bus
// address): a configuration mistake is reported when the reader is set up, not as an endless
// series of failed opens.
StreamOpener usbStreamOpener(UsbBulkSettings settings);

// The port part of the reader's instance id, for technicians: "usb" for a reader found by its
// ids anywhere on the bus, "usb:001/002" for one pinned to bus 1 address 2 (the numbers of its
// node under /dev/bus/usb, and of lsusb's "Bus 001 Device 002").
std::string usbPortName(const UsbBulkSettings& settings);

} // namespace hall::drivers::idcard
