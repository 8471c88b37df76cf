#include "shared/technician/driver_test_support.h"

#include "drivers/base/registry.h"
#include "shared/technician/host_port.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace hall::technician::detail {

drivers::DeviceEventSink DeviceWatch::sink() {
    return [this](const drivers::DeviceEvent& e) {
        {
            std::lock_guard lock(mutex_);
            events_.push_back(e);
        }
        cv_.notify_all();
    };
}

void DeviceWatch::note(const std::function<void()>& f) {
    {
        std::lock_guard lock(mutex_);
        f();
    }
    cv_.notify_all();
}

bool DeviceWatch::waitFor(std::chrono::milliseconds timeout, const std::function<bool()>& done) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, done);
}

std::optional<drivers::DeviceError> DeviceWatch::lastLineError() const {
    std::lock_guard lock(mutex_);
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (!it->unit && it->error) return it->error;
    return std::nullopt;
}

bool DeviceWatch::seen(drivers::DeviceEventType type) const {
    for (const auto& e : events_)
        if (e.type == type) return true;
    return false;
}

bool DeviceWatch::waitOpened(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, timeout, [&] {
        for (const auto& e : events_)
            if (e.type == drivers::DeviceEventType::Opened ||
                (e.type == drivers::DeviceEventType::Lost && !e.unit))
                return true;
        return false;
    });
    return seen(drivers::DeviceEventType::Opened);
}

std::string errorText(const drivers::DeviceError& error) {
    return error.message.empty() ? error.code : error.message + " (" + error.code + ")";
}

std::string seconds(std::chrono::milliseconds ms) {
    char text[32];
    if (ms.count() % 1000 == 0)
        std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(ms.count() / 1000));
    else
        std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms.count()) / 1000.0);
    return text;
}

std::string openFailure(const DeviceWatch& watch, const std::string& what,
                        std::chrono::milliseconds waited) {
    if (const auto error = watch.lastLineError())
        return what + " did not answer: " + errorText(*error);
    return what + " did not answer within " + seconds(waited);
}

drivers::SerialSettings serialSettings(const DeviceSetting& device, unsigned defaultBaud) {
    return {device.address, device.baud ? static_cast<unsigned>(*device.baud) : defaultBaud};
}

drivers::TcpSettings tcpSettings(const DeviceSetting& device, std::uint16_t defaultPort) {
    auto parsed = parseHostPort(device.address);
    if (const auto* why = std::get_if<std::string>(&parsed)) {
        // A bare host: the device's usual port (9100 for a printer).
        if (device.address.find(':') == std::string::npos && !device.address.empty())
            return {device.address, defaultPort};
        throw std::invalid_argument(*why);
    }
    const auto& hp = std::get<HostPort>(parsed);
    return {hp.host, hp.port};
}

namespace {
std::optional<std::uint16_t> hex16(std::string_view text) {
    std::uint16_t value = 0;
    if (text.size() != 4) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}
} // namespace

drivers::UsbBulkSettings usbSettings(const DeviceSetting& device) {
    const auto& descriptor = drivers::requireDescriptor(device.driver);
    if (device.address.empty() || device.address == "auto")
        return drivers::UsbBulkSettings::forDescriptor(descriptor);
    const auto colon = device.address.find(':');
    const auto vendor = hex16(std::string_view(device.address).substr(0, colon));
    const auto product = colon == std::string::npos
                             ? std::nullopt
                             : hex16(std::string_view(device.address).substr(colon + 1));
    if (!vendor || !product)
        throw std::invalid_argument("USB address \"" + device.address +
                                    "\" is neither \"auto\" nor a vvvv:pppp USB id");
    drivers::UsbBulkSettings settings;
    settings.ids.push_back({*vendor, *product, "configured"});
    return settings;
}

DeviceTestResult unsupported(DeviceTest test, const DeviceSetting& device) {
    return {false, std::string(deviceTestName(test)) + " is not available for " + device.driver +
                       " over " + std::string(transportKey(device.transport)) + " in this build"};
}

} // namespace hall::technician::detail
