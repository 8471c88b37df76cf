#include "drivers/transport/usb_bulk_stream.h"

#include "drivers/base/device_error.h"
#include "drivers/base/device_worker.h"
#include "drivers/base/secure_wipe.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <libusb.h>

namespace hall::drivers {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A device that completes a bulk IN with a zero-length packet has nothing to say yet; asking
// again at once would spin a core. Short enough not to delay a reply noticeably.
constexpr milliseconds kIdlePause{10};

std::string hex4(std::uint16_t v) {
    char buf[5];
    std::snprintf(buf, sizeof buf, "%04x", static_cast<unsigned>(v));
    return buf;
}

std::string idList(const std::vector<UsbId>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ", ") + hex4(id.vendor) + ":" + hex4(id.product);
    return out;
}

bool listed(const std::vector<UsbId>& ids, const libusb_device_descriptor& d) {
    return std::any_of(ids.begin(), ids.end(), [&](const UsbId& id) {
        return id.vendor == d.idVendor && id.product == d.idProduct;
    });
}

// Remaining time, rounded up to whole milliseconds, at most one slice and at least 1 ms: libusb
// reads a timeout of 0 as "no timeout".
unsigned sliceUntil(Clock::time_point deadline) {
    const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now());
    return static_cast<unsigned>(std::clamp(left, milliseconds{1}, UsbBulkStream::kSlice).count());
}

[[noreturn]] void unavailable(int rc) {
    throw DeviceFailure(
        deviceError("usb_unavailable",
                    std::string("USB access is not available (libusb: ") + libusb_error_name(rc) +
                        "): is /dev/bus/usb present? A container needs the USB bus passed in"));
}

} // namespace

std::string UsbDeviceInfo::describe() const {
    return hex4(vendor) + ":" + hex4(product) + " at bus " + std::to_string(at.bus) + " address " +
           std::to_string(at.address);
}

UsbBulkSettings UsbBulkSettings::forDescriptor(const DeviceDescriptor& descriptor) {
    UsbBulkSettings s;
    s.ids.assign(descriptor.usbIds.begin(), descriptor.usbIds.end());
    return s;
}

struct UsbBulkStream::Impl {
    libusb_context* ctx = nullptr;
    libusb_device_handle* handle = nullptr;
    bool claimed = false;
    bool reattachKernelDriver = false;
    UsbDeviceInfo info;
    milliseconds writeTimeout{1000};
    // The IN transfer buffer and what the caller had no room for yet. Both may hold personal
    // data (the text and photo blocks of a card), so both are wiped as soon as they are used.
    std::vector<std::uint8_t> chunk = std::vector<std::uint8_t>(kReadChunk);
    std::vector<std::uint8_t> pending;
    std::size_t pendingAt = 0;

    ~Impl() {
        secureWipe(chunk);
        secureWipe(pending);
        if (handle) {
            if (claimed) libusb_release_interface(handle, info.interfaceNumber);
            if (reattachKernelDriver) libusb_attach_kernel_driver(handle, info.interfaceNumber);
            libusb_close(handle);
        }
        if (ctx) libusb_exit(ctx);
    }

    // The first listed id present on the bus wins (table order is preference); among several
    // readers of one id, the first one libusb enumerates. Returns a referenced device.
    libusb_device* find(const UsbBulkSettings& s) const {
        libusb_device** list = nullptr;
        const auto n = libusb_get_device_list(ctx, &list);
        if (n < 0) unavailable(static_cast<int>(n));
        const std::span<libusb_device*> devices(list, static_cast<std::size_t>(n));

        auto acceptable = [&](libusb_device* dev, const UsbId* wanted) {
            if (s.at && (libusb_get_bus_number(dev) != s.at->bus ||
                         libusb_get_device_address(dev) != s.at->address))
                return false;
            libusb_device_descriptor d{};
            if (libusb_get_device_descriptor(dev, &d) != 0) return false;
            if (wanted) return d.idVendor == wanted->vendor && d.idProduct == wanted->product;
            return s.ids.empty() || listed(s.ids, d);
        };

        libusb_device* found = nullptr;
        if (s.ids.empty()) {
            for (auto* dev : devices)
                if (!found && acceptable(dev, nullptr)) found = dev;
        } else {
            for (const auto& id : s.ids)
                for (auto* dev : devices)
                    if (!found && acceptable(dev, &id)) found = dev;
        }
        if (found) libusb_ref_device(found);
        libusb_free_device_list(list, 1);
        return found;
    }

