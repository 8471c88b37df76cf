#pragma once
// The hall's person-key secret: the HMAC-SHA256 key under which terminals compute person_key
// (docs/protocol.md). 32 random bytes, created once in the data directory as person-key.secret
// (64 lowercase hex digits and a newline, mode 0600) and never replaced: a new secret would give
// every person a new key, so duplicate-person checks would stop seeing earlier tickets.

#include <filesystem>
#include <string>

namespace hall::controller {

inline constexpr std::size_t kPersonKeySecretBytes = 32;

// Reads the secret from `file`, creating it (atomically, 0600) when absent. Returns it as 64
// lowercase hex digits, the form the hello result carries. A file that is present but not
// exactly that shape throws StartupError: it is never overwritten.
std::string ensurePersonKeySecret(const std::filesystem::path& file);

} // namespace hall::controller
