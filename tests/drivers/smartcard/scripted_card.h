#pragma once
// A card that answers from a script: each step names the command it expects (exact bytes) and
// the response it gives. A command off the script fails the test with both in hex.

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/hex.h"

#include <deque>
#include <doctest/doctest.h>
#include <string>
#include <utility>

namespace smartcard_test {

class ScriptedCard : public hall::drivers::smartcard::ApduTransport {
public:
    ScriptedCard& expect(const std::string& command, const std::string& response) {
        script_.emplace_back(hall::drivers::smartcard::fromHex(command),
                             hall::drivers::smartcard::fromHex(response));
        return *this;
    }
    hall::drivers::SecureBytes transmit(std::span<const std::uint8_t> command) override {
        using hall::drivers::smartcard::toHex;
        ++sent_;
        if (script_.empty()) {
            FAIL_CHECK("unexpected command " << toHex(command) << " after the script ended");
            return hall::drivers::SecureBytes(hall::drivers::smartcard::fromHex("6F00"));
        }
        auto [want, answer] = std::move(script_.front());
        script_.pop_front();
        CHECK_MESSAGE(std::vector<std::uint8_t>(command.begin(), command.end()) == want,
                      "sent " << toHex(command) << ", script expected " << toHex(want));
        return hall::drivers::SecureBytes(std::move(answer));
    }
    bool finished() const { return script_.empty(); }
    int sent() const { return sent_; }

private:
    std::deque<std::pair<std::vector<std::uint8_t>, std::vector<std::uint8_t>>> script_;
    int sent_ = 0;
};

} // namespace smartcard_test