    [[noreturn]] static void notFound(const UsbBulkSettings& s) {
        if (s.at) {
            throw DeviceFailure(deviceError(
                "not_found",
                "no USB device" + (s.ids.empty() ? std::string() : " " + idList(s.ids)) +
                    " at bus " + std::to_string(s.at->bus) + " address " +
                    std::to_string(s.at->address) +
                    ": the reader is unplugged, or was re-plugged and got a new address "
                    "(configure it by id instead of by address)"));
        }
        throw DeviceFailure(deviceError(
            "not_found",
            "no USB reader found (looked for " + idList(s.ids) +
                "): check the cable and that the reader has power; it is opened as soon as "
                "it appears"));
    }

    // The interface with a bulk IN + bulk OUT pair (the requested one, or the first that has one).
    void findEndpoints(libusb_device* dev, const UsbBulkSettings& s) {
        libusb_config_descriptor* config = nullptr;
        int rc = libusb_get_active_config_descriptor(dev, &config);
        if (rc == LIBUSB_ERROR_NOT_FOUND)
            rc = libusb_get_config_descriptor(dev, 0, &config); // unconfigured
        if (rc != 0)
            throw DeviceFailure(deviceError(
                "open_failed", "cannot read the USB descriptors of " + info.describe() + " (" +
                                   libusb_error_name(rc) + "): re-plug the reader"));
        bool ok = false;
        for (int i = 0; i < config->bNumInterfaces && !ok; ++i) {
            const auto& iface = config->interface[i];
            if (iface.num_altsetting < 1) continue;
            const auto& alt = iface.altsetting[0];
            if (s.interfaceNumber && alt.bInterfaceNumber != *s.interfaceNumber) continue;
            if (s.interfaceClass && alt.bInterfaceClass != *s.interfaceClass) continue;
            std::uint8_t in = 0, out = 0;
            std::uint16_t inMax = 0, outMax = 0;
            for (int e = 0; e < alt.bNumEndpoints; ++e) {
                const auto& ep = alt.endpoint[e];
                if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK)
                    continue;
                // Bits 10..0 are the packet size; 12..11 extra transactions (high-bandwidth, not
                // bulk).
                const auto size = static_cast<std::uint16_t>(ep.wMaxPacketSize & 0x7ff);
                if ((ep.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN) {
                    if (!in) {
                        in = ep.bEndpointAddress;
                        inMax = size;
                    }
                } else if (!out) {
                    out = ep.bEndpointAddress;
                    outMax = size;
                }
            }
            if (in && out) {
                ok = true;
                info.interfaceNumber = alt.bInterfaceNumber;
                info.endpointIn = in;
                info.endpointOut = out;
                info.maxPacketIn = inMax ? inMax : 64;
                info.maxPacketOut = outMax ? outMax : 64;
            }
        }
        libusb_free_config_descriptor(config);
        if (!ok)
            throw DeviceFailure(deviceError(
                "no_bulk_pair",
                "USB device " + info.describe() + " has no bulk IN/OUT pair" +
                    (s.interfaceNumber ? " on interface " + std::to_string(*s.interfaceNumber)
                                       : std::string()) +
                    ": it is not a reader of the USB bulk kind (a USB-serial reader is configured "
                    "as a "
                    "serial port; HID readers are not supported)"));
    }

    void open(libusb_device* dev) {
        const int rc = libusb_open(dev, &handle);
        if (rc == 0) return;
        handle = nullptr;
        if (rc == LIBUSB_ERROR_ACCESS)
            throw DeviceFailure(deviceError(
                "permission_denied",
                "no permission to open USB reader " + info.describe() +
                    ": install the hall udev rules (they give the service group access) "
                    "or add the service user to that group, then re-plug the reader"));
        if (rc == LIBUSB_ERROR_NO_DEVICE) lost("while it was being opened");
        throw DeviceFailure(deviceError("open_failed", "cannot open USB reader " + info.describe() +
                                                           " (" + libusb_error_name(rc) +
                                                           "): re-plug the reader"));
    }

