#pragma once
// JSON text frames of the terminal protocol (docs/protocol.md). Decoders never throw: any input
// — malformed JSON, wrong types, unknown fields, oversize — gives an Error with a code and a
// message naming the offending field. Encoders produce exactly what the decoders accept.

#include "shared/protocol/messages.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hall::protocol {

template <typename T>
class DecodeResult {
public:
    DecodeResult(T value) : v_(std::move(value)) {}
    DecodeResult(Error error, std::string requestId = {})
        : v_(std::move(error)), requestId_(std::move(requestId)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }
    // A refused request's id when the envelope's id could still be read, so the refusal can be
    // addressed to it; empty otherwise.
    const std::string& requestId() const { return requestId_; }

private:
    std::variant<T, Error> v_;
    std::string requestId_;
};

// Server side.
DecodeResult<Request> decodeRequest(std::string_view frame);
std::string encodeResponse(const Response& response);
std::string encodePush(const Push& push);
// A push body encoded once for every terminal it goes to: a change reaches hundreds of
// connections, each with its own seq. encodePush(seq, encodePushBody(b)) is byte for byte
// encodePush(Push{seq, b}).
struct EncodedPushBody {
    std::string_view kind; // pushKindName
    std::string data;      // the "data" object
};
EncodedPushBody encodePushBody(const PushBody& body);
std::string encodePush(std::uint64_t seq, const EncodedPushBody& body);

// The views on their own, as they appear inside frames: the REST API shows the same objects.
std::string encodeView(const Snapshot& snapshot);
std::string encodeView(const DeviceIdentity& device);
std::string encodeView(const Signage& signage);
std::string encodeView(const ContentItem& item);
// The playlist as the REST API takes it (PUT /api/v1/playlist: {"playlist":[…]}), read with the
// snapshot's own checks; a refusal names the field ("playlist[1].schedule.to: must be later
// than from").
std::string encodePlaylist(const std::vector<PlaylistEntry>& playlist);
DecodeResult<std::vector<PlaylistEntry>> decodePlaylist(std::string_view json);
DecodeResult<Signage> decodeSignage(std::string_view json); // encodeView(Signage) read back

// Client side.
std::string encodeRequest(const Request& request);
DecodeResult<Response> decodeResponse(std::string_view frame);
DecodeResult<Push> decodePush(std::string_view frame);

} // namespace hall::protocol
