#pragma once
// What the client library throws. Transport failures are ConnectionError (and its refinements),
// so one catch covers "could not talk to the controller"; a refusal by the controller is a
// protocol answer, not a transport failure, and is RequestRefused.

#include "shared/protocol/messages.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace hall::netclient {

// Resolve, connect, TLS, WebSocket upgrade, send or receive failed, or the server closed the
// connection. The message names the step that failed and the host.
class ConnectionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Nothing arrived in time. For a TerminalConnection the connection is still usable afterwards
// (a frame arriving later is kept for the next read); a RestClient drops the connection.
class TimeoutError : public ConnectionError {
public:
    using ConnectionError::ConnectionError;
};

// The server sent something the protocol does not allow: an undecodable frame, a binary frame,
// a result of the wrong kind. The connection stays open; what to do is the caller's choice.
class ProtocolViolation : public ConnectionError {
public:
    using ConnectionError::ConnectionError;
};

// The controller answered a request with "ok":false.
class RequestRefused : public std::runtime_error {
public:
    explicit RequestRefused(protocol::Error error)
        : std::runtime_error(error.code + ": " + error.message), error_(std::move(error)) {}
    const protocol::Error& error() const { return error_; }

private:
    protocol::Error error_;
};

} // namespace hall::netclient
