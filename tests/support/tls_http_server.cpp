#include "tests/support/tls_http_server.h"

#include "tests/support/server_loop.h"
#include "tests/support/server_tls_context.h"

namespace hall::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    using Held = std::vector<std::shared_ptr<Session>>;

    Session(asio::ip::tcp::socket socket, asio::ssl::context& tls,
            const TlsHttpServer::Handler& handler, Held& held)
        : stream_(std::move(socket), tls), handler_(handler), held_(held) {}

    void start() {
        stream_.async_handshake(asio::ssl::stream_base::server,
                                [self = shared_from_this()](error_code ec) {
                                    if (!ec) self->read();
                                });
    }

private:
    void read() {
        request_ = {};
        http::async_read(stream_, buffer_, request_,
                         [self = shared_from_this()](error_code ec, std::size_t) {
                             if (!ec) self->answer();
                         });
    }

    void answer() {
        const HttpRequestSeen seen{
            std::string(request_.method_string()), std::string(request_.target()),
            std::string(request_[http::field::authorization]),
            std::string(request_[http::field::content_type]), request_.body(),
            std::string(request_["Idempotency-Key"])};
        const auto answer = handler_(seen);
        if (!answer) {
            // Nothing in flight keeps the session alive now: the server holds it, open and
            // silent, until it stops.
            held_.push_back(shared_from_this());
            return;
        }
        response_ = {};
        response_.result(static_cast<unsigned>(answer->status));
        response_.version(11);
        response_.set(http::field::content_type, answer->contentType);
        response_.body() = answer->body;
        response_.keep_alive(request_.keep_alive());
        response_.prepare_payload();
        const bool drop = answer->dropAfter || !request_.keep_alive();
        http::async_write(stream_, response_,
                          [self = shared_from_this(), drop](error_code ec, std::size_t) {
                              if (ec) return;
                              if (drop) {
                                  error_code ignored;
                                  beast::get_lowest_layer(self->stream_).socket().close(ignored);
                                  return;
                              }
                              self->read();
                          });
    }

    beast::ssl_stream<beast::tcp_stream> stream_;
    const TlsHttpServer::Handler& handler_;
    Held& held_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
};

} // namespace

struct TlsHttpServer::Impl {
    Impl(const std::string& certificatePem, const std::string& keyPem, Handler h,
         const std::string& address)
        : tls(makeTestServerTlsContext(certificatePem, keyPem)), handler(std::move(h)),
          loop(address, [this](asio::ip::tcp::socket socket) {
              std::make_shared<Session>(std::move(socket), tls, handler, held)->start();
          }) {}
    ~Impl() {
        loop.stop();
        held.clear(); // while the io_context their sockets belong to still exists
    }

    // The loop (and the sessions its handlers hold) goes first, while what they use exists.
    asio::ssl::context tls;
    Handler handler;
    Session::Held held; // touched on the loop's thread only, until it stops
    ServerLoop loop;
};

TlsHttpServer::TlsHttpServer(const std::string& certificatePem, const std::string& keyPem,
                             Handler handler, const std::string& address)
    : impl_(std::make_unique<Impl>(certificatePem, keyPem, std::move(handler), address)) {}

TlsHttpServer::~TlsHttpServer() {
    stop();
}

std::uint16_t TlsHttpServer::port() const {
    return impl_->loop.port();
}

std::size_t TlsHttpServer::connectionsAccepted() const {
    return impl_->loop.accepted();
}

void TlsHttpServer::stop() {
    impl_->loop.stop();
}

} // namespace hall::testing
