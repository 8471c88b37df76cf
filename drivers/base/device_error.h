#pragma once
// Two kinds of failure, kept apart as libfprint does:
//  - Retry: the device is fine, the attempt was not (card moved too fast, card removed mid-read,
//    a garbled frame). The caller asks the citizen to try again; the device stays open.
//  - Device: the device itself is gone or misbehaving (unplugged, no answer, protocol violation,
//    permission denied). The device is reported lost and re-opened when it answers again.
// Messages are for a technician standing at the box: what happened and what to check.

#include <stdexcept>
#include <string>

namespace hall::drivers {

enum class ErrorCategory { Retry, Device };

struct DeviceError {
    ErrorCategory category = ErrorCategory::Device;
    std::string code;    // stable, machine-readable: "unplugged", "no_answer", "bad_checksum", ...
    std::string message; // for the technician; never carries personal data
};

DeviceError retryError(std::string code, std::string message);
DeviceError deviceError(std::string code, std::string message);

std::string_view categoryName(ErrorCategory category);

// Thrown inside a device's worker; DeviceWorker turns it into events. Never escapes a worker.
class DeviceFailure : public std::runtime_error {
public:
    explicit DeviceFailure(DeviceError error)
        : std::runtime_error(error.message), error_(std::move(error)) {}
    const DeviceError& error() const { return error_; }
    bool isRetry() const { return error_.category == ErrorCategory::Retry; }

private:
    DeviceError error_;
};

} // namespace hall::drivers
