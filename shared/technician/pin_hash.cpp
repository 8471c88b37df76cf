#include "shared/technician/pin_hash.h"

#include <sodium.h>
#include <stdexcept>

namespace hall::technician {

namespace {

void ensureSodium() {
    // sodium_init() is idempotent and thread-safe; -1 means no usable random source.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

} // namespace

std::string hashPin(std::string_view pin) {
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id hashing failed (out of memory?)");
    return out;
}

bool verifyPin(const std::string& hash, std::string_view pin) {
    ensureSodium();
    if (!isArgon2idHash(hash)) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool isArgon2idHash(std::string_view hash) {
    return hash.size() < crypto_pwhash_STRBYTES && hash.starts_with("$argon2id$v=19$m=");
}

} // namespace hall::technician
