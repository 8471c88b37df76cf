#include "callstation/netclient/terminal_connection.h"

#include "callstation/netclient/detail/blocking_io.h"
#include "callstation/netclient/server_frame.h"
#include "callstation/netclient/tls_client.h"
#include "shared/protocol/codec.h"

#include <cstdio>
#include <deque>
#include <random>

namespace hall::netclient {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;
using detail::Clock;

namespace {

constexpr const char* kTarget = "/ws"; // the controller's WebSocket endpoint

std::string randomHex16() {
    std::random_device random;
    const std::uint64_t value = (std::uint64_t{random()} << 32) ^ std::uint64_t{random()};
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string reasonText(const websocket::close_reason& reason) {
    return std::string(reason.reason.data(), reason.reason.size());
}

std::string millis(std::chrono::milliseconds timeout) {
    return std::to_string(timeout.count()) + " ms";
}

} // namespace

struct TerminalConnection::Impl {
    Impl(asio::ssl::context context, ConnectOptions opts)
        : tls(std::move(context)), ws(ioc, tls), options(opts),
          idPrefix("c" + randomHex16() + "-") {}

    // Declared first so that it is destroyed last: handlers still queued when the stream goes
    // (a read left in flight) are then dropped without running.
    asio::io_context ioc;
    asio::ssl::context tls;
    websocket::stream<detail::TlsStream> ws;
    ConnectOptions options;
    std::string where; // host:port, for messages

    // At most one read is in flight; it may outlive the call that started it (a timeout) and
    // complete during a later call, even a send, which is why its result waits here.
    struct Read {
        error_code ec;
        bool text = true;
        std::string payload;
    };
    beast::flat_buffer readBuffer;
    bool readPending = false;
    std::optional<Read> completedRead;

    std::deque<protocol::Push> pushes;
    std::size_t dropped = 0;

    std::string ended; // why the connection can no longer be used; empty while it can
    bool closedByPeer = false;
    std::optional<websocket::close_reason> closeReason;

    std::string idPrefix;
    std::uint64_t idCounter = 0;

    void ensureOpen() const {
        if (!ended.empty()) throw ConnectionError(ended);
    }

    void dropSocket() {
        error_code ignored;
        beast::get_lowest_layer(ws).socket().close(ignored);
    }

    // Ends the connection after `ec` from `action`; the io_context is never run again.
    void fail(const error_code& ec, const std::string& action) {
        closedByPeer = detail::isPeerClosure(ec);
        if (ec == websocket::error::closed) {
            closeReason = ws.reason();
            ended = "connection closed by the server " + where + " (close code " +
                    std::to_string(closeReason->code) +
                    (closeReason->reason.empty() ? "" : ": " + reasonText(*closeReason)) + ")";
        } else if (closedByPeer) {
            ended = "connection closed by the server " + where + " (" + ec.message() + ")";
        } else {
            ended = action + " " + where + " failed: " + ec.message();
        }
        dropSocket();
    }

    void write(std::string_view frame, bool text, std::chrono::milliseconds timeout) {
        ensureOpen();
        ws.text(text);
        const auto done = detail::runOp(ioc, Clock::now() + timeout, [&](auto handler) {
            ws.async_write(asio::buffer(frame.data(), frame.size()), handler);
        });
        if (!done) {
            // Part of the frame may be out: the stream cannot continue.
            ended = "send to " + where + " timed out after " + millis(timeout);
            dropSocket();
            throw TimeoutError(ended);
        }
        if (*done) {
            fail(*done, "send to");
            throw ConnectionError(ended);
        }
    }

    void startRead() {
        readPending = true;
        ws.async_read(readBuffer, [this](error_code ec, std::size_t) {
            readPending = false;
            Read read{ec, ws.got_text(), {}};
            if (!ec) read.payload = beast::buffers_to_string(readBuffer.data());
            readBuffer.consume(readBuffer.size());
            completedRead = std::move(read);
        });
    }

