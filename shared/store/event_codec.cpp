#include "shared/store/event_codec.h"

#include "shared/store/durable_engine.h"
#include "shared/store/json_fields.h"

#include <array>
#include <utility>

namespace hall::store {

namespace {

using namespace hall::core;

// Enums by name. The lists name every enumerator; names come from core so that logs, protocol
// and journal agree.
constexpr std::array kPriorities{PriorityClass::Normal, PriorityClass::Appointment,
                                 PriorityClass::GreenChannel};
constexpr std::array kCancelReasons{CancelReason::Citizen, CancelReason::Staff,
                                    CancelReason::DayClosed};

template <typename E, std::size_t N, typename NameOf>
E enumByName(StrictReader& in, const char* key, const std::array<E, N>& all, NameOf nameOf) {
    const std::string name = in.text(key);
    for (E e : all) {
        if (nameOf(e) == name) return e;
    }
    in.fail(key, "unknown value \"" + name + "\"");
}

RatingLevel ratingLevel(StrictReader& in, const char* key) {
    const int level = in.int32(key);
    if (level < 1 || level > kRatingLevels) in.fail(key, "rating level must be 1 to 5");
    return static_cast<RatingLevel>(level);
}

// One codec per event type, writer and reader side by side so that they cannot drift apart.
template <typename T> struct Codec;

template <> struct Codec<DayRolledOver> {
    static void write(Json& j, const DayRolledOver& e) {
        j["from"] = dayJson(e.from);
        j["to"] = dayJson(e.to);
    }
    static DayRolledOver read(StrictReader& in) { return {readDay(in, "from"), readDay(in, "to")}; }
};

template <> struct Codec<TicketIssued> {
    static void write(Json& j, const TicketIssued& e) {
        j["ticket"] = e.ticket;
        j["day"] = dayJson(e.day);
        j["number"] = e.number;
        j["sequence"] = e.sequence;
        j["service_id"] = e.serviceId;
        j["priority"] = std::string(priorityName(e.priority));
        j["green_category"] = e.greenCategory;
        if (e.appointment) {
            j["appointment"] = {{"id", e.appointment->id},
                                {"slot_start_ms", toMillis(e.appointment->slotStart)}};
        }
        j["source_device"] = e.sourceDevice;
        j["person_key"] = e.personKey;
        if (e.lease) j["lease"] = *e.lease;
        if (e.issuedAt) j["issued_at_ms"] = toMillis(*e.issuedAt);
    }
    static TicketIssued read(StrictReader& in) {
        TicketIssued e;
        e.ticket = in.unsignedInteger("ticket");
        e.day = readDay(in, "day");
        e.number = in.text("number");
        e.sequence = in.int32("sequence", 0);
        e.serviceId = in.text("service_id");
        e.priority = enumByName(in, "priority", kPriorities, priorityName);
        e.greenCategory = in.text("green_category");
        if (in.has("appointment")) {
            StrictReader a(in.object("appointment"), in.context() + ", appointment");
            e.appointment = Appointment{a.text("id"), readInstant(a, "slot_start_ms")};
            a.finish();
        }
        e.sourceDevice = in.text("source_device");
        e.personKey = in.text("person_key");
        if (in.has("lease")) e.lease = in.unsignedInteger("lease");
        if (in.has("issued_at_ms")) e.issuedAt = readInstant(in, "issued_at_ms");
        return e;
    }
};

template <> struct Codec<NumbersLeased> {
    static void write(Json& j, const NumbersLeased& e) {
        j["lease"] = e.lease;
        j["day"] = dayJson(e.day);
        j["service_id"] = e.serviceId;
        j["source_device"] = e.sourceDevice;
        j["first_sequence"] = e.firstSequence;
        j["count"] = e.count;
    }
    static NumbersLeased read(StrictReader& in) {
        NumbersLeased e;
        e.lease = in.unsignedInteger("lease");
        e.day = readDay(in, "day");
        e.serviceId = in.text("service_id");
        e.sourceDevice = in.text("source_device");
        e.firstSequence = in.int32("first_sequence", 1);
        e.count = in.int32("count", 1);
        return e;
    }
};

template <> struct Codec<StaffSignedIn> {
    static void write(Json& j, const StaffSignedIn& e) {
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
    }
    static StaffSignedIn read(StrictReader& in) {
        return {in.int32("window"), in.text("staff_id")};
    }
};

template <> struct Codec<StaffSignedOut> {
    static void write(Json& j, const StaffSignedOut& e) { j["window"] = e.window; }
    static StaffSignedOut read(StrictReader& in) { return {in.int32("window")}; }
};

template <> struct Codec<WindowPaused> {
    static void write(Json& j, const WindowPaused& e) {
        j["window"] = e.window;
        j["reason"] = e.reason;
    }
    static WindowPaused read(StrictReader& in) { return {in.int32("window"), in.text("reason")}; }
};

template <> struct Codec<WindowResumed> {
    static void write(Json& j, const WindowResumed& e) { j["window"] = e.window; }
    static WindowResumed read(StrictReader& in) { return {in.int32("window")}; }
};

template <> struct Codec<TicketCalled> {
    static void write(Json& j, const TicketCalled& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
        j["silent"] = e.silent;
        j["by_number"] = e.byNumber;
        j["routing_credit"] = e.routingCredit;
        if (!e.reason.empty()) j["reason"] = e.reason;
    }
    static TicketCalled read(StrictReader& in) {
        TicketCalled e;
        e.ticket = in.unsignedInteger("ticket");
        e.window = in.int32("window");
        e.staffId = in.text("staff_id");
        e.silent = in.boolean("silent");
        e.byNumber = in.boolean("by_number");
        e.routingCredit = in.integers("routing_credit");
        if (in.has("reason")) e.reason = in.text("reason");
        return e;
    }
};

template <> struct Codec<TicketRecalled> {
    static void write(Json& j, const TicketRecalled& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["silent"] = e.silent;
    }
    static TicketRecalled read(StrictReader& in) {
        return {in.unsignedInteger("ticket"), in.int32("window"), in.boolean("silent")};
    }
};

template <> struct Codec<ServingStarted> {
    static void write(Json& j, const ServingStarted& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
    }
    static ServingStarted read(StrictReader& in) {
        return {in.unsignedInteger("ticket"), in.int32("window")};
    }
};

template <> struct Codec<TicketFinished> {
    static void write(Json& j, const TicketFinished& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
        j["outcome"] = e.outcome;
        j["note"] = e.note;
    }
    // Journals written before outcomes were kept have none: those visits were completed (办结).
    static TicketFinished read(StrictReader& in) {
        TicketFinished e{in.unsignedInteger("ticket"), in.int32("window"), in.text("staff_id")};
        e.outcome = in.has("outcome") ? in.nonEmptyText("outcome") : std::string("completed");
        if (in.has("note")) e.note = in.text("note");
        return e;
    }
};

template <> struct Codec<NoShowMarked> {
    static void write(Json& j, const NoShowMarked& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
        j["final"] = e.final;
        j["eligible_at_ms"] = toMillis(e.eligibleAt);
        j["queued_at_ms"] = toMillis(e.queuedAt);
    }
    static NoShowMarked read(StrictReader& in) {
        NoShowMarked e;
        e.ticket = in.unsignedInteger("ticket");
        e.window = in.int32("window");
        e.staffId = in.text("staff_id");
        e.final = in.boolean("final");
        e.eligibleAt = readInstant(in, "eligible_at_ms");
        e.queuedAt = readInstant(in, "queued_at_ms");
        return e;
    }
};

template <> struct Codec<TicketTransferred> {
    static void write(Json& j, const TicketTransferred& e) {
        j["ticket"] = e.ticket;
        j["from_window"] = e.fromWindow;
        j["staff_id"] = e.staffId;
        j["from_service"] = e.fromService;
        j["to_service"] = e.toService;
        if (e.toWindow) j["to_window"] = *e.toWindow;
        j["queued_at_ms"] = toMillis(e.queuedAt);
        if (!e.note.empty()) j["note"] = e.note;
        if (e.returnTo) {
            j["return_window"] = e.returnTo->window;
            j["return_service"] = e.returnTo->serviceId;
        }
    }
    // Both optional: journals written before transfers carried notes have neither.
    static TicketTransferred read(StrictReader& in) {
        TicketTransferred e;
        e.ticket = in.unsignedInteger("ticket");
        e.fromWindow = in.int32("from_window");
        e.staffId = in.text("staff_id");
        e.fromService = in.text("from_service");
        e.toService = in.text("to_service");
        if (in.has("to_window")) e.toWindow = in.int32("to_window");
        e.queuedAt = readInstant(in, "queued_at_ms");
        if (in.has("note")) e.note = in.text("note");
        if (in.has("return_window"))
            e.returnTo = core::ReturnPoint{in.int32("return_window"),
                                           in.nonEmptyText("return_service")};
        return e;
    }
};

template <> struct Codec<TicketParked> {
    static void write(Json& j, const TicketParked& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
        j["return_at_ms"] = toMillis(e.returnAt);
    }
    static TicketParked read(StrictReader& in) {
        TicketParked e;
        e.ticket = in.unsignedInteger("ticket");
        e.window = in.int32("window");
        e.staffId = in.text("staff_id");
        e.returnAt = readInstant(in, "return_at_ms");
        return e;
    }
};

template <> struct Codec<VisitIdentified> {
    static void write(Json& j, const VisitIdentified& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
        j["person_key"] = e.personKey;
    }
    static VisitIdentified read(StrictReader& in) {
        VisitIdentified e;
        e.ticket = in.unsignedInteger("ticket");
        e.window = in.int32("window");
        e.personKey = in.nonEmptyText("person_key");
        return e;
    }
};

template <> struct Codec<CallUndone> {
    static void write(Json& j, const CallUndone& e) {
        j["ticket"] = e.ticket;
        j["window"] = e.window;
    }
    static CallUndone read(StrictReader& in) {
        return {in.unsignedInteger("ticket"), in.int32("window")};
    }
};

template <> struct Codec<TicketCancelled> {
    static void write(Json& j, const TicketCancelled& e) {
        j["ticket"] = e.ticket;
        j["reason"] = std::string(cancelReasonName(e.reason));
    }
    static TicketCancelled read(StrictReader& in) {
        TicketCancelled e;
        e.ticket = in.unsignedInteger("ticket");
        e.reason = enumByName(in, "reason", kCancelReasons, cancelReasonName);
        return e;
    }
};

template <> struct Codec<RatingRecorded> {
    static void write(Json& j, const RatingRecorded& e) {
        j["ticket"] = e.ticket;
        j["level"] = static_cast<int>(e.level);
        j["reasons"] = e.reasons;
        j["comment"] = e.comment;
        j["supplementary"] = e.supplementary;
        j["automatic"] = e.automatic;
        j["service_id"] = e.serviceId;
        j["window"] = e.window;
        j["staff_id"] = e.staffId;
    }
    static RatingRecorded read(StrictReader& in) {
        RatingRecorded e;
        e.ticket = in.unsignedInteger("ticket");
        e.level = ratingLevel(in, "level");
        e.reasons = in.texts("reasons");
        e.comment = in.text("comment");
        e.supplementary = in.boolean("supplementary");
        e.automatic = in.boolean("automatic");
        e.serviceId = in.text("service_id");
        e.window = in.int32("window");
        e.staffId = in.text("staff_id");
        return e;
    }
};

// Decoders indexed like EventBody's alternatives; the kind is matched against eventName() of a
// default-constructed alternative, so the journal's names are exactly core's.
using Decoder = EventBody (*)(StrictReader&);

template <std::size_t... I> constexpr auto makeDecoders(std::index_sequence<I...>) {
    return std::array<Decoder, sizeof...(I)>{+[](StrictReader& in) -> EventBody {
        return Codec<std::variant_alternative_t<I, EventBody>>::read(in);
    }...};
}

constexpr auto kDecoders = makeDecoders(std::make_index_sequence<std::variant_size_v<EventBody>>{});

template <std::size_t... I>
std::size_t indexOfKind(std::string_view kind, std::index_sequence<I...>) {
    std::size_t found = sizeof...(I);
    ((eventName(EventBody{std::in_place_index<I>}) == kind ? (found = I, true) : false) || ...);
    return found;
}

} // namespace

EncodedEvent encodeEvent(const core::Event& event) {
    const std::string kind(core::eventName(event.body));
    Json payload = Json::object();
    std::visit([&](const auto& body) { Codec<std::decay_t<decltype(body)>>::write(payload, body); },
               event.body);
    return {kind, toMillis(event.at), dumpJson(payload, kind + " event")};
}

core::Event decodeEvent(std::string_view kind, std::int64_t atMs, std::string_view payload) {
    constexpr auto kAlternatives = std::variant_size_v<core::EventBody>;
    const std::size_t index = indexOfKind(kind, std::make_index_sequence<kAlternatives>{});
    if (index == kAlternatives) {
        throw StoreError("unknown event kind \"" + std::string(kind) + "\" in the journal");
    }
    const std::string context = std::string(kind) + " event payload";
    const Json json = parseJson(payload, context);
    return readStrictly([&] {
        StrictReader in(json, context);
        core::Event event{fromMillis(atMs), kDecoders[index](in)};
        in.finish();
        return event;
    });
}

} // namespace hall::store
