// TerminalConnection against an in-process WebSocket-over-TLS server: frames both ways, every
// way of failing to connect, timeouts that leave the connection usable, the server ending the
// connection, and request/response matching with pushes in between (the server playing the
// controller through a responder).

#include "callstation/netclient/asio.h"
#include "callstation/netclient/terminal_connection.h"
#include "shared/protocol/codec.h"
#include "tests/netclient/test_pki.h"
#include "tests/support/tls_echo_server.h"
#include "tests/support/tls_http_server.h"

#include <doctest/doctest.h>
#include <set>
#include <thread>

using namespace hall;
using namespace hall::netclient;
using namespace std::chrono;
using hall::netclient::testing::hallCa;
using hall::netclient::testing::hallPki;
using hall::netclient::testing::otherHallPki;
using hall::testing::HttpAnswer;
using hall::testing::HttpRequestSeen;
using hall::testing::TlsEchoServer;
using hall::testing::TlsHttpServer;
using hall::testing::WsFrame;

namespace {

std::unique_ptr<TlsEchoServer> echoServer(TlsEchoServer::Options options = {}) {
    return std::make_unique<TlsEchoServer>(hallPki().serverCertificatePem, hallPki().serverKeyPem,
                                           std::move(options));
}

milliseconds since(steady_clock::time_point start) {
    return duration_cast<milliseconds>(steady_clock::now() - start);
}

// Makes sure the server has finished its side of the upgrade (a round trip), so that what the
// test does to the server next reaches an open session.
void roundTrip(TerminalConnection& connection) {
    connection.sendText("ping");
    REQUIRE(connection.readFrame(5s) == std::optional<std::string>("ping"));
}

WsFrame frame(const protocol::Response& response) {
    return {protocol::encodeResponse(response), true};
}
WsFrame notice(std::uint64_t seq) {
    return {protocol::encodePush(protocol::Push{
                seq, protocol::Notice{"n" + std::to_string(seq), "notice " + std::to_string(seq)}}),
            true};
}

const protocol::DeviceIdentity kPad{"pad-07", protocol::Role::WindowPad, 7, ""};

// Plays just enough of the controller for the client's request handling.
std::vector<WsFrame> playController(const WsFrame& received) {
    auto decoded = protocol::decodeRequest(received.payload);
    if (!decoded) return {frame({decoded.requestId(), std::nullopt, decoded.error()})};
    const protocol::Request& request = decoded.value();
    const auto answer = [&](protocol::ResponseResult result) {
        return frame({request.id, request.type(), std::move(result)});
    };
    switch (request.type()) {
    case protocol::RequestType::Hello:
        if (std::get<protocol::Hello>(request.body).credential == "good")
            return {answer(protocol::HelloResult{protocol::kVersion, kPad})};
        return {frame({request.id, request.type(),
                       protocol::protocolError(protocol::ProtocolError::Unauthenticated,
                                               "unknown credential")})};
    case protocol::RequestType::Enroll: {
        const auto& code = std::get<protocol::Enroll>(request.body).code;
        if (code == "garbage") return {{"{nope", true}};
        if (code == "binary") return {{"\x01\x02", false}};
        if (code == "wrong-result") return {answer(protocol::Ack{})};
        return {answer(protocol::EnrollResult{"credential-1", kPad})};
    }
    case protocol::RequestType::Heartbeat:
        // Pushes before and after the answer, and an answer to a request given up long ago.
        return {notice(1), frame({"stale-1", protocol::RequestType::Heartbeat, protocol::Ack{}}),
                notice(2), answer(protocol::Ack{}), notice(3)};
    case protocol::RequestType::SignIn: {
        std::vector<WsFrame> frames;
        for (std::uint64_t seq = 1; seq <= 5; ++seq)
            frames.push_back(notice(seq));
        frames.push_back(answer(protocol::CommandResult{}));
        return frames;
    }
    case protocol::RequestType::CancelTicket:
        // As for a frame too large to read: no id, no request type.
        return {frame({"", std::nullopt,
                       protocol::protocolError(protocol::ProtocolError::TooLarge, "too large")})};
    default:
        return {}; // never answered
    }
}

std::unique_ptr<TlsEchoServer> controllerServer() {
    TlsEchoServer::Options options;
    options.responder = playController;
    return echoServer(std::move(options));
}

} // namespace