    // libusb_set_auto_detach_kernel_driver is not used: under umockdev it makes the claim fail,
    // and detaching explicitly lets the driver be given back on close.
    void claim() {
        if (libusb_kernel_driver_active(handle, info.interfaceNumber) == 1) {
            const int rc = libusb_detach_kernel_driver(handle, info.interfaceNumber);
            if (rc == 0) {
                reattachKernelDriver = true;
            } else if (rc != LIBUSB_ERROR_NOT_FOUND) {
                busy(rc, "a kernel driver holds it and would not let go");
            }
        }
        const int rc = libusb_claim_interface(handle, info.interfaceNumber);
        if (rc == 0) {
            claimed = true;
            return;
        }
        if (rc == LIBUSB_ERROR_BUSY) busy(rc, "another program holds it");
        if (rc == LIBUSB_ERROR_ACCESS)
            throw DeviceFailure(deviceError("permission_denied",
                                            "no permission to claim USB reader " + info.describe() +
                                                ": install the hall udev rules, then re-plug"));
        if (rc == LIBUSB_ERROR_NO_DEVICE) lost("while it was being opened");
        throw DeviceFailure(deviceError(
            "open_failed", "cannot claim interface " + std::to_string(info.interfaceNumber) +
                               " of USB reader " + info.describe() + " (" + libusb_error_name(rc) +
                               "): re-plug the reader"));
    }

    [[noreturn]] void busy(int rc, const char* why) const {
        throw DeviceFailure(deviceError(
            "busy",
            "USB reader " + info.describe() + " cannot be used: " + why + " (" +
                libusb_error_name(rc) +
                "). Close any vendor reader software, browser plug-in or second hall service "
                "using it; the reader is opened as soon as it is free"));
    }

    [[noreturn]] void lost(const std::string& when) const {
        throw DeviceFailure(deviceError(
            "unplugged", "USB reader " + info.describe() + " was unplugged or lost power " + when +
                             ": check the cable and the hub; it is re-opened when it returns"));
    }

