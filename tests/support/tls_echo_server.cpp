#include "tests/support/tls_echo_server.h"

#include "tests/support/server_loop.h"
#include "tests/support/server_tls_context.h"

#include <deque>

namespace hall::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(asio::ip::tcp::socket socket, asio::ssl::context& tls,
            const TlsEchoServer::Responder& responder)
        : ws_(std::move(socket), tls), responder_(responder) {}

    void start() {
        // A client that never finishes the handshake must not hold a session for ever.
        beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
        ws_.next_layer().async_handshake(
            asio::ssl::stream_base::server,
            [self = shared_from_this()](error_code ec) { self->onTls(ec); });
    }

    bool open() const { return open_; }

    void close(bool polite, std::uint16_t code) {
        if (!open_) return;
        if (polite) {
            ws_.async_close(websocket::close_reason(code),
                            [self = shared_from_this()](error_code) { self->open_ = false; });
        } else {
            error_code ignored;
            beast::get_lowest_layer(ws_).socket().close(ignored);
            open_ = false;
        }
    }

private:
    void onTls(error_code ec) {
        if (ec) return;
        beast::get_lowest_layer(ws_).expires_never(); // the WebSocket layer times itself
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.async_accept([self = shared_from_this()](error_code e) { self->onAccept(e); });
    }

    void onAccept(error_code ec) {
        if (ec) return;
        open_ = true;
        read();
    }

    void read() {
        ws_.async_read(
            buffer_, [self = shared_from_this()](error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(error_code ec) {
        if (ec) {
            open_ = false;
            return;
        }
        WsFrame received{beast::buffers_to_string(buffer_.data()), ws_.got_text()};
        buffer_.consume(buffer_.size());
        if (responder_) {
            for (auto& frame : responder_(received))
                outbox_.push_back(std::move(frame));
        } else {
            outbox_.push_back(std::move(received));
        }
        if (!writing_) write();
        read(); // one read and one write may be in flight together
    }

    void write() {
        if (outbox_.empty() || !open_) {
            writing_ = false;
            return;
        }
        writing_ = true;
        ws_.text(outbox_.front().text);
        ws_.async_write(asio::buffer(outbox_.front().payload),
                        [self = shared_from_this()](error_code ec, std::size_t) {
                            self->outbox_.pop_front();
                            if (ec) {
                                self->writing_ = false;
                                return;
                            }
                            self->write();
                        });
    }

    websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws_;
    const TlsEchoServer::Responder& responder_;
    beast::flat_buffer buffer_;
    std::deque<WsFrame> outbox_;
    bool writing_ = false;
    bool open_ = false;
};

} // namespace

struct TlsEchoServer::Impl {
    Impl(const std::string& certificatePem, const std::string& keyPem, Options opts)
        : tls(makeTestServerTlsContext(certificatePem, keyPem)), options(std::move(opts)),
          loop(options.address, [this](asio::ip::tcp::socket socket) {
              auto session = std::make_shared<Session>(std::move(socket), tls, options.responder);
              std::erase_if(sessions, [](const auto& weak) { return weak.expired(); });
              sessions.push_back(session);
              session->start();
          }) {}

    // Declaration order matters: the loop goes first, and with it the sessions still held by
    // its handlers, while the TLS context and the responder they use still exist.
    asio::ssl::context tls;
    Options options;
    std::vector<std::weak_ptr<Session>> sessions; // touched on the loop's thread only
    ServerLoop loop;
};

TlsEchoServer::TlsEchoServer(const std::string& certificatePem, const std::string& keyPem,
                             Options options)
    : impl_(std::make_unique<Impl>(certificatePem, keyPem, std::move(options))) {}

TlsEchoServer::TlsEchoServer(const std::string& certificatePem, const std::string& keyPem)
    : TlsEchoServer(certificatePem, keyPem, Options{}) {}

TlsEchoServer::~TlsEchoServer() {
    stop();
}

std::uint16_t TlsEchoServer::port() const {
    return impl_->loop.port();
}

std::size_t TlsEchoServer::connectionsAccepted() const {
    return impl_->loop.accepted();
}

std::size_t TlsEchoServer::openSessions() {
    std::size_t open = 0;
    impl_->loop.runOnLoop([&] {
        for (const auto& weak : impl_->sessions)
            if (const auto session = weak.lock(); session && session->open()) ++open;
    });
    return open;
}

void TlsEchoServer::closeConnections(bool polite, std::uint16_t code) {
    impl_->loop.runOnLoop([&] {
        for (const auto& weak : impl_->sessions)
            if (const auto session = weak.lock()) session->close(polite, code);
    });
}

void TlsEchoServer::stop() {
    impl_->loop.stop();
}

} // namespace hall::testing