TEST_CASE("frames go to the server and come back") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());

    connection.sendText("hello, hall");
    CHECK(connection.readFrame(5s) == std::optional<std::string>("hello, hall"));

    connection.sendBinary(std::string("\x00\xff", 2));
    CHECK(connection.readFrame(5s) == std::optional<std::string>(std::string("\x00\xff", 2)));

    const std::string big(60 * 1024, 'x'); // near the protocol's 64 KiB
    connection.sendText(big);
    CHECK(connection.readFrame(5s) == std::optional<std::string>(big));

    const protocol::Request request{"r-1", protocol::Heartbeat{}};
    connection.send(request);
    CHECK(connection.readFrame(5s) == std::optional<std::string>(protocol::encodeRequest(request)));
    CHECK_FALSE(connection.closedByPeer());
}

TEST_CASE("the host name is checked against the certificate, which names localhost") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("localhost", server->port(), hallCa());
    roundTrip(connection);
}

TEST_CASE("a server certificate from another hall's CA is refused at TLS") {
    auto server = echoServer();
    try {
        (void)TerminalConnection::connect("127.0.0.1", server->port(),
                                          otherHallPki().caCertificatePem);
        FAIL("connected to a server the CA did not sign");
    } catch (const ConnectionError& e) {
        const std::string message = e.what();
        CHECK(message.find("TLS") != std::string::npos);
        CHECK(message.find("certificate verify failed") != std::string::npos);
    }
}

TEST_CASE("a server whose certificate does not name the address is refused at TLS") {
    // The hall's certificate names localhost and 127.0.0.1 only; 127.0.0.2 is loopback too.
    TlsEchoServer::Options options;
    options.address = "127.0.0.2";
    auto server = echoServer(std::move(options));
    try {
        (void)TerminalConnection::connect("127.0.0.2", server->port(), hallCa());
        FAIL("connected to a server whose certificate does not name it");
    } catch (const ConnectionError& e) {
        const std::string message = e.what();
        CHECK(message.find("TLS") != std::string::npos);
        CHECK(message.find("mismatch") != std::string::npos);
    }
}

TEST_CASE("connecting where nobody listens fails at connect") {
    std::uint16_t port = 0;
    {
        auto server = echoServer();
        port = server->port();
    }
    try {
        (void)TerminalConnection::connect("127.0.0.1", port, hallCa(), 2s);
        FAIL("connected to a closed port");
    } catch (const ConnectionError& e) {
        CHECK(std::string(e.what()).find("connect to 127.0.0.1:" + std::to_string(port)) !=
              std::string::npos);
    }
}

TEST_CASE("an unknown host fails at resolve") {
    CHECK_THROWS_WITH_AS((void)TerminalConnection::connect("no-such-host.invalid", 443, hallCa(), 5s),
                         doctest::Contains("resolve no-such-host.invalid"), ConnectionError);
}

