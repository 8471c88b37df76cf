// Error codes are stored by name with every answered request id (the store's outcomes) and sent
// to terminals: each code has its own name, read back as the same code, and names never change.

#include "shared/core/result.h"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace hall::core;

TEST_CASE("every error code has its own name, read back as the same code") {
    std::set<std::string> names;
    for (int i = 0; i <= static_cast<int>(ErrorCode::IdentityRequired); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const std::string name(errorCodeName(code));
        CHECK(names.insert(name).second);
        CHECK(errorCodeFromName(name) == code);
    }
    CHECK(errorCodeName(ErrorCode::InvalidArgument) == "invalid_argument");
    CHECK(errorCodeName(ErrorCode::NotServed) == "not_served");
    CHECK(errorCodeName(ErrorCode::NotServedHere) == "not_served_here");
    CHECK(errorCodeName(ErrorCode::AlreadyRated) == "already_rated");
    CHECK(errorCodeName(ErrorCode::NumberUsed) == "number_used");
    CHECK_FALSE(errorCodeFromName("forbidden"));
}
