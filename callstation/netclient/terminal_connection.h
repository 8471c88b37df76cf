#pragma once
// One terminal connection to the hall controller: WebSocket over TLS, one JSON text frame per
// message (docs/protocol.md). Blocking and meant for one thread: tools (hallctl), integration
// tests, the load generator and the demo. The connection owns its io_context and runs it only
// inside its own calls, so nothing is read while the caller is not reading — a test can play a
// slow terminal just by not calling.
//
// Every call has a timeout. A read that times out stays in flight: a frame arriving later is
// returned by the next read, so "nothing yet" never costs the connection. A send that times out
// (the server stopped reading) does, since half a frame may have gone out.

#include "callstation/netclient/errors.h"
#include "shared/protocol/messages.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::netclient {

using namespace std::chrono_literals;

struct ConnectOptions {
    // For the whole of resolve, TCP connect, TLS handshake and WebSocket upgrade.
    std::chrono::milliseconds timeout = 10s;
    // SO_RCVBUF set before connecting; 0 keeps the system's default. A few KiB with a caller that
    // does not read makes the server's sends back up, as with a stalled terminal.
    int receiveBufferBytes = 0;
    // Larger incoming messages fail the read (the protocol's frames are at most 64 KiB, and the
    // decoders refuse anything bigger anyway).
    std::size_t maxFrameBytes = protocol::kMaxFrameBytes;
    // Pushes kept until nextPush()/takePushes() take them. Beyond this the oldest are dropped
    // and counted (droppedPushes()); their seq numbers then show the gap, as after any loss,
    // so a terminal written to the protocol resyncs and a test sees it.
    std::size_t maxQueuedPushes = 10'000;
};

class TerminalConnection {
public:
    // Connects to wss://host:port/ws, trusting only the CA in `caPem` and checking that the
    // server certificate names `host`. Throws ConnectionError (TimeoutError when out of time)
    // saying which step failed: resolve, connect, TLS handshake, WebSocket upgrade.
    static TerminalConnection connect(const std::string& host, std::uint16_t port,
                                      const std::string& caPem, ConnectOptions options);
    static TerminalConnection connect(const std::string& host, std::uint16_t port,
                                      const std::string& caPem,
                                      std::chrono::milliseconds timeout = 10s);

    // A moved-from connection may only be assigned to or destroyed.
    TerminalConnection(TerminalConnection&&) noexcept;
    TerminalConnection& operator=(TerminalConnection&&) noexcept;
    // Drops the TCP connection without a closing handshake (which could block); call close()
    // first for a polite goodbye.
    ~TerminalConnection();

    // --- raw frames ------------------------------------------------------------------------
    // Sends one frame as given, valid or not (tests send malformed JSON and binary frames).
    // Throws ConnectionError when the connection is gone, TimeoutError (and the connection is
    // dropped) when the frame could not be handed over within `timeout`.
    void sendText(std::string_view frame, std::chrono::milliseconds timeout = 10s);
    void sendBinary(std::string_view frame, std::chrono::milliseconds timeout = 10s);
    void send(const protocol::Request& request, std::chrono::milliseconds timeout = 10s);

    // The next frame's payload (text or binary), or nullopt when none arrived within `timeout`.
    // Throws ConnectionError when the connection ended (closedByPeer() tells whether the server
    // ended it). Frames already taken into the push queue by request() are not seen here.
    std::optional<std::string> readFrame(std::chrono::milliseconds timeout);
    // True once a read or send found the connection ended by the server: a close frame, TCP
    // closed or reset.
    bool closedByPeer() const;
    // The close frame's code and reason, when the server sent one (1000 normal, 1008 policy…).
    std::optional<std::uint16_t> closeCode() const;
    std::string closeReason() const;

    // --- protocol --------------------------------------------------------------------------
    // Sends `request` and reads until the response with its id arrives. Pushes read meanwhile
    // are queued in order for nextPush()/takePushes(); responses to other ids (requests given
    // up after a timeout) are dropped. A refusal without an id also answers: the server omits
    // the id only when it could not read the frame at all (too_large), and a frame this client
    // encoded is otherwise always readable. Throws TimeoutError, ConnectionError, or
    // ProtocolViolation for a frame that is not a valid response or push. A response with
    // "ok":false is returned, not thrown.
    protocol::Response request(const protocol::Request& request,
                               std::chrono::milliseconds timeout = 10s);
    // The same with a fresh id from nextRequestId().
    protocol::Response request(protocol::RequestBody body, std::chrono::milliseconds timeout = 10s);

    // The oldest queued push, else the next one read within `timeout` (responses read meanwhile
    // are dropped, as in request()); nullopt on timeout.
    std::optional<protocol::Push> nextPush(std::chrono::milliseconds timeout);
    // The pushes queued now, oldest first, without reading.
    std::vector<protocol::Push> takePushes();
    std::size_t droppedPushes() const; // see ConnectOptions::maxQueuedPushes

    // hello with `credential`, speaking protocol::kVersion. Throws RequestRefused when the
    // server says no, ProtocolViolation when the result is not a hello result.
    protocol::HelloResult hello(const std::string& credential,
                                std::chrono::milliseconds timeout = 10s);
    // enroll with a one-time code; the result's credential is shown once: keep it secret.
    protocol::EnrollResult enroll(const std::string& code, std::chrono::milliseconds timeout = 10s);

    // Ids unique across connections and processes: "c" + 16 random hex digits + "-" + a counter.
    std::string nextRequestId();

    // Polite WebSocket close (close frame, wait for the server's) within `timeout`; errors are
    // ignored, afterwards every call but the destructor throws ConnectionError.
    void close(std::chrono::milliseconds timeout = 2s);

    // The socket's receive buffer as the kernel reports it (Linux doubles what was asked for).
    int receiveBufferBytes() const;

private:
    struct Impl;
    explicit TerminalConnection(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

} // namespace hall::netclient