TEST_CASE("a server that never answers the TLS handshake times out in time") {
    // The kernel completes TCP connections to a listening socket nobody accepts from.
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::acceptor silent(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const auto start = steady_clock::now();
    CHECK_THROWS_WITH_AS(
        (void)TerminalConnection::connect("127.0.0.1", silent.local_endpoint().port(), hallCa(), 300ms),
        doctest::Contains("TLS handshake"), TimeoutError);
    CHECK(since(start) >= 290ms);
    CHECK(since(start) < 2s);
}

TEST_CASE("a server that is not a WebSocket endpoint fails at the upgrade") {
    TlsHttpServer server(hallPki().serverCertificatePem, hallPki().serverKeyPem,
                         [](const HttpRequestSeen&) {
                             return std::optional<HttpAnswer>(HttpAnswer{404, "text/plain", "no"});
                         });
    try {
        (void)TerminalConnection::connect("127.0.0.1", server.port(), hallCa());
        FAIL("upgraded at a plain HTTP server");
    } catch (const ConnectionError& e) {
        const std::string message = e.what();
        CHECK(message.find("WebSocket upgrade") != std::string::npos);
        CHECK(message.find("HTTP 404") != std::string::npos);
    }
}

TEST_CASE("a read times out empty, and the connection goes on") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    const auto start = steady_clock::now();
    CHECK_FALSE(connection.readFrame(200ms).has_value());
    CHECK(since(start) >= 190ms);
    CHECK(since(start) < 1500ms);
    // The read left in flight by the timeout delivers the next frame whole.
    connection.sendText("after the timeout");
    CHECK(connection.readFrame(5s) == std::optional<std::string>("after the timeout"));
}

TEST_CASE("a frame over the size limit ends the connection") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    connection.sendText(std::string(protocol::kMaxFrameBytes + 1, 'x'));
    CHECK_THROWS_AS((void)connection.readFrame(5s), ConnectionError);
    CHECK_FALSE(connection.closedByPeer());
}

TEST_CASE("the server closing with a close frame is reported, with its code") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    roundTrip(connection);
    server->closeConnections(/*polite=*/true, 1008);
    CHECK_THROWS_WITH_AS((void)connection.readFrame(5s), doctest::Contains("closed"),
                         ConnectionError);
    CHECK(connection.closedByPeer());
    CHECK(connection.closeCode() == std::optional<std::uint16_t>(1008));
    // Everything afterwards says the same.
    CHECK_THROWS_WITH_AS(connection.sendText("anyone?"), doctest::Contains("closed"),
                         ConnectionError);
    CHECK_THROWS_AS((void)connection.readFrame(10ms), ConnectionError);
}

TEST_CASE("the server dropping the TCP connection is reported as closed by the peer") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    roundTrip(connection);
    server->closeConnections(/*polite=*/false);
    CHECK_THROWS_WITH_AS((void)connection.readFrame(5s), doctest::Contains("closed"),
                         ConnectionError);
    CHECK(connection.closedByPeer());
    CHECK_FALSE(connection.closeCode().has_value());
}

TEST_CASE("close() says goodbye politely and ends the connection") {
    auto server = echoServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    roundTrip(connection);
    REQUIRE(server->openSessions() == 1);
    connection.close();
    CHECK_FALSE(connection.closedByPeer());
    CHECK_THROWS_AS(connection.sendText("late"), ConnectionError);
    // The server read the close frame: its session ended.
    const auto deadline = steady_clock::now() + 5s;
    while (server->openSessions() != 0 && steady_clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    CHECK(server->openSessions() == 0);
}

TEST_CASE("request() returns its response and keeps the pushes read meanwhile, in order") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());

    const protocol::Request heartbeat{connection.nextRequestId(), protocol::Heartbeat{}};
    const auto response = connection.request(heartbeat);
    CHECK(response.id == heartbeat.id); // not the stale answer sent before it
    CHECK(response.ok());
    CHECK(response.type == std::optional(protocol::RequestType::Heartbeat));

    // Pushes 1 and 2 came before the response; 3 after it and is read on demand.
    const auto queued = connection.takePushes();
    REQUIRE(queued.size() == 2);
    CHECK(queued[0].seq == 1);
    CHECK(queued[1].seq == 2);
    CHECK(connection.takePushes().empty());
    const auto third = connection.nextPush(5s);
    REQUIRE(third.has_value());
    CHECK(third->seq == 3);
    CHECK(std::get<protocol::Notice>(third->body).text == "notice 3");
    CHECK_FALSE(connection.nextPush(100ms).has_value());
}

