// Telling the controller's responses from its pushes, and refusing what is neither.

#include "callstation/netclient/server_frame.h"
#include "shared/protocol/codec.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace hall::netclient;

TEST_CASE("pushes and responses are told apart and decoded") {
    const std::string push =
        protocol::encodePush(protocol::Push{7, protocol::Notice{"n1", "closing at 17:00"}});
    auto decodedPush = decodeServerFrame(push);
    REQUIRE(decodedPush.ok());
    const auto* p = std::get_if<protocol::Push>(&decodedPush.value());
    REQUIRE(p != nullptr);
    CHECK(p->seq == 7);
    CHECK(std::get<protocol::Notice>(p->body).text == "closing at 17:00");

    protocol::Response response{"r-1", protocol::RequestType::Heartbeat, protocol::Ack{}};
    auto decodedResponse = decodeServerFrame(protocol::encodeResponse(response));
    REQUIRE(decodedResponse.ok());
    const auto* r = std::get_if<protocol::Response>(&decodedResponse.value());
    REQUIRE(r != nullptr);
    CHECK(r->id == "r-1");
    CHECK(r->ok());
}

TEST_CASE("an undecodable frame gets the error of the type it claims") {
    auto notJson = decodeServerFrame("{nope");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().code == "bad_frame");

    // A response with a field it may not have: the response decoder's complaint, with the id.
    auto badResponse = decodeServerFrame(
        R"({"v":1,"type":"response","id":"r-2","request":"heartbeat","ok":true,"result":{},"x":1})");
    REQUIRE_FALSE(badResponse.ok());
    CHECK(badResponse.error().code == "bad_frame");
    CHECK(badResponse.error().message.find("field 'x'") != std::string::npos);
    CHECK(badResponse.requestId() == "r-2");

    auto badPush = decodeServerFrame(R"({"v":1,"type":"push","seq":0,"kind":"notice","data":{}})");
    REQUIRE_FALSE(badPush.ok());
    CHECK(badPush.error().code == "bad_frame");

    auto request = decodeServerFrame(R"({"v":1,"type":"heartbeat","id":"r-3"})");
    REQUIRE_FALSE(request.ok());
    CHECK(request.error().code == "unknown_type");
    CHECK(request.error().message.find("heartbeat") != std::string::npos);

    auto future = decodeServerFrame(R"({"v":2,"type":"push","seq":1,"kind":"notice","data":{}})");
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().code == "unsupported_version");
}
