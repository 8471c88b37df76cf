#pragma once
// The controller's REST API (docs/api.md) as blocking calls: HTTP/1.1 over TLS on the same port
// as the terminals' WebSocket, /api/v1/…, /healthz and /metrics; admin calls carry
// "Authorization: Bearer <credential>". One keep-alive connection, opened on the first request
// and reused; when the server has closed it meanwhile, the request goes once more over a fresh
// connection. HTTP error statuses are answers, returned as they are; only transport failures
// throw.

#include "callstation/netclient/errors.h"

// verb.hpp is Beast's method enum only (no Asio), so users of this header stay light; <utility>
// first all the same, as everywhere Boost is included (see netclient/asio.h).
// clang-format off
#include <utility>
#include <boost/beast/http/verb.hpp>
// clang-format on

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hall::netclient {

struct HttpReply {
    int status = 0;
    std::string contentType; // as sent, parameters included ("text/plain; charset=utf-8")
    std::string body;
    bool ok() const { return status >= 200 && status < 300; }
};

// Extra request headers, name and value ("Idempotency-Key", "c1f…-7").
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct RestOptions {
    // Per request, reconnecting included.
    std::chrono::milliseconds timeout = std::chrono::seconds(10);
    // A longer body fails the request (reports and metrics are well below this).
    std::size_t maxBodyBytes = 16 * 1024 * 1024;
};

class RestClient {
public:
    // Trusts only the CA in `caPem` and checks that the certificate names `host`. An empty
    // `bearerToken` sends no Authorization header (/healthz needs none). Connects lazily;
    // throws ConnectionError here only for an unusable CA certificate.
    RestClient(std::string host, std::uint16_t port, const std::string& caPem,
               std::string bearerToken = {}, RestOptions options = {});
    RestClient(RestClient&&) noexcept;
    RestClient& operator=(RestClient&&) noexcept;
    ~RestClient();

    // `target` is the path with its query ("/api/v1/devices?role=kiosk"). Content-Type is sent
    // with a non-empty body only. Throws ConnectionError (TimeoutError) when no complete answer
    // arrived; std::invalid_argument for a target that does not start with '/' or a header
    // containing CR/LF.
    HttpReply request(boost::beast::http::verb method, std::string_view target,
                      std::string_view body = {},
                      std::string_view contentType = "application/json",
                      const HttpHeaders& headers = {});

    HttpReply get(std::string_view target);
    HttpReply post(std::string_view target, std::string_view body,
                   std::string_view contentType = "application/json");
    HttpReply del(std::string_view target);

    // TCP connections opened so far (1 while keep-alive holds).
    std::size_t connectionsOpened() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::netclient
