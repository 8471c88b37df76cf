#pragma once
// A freshly accepted TLS connection: the handshake, then HTTP/1.1 requests for the REST API
// (keep-alive, one at a time) until one asks for the WebSocket upgrade on /ws, which hands the
// stream over to a TerminalSession. Every read has a deadline and a size limit.

#include "callstation/controller/server_context.h"
#include "callstation/netclient/asio.h"

#include <array>
#include <memory>
#include <optional>
#include <string>

namespace hall::controller {

class RestApi;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
                ServerContext& context, RestApi& api);
    ~HttpSession();
    void start();

private:
    void readRequest();
    void readBody();
    void refuseTooLarge(std::size_t limit);
    void onRequest();
    // `drain`: read and drop what the client still sends before closing (after a 413).
    void send(boost::beast::http::response<boost::beast::http::string_body> response,
              bool drain = false);
    void drainThenClose(std::shared_ptr<std::array<char, 16384>> scratch);
    void close();

    boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
    ServerContext& context_;
    ServerMetrics& metrics_; // also used by the destructor, which may run after the server is gone
    RestApi& api_;
    std::string peerAddress_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
};

} // namespace hall::controller
