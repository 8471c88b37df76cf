#pragma once
// The hall's own certificate authority and the controller's TLS server certificate.
//
// Terminals pin the hall CA, so it is created once and never replaced behind anyone's back: a CA
// file that exists but cannot be used is an error for a technician, not a reason to generate a
// new one. The server certificate is cheap: it is (re)issued whenever it is missing, unreadable,
// not signed by the CA, about to expire, or does not name every host it must.

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::controller {

class PkiError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HallPki {
    std::string caCertificatePem;
    std::string serverCertificatePem;
    std::string serverKeyPem; // for the TLS context only; never logged
    bool caCreated = false;
    bool serverIssued = false;
};

// Files in `dir`: ca.crt, ca.key, server.crt, server.key (keys 0600). Keys are EC P-256; the CA
// is valid 20 years, server certificates 2 years, renewed 30 days before they expire.
// `hosts` are DNS names or IP addresses the server certificate must cover (localhost and
// 127.0.0.1 are always added).
HallPki ensureHallPki(const std::filesystem::path& dir, const std::string& hallName,
                      const std::vector<std::string>& hosts,
                      std::chrono::system_clock::time_point now);

} // namespace hall::controller
