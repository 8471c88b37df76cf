#pragma once
// A pair of USB bulk endpoints as a ByteStream (libusb-1.0): the SAM ID-card readers that
// present the standard USB interface (one vendor-class interface, bulk IN + bulk OUT) rather
// than a USB-serial chip (those are serial ports: SerialStream) or a HID report interface.
//
// Opening picks a device whose VID/PID is in the list (the descriptor's usbIds, earlier ids
// preferred), or the device at one bus/address. Every failure to open — nothing
// plugged in, no permission, interface held by another program — throws DeviceFailure with
// the Device category and a message a technician can act on; DeviceWorker re-creates the
// stream after a loss, so "absent" is an ordinary state, not a crash.
//
// Threading: a stream is used by one thread (its device's worker). Each stream owns its own
// libusb context: contexts are cheap, a stream's destruction then releases everything it
// touched, and no stream can be disturbed by another one's teardown or event handling.
//
// Cancellation: libusb's synchronous transfers cannot be interrupted from outside, so reads
// and writes run in slices of at most kSlice; the stop token is checked between slices, and
// a stop request is honoured within one slice.

#include "drivers/base/descriptor.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hall::drivers {

// Where a device sits on the bus, as lsusb prints it ("Bus 001 Device 004").
struct UsbBusAddress {
    std::uint8_t bus = 0;
    std::uint8_t address = 0;
};

struct UsbBulkSettings {
    // Acceptable VID/PIDs in order of preference: the first one present on the bus wins. May be
    // empty only together with `at`.
    std::vector<UsbId> ids;
    // A fixed place on the bus. With `ids` non-empty the device found there must also carry one
    // of them: addresses are handed out again on every plug-in, so a stale address may now
    // belong to a keyboard.
    std::optional<UsbBusAddress> at;
    // The interface carrying the bulk pair; nullopt = the first interface that has one.
    std::optional<std::uint8_t> interfaceNumber;
    // Only interfaces of this USB class count (7 = printer, whose bidirectional protocol has
    // bulk OUT for data and bulk IN for status); nullopt = any class.
    std::optional<std::uint8_t> interfaceClass;
    // How long the reader may take to accept a whole request before it counts as hung.
    std::chrono::milliseconds writeTimeout{1000};

    // The ids of a descriptor from the hardware table (idcard.sam-usb), any place on the bus.
    static UsbBulkSettings forDescriptor(const DeviceDescriptor& descriptor);
};

// What was opened, for logs and technician screens (no personal data in here).
struct UsbDeviceInfo {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
    UsbBusAddress at;
    std::uint8_t interfaceNumber = 0;
    std::uint8_t endpointIn = 0;  // with the direction bit: 0x81
    std::uint8_t endpointOut = 0; // 0x02
    std::uint16_t maxPacketIn = 0;
    std::uint16_t maxPacketOut = 0;

    std::string describe() const; // "0400:c35a at bus 1 address 2"
};

class UsbBulkStream : public ByteStream {
public:
    // Longest wait inside libusb before the stop token is looked at again.
    static constexpr std::chrono::milliseconds kSlice{100};
    // Bytes asked for by every bulk IN transfer: a multiple of every bulk max packet size (64 at
    // full speed, 512 at high speed), so a reply never overflows the request, and larger than
    // the longest SAM reply (1295 bytes for text + photo). Emulated devices script their IN
    // transfers with this length.
    static constexpr std::size_t kReadChunk = 4096;

    // Throws DeviceFailure (Device category): not_found, permission_denied, busy, no_bulk_pair,
    // unplugged, usb_unavailable, open_failed.
    explicit UsbBulkStream(const UsbBulkSettings& settings);
    ~UsbBulkStream() override;
    UsbBulkStream(const UsbBulkStream&) = delete;
    UsbBulkStream& operator=(const UsbBulkStream&) = delete;

    // Bulk OUT in transfers of at most one max packet each (some reader firmware takes one
    // packet per transfer), the whole request within writeTimeout. Returns early, having sent
    // a prefix, when stop is requested.
    void write(std::span<const std::uint8_t> bytes, std::stop_token stop) override;
    // Bytes left over from an earlier transfer first, else one bulk IN transfer. 0 when nothing
    // came within timeout or stop was requested. A timeout below 1 ms counts as 1 ms (libusb
    // reads a timeout of 0 as "wait forever").
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                     std::stop_token stop) override;
    // Drops bytes received but not yet read. The device's own queue is left alone: draining it
    // would cost a timed-out transfer every time, and the frame codec resynchronises on the
    // preamble anyway.
    void discardInput() override;

    const UsbDeviceInfo& device() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::drivers
