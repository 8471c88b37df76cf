#include "drivers/base/device_error.h"

namespace hall::drivers {

DeviceError retryError(std::string code, std::string message) {
    return {ErrorCategory::Retry, std::move(code), std::move(message)};
}

DeviceError deviceError(std::string code, std::string message) {
    return {ErrorCategory::Device, std::move(code), std::move(message)};
}

std::string_view categoryName(ErrorCategory category) {
    return category == ErrorCategory::Retry ? "retry" : "device";
}

} // namespace hall::drivers
