#pragma once
// One command, one reply, over any ByteStream: the request/response discipline of the SAM
// host protocol. The reader answers every request with exactly one frame; anything it sent
// before (a late reply to a command we gave up on) is dropped before the next request.
//
// Failures, as DeviceFailure:
//   Device "no_answer"  no frame within the timeout, twice: wrong port, wrong baud rate, reader
//                       without power, or a reader that hung
//   Device "bad_length" the peer sent something with a preamble but not this protocol
//   Retry  "bad_checksum" / "truncated"  the reply was garbled twice in a row
// A garbled or missing reply is retried once at once: serial lines at 115200 baud over a long
// cable do drop bytes, and every SAM command here is idempotent.

#include "drivers/idcard/sam_frame.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <stop_token>

namespace hall::drivers::idcard {

class SamLink {
public:
    explicit SamLink(ByteStream& stream) : stream_(stream) {}

    // The reply's SW3 is not judged here (checkStatus does that): a "no card" is a valid reply.
    SamResponse exchange(SamCommand command, std::chrono::milliseconds timeout,
                         std::stop_token stop);

private:
    ByteStream& stream_;
    SamFrameDecoder decoder_;
};

} // namespace hall::drivers::idcard
