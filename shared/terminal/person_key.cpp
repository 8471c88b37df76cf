#include "shared/terminal/person_key.h"

#include "drivers/base/ascii.h"
#include "drivers/base/secure_wipe.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hall::client {
std::optional<std::string> normaliseIdNumber(std::string_view idNumber) {
    idNumber = hall::drivers::trimAscii(idNumber);
    if (idNumber.size() != 18 && idNumber.size() != 15) return std::nullopt;
    std::string out(idNumber);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (!ok) {
            hall::drivers::secureWipe(out);
            return std::nullopt;
        }
    }
    return out;
}

std::string personKey(std::string_view idNumber, std::span<const std::uint8_t> hallSecret) {
    if (hallSecret.size() < kMinPersonKeySecret) return {};
    auto normal = normaliseIdNumber(idNumber);
    if (!normal) return {};

    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    const bool ok = HMAC(EVP_sha256(), hallSecret.data(), static_cast<int>(hallSecret.size()),
                         reinterpret_cast<const unsigned char*>(normal->data()), normal->size(),
                         mac, &macLength) != nullptr;
    hall::drivers::secureWipe(*normal);
    if (!ok || macLength != 32) return {};

    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * macLength);
    for (unsigned int i = 0; i < macLength; ++i) {
        hex += kHex[mac[i] >> 4];
        hex += kHex[mac[i] & 0x0F];
    }
    hall::drivers::secureWipe(mac, sizeof mac);
    return hex;
}

} // namespace hall::client