    // The next frame before `deadline`, or nullopt; throws ConnectionError when the connection
    // ended.
    std::optional<Read> read(Clock::time_point deadline) {
        ensureOpen();
        if (!completedRead) {
            if (!readPending) startRead();
            if (!detail::runUntil(
                    ioc, [&] { return completedRead.has_value(); }, deadline))
                return std::nullopt;
        }
        Read read = std::move(*completedRead);
        completedRead.reset();
        if (read.ec) {
            fail(read.ec, "receive from");
            throw ConnectionError(ended);
        }
        return read;
    }

    ServerMessage decode(const Read& read) const {
        if (!read.text)
            throw ProtocolViolation("binary frame from " + where +
                                    ": the protocol allows text frames only");
        auto message = decodeServerFrame(read.payload);
        if (!message)
            throw ProtocolViolation("undecodable frame from " + where + ": " +
                                    message.error().code + ": " + message.error().message);
        return std::move(message.value());
    }

    void queue(protocol::Push push) {
        if (pushes.size() >= options.maxQueuedPushes && !pushes.empty()) {
            pushes.pop_front();
            ++dropped;
        }
        pushes.push_back(std::move(push));
    }
};

TerminalConnection::TerminalConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TerminalConnection::TerminalConnection(TerminalConnection&&) noexcept = default;
TerminalConnection& TerminalConnection::operator=(TerminalConnection&&) noexcept = default;
TerminalConnection::~TerminalConnection() = default;

TerminalConnection TerminalConnection::connect(const std::string& host, std::uint16_t port,
                                               const std::string& caPem,
                                               std::chrono::milliseconds timeout) {
    ConnectOptions options;
    options.timeout = timeout;
    return connect(host, port, caPem, options);
}

TerminalConnection TerminalConnection::connect(const std::string& host, std::uint16_t port,
                                               const std::string& caPem, ConnectOptions options) {
    const auto deadline = Clock::now() + options.timeout;
    auto impl = std::make_unique<Impl>(makeClientTlsContext(caPem), options);
    impl->where = detail::endpointName(host, port);
    detail::connectTcp(impl->ioc, beast::get_lowest_layer(impl->ws).socket(), host, port, deadline,
                       options.receiveBufferBytes);
    detail::handshakeTls(impl->ioc, impl->ws.next_layer(), host, port, deadline);

    impl->ws.read_message_max(options.maxFrameBytes);
    impl->ws.set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
        request.set(beast::http::field::user_agent, "hall-netclient");
    }));
    websocket::response_type refusal;
    const auto upgraded = detail::runOp(impl->ioc, deadline, [&](auto handler) {
        impl->ws.async_handshake(refusal, impl->where, kTarget, handler);
    });
    const std::string what = "WebSocket upgrade at wss://" + impl->where + kTarget;
    if (!upgraded) throw TimeoutError(what + ": timed out");
    if (*upgraded) {
        // A declined upgrade still has an HTTP status worth showing (404: not a controller).
        const std::string status =
            refusal.result_int() != 0 ? " (HTTP " + std::to_string(refusal.result_int()) + ")" : "";
        throw ConnectionError(what + ": " + upgraded->message() + status);
    }
    return TerminalConnection(std::move(impl));
}

void TerminalConnection::sendText(std::string_view frame, std::chrono::milliseconds timeout) {
    impl_->write(frame, true, timeout);
}

void TerminalConnection::sendBinary(std::string_view frame, std::chrono::milliseconds timeout) {
    impl_->write(frame, false, timeout);
}

void TerminalConnection::send(const protocol::Request& request, std::chrono::milliseconds timeout) {
    impl_->write(protocol::encodeRequest(request), true, timeout);
}

std::optional<std::string> TerminalConnection::readFrame(std::chrono::milliseconds timeout) {
    auto read = impl_->read(Clock::now() + timeout);
    if (!read) return std::nullopt;
    return std::move(read->payload);
}

bool TerminalConnection::closedByPeer() const {
    return impl_->closedByPeer;
}

std::optional<std::uint16_t> TerminalConnection::closeCode() const {
    if (!impl_->closeReason) return std::nullopt;
    return static_cast<std::uint16_t>(impl_->closeReason->code);
}

