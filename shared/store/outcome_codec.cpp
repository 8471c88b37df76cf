#include "shared/store/outcome_codec.h"

#include "shared/store/json_fields.h"

namespace hall::store {

std::string encodeOutcome(const core::Result<core::Decision>& outcome) {
    Json j = Json::object();
    j["ok"] = outcome.ok();
    if (outcome.ok()) {
        if (outcome->ticket) j["ticket"] = *outcome->ticket;
        if (outcome->lease) j["lease"] = *outcome->lease;
    } else {
        j["code"] = std::string(core::errorCodeName(outcome.error().code));
        j["message"] = outcome.error().message;
    }
    return dumpJson(j, "request outcome");
}

core::Result<core::Decision> decodeOutcome(std::string_view json) {
    const Json j = parseJson(json, "request outcome");
    return readStrictly([&]() -> core::Result<core::Decision> {
        StrictReader read(j, "request outcome");
        if (read.boolean("ok")) {
            core::Decision decision;
            if (read.has("ticket")) decision.ticket = read.unsignedInteger("ticket");
            if (read.has("lease")) decision.lease = read.unsignedInteger("lease");
            read.finish();
            return decision;
        }
        const auto name = read.text("code");
        const auto code = core::errorCodeFromName(name);
        if (!code) read.fail("code", "unknown error code '" + name + "'");
        auto message = read.text("message");
        read.finish();
        return core::fail(*code, std::move(message));
    });
}

} // namespace hall::store
