// Information publishing over the REST API (docs/api.md, "Signage"): content files, the
// playlist, the emergency message; and GET /content/<id>, where enrolled terminals fetch the
// files they play. Every change is written by the engine worker (it owns the data directory's
// writes), audited, and then handed to the hub, which sends every terminal a new snapshot.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"
#include "shared/protocol/codec.h"

#include <nlohmann/json.hpp>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

// A change to the content store on the worker, audited; then the hub's snapshots, then `answer`.
void RestApi::changeSignage(const std::shared_ptr<Call>& call, std::string action,
                            std::function<json(ContentStore&)> change) {
    context_.worker.run([this, call, action = std::move(action), change = std::move(change)](HallData& data) {
        json answer;
        std::optional<ContentError> refused;
        std::string failed;
        try {
            answer = change(data.content);
            data.audit.record(context_.clock.now(), call->admin.device, action,
                              answer.value("detail", std::string()));
            answer.erase("detail");
        } catch (const ContentError& e) {
            refused = e;
        } catch (const std::exception& e) {
            failed = e.what();
        }
        boost::asio::post(context_.network, [this, call, answer, refused, failed, signage = data.content.signage()] {
            if (refused) return call->refuse(*refused);
            if (!failed.empty()) return call->fail(http::status::internal_server_error, "internal", failed);
            context_.hub.setSignage(signage);
            call->ok(answer);
        });
    });
}

void RestApi::content(const std::shared_ptr<Call>& call, std::optional<std::string> id) {
    const auto& signage = context_.hub.signage();
    if (!id && call->method() == http::verb::get)
        return call->ok(json{{"content", json::parse(protocol::encodeView(signage))["content"]}});
    if (!id && call->method() == http::verb::post) {
        std::string name = call->query.count("name") ? call->query.at("name") : std::string();
        std::string type(call->request[http::field::content_type]);
        return changeSignage(call, "content_add",
                             [name, type, bytes = std::move(call->request.body())](ContentStore& store) {
                                 const auto item = store.add(name, type, bytes);
                                 json out = json::parse(protocol::encodeView(item));
                                 out["detail"] = item.name + " " + item.id.substr(0, 12);
                                 return out;
                             });
    }
    if (id && call->method() == http::verb::delete_)
        return changeSignage(call, "content_remove", [id = *id](ContentStore& store) {
            store.remove(id);
            return json{{"removed", id}, {"detail", id.substr(0, 12)}};
        });
    call->fail(http::status::method_not_allowed, "not_found", "GET or POST /api/v1/content, DELETE /api/v1/content/<id>");
}

void RestApi::playlist(const std::shared_ptr<Call>& call) {
    if (call->method() == http::verb::get)
        return call->ok(json::parse(protocol::encodePlaylist(context_.hub.signage().playlist)));
    auto decoded = protocol::decodePlaylist(call->request.body());
    if (!decoded) return call->fail(http::status::bad_request, "bad_request", decoded.error().message);
    changeSignage(call, "playlist", [playlist = std::move(decoded.value())](ContentStore& store) {
        store.setPlaylist(playlist);
        json out = json::parse(protocol::encodePlaylist(playlist));
        out["detail"] = std::to_string(playlist.size()) + " entr" + (playlist.size() == 1 ? "y" : "ies");
        return out;
    });
}

void RestApi::emergency(const std::shared_ptr<Call>& call) {
    auto shown = [](const std::optional<protocol::Emergency>& e) {
        if (!e) return json{{"emergency", nullptr}};
        return json{{"emergency", {{"text_zh", e->textZh}, {"text_en", e->textEn}, {"since", rest::isoTime(e->since)}}}};
    };
    if (call->method() == http::verb::get) return call->ok(shown(context_.hub.signage().emergency));
    if (call->method() == http::verb::delete_)
        return changeSignage(call, "emergency_clear", [shown](ContentStore& store) {
            store.setEmergency(std::nullopt);
            return shown(std::nullopt);
        });
    if (call->method() != http::verb::put)
        return call->fail(http::status::method_not_allowed, "not_found", "GET, PUT or DELETE /api/v1/emergency");
    auto body = call->jsonBody();
    if (!body) return;
    protocol::Emergency e;
    try {
        e.textZh = body->at("text_zh").get<std::string>();
        if (body->contains("text_en")) e.textEn = body->at("text_en").get<std::string>();
        for (const auto& [key, value] : body->items())
            if (key != "text_zh" && key != "text_en") throw std::invalid_argument("unknown field " + key);
        if (e.textZh.empty() || e.textZh.size() > 500 || e.textEn.size() > 500)
            throw std::invalid_argument("text_zh: 1 … 500 bytes, text_en at most 500");
    } catch (const std::exception& ex) {
        return call->fail(http::status::bad_request, "bad_request",
                          std::string("expected {\"text_zh\", \"text_en\"?}: ") + ex.what());
    }
    e.since = context_.clock.now();
    changeSignage(call, "emergency_set", [e, shown](ContentStore& store) {
        store.setEmergency(e);
        json out = shown(e);
        out["detail"] = e.textZh;
        return out;
    });
}

void RestApi::contentFile(const std::shared_ptr<Call>& call, std::string id) {
    // Any enrolled device: the files are what the hall shows in public.
    std::string credential = call->bearer();
    if (credential.empty())
        return call->fail(http::status::unauthorized, "unauthenticated",
                          "send the device credential as 'Authorization: Bearer …'");
    context_.worker.run([this, call, credential = std::move(credential), id = std::move(id)](HallData& data) {
        const bool known = data.registry.authenticate(credential).has_value();
        auto bytes = known ? data.content.read(id) : std::nullopt;
        boost::asio::post(context_.network, [call, known, bytes = std::move(bytes), id] {
            if (!known) return call->fail(http::status::unauthorized, "unauthenticated", "unknown or revoked credential");
            if (!bytes) return call->fail(http::status::not_found, "not_found", "no content " + id);
            call->text(http::status::ok, "application/octet-stream", std::move(*bytes));
        });
    });
}

} // namespace hall::controller
