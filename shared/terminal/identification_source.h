#pragma once
// Where an identification came from. The names are the stable strings the apps (and later QML)
// compare against: "id_card", "social_security_card", "qr_code".

#include "drivers/base/descriptor.h"

#include <optional>
#include <string_view>

namespace hall::client {

enum class IdentificationSource { IdCard, SocialSecurityCard, QrCode };

constexpr std::string_view sourceName(IdentificationSource source) {
    switch (source) {
    case IdentificationSource::IdCard:
        return "id_card";
    case IdentificationSource::SocialSecurityCard:
        return "social_security_card";
    case IdentificationSource::QrCode:
        return "qr_code";
    }
    return "unknown";
}

// Each identification device kind feeds exactly one source; other kinds (printers, LED
// strips, ...) none.
constexpr std::optional<IdentificationSource> sourceOf(hall::drivers::DeviceKind kind) {
    switch (kind) {
    case hall::drivers::DeviceKind::IdCardReader:
        return IdentificationSource::IdCard;
    case hall::drivers::DeviceKind::SmartCardReader:
        return IdentificationSource::SocialSecurityCard;
    case hall::drivers::DeviceKind::CodeScanner:
        return IdentificationSource::QrCode;
    default:
        return std::nullopt;
    }
}

} // namespace hall::client