std::string TerminalConnection::closeReason() const {
    return impl_->closeReason ? reasonText(*impl_->closeReason) : std::string();
}

protocol::Response TerminalConnection::request(const protocol::Request& request,
                                               std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    send(request, timeout);
    for (;;) {
        auto read = impl_->read(deadline);
        if (!read)
            throw TimeoutError(
                "no response to " + std::string(protocol::requestTypeName(request.type())) + " '" +
                request.id + "' from " + impl_->where + " within " + millis(timeout));
        auto message = impl_->decode(*read);
        if (auto* push = std::get_if<protocol::Push>(&message)) {
            impl_->queue(std::move(*push));
            continue;
        }
        auto& response = std::get<protocol::Response>(message);
        if (response.id == request.id || (response.id.empty() && !response.ok()))
            return std::move(response);
    }
}

protocol::Response TerminalConnection::request(protocol::RequestBody body,
                                               std::chrono::milliseconds timeout) {
    return request(protocol::Request{nextRequestId(), std::move(body)}, timeout);
}

std::optional<protocol::Push> TerminalConnection::nextPush(std::chrono::milliseconds timeout) {
    if (!impl_->pushes.empty()) {
        auto push = std::move(impl_->pushes.front());
        impl_->pushes.pop_front();
        return push;
    }
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        auto read = impl_->read(deadline);
        if (!read) return std::nullopt;
        auto message = impl_->decode(*read);
        // A response here answers a request already given up on.
        if (auto* push = std::get_if<protocol::Push>(&message)) return std::move(*push);
    }
}

std::vector<protocol::Push> TerminalConnection::takePushes() {
    std::vector<protocol::Push> taken(std::make_move_iterator(impl_->pushes.begin()),
                                      std::make_move_iterator(impl_->pushes.end()));
    impl_->pushes.clear();
    return taken;
}

std::size_t TerminalConnection::droppedPushes() const {
    return impl_->dropped;
}

namespace {

template <typename Result>
Result expectResult(protocol::Response response, const char* requestName,
                    const std::string& where) {
    if (!response.ok()) throw RequestRefused(std::get<protocol::Error>(response.outcome));
    auto& result = std::get<protocol::ResponseResult>(response.outcome);
    if (auto* typed = std::get_if<Result>(&result)) return std::move(*typed);
    throw ProtocolViolation(std::string("the response from ") + where + " to " + requestName +
                            " carries the result of another request");
}

} // namespace

protocol::HelloResult TerminalConnection::hello(const std::string& credential,
                                                std::chrono::milliseconds timeout) {
    return expectResult<protocol::HelloResult>(
        request(protocol::Hello{credential, {protocol::kVersion}}, timeout), "hello", impl_->where);
}

protocol::EnrollResult TerminalConnection::enroll(const std::string& code,
                                                  std::chrono::milliseconds timeout) {
    return expectResult<protocol::EnrollResult>(request(protocol::Enroll{code}, timeout), "enroll",
                                                impl_->where);
}

std::string TerminalConnection::nextRequestId() {
    return impl_->idPrefix + std::to_string(++impl_->idCounter);
}

void TerminalConnection::close(std::chrono::milliseconds timeout) {
    if (!impl_->ended.empty()) return;
    // async_close sends the close frame and waits for the server's; a read in flight receives
    // that frame and completes, which lets the close finish.
    (void)detail::runOp(impl_->ioc, Clock::now() + timeout, [&](auto handler) {
        impl_->ws.async_close(websocket::close_code::normal, handler);
    });
    impl_->ended = "connection to " + impl_->where + " closed by this client";
    impl_->dropSocket();
}

int TerminalConnection::receiveBufferBytes() const {
    asio::ip::tcp::socket::receive_buffer_size size;
    error_code ec;
    beast::get_lowest_layer(impl_->ws).socket().get_option(size, ec);
    if (ec) throw ConnectionError("cannot read the receive buffer size: " + ec.message());
    return size.value();
}

} // namespace hall::netclient
