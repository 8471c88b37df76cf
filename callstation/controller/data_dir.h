#pragma once
// Where callstationd keeps its state when not told otherwise, and the names of the files in it.
// hallctl reads the same defaults, so on the queue host both work with no arguments.

#include <cstdint>
#include <filesystem>

namespace hall::controller {

inline constexpr std::uint16_t kDefaultPort = 7443;

// $STATE_DIRECTORY (systemd's StateDirectory=), else $XDG_STATE_HOME/callstationd, else
// ~/.local/state/callstationd.
std::filesystem::path defaultDataDir();

namespace files {
inline constexpr const char* kDatabase = "hall.db";
inline constexpr const char* kHallConfig = "hall.toml";   // written from the demo hall if absent
inline constexpr const char* kPkiDir = "pki";             // ca.crt, ca.key, server.crt, server.key
inline constexpr const char* kCaCertificate = "pki/ca.crt";
inline constexpr const char* kAdminCredential = "admin.credential"; // 0600, for hallctl on this host
// 0600, the hall's person-key secret (person_key_secret.h): created once, never replaced
inline constexpr const char* kPersonKeySecret = "person-key.secret";
inline constexpr const char* kContentDir = "content"; // signage files and signage.json
inline constexpr const char* kBookings = "bookings.json"; // the hall's bookings (booking_book.h)
// the staff's PIN hashes and card keys (staff_credentials.h)
inline constexpr const char* kStaffCredentials = "staff-credentials.json";
// the signatures and scans terminals hand in, encrypted (attachments.h)
inline constexpr const char* kAttachmentsDir = "attachments";
// 0600, the key they are encrypted under, unless --attachment-key names another file
inline constexpr const char* kAttachmentKey = "attachment.key";
inline constexpr const char* kPortFile = "callstationd.port"; // the port while the daemon runs
} // namespace files

} // namespace hall::controller
