#pragma once
// Accepts TCP connections and hands each to an HttpSession; past the connection limit a new
// connection is closed at once, before any TLS work is spent on it.

#include "callstation/netclient/asio.h"
#include "callstation/controller/server_context.h"

namespace hall::controller {

class RestApi;

class Listener {
public:
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             boost::asio::ssl::context& tls, ServerContext& context, RestApi& api);
    void start();
    void stop();
    boost::asio::ip::tcp::endpoint endpoint() const;

private:
    void acceptNext();

    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::ssl::context& tls_;
    ServerContext& context_;
    RestApi& api_;
};

} // namespace hall::controller
