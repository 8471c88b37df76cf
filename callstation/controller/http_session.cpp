#include "callstation/controller/http_session.h"

#include "callstation/controller/rest_api.h"
#include "callstation/controller/server_limits.h"
#include "callstation/controller/terminal_session.h"

namespace hall::controller {

namespace beast = boost::beast;
namespace http = beast::http;

HttpSession::HttpSession(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
                         ServerContext& context, RestApi& api)
    : stream_(std::move(socket), tls), context_(context), metrics_(context.metrics), api_(api) {
    beast::error_code ec;
    auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    if (!ec) peerAddress_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    ++metrics_.connectionsOpen;
}

HttpSession::~HttpSession() {
    --metrics_.connectionsOpen;
}

void HttpSession::start() {
    beast::get_lowest_layer(stream_).expires_after(limits::kTlsHandshake);
    stream_.async_handshake(boost::asio::ssl::stream_base::server,
                            [self = shared_from_this()](beast::error_code ec) {
                                if (!ec) self->readRequest();
                                // A failed handshake (wrong protocol version, no shared cipher,
                                // a port scan) just ends here: nothing was said, nothing changed.
                            });
}

void HttpSession::readRequest() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // Beast checks a Content-Length against the limit as the header ends: the largest body any
    // request may have until the target is known.
    parser_->body_limit(limits::kLargestBodyBytes);
    beast::get_lowest_layer(stream_).expires_after(limits::kHttpRequest);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec == http::error::body_limit)
                                    return self->refuseTooLarge(limits::kLargestBodyBytes);
                                if (ec) return; // closed, timed out or not HTTP: drop quietly
                                self->readBody();
                            });
}

void HttpSession::readBody() {
    // Only a content upload and a terminal's attachment may be larger than any other body.
    const auto target = parser_->get().target();
    const std::size_t limit = limits::bodyLimitFor(std::string_view(target.data(), target.size()));
    if (const auto length = parser_->content_length(); length && *length > limit)
        return refuseTooLarge(limit);
    parser_->body_limit(limit); // chunked bodies: counted as they come
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this(), limit](beast::error_code ec, std::size_t) {
                         if (ec == http::error::body_limit) return self->refuseTooLarge(limit);
                         if (ec) return;
                         self->onRequest();
                     });
}

void HttpSession::refuseTooLarge(std::size_t limit) {
    http::response<http::string_body> tooLarge{http::status::payload_too_large, 11};
    tooLarge.set(http::field::content_type, "application/json");
    tooLarge.body() = R"({"error":{"code":"too_large","message":"request body over )" +
                      std::to_string(limit / 1024) + R"( KiB"}})";
    tooLarge.keep_alive(false);
    tooLarge.prepare_payload();
    send(std::move(tooLarge), true);
}

void HttpSession::onRequest() {
    auto request = parser_->release();
    if (beast::websocket::is_upgrade(request)) {
        if (request.target() != "/ws") {
            http::response<http::string_body> notFound{http::status::not_found, request.version()};
            notFound.body() = "the terminal protocol is at /ws\n";
            notFound.keep_alive(false);
            notFound.prepare_payload();
            return send(std::move(notFound));
        }
        auto session =
            std::make_shared<TerminalSession>(std::move(stream_), context_, peerAddress_);
        session->start(std::move(request));
        return;
    }
    ++context_.metrics.httpRequests;
    beast::get_lowest_layer(stream_).expires_never(); // the API may wait on the database
    api_.handle(std::move(request),
                [self = shared_from_this()](http::response<http::string_body> response) {
                    self->send(std::move(response));
                });
}

void HttpSession::send(http::response<http::string_body> response, bool drain) {
    auto message = std::make_shared<http::response<http::string_body>>(std::move(response));
    message->set(http::field::server, "callstationd");
    beast::get_lowest_layer(stream_).expires_after(limits::kHttpRequest);
    http::async_write(
        stream_, *message,
        [self = shared_from_this(), message, drain](beast::error_code ec, std::size_t) {
            if (ec) return;
            if (message->keep_alive()) return self->readRequest();
            if (!drain) return self->close();
            // One deadline for the whole drain, not one per read.
            beast::get_lowest_layer(self->stream_).expires_after(limits::kLingerAfterRefusal);
            self->drainThenClose(std::make_shared<std::array<char, 16384>>());
        });
}

// A lingering close (RFC 9112, section 9.6): a client still sending the body that was refused
// would have its connection reset by a close now, and with the reset often lose the 413 waiting
// unread in its receive buffer. So what it sends is read and dropped until it stops, or for
// kLingerAfterRefusal at most, and only then is the connection closed.
void HttpSession::drainThenClose(std::shared_ptr<std::array<char, 16384>> scratch) {
    stream_.async_read_some(boost::asio::buffer(*scratch), [self = shared_from_this(), scratch](
                                                               beast::error_code ec, std::size_t) {
        if (ec) return self->close(); // the client is done, or time is up
        self->drainThenClose(scratch);
    });
}

void HttpSession::close() {
    beast::error_code ignored;
    beast::get_lowest_layer(stream_).socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both,
                                                       ignored);
}

} // namespace hall::controller
