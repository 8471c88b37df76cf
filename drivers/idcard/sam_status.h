#pragma once
// SW3, the status byte of every SAM response, and what each value means for the caller.
//
// The codes are those of the GA 467 SAM interface as reader vendors' SDK headers publish them
// (the SDT_* API return codes are the same bytes). Two kinds of failure:
//  - Retry: the card, not the reader — none found, it moved during the exchange, it failed
//    authentication, it is not an ID card. Ask the citizen to place the card again.
//  - Device: the reader or its SAM module — our frame reached it damaged (checksum / length
//    errors the SAM reports back), it refused the command, it failed its self-test, it lacks its
//    keys. The device is reported and re-opened; the message says what to check.

#include "drivers/base/device_error.h"
#include "drivers/idcard/sam_frame.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace hall::drivers::idcard {

enum class SamStatus : std::uint8_t {
    Ok = 0x90,               // operation succeeded
    NoContent = 0x91,        // the card holds nothing for this item (e.g. no fingerprint)
    CardFound = 0x9F,        // find card: a card is in the field
    ChecksumError = 0x10,    // the SAM received our frame with a wrong checksum
    LengthError = 0x11,      // the SAM received our frame with a wrong length
    BadCommand = 0x21,       // command unknown or its values inconsistent
    NoAuthority = 0x23,      // operation not permitted (越权操作)
    UnknownError = 0x24,     // the SAM could not classify the failure
    CardRejectedSam = 0x31,  // the card failed to authenticate the SAM
    SamRejectedCard = 0x32,  // the SAM failed to authenticate the card
    VerifyFailed = 0x33,     // the card's data failed verification
    CardNotFoundYet = 0x34,  // a card operation before find card succeeded
    UnknownCardType = 0x40,  // the card in the field is not one the SAM can read
    ReadFailed = 0x41,       // reading the card failed (moved, removed)
    RandomFailed = 0x47,     // getting a challenge from the card failed
    WriteFailed = 0x50,      // card write failed (this driver never writes)
    SelfTestFailed = 0x60,   // SAM self-test failed; it accepts no commands
    LoginFailed = 0x61,      // SAM user login failed
    SamNotAuthorised = 0x66, // SAM has no production keys (not issued for use)
    FindFailed = 0x80,       // find card: no card in the field
    SelectFailed = 0x81,     // select card failed
};

// The status this byte names, nullopt for an undocumented value.
std::optional<SamStatus> samStatusFrom(std::uint8_t sw3);
std::string_view statusName(SamStatus status); // stable: "card_found", "read_failed", ...

// 90 or 9F.
bool isSuccess(std::uint8_t sw3);

// The error an SW3 stands for. Meant for failure codes; given a success code (90, 9F) it
// returns a Device "unexpected_status" error (a success where the caller expected another
// one), and for an undocumented byte a Device "unknown_status" error. Codes are statusName().
DeviceError statusError(std::uint8_t sw3);

// nullopt when sw3 is a success answer to command: 9F for find card, 90 (or 9F, which some
// readers send) for select card, 90 for everything else. Otherwise statusError(sw3).
// Note find card's 80 "no card" comes back as the Retry error "no_card": a polling loop
// normally treats it as "nothing there" rather than as a failure.
std::optional<DeviceError> checkStatus(SamCommand command, std::uint8_t sw3);

} // namespace hall::drivers::idcard
