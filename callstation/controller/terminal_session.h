#pragma once
// One terminal's WebSocket connection (docs/protocol.md): hello or enroll first, then requests
// one at a time (the next frame is read when the answer to the last is queued), pushes with a
// per-connection sequence number, a deadline on every read, a bounded send queue with one write
// in flight, and a token bucket on requests. Runs on the network thread.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/rate_limiter.h"
#include "callstation/controller/server_context.h"
#include "callstation/netclient/asio.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/messages.h"

#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace hall::controller {

class TerminalSession : public std::enable_shared_from_this<TerminalSession> {
public:
    using Stream =
        boost::beast::websocket::stream<boost::beast::ssl_stream<boost::beast::tcp_stream>>;

    TerminalSession(boost::beast::ssl_stream<boost::beast::tcp_stream>&& tls,
                    ServerContext& context, std::string peerAddress);
    ~TerminalSession();

    // Completes the WebSocket upgrade the HTTP layer has read, then starts reading frames.
    void start(boost::beast::http::request<boost::beast::http::string_body> upgrade);

    const std::optional<protocol::DeviceIdentity>& identity() const { return identity_; }
    // Numbered and queued. `queueState`: the body is a QueueState, which a later one replaces
    // while it still waits to be sent, and whose write the hub starts (Hub::schedule).
    void push(const protocol::EncodedPushBody& body, bool queueState);
    void flush();               // starts writing what waits, unless a write is under way
    void drop(const char* why); // closes now; queued messages are discarded

private:
    void armDeadline(std::chrono::steady_clock::duration within);
    void readNext();
    void onFrame();
    void handle(protocol::Request request);
    void hello(std::string requestId, protocol::Hello hello);
    void enroll(std::string requestId, protocol::Enroll enroll);
    void execute(const protocol::Request& request, core::Command command);
    // `answered` sees the outcome before the terminal does (what the controller records of it).
    void execute(const std::string& requestId, protocol::RequestType type, core::Command command,
                 std::function<void(const Outcome&)> answered);
    void greenTicketFor(const std::string& requestId, protocol::GreenTicketRequest asked);
    void staffSignIn(const std::string& requestId, protocol::StaffSignInRequest asked);
    void padSignIn(const protocol::Request& request, core::SignIn signIn);
    void technicianAudit(std::string requestId, protocol::TechnicianAudit audit);
    void checkInFor(const protocol::Request& request, protocol::CheckInRequest asked);
    void answer(const std::string& requestId, std::optional<protocol::RequestType> type,
                Outcome outcome);
    void refuse(const std::string& requestId, std::optional<protocol::RequestType> type,
                protocol::ProtocolError code, std::string message);
    // Answers and pushes that concern this terminal are written at once; queue counts, which
    // go to every terminal, when the hub's turn comes (Hub::schedule).
    enum class Frame { Answer, Push, QueuePush };
    void enqueue(std::string frame, Frame kind);
    void writeNext();

    Stream ws_;
    ServerContext& context_;
    ServerMetrics& metrics_; // also used by the destructor, which may run after the server is gone
    std::string peerAddress_;
    boost::beast::flat_buffer buffer_;
    boost::asio::steady_timer deadline_;
    RateLimiter rate_;
    std::optional<protocol::DeviceIdentity> identity_;
    int failedHellos_ = 0;
    std::uint64_t seq_ = 0; // of the last push queued
    std::deque<std::string> sendQueue_;
    // Set while the last message queued is a queue push not yet being written: a newer queue
    // state replaces it under the same seq, since only the latest counts matter.
    std::optional<std::uint64_t> pendingQueueSeq_;
    bool writing_ = false;
    bool closed_ = false;
};

} // namespace hall::controller
