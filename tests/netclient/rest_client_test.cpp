// RestClient against an in-process HTTPS server: statuses pass through, headers and bodies
// arrive, the connection is kept and re-opened once when the server dropped it, and transport
// failures throw.

#include "callstation/netclient/rest_client.h"
#include "tests/netclient/test_pki.h"
#include "tests/support/tls_http_server.h"

#include <doctest/doctest.h>

using namespace hall::netclient;
using namespace std::chrono;
using hall::netclient::testing::hallCa;
using hall::netclient::testing::hallPki;
using hall::netclient::testing::otherHallPki;
using hall::testing::HttpAnswer;
using hall::testing::HttpRequestSeen;
using hall::testing::TlsHttpServer;

namespace {

// /healthz: "ok"; /echo: what arrived; /drop: answers, then drops the TCP connection;
// /silent: never answers; anything else 404.
std::optional<HttpAnswer> handle(const HttpRequestSeen& request) {
    if (request.target == "/healthz") return HttpAnswer{200, "text/plain; charset=utf-8", "ok"};
    if (request.target.starts_with("/echo"))
        return HttpAnswer{200, "application/json",
                          request.method + " " + request.target + "|" + request.authorization +
                              "|" + request.contentType + "|" + request.body};
    if (request.target == "/key") return HttpAnswer{200, "text/plain", request.idempotencyKey};
    if (request.target == "/drop") {
        HttpAnswer answer{200, "text/plain", "bye"};
        answer.dropAfter = true;
        return answer;
    }
    if (request.target == "/silent") return std::nullopt;
    return HttpAnswer{404, "application/json", R"({"error":"not_found"})"};
}

} // namespace

TEST_CASE("a GET returns status, content type and body") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa());
    const auto reply = client.get("/healthz");
    CHECK(reply.status == 200);
    CHECK(reply.ok());
    CHECK(reply.contentType == "text/plain; charset=utf-8");
    CHECK(reply.body == "ok");
}

TEST_CASE("HTTP error statuses are answers, not exceptions") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa());
    const auto reply = client.get("/api/v1/nothing");
    CHECK(reply.status == 404);
    CHECK_FALSE(reply.ok());
    CHECK(reply.body == R"({"error":"not_found"})");
}

TEST_CASE("the bearer token, method, body and content type reach the server") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("localhost", http.port(), hallCa(), "admin-secret");
    CHECK(client.post("/echo?x=1", R"({"a":1})").body ==
          R"(POST /echo?x=1|Bearer admin-secret|application/json|{"a":1})");
    CHECK(client.del("/echo/7").body == "DELETE /echo/7|Bearer admin-secret||");
    CHECK(client.request(boost::beast::http::verb::put, "/echo", "x=1", "text/plain").body ==
          "PUT /echo|Bearer admin-secret|text/plain|x=1");

    RestClient anonymous("127.0.0.1", http.port(), hallCa());
    CHECK(anonymous.get("/echo").body == "GET /echo|||");
}

TEST_CASE("extra headers are sent; one that could split the request is refused") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa());
    CHECK(client.request(boost::beast::http::verb::post, "/key", "{}", "application/json",
                         {{"Idempotency-Key", "c42-1"}})
              .body == "c42-1");
    CHECK_THROWS_AS(client.request(boost::beast::http::verb::post, "/key", "{}",
                                   "application/json", {{"Idempotency-Key", "a\r\nX-Evil: 1"}}),
                    std::invalid_argument);
    CHECK(client.get("/key").body.empty());
}

TEST_CASE("one connection serves request after request") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa());
    for (int i = 0; i < 5; ++i)
        CHECK(client.get("/healthz").status == 200);
    CHECK(client.connectionsOpened() == 1);
    CHECK(http.connectionsAccepted() == 1);
}

TEST_CASE("a connection the server dropped is replaced once, transparently") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa());
    CHECK(client.get("/drop").body == "bye");
    CHECK(client.get("/healthz").body == "ok");
    CHECK(client.connectionsOpened() == 2);
    CHECK(http.connectionsAccepted() == 2);
}

TEST_CASE("a server that does not answer times out") {
    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient client("127.0.0.1", http.port(), hallCa(), {}, RestOptions{300ms});
    const auto start = steady_clock::now();
    CHECK_THROWS_WITH_AS((void)client.get("/silent"), doctest::Contains("GET /silent"),
                         TimeoutError);
    const auto took = steady_clock::now() - start;
    CHECK(took >= 290ms);
    CHECK(took < 2s);
    // The next request gets a connection of its own.
    CHECK(client.get("/healthz").body == "ok");
}

TEST_CASE("transport failures throw ConnectionError") {
    std::uint16_t closedPort = 0;
    {
        TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
        closedPort = http.port();
    }
    RestClient nobody("127.0.0.1", closedPort, hallCa(), {}, RestOptions{2s});
    CHECK_THROWS_WITH_AS((void)nobody.get("/healthz"), doctest::Contains("connect to"),
                         ConnectionError);

    TlsHttpServer http(hallPki().serverCertificatePem, hallPki().serverKeyPem, handle);
    RestClient stranger("127.0.0.1", http.port(), otherHallPki().caCertificatePem);
    CHECK_THROWS_WITH_AS((void)stranger.get("/healthz"),
                         doctest::Contains("certificate verify failed"), ConnectionError);

    CHECK_THROWS_AS(RestClient("127.0.0.1", http.port(), "no CA"), ConnectionError);
    RestClient client("127.0.0.1", http.port(), hallCa());
    CHECK_THROWS_AS((void)client.get("healthz"), std::invalid_argument);
}