TEST_CASE("nextPush() gives queued pushes first") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    (void)connection.request(protocol::Heartbeat{});
    for (std::uint64_t seq = 1; seq <= 3; ++seq) {
        const auto push = connection.nextPush(5s);
        REQUIRE(push.has_value());
        CHECK(push->seq == seq);
    }
}

TEST_CASE("beyond the push queue's bound the oldest pushes are dropped and counted") {
    auto server = controllerServer();
    ConnectOptions options;
    options.maxQueuedPushes = 2;
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa(), options);
    CHECK(connection.request(core::SignIn{3, "staff-1"}).ok());
    const auto queued = connection.takePushes();
    REQUIRE(queued.size() == 2);
    CHECK(queued[0].seq == 4);
    CHECK(queued[1].seq == 5);
    CHECK(connection.droppedPushes() == 3);
}

TEST_CASE("hello and enroll return their results, refusals throw RequestRefused") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());

    const auto hello = connection.hello("good");
    CHECK(hello.version == protocol::kVersion);
    CHECK(hello.identity.device == "pad-07");
    CHECK(hello.identity.window == std::optional(7));

    try {
        (void)connection.hello("bad");
        FAIL("a refused hello returned");
    } catch (const RequestRefused& e) {
        CHECK(e.error().code == "unauthenticated");
        CHECK(e.error().message == "unknown credential");
    }

    const auto enrolled = connection.enroll("ENR-1");
    CHECK(enrolled.credential == "credential-1");
    CHECK(enrolled.identity.role == protocol::Role::WindowPad);

    CHECK_THROWS_AS((void)connection.enroll("wrong-result"), ProtocolViolation);
}

TEST_CASE("a refusal without an id answers the request") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    const auto response = connection.request(core::CancelTicket{17, core::CancelReason::Citizen});
    REQUIRE_FALSE(response.ok());
    CHECK(std::get<protocol::Error>(response.outcome).code == "too_large");
}

TEST_CASE("frames that are not the protocol's are violations, and the connection stays") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    CHECK_THROWS_WITH_AS((void)connection.enroll("garbage"), doctest::Contains("undecodable frame"),
                         ProtocolViolation);
    CHECK_THROWS_WITH_AS((void)connection.enroll("binary"), doctest::Contains("binary frame"),
                         ProtocolViolation);
    CHECK(connection.hello("good").identity.device == "pad-07");
}

TEST_CASE("a request without an answer times out, and the connection goes on") {
    auto server = controllerServer();
    auto connection = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    const auto start = steady_clock::now();
    CHECK_THROWS_WITH_AS((void)connection.request(protocol::GetSnapshot{}, 200ms),
                         doctest::Contains("no response to get_snapshot"), TimeoutError);
    CHECK(since(start) >= 190ms);
    CHECK(since(start) < 1500ms);
    CHECK(connection.hello("good").version == protocol::kVersion);
}

TEST_CASE("request ids are valid, unique, and differ between connections") {
    auto server = echoServer();
    auto first = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    auto second = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    std::set<std::string> ids;
    for (int i = 0; i < 100; ++i) {
        const auto id = first.nextRequestId();
        CHECK(protocol::isValidRequestId(id));
        ids.insert(id);
    }
    CHECK(ids.size() == 100);
    const auto a = first.nextRequestId();
    const auto b = second.nextRequestId();
    CHECK(a.substr(0, a.find('-')) != b.substr(0, b.find('-')));
}

TEST_CASE("a small receive buffer can be asked for") {
    auto server = echoServer();
    auto normal = TerminalConnection::connect("127.0.0.1", server->port(), hallCa());
    ConnectOptions options;
    options.receiveBufferBytes = 4096;
    auto small = TerminalConnection::connect("127.0.0.1", server->port(), hallCa(), options);
    CHECK(small.receiveBufferBytes() <= 2 * 4096 + 4096); // Linux doubles it, plus bookkeeping
    CHECK(small.receiveBufferBytes() < normal.receiveBufferBytes());
    roundTrip(small);
}
