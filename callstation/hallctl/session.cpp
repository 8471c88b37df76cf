#include "callstation/hallctl/session.h"

#include "callstation/netclient/terminal_connection.h"

#include "callstation/controller/data_dir.h"
#include "callstation/hallctl/failure.h"
#include "callstation/netclient/errors.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hall::hallctl {

namespace http = boost::beast::http;
namespace fs = std::filesystem;
// Ordered: --json prints the server's answer with its keys in the order the server sent them.
using json = nlohmann::ordered_json;

namespace {

std::optional<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

std::string trimmed(std::string_view text) {
    constexpr const char* kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

// A refusal's one line: the server's message and code ({"error":{"code","message"}}, api.md),
// or the bare status when the body is not that.
std::string refusalText(const netclient::HttpReply& reply) {
    try {
        const json body = json::parse(reply.body);
        const auto& error = body.at("error");
        const auto code = error.at("code").get<std::string>();
        const auto message = error.value("message", std::string());
        return (message.empty() ? code : message) + " (" + code + ")";
    } catch (const std::exception&) {
        return "callstationd answered HTTP " + std::to_string(reply.status);
    }
}

ExitCode exitCodeFor(int status) {
    if (status == 401 || status == 403) return ExitCode::Auth;
    if (status >= 500) return ExitCode::Unreachable; // the server failed: nothing was done
    return ExitCode::Refused;
}

} // namespace

Session::Session(Endpoint endpoint, bool jsonOutput) : endpoint_(std::move(endpoint)), json_(jsonOutput) {}

std::string Session::caPem() const {
    auto pem = readFile(endpoint_.caFile);
    if (!pem || pem->empty())
        throw Failure(ExitCode::Unreachable,
                      "no CA certificate: " + endpoint_.caFile.string() +
                          " not readable — pass --ca with a copy of the hall's pki/ca.crt");
    return *pem;
}

std::string Session::credential() const {
    // The credential itself is never echoed: messages name only where it was looked for.
    if (!endpoint_.credentialFile.empty()) {
        auto text = readFile(endpoint_.credentialFile);
        if (!text || trimmed(*text).empty())
            throw Failure(ExitCode::Auth, "no admin credential: " + endpoint_.credentialFile.string() +
                                              " not readable or empty");
        return trimmed(*text);
    }
    if (const char* env = std::getenv("HALLCTL_CREDENTIAL"); env && *env) return trimmed(env);
    const fs::path file = endpoint_.dataDir / controller::files::kAdminCredential;
    auto text = readFile(file);
    if (!text || trimmed(*text).empty())
        throw Failure(ExitCode::Auth, "no admin credential: " + file.string() +
                                          " not readable — run on the queue host or pass "
                                          "--credential-file");
    return trimmed(*text);
}

netclient::RestClient& Session::client(bool admin) {
    auto& slot = admin ? admin_ : public_;
    if (!slot) {
        netclient::RestOptions options;
        options.timeout = endpoint_.timeout;
        const std::string token = admin ? credential() : std::string();
        try {
            slot.emplace(endpoint_.host, endpoint_.port, caPem(), token, options);
        } catch (const netclient::ConnectionError& e) {
            throw Failure(ExitCode::Unreachable,
                          "CA certificate " + endpoint_.caFile.string() + " is not usable: " + e.what());
        }
    }
    return *slot;
}

netclient::HttpReply Session::exchange(bool admin, http::verb method, std::string_view target,
                                       std::string_view body, const netclient::HttpHeaders& headers,
                                       std::string_view contentType) {
    auto& rest = client(admin);
    netclient::HttpReply reply;
    try {
        reply = rest.request(method, target, body, contentType, headers);
    } catch (const netclient::TimeoutError& e) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%g s", static_cast<double>(endpoint_.timeout.count()) / 1000);
        throw Failure(ExitCode::Unreachable, "no answer from callstationd at " + endpoint_.display() +
                                                 " within " + limit + " (" + e.what() + ")");
    } catch (const netclient::ConnectionError& e) {
        throw Failure(ExitCode::Unreachable,
                      "cannot reach callstationd at " + endpoint_.display() + ": " + e.what());
    }
    if (!reply.ok()) throw Failure(exitCodeFor(reply.status), refusalText(reply));
    return reply;
}

protocol::EnrollResult Session::redeem(const std::string& code) {
    try {
        auto connection = netclient::TerminalConnection::connect(endpoint_.host, endpoint_.port,
                                                                 caPem(), endpoint_.timeout);
        auto result = connection.enroll(code, endpoint_.timeout);
        connection.close();
        return result;
    } catch (const netclient::RequestRefused& e) {
        throw Failure(ExitCode::Refused, "the code was refused: " + e.error().message + " (" +
                                             e.error().code + ")");
    } catch (const netclient::TimeoutError& e) {
        throw Failure(ExitCode::Unreachable,
                      "no answer from callstationd at " + endpoint_.display() + ": " + e.what());
    } catch (const netclient::ConnectionError& e) {
        throw Failure(ExitCode::Unreachable,
                      "cannot reach callstationd at " + endpoint_.display() + ": " + e.what());
    }
}

json Session::parse(const netclient::HttpReply& reply) const {
    try {
        return json::parse(reply.body);
    } catch (const json::exception&) {
        throw Failure(ExitCode::Unreachable, "callstationd at " + endpoint_.display() +
                                                 " answered something that is not JSON");
    }
}

json Session::get(std::string_view target) {
    return parse(exchange(true, http::verb::get, target, {}, {}));
}

json Session::send(http::verb method, std::string_view target, const json& body,
                   const netclient::HttpHeaders& headers) {
    return parse(exchange(true, method, target, body.dump(), headers));
}

json Session::remove(std::string_view target) {
    return parse(exchange(true, http::verb::delete_, target, {}, {}));
}

json Session::sendBytes(http::verb method, std::string_view target, std::string_view bytes,
                        std::string_view contentType) {
    return parse(exchange(true, method, target, bytes, {}, contentType));
}

std::string Session::getText(std::string_view target) {
    return exchange(true, http::verb::get, target, {}, {}).body;
}

netclient::HttpReply Session::getRaw(std::string_view target) {
    return exchange(true, http::verb::get, target, {}, {});
}

json Session::getPublic(std::string_view target) {
    return parse(exchange(false, http::verb::get, target, {}, {}));
}

} // namespace hall::hallctl
