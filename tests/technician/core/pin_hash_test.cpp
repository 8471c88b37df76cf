#include "shared/technician/pin_hash.h"

#include <doctest/doctest.h>

using namespace hall::technician;

TEST_CASE("an argon2id hash verifies its PIN and no other") {
    const auto hash = hashPin("472913");
    CHECK(isArgon2idHash(hash));
    // The interactive cost: 64 MiB, 2 passes, recorded in the string itself.
    CHECK(hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$"));
    CHECK(verifyPin(hash, "472913"));
    CHECK_FALSE(verifyPin(hash, "472914"));
    CHECK_FALSE(verifyPin(hash, "4729130"));
    CHECK_FALSE(verifyPin(hash, ""));
}

TEST_CASE("hashing the same PIN twice gives different salts") {
    const auto a = hashPin("472913");
    const auto b = hashPin("472913");
    CHECK(a != b);
    CHECK(verifyPin(a, "472913"));
    CHECK(verifyPin(b, "472913"));
}

TEST_CASE("a string that is not an argon2id hash never verifies") {
    CHECK_FALSE(verifyPin("", "472913"));
    CHECK_FALSE(verifyPin("472913", "472913"));
    // A hash of another algorithm (argon2i) is refused by shape.
    CHECK_FALSE(isArgon2idHash("$argon2i$v=19$m=32768,t=4,p=1$c2FsdA$aGFzaA"));
    const auto hash = hashPin("472913");
    CHECK_FALSE(verifyPin(hash.substr(0, hash.size() - 4), "472913"));
}
