#pragma once
// One hallctl invocation's conversation with callstationd: the REST client, made when the first
// request needs it, and the translation of every way a request can fail into a Failure with the
// right exit code and one clear line (the server's own message and code when it refused).

#include "callstation/hallctl/global_options.h"
#include "callstation/netclient/rest_client.h"
#include "shared/protocol/messages.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hall::hallctl {

class Session {
public:
    Session(Endpoint endpoint, bool jsonOutput);

    const Endpoint& endpoint() const { return endpoint_; }
    // --json: commands print the server's answer instead of their tables.
    bool jsonOutput() const { return json_; }

    // Admin requests under /api/v1 (the credential is read on the first one). A 2xx answer's
    // body is returned parsed, in the server's key order (ordered_json), so that --json can print
    // it unchanged; anything else throws Failure.
    nlohmann::ordered_json get(std::string_view target);
    nlohmann::ordered_json send(boost::beast::http::verb method, std::string_view target,
                                const nlohmann::ordered_json& body,
                                const netclient::HttpHeaders& headers = {});
    // DELETE, without a body.
    nlohmann::ordered_json remove(std::string_view target);
    // Raw bytes as the body, with their own Content-Type (a file for POST /api/v1/content).
    nlohmann::ordered_json sendBytes(boost::beast::http::verb method, std::string_view target,
                                     std::string_view bytes, std::string_view contentType);
    // The body as it came (reports as CSV).
    std::string getText(std::string_view target);
    // The answer as it came, with its Content-Type (an attachment's bytes).
    netclient::HttpReply getRaw(std::string_view target);

    // Without a credential: /healthz.
    nlohmann::ordered_json getPublic(std::string_view target);

    // Redeems a one-time enrollment code as a terminal does (WebSocket `enroll`, trusting only
    // the hall CA): how a machine other than the queue host gets an admin credential.
    protocol::EnrollResult redeem(const std::string& code);

private:
    netclient::HttpReply exchange(bool admin, boost::beast::http::verb method,
                                  std::string_view target, std::string_view body,
                                  const netclient::HttpHeaders& headers,
                                  std::string_view contentType = "application/json");
    netclient::RestClient& client(bool admin);
    std::string caPem() const;
    std::string credential() const;
    nlohmann::ordered_json parse(const netclient::HttpReply& reply) const;

    Endpoint endpoint_;
    bool json_;
    std::optional<netclient::RestClient> admin_;
    std::optional<netclient::RestClient> public_;
};

} // namespace hall::hallctl
