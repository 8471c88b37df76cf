#include "callstation/controller/listener.h"

#include "callstation/controller/http_session.h"
#include "callstation/controller/log.h"
#include "callstation/controller/server_limits.h"

namespace hall::controller {

Listener::Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
                   boost::asio::ssl::context& tls, ServerContext& context, RestApi& api)
    : acceptor_(io), tls_(tls), context_(context), api_(api) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

boost::asio::ip::tcp::endpoint Listener::endpoint() const { return acceptor_.local_endpoint(); }

void Listener::start() { acceptNext(); }

void Listener::stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
}

void Listener::acceptNext() {
    acceptor_.async_accept([this](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
        if (ec == boost::asio::error::operation_aborted) return; // stopped
        if (ec) {
            // Out of file descriptors and the like: say so, and keep accepting.
            logWarning("accept failed: " + ec.message());
            return acceptNext();
        }
        ++context_.metrics.connectionsAccepted;
        if (context_.metrics.connectionsOpen >= limits::kMaxConnections) {
            ++context_.metrics.connectionsRefused;
            boost::system::error_code ignored;
            socket.close(ignored);
            return acceptNext();
        }
        boost::system::error_code ignored;
        socket.set_option(boost::asio::ip::tcp::no_delay(true), ignored);
        socket.set_option(boost::asio::socket_base::send_buffer_size(limits::kSocketSendBuffer), ignored);
        std::make_shared<HttpSession>(std::move(socket), tls_, context_, api_)->start();
        acceptNext();
    });
}

} // namespace hall::controller