    // A failed transfer. The device category throughout: a transfer error means the link or the
    // device is broken, not that the citizen should try again.
    [[noreturn]] void transferFailed(int rc, std::uint8_t endpoint) {
        secureWipe(chunk.data(), chunk.size());
        const bool in = (endpoint & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
        const std::string what = in ? "a read" : "a write";
        switch (rc) {
        case LIBUSB_ERROR_NO_DEVICE:
            lost("during " + what);
        case LIBUSB_ERROR_PIPE:
            // The reader rejected the transfer with a STALL handshake. Clearing the halt now lets
            // the re-opened stream work without a power cycle (claiming does not clear it).
            libusb_clear_halt(handle, endpoint);
            throw DeviceFailure(deviceError(
                "stalled",
                "USB reader " + info.describe() + " refused " + what +
                    " (endpoint stalled): if this repeats, power-cycle the reader; a reader "
                    "whose firmware does not speak the SAM protocol on this interface always "
                    "stalls"));
        case LIBUSB_ERROR_IO:
            throw DeviceFailure(deviceError(
                "io_error",
                "USB transfer failed during " + what + " with reader " + info.describe() +
                    " (I/O error): check the cable, try another port or a powered hub"));
        case LIBUSB_ERROR_OVERFLOW:
            throw DeviceFailure(deviceError(
                "protocol", "USB reader " + info.describe() +
                                " sent more than a bulk transfer can hold: "
                                "it does not behave like a SAM reader; power-cycle it"));
        default:
            throw DeviceFailure(deviceError("usb_error", "USB transfer failed during " + what +
                                                             " with reader " + info.describe() +
                                                             " (" + libusb_error_name(rc) +
                                                             "): re-plug the reader"));
        }
    }

    std::size_t takePending(std::span<std::uint8_t> into) {
        const auto n = std::min(into.size(), pending.size() - pendingAt);
        std::memcpy(into.data(), pending.data() + pendingAt, n);
        pendingAt += n;
        if (pendingAt == pending.size()) {
            secureWipe(pending);
            pendingAt = 0;
        }
        return n;
    }

    std::size_t deliver(std::span<std::uint8_t> into, std::size_t got) {
        const auto n = std::min(into.size(), got);
        std::memcpy(into.data(), chunk.data(), n);
        if (got > n) {
            pending.assign(chunk.begin() + static_cast<std::ptrdiff_t>(n),
                           chunk.begin() + static_cast<std::ptrdiff_t>(got));
            pendingAt = 0;
        }
        secureWipe(chunk.data(), got);
        return n;
    }
};

UsbBulkStream::UsbBulkStream(const UsbBulkSettings& settings) : impl_(std::make_unique<Impl>()) {
    if (settings.ids.empty() && !settings.at)
        throw DeviceFailure(deviceError("bad_settings",
                                        "USB reader configured with neither an id (VID:PID) "
                                        "nor a bus address: name one in the configuration"));
    auto& d = *impl_;
    d.writeTimeout = std::max(settings.writeTimeout, milliseconds{1});
    if (const int rc = libusb_init(&d.ctx); rc != 0) {
        d.ctx = nullptr;
        unavailable(rc);
    }
    libusb_device* dev = d.find(settings);
    if (!dev) Impl::notFound(settings);
    libusb_device_descriptor desc{};
    libusb_get_device_descriptor(dev, &desc);
    d.info.vendor = desc.idVendor;
    d.info.product = desc.idProduct;
    d.info.at = {libusb_get_bus_number(dev), libusb_get_device_address(dev)};
    try {
        d.findEndpoints(dev, settings);
        d.open(dev);
    } catch (...) {
        libusb_unref_device(dev);
        throw;
    }
    libusb_unref_device(dev); // the open handle keeps its own reference
    d.claim();
}

UsbBulkStream::~UsbBulkStream() = default;

const UsbDeviceInfo& UsbBulkStream::device() const {
    return impl_->info;
}

void UsbBulkStream::write(std::span<const std::uint8_t> bytes, std::stop_token stop) {
    auto& d = *impl_;
    const auto deadline = Clock::now() + d.writeTimeout;
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        if (stop.stop_requested()) return;
        if (Clock::now() >= deadline)
            throw DeviceFailure(deviceError(
                "write_timeout", "USB reader " + d.info.describe() + " accepted no data for " +
                                     std::to_string(d.writeTimeout.count()) +
                                     " ms: it is hung; unplug it and plug it in again"));
        const auto n = std::min<std::size_t>(bytes.size() - sent, d.info.maxPacketOut);
        int done = 0;
        // libusb takes a non-const buffer for both directions; an OUT transfer only reads it.
        const int rc = libusb_bulk_transfer(d.handle, d.info.endpointOut,
                                            const_cast<std::uint8_t*>(bytes.data() + sent),
                                            static_cast<int>(n), &done, sliceUntil(deadline));
        sent += static_cast<std::size_t>(std::max(done, 0));
        if (rc != 0 && rc != LIBUSB_ERROR_TIMEOUT && rc != LIBUSB_ERROR_INTERRUPTED)
            d.transferFailed(rc, d.info.endpointOut);
    }
}

std::size_t UsbBulkStream::read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout,
                                std::stop_token stop) {
    auto& d = *impl_;
    if (into.empty()) return 0;
    if (d.pendingAt < d.pending.size()) return d.takePending(into);
    const auto deadline = Clock::now() + std::max(timeout, milliseconds{1});
    while (!stop.stop_requested() && Clock::now() < deadline) {
        int got = 0;
        const int rc =
            libusb_bulk_transfer(d.handle, d.info.endpointIn, d.chunk.data(),
                                 static_cast<int>(kReadChunk), &got, sliceUntil(deadline));
        const bool quiet = rc == 0 || rc == LIBUSB_ERROR_TIMEOUT || rc == LIBUSB_ERROR_INTERRUPTED;
        if (!quiet) d.transferFailed(rc, d.info.endpointIn);
        // A slice that timed out may still have carried part of a reply: keep it.
        if (got > 0) return d.deliver(into, static_cast<std::size_t>(got));
        if (rc == 0) { // a zero-length packet
            const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now());
            if (!sleepUnlessStopped(stop, std::clamp(left, milliseconds{0}, kIdlePause))) return 0;
        }
    }
    return 0;
}

void UsbBulkStream::discardInput() {
    secureWipe(impl_->pending);
    impl_->pendingAt = 0;
}

} // namespace hall::drivers
