#include "callstation/netclient/detail/blocking_io.h"

#include "callstation/netclient/errors.h"
#include "callstation/netclient/tls_client.h"

namespace hall::netclient::detail {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

std::string endpointName(const std::string& host, std::uint16_t port) {
    const bool ipv6Literal = host.find(':') != std::string::npos;
    return (ipv6Literal ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool isPeerClosure(const error_code& ec) {
    namespace beast = boost::beast;
    // stream_truncated: TCP closed without TLS close_notify, which servers commonly do.
    return ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == asio::error::broken_pipe || ec == asio::ssl::error::stream_truncated ||
           ec == beast::websocket::error::closed || ec == beast::http::error::end_of_stream;
}

void connectTcp(asio::io_context& ioc, tcp::socket& socket, const std::string& host,
                std::uint16_t port, Clock::time_point deadline, int receiveBufferBytes) {
    const std::string where = endpointName(host, port);
    tcp::resolver resolver(ioc);
    auto addresses = std::make_shared<tcp::resolver::results_type>();
    const auto resolved = runOp(ioc, deadline, [&](auto done) {
        resolver.async_resolve(
            host, std::to_string(port),
            [addresses, done](error_code ec, tcp::resolver::results_type results) mutable {
                *addresses = std::move(results);
                done(ec);
            });
    });
    if (!resolved) throw TimeoutError("resolve " + host + ": timed out");
    if (*resolved) throw ConnectionError("resolve " + host + ": " + resolved->message());

    // One address after the other ("localhost" may give ::1 first while the server listens on
    // 127.0.0.1 only). asio::async_connect would reopen the socket per address and lose
    // SO_RCVBUF, hence the explicit loop.
    error_code last = asio::error::host_not_found;
    for (const auto& entry : *addresses) {
        const tcp::endpoint endpoint = entry.endpoint();
        error_code ignored;
        socket.close(ignored);
        socket.open(endpoint.protocol(), last);
        if (last) continue;
        if (receiveBufferBytes > 0) {
            socket.set_option(tcp::socket::receive_buffer_size(receiveBufferBytes), last);
            if (last)
                throw ConnectionError("connect to " + where + ": cannot set the receive buffer (" +
                                      last.message() + ")");
        }
        const auto connected =
            runOp(ioc, deadline, [&](auto done) { socket.async_connect(endpoint, done); });
        if (!connected) {
            socket.close(ignored);
            throw TimeoutError("connect to " + where + ": timed out");
        }
        last = *connected;
        if (!last) {
            socket.set_option(tcp::no_delay(true), ignored);
            return;
        }
    }
    throw ConnectionError("connect to " + where + ": " + last.message());
}

void handshakeTls(asio::io_context& ioc, TlsStream& stream, const std::string& host,
                  std::uint16_t port, Clock::time_point deadline) {
    const std::string where = endpointName(host, port);
    expectPeerHost(stream.native_handle(), host);
    const auto done = runOp(ioc, deadline, [&](auto handler) {
        stream.async_handshake(asio::ssl::stream_base::client, handler);
    });
    if (!done) throw TimeoutError("TLS handshake with " + where + ": timed out");
    if (*done)
        throw ConnectionError("TLS handshake with " + where + ": " +
                              describeTlsFailure(stream.native_handle(), *done));
}

} // namespace hall::netclient::detail
