#include "callstation/netclient/rest_client.h"

#include "callstation/netclient/detail/blocking_io.h"
#include "callstation/netclient/tls_client.h"

#include <stdexcept>

namespace hall::netclient {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;
using detail::Clock;

namespace {

// One TLS connection with its own io_context. After any failure or timeout the whole object is
// dropped: operations left in flight then die with the io_context, never touching a stream
// that is gone (see detail/blocking_io.h).
struct Connection {
    explicit Connection(asio::ssl::context& tls) : stream(ioc, tls) {}
    asio::io_context ioc; // first: destroyed last
    detail::TlsStream stream;
    beast::flat_buffer buffer;
};

// How one exchange over one connection went.
struct Exchange {
    std::optional<HttpReply> reply;
    bool keepAlive = false;
    bool timedOut = false;
    // The server had closed the connection before reading the request: sending it again on a
    // fresh connection cannot make it happen twice.
    bool stale = false;
    std::string failure;
};

} // namespace

struct RestClient::Impl {
    std::string host;
    std::uint16_t port = 0;
    std::string where;
    std::string token;
    RestOptions options;
    asio::ssl::context tls;
    std::unique_ptr<Connection> connection;
    std::size_t opened = 0;

    Impl(std::string h, std::uint16_t p, const std::string& caPem, std::string t, RestOptions o)
        : host(std::move(h)), port(p), where(detail::endpointName(host, p)), token(std::move(t)),
          options(o), tls(makeClientTlsContext(caPem)) {}

    void connect(Clock::time_point deadline) {
        auto fresh = std::make_unique<Connection>(tls);
        detail::connectTcp(fresh->ioc, beast::get_lowest_layer(fresh->stream).socket(), host, port,
                           deadline);
        detail::handshakeTls(fresh->ioc, fresh->stream, host, port, deadline);
        connection = std::move(fresh);
        ++opened;
    }

    Exchange exchange(const http::request<http::string_body>& request, Clock::time_point deadline) {
        Connection& c = *connection;
        Exchange out;
        const auto written = detail::runOp(
            c.ioc, deadline, [&](auto done) { http::async_write(c.stream, request, done); });
        if (!written || *written) {
            out.timedOut = !written;
            out.stale = written && detail::isPeerClosure(*written);
            out.failure = written ? "sending failed: " + written->message() : "sending timed out";
            return out;
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(options.maxBodyBytes);
        const auto read = detail::runOp(c.ioc, deadline, [&](auto done) {
            http::async_read(c.stream, c.buffer, parser, done);
        });
        if (!read || *read) {
            out.timedOut = !read;
            // Closed before a single byte of the answer: the request was not taken (a server
            // closes an idle keep-alive connection without reading what arrives after).
            out.stale = read && detail::isPeerClosure(*read) && !parser.got_some();
            out.failure = read ? "no complete answer: " + read->message() : "no answer in time";
            return out;
        }
        auto& response = parser.get();
        out.keepAlive = response.keep_alive();
        out.reply =
            HttpReply{static_cast<int>(response.result_int()),
                      std::string(response[http::field::content_type]), std::move(response.body())};
        return out;
    }
};

RestClient::RestClient(std::string host, std::uint16_t port, const std::string& caPem,
                       std::string bearerToken, RestOptions options)
    : impl_(std::make_unique<Impl>(std::move(host), port, caPem, std::move(bearerToken), options)) {
}
RestClient::RestClient(RestClient&&) noexcept = default;
RestClient& RestClient::operator=(RestClient&&) noexcept = default;
RestClient::~RestClient() = default;

HttpReply RestClient::request(http::verb method, std::string_view target, std::string_view body,
                              std::string_view contentType, const HttpHeaders& headers) {
    if (target.empty() || target.front() != '/')
        throw std::invalid_argument("HTTP target must start with '/': " +
                                    std::string(target.substr(0, 64)));
    // A CR or LF would end the header early and smuggle whatever follows into the request.
    const auto unsafe = [](const std::string& text) {
        return text.find_first_of("\r\n") != std::string::npos;
    };
    for (const auto& [name, value] : headers) {
        if (name.empty() || unsafe(name) || unsafe(value))
            throw std::invalid_argument("unusable HTTP header: " + name.substr(0, 64));
    }
    Impl& impl = *impl_;
    const auto deadline = Clock::now() + impl.options.timeout;
    const std::string what =
        std::string(http::to_string(method)) + " " + std::string(target) + " at " + impl.where;

    http::request<http::string_body> request(method,
                                             beast::string_view(target.data(), target.size()), 11);
    request.set(http::field::host, impl.where);
    request.set(http::field::user_agent, "hall-netclient");
    if (!impl.token.empty()) request.set(http::field::authorization, "Bearer " + impl.token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty()) {
        request.set(http::field::content_type,
                    beast::string_view(contentType.data(), contentType.size()));
        request.body().assign(body.data(), body.size());
    }
    request.keep_alive(true);
    request.prepare_payload();

    for (;;) {
        const bool reused = impl.connection != nullptr;
        if (!reused) {
            try {
                impl.connect(deadline);
            } catch (const TimeoutError& e) {
                throw TimeoutError(what + ": " + e.what());
            } catch (const ConnectionError& e) {
                throw ConnectionError(what + ": " + e.what());
            }
        }
        Exchange exchange = impl.exchange(request, deadline);
        if (exchange.reply) {
            if (!exchange.keepAlive) impl.connection.reset();
            return std::move(*exchange.reply);
        }
        impl.connection.reset();
        if (exchange.stale && reused) continue; // once: the next round's connection is fresh
        if (exchange.timedOut) throw TimeoutError(what + ": " + exchange.failure);
        throw ConnectionError(what + ": " + exchange.failure);
    }
}

HttpReply RestClient::get(std::string_view target) {
    return request(http::verb::get, target);
}

HttpReply RestClient::post(std::string_view target, std::string_view body,
                           std::string_view contentType) {
    return request(http::verb::post, target, body, contentType);
}

HttpReply RestClient::del(std::string_view target) {
    return request(http::verb::delete_, target);
}

std::size_t RestClient::connectionsOpened() const {
    return impl_->opened;
}

} // namespace hall::netclient
