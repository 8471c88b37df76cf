#pragma once
// PIN hashes: libsodium's argon2id in its self-describing string form ("$argon2id$v=19$m=…").
//
// Cost: crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (2 passes, 64 MiB). On the
// development machine one verify takes ~150 ms; MODERATE (3 passes, 256 MiB) took ~850 ms and a
// quarter of a terminal box's RAM per attempt. With the lockout (5 tries, then minutes to an
// hour) an online guess is slow anyway; the hash is there for a stolen file, and 64 MiB per
// guess keeps that costly. The parameters live in the hash string, so a later change of cost
// still verifies old hashes.

#include <string>
#include <string_view>

namespace hall::technician {

// Throws std::runtime_error if libsodium cannot start or cannot allocate the memory.
std::string hashPin(std::string_view pin);

// False for a wrong PIN and for a string that is not an argon2id hash.
bool verifyPin(const std::string& hash, std::string_view pin);

// True for a string of the form crypto_pwhash_str() writes for argon2id.
bool isArgon2idHash(std::string_view hash);

} // namespace hall::technician
