#pragma once
// What a terminal keeps of its enrollment, in its data directory:
//
//   device.credential  the credential the controller issued at enroll (0600, the only secret)
//   device.json        the identity it was given: {"name","role","window"?,"zone"?}
//
// Both are written atomically (a temporary file in the same directory, fsynced, renamed over
// the old one, then the directory fsynced), so a terminal killed mid-write keeps either the old
// enrollment or the new one, never half a credential. Qt-free.

#include "shared/protocol/device.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace hall::client {

class IdentityError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TerminalIdentity {
    std::string credential;
    protocol::DeviceIdentity device;
};

class TerminalIdentityStore {
public:
    explicit TerminalIdentityStore(std::filesystem::path dataDir);

    // Nullopt when the terminal was never enrolled (no credential file). Throws IdentityError
    // for files that exist but cannot be read or make no sense.
    std::optional<TerminalIdentity> load() const;
    // Replaces the stored enrollment. Throws IdentityError when it cannot be written.
    void save(const TerminalIdentity& identity) const;
    // Forgets the enrollment (the technician un-enrolls the device).
    void erase() const;

    std::filesystem::path credentialFile() const { return dir_ / "device.credential"; }
    std::filesystem::path identityFile() const { return dir_ / "device.json"; }

private:
    std::filesystem::path dir_;
};

// Writes `content` to `file` atomically with permission bits `mode` (see above).
void writeFileAtomically(const std::filesystem::path& file, const std::string& content,
                         unsigned mode);

} // namespace hall::client
