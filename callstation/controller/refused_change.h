#pragma once
// A change one of the controller's stores refuses (the content store, the booking book): `code`
// for the REST API (bad_content, unknown_content, in_use, bad_booking, duplicate, not_found),
// `field` the one at fault ("playlist[2].content", "slot"), when there is one. The API answers it
// with rest::Call::refuse.

#include <stdexcept>
#include <string>

namespace hall::controller {

class RefusedChange : public std::runtime_error {
public:
    RefusedChange(std::string code, std::string message, std::string field = {})
        : std::runtime_error(std::move(message)), code_(std::move(code)), field_(std::move(field)) {
    }
    const std::string& code() const { return code_; }
    const std::string& field() const { return field_; }

private:
    std::string code_;
    std::string field_;
};

} // namespace hall::controller
