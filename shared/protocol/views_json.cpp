#include "shared/protocol/views_json.h"

#include <limits>

namespace hall::protocol::detail {

namespace {

constexpr std::size_t kMaxListItems = 1000; // windows, services, zones, notices of one hall

template <typename T, typename Read>
std::vector<T> readList(StrictReader& r, const char* key, Read read) {
    const Json& a = r.array(key);
    if (a.size() > kMaxListItems) r.fail(key, "has too many items");
    std::vector<T> out;
    for (std::size_t i = 0; i < a.size(); ++i)
        out.push_back(read(a[i], r.subContext(key) + "[" + std::to_string(i) + "]"));
    return out;
}

} // namespace

core::TicketState stateFromName(std::string_view name, const std::string& context) {
    for (int i = 0; i <= static_cast<int>(core::TicketState::Cancelled); ++i)
        if (core::stateName(static_cast<core::TicketState>(i)) == name)
            return static_cast<core::TicketState>(i);
    reject(ProtocolError::BadFrame, context + ": unknown ticket state");
}

core::PriorityClass priorityFromName(std::string_view name, const std::string& context) {
    for (int i = 0; i <= static_cast<int>(core::PriorityClass::GreenChannel); ++i)
        if (core::priorityName(static_cast<core::PriorityClass>(i)) == name)
            return static_cast<core::PriorityClass>(i);
    reject(ProtocolError::BadFrame, context + ": unknown priority");
}

// Built field by field from the view, which has no person key to leak.
Json toJson(const TicketView& t) {
    Json j{{"id", t.id},
           {"number", t.number},
           {"service", t.serviceId},
           {"state", core::stateName(t.state)},
           {"priority", core::priorityName(t.priority)}};
    if (t.window) j["window"] = *t.window;
    const auto ms = [](core::Timestamp at) { return at.time_since_epoch().count(); };
    if (t.issuedAt) j["issued_at"] = ms(*t.issuedAt);
    if (t.calledAt) j["called_at"] = ms(*t.calledAt);
    if (t.servingSince) j["serving_since"] = ms(*t.servingSince);
    if (t.appointmentSlot) j["appointment_slot"] = ms(*t.appointmentSlot);
    if (t.parkedUntil) j["parked_until"] = ms(*t.parkedUntil);
    if (!t.greenCategory.empty()) j["green_category"] = t.greenCategory;
    if (!t.transferNote.empty()) j["transfer_note"] = t.transferNote;
    if (t.returnWindow) j["return_window"] = *t.returnWindow;
    if (!t.outcome.empty()) j["outcome"] = t.outcome;
    if (t.identified) j["identified"] = true;
    return j;
}

TicketView readTicket(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    TicketView t;
    t.id = r.unsignedInteger("id", 1);
    t.number = r.nonEmptyText("number");
    t.serviceId = r.nonEmptyText("service");
    t.state = stateFromName(r.text("state"), r.subContext("state"));
    t.priority = priorityFromName(r.text("priority"), r.subContext("priority"));
    if (r.has("window")) t.window = window(r, "window");
    const auto at = [&](const char* key) -> std::optional<core::Timestamp> {
        if (!r.has(key)) return std::nullopt;
        return core::Timestamp(core::Millis(r.integer(key, 0, std::int64_t{1} << 50)));
    };
    t.issuedAt = at("issued_at");
    t.calledAt = at("called_at");
    t.servingSince = at("serving_since");
    t.appointmentSlot = at("appointment_slot");
    t.parkedUntil = at("parked_until");
    if (r.has("green_category")) t.greenCategory = r.text("green_category");
    if (r.has("transfer_note")) t.transferNote = r.text("transfer_note");
    if (r.has("return_window")) t.returnWindow = window(r, "return_window");
    if (r.has("outcome")) t.outcome = r.text("outcome");
    if (r.has("identified")) t.identified = r.boolean("identified");
    r.finish();
    return t;
}

Json toJson(const WindowView& w) {
    Json j{{"number", w.number},
           {"staff", w.staffId},
           {"paused", w.paused},
           {"pause_reason", w.pauseReason},
           {"served_today", w.servedToday}};
    if (w.current) j["current"] = toJson(*w.current);
    if (w.typicalServiceMs) j["typical_service_ms"] = *w.typicalServiceMs;
    if (w.finished)
        j["finished"] = Json{{"id", w.finished->id},
                             {"number", w.finished->number},
                             {"service", w.finished->serviceId},
                             {"at", w.finished->at.time_since_epoch().count()},
                             {"rated", w.finished->rated}};
    if (!w.held.empty()) {
        Json held = Json::array();
        for (const auto& t : w.held)
            held.push_back(toJson(t));
        j["held"] = std::move(held);
    }
    if (w.staffRating)
        j["staff_rating"] = Json{{"visits", w.staffRating->visits},
                                 {"average_tenths", w.staffRating->averageTenths}};
    return j;
}

WindowView readWindow(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    WindowView w;
    w.number = window(r, "number");
    w.staffId = r.text("staff");
    w.paused = r.boolean("paused");
    w.pauseReason = r.text("pause_reason");
    if (r.has("current")) w.current = readTicket(r.object("current"), r.subContext("current"));
    if (r.has("served_today"))
        w.servedToday = static_cast<int>(r.integer("served_today", 0, 1'000'000));
    if (r.has("typical_service_ms"))
        w.typicalServiceMs = r.integer("typical_service_ms", 0, std::int64_t{1} << 40);
    if (r.has("finished")) {
        StrictReader f(r.object("finished"), r.subContext("finished"), kMaxTextBytes);
        FinishedVisit v;
        v.id = f.unsignedInteger("id", 1);
        v.number = f.nonEmptyText("number");
        v.serviceId = f.nonEmptyText("service");
        v.at = core::Timestamp(core::Millis(f.integer("at", 0, std::int64_t{1} << 50)));
        v.rated = f.boolean("rated");
        f.finish();
        w.finished = std::move(v);
    }
    if (r.has("held"))
        w.held = readList<TicketView>(
            r, "held", [](const Json& j, const std::string& c) { return readTicket(j, c); });
    if (r.has("staff_rating")) {
        StrictReader f(r.object("staff_rating"), r.subContext("staff_rating"), kMaxTextBytes);
        StaffRating rating;
        rating.visits = static_cast<int>(f.integer("visits", 1, 100'000'000));
        rating.averageTenths = static_cast<int>(f.integer("average_tenths", 10, 50));
        f.finish();
        w.staffRating = rating;
    }
    r.finish();
    return w;
}

Json toJson(const QueueState& q) {
    Json services = Json::array();
    for (const auto& s : q.services) {
        Json j{{"service", s.serviceId}, {"waiting", s.waiting}, {"issuing", s.issuing}};
        if (s.estimatedWaitMs) j["estimated_wait_ms"] = *s.estimatedWaitMs;
        if (s.remaining) j["remaining"] = *s.remaining;
        if (s.waitingSinceMs) j["waiting_since"] = *s.waitingSinceMs;
        services.push_back(std::move(j));
    }
    Json zones = Json::array();
    for (const auto& z : q.zones)
        zones.push_back(Json{{"zone", z.zone}, {"waiting", z.waiting}});
    Json missed = Json::array();
    for (const auto& m : q.missed)
        missed.push_back(Json{{"number", m.number},
                              {"service", m.serviceId},
                              {"window", m.window},
                              {"requeued", m.requeued}});
    return Json{{"services", std::move(services)},
                {"zones", std::move(zones)},
                {"missed", std::move(missed)}};
}

QueueState readQueues(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    QueueState q;
    q.services = readList<ServiceQueue>(r, "services", [](const Json& j, const std::string& c) {
        StrictReader s(j, c, kMaxTextBytes);
        ServiceQueue out;
        out.serviceId = s.nonEmptyText("service");
        out.waiting = static_cast<int>(s.integer("waiting", 0, 1'000'000));
        if (s.has("estimated_wait_ms"))
            out.estimatedWaitMs =
                s.integer("estimated_wait_ms", 0, std::numeric_limits<std::int64_t>::max());
        out.issuing = s.boolean("issuing");
        if (s.has("remaining"))
            out.remaining = static_cast<int>(s.integer("remaining", 0, 1'000'000));
        if (s.has("waiting_since"))
            out.waitingSinceMs = s.integer("waiting_since", 0, std::int64_t{1} << 50);
        s.finish();
        return out;
    });
    q.zones = readList<ZoneQueue>(r, "zones", [](const Json& j, const std::string& c) {
        StrictReader z(j, c, kMaxTextBytes);
        ZoneQueue out;
        out.zone = z.nonEmptyText("zone");
        out.waiting = static_cast<int>(z.integer("waiting", 0, 1'000'000));
        z.finish();
        return out;
    });
    q.missed = readList<MissedTicket>(r, "missed", [](const Json& j, const std::string& c) {
        StrictReader m(j, c, kMaxTextBytes);
        MissedTicket out;
        out.number = m.nonEmptyText("number");
        out.serviceId = m.nonEmptyText("service");
        out.window = window(m, "window");
        out.requeued = m.boolean("requeued");
        m.finish();
        return out;
    });
    r.finish();
    return q;
}

Json toJson(const Notice& n) {
    return Json{{"id", n.id}, {"text", n.text}};
}

Notice readNotice(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    Notice n;
    n.id = r.nonEmptyText("id");
    n.text = r.text("text");
    r.finish();
    return n;
}

namespace {

Json toJson(const NamedInfo& n) {
    return Json{{"id", n.id}, {"name_zh", n.nameZh}, {"name_en", n.nameEn}};
}

NamedInfo readNamed(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    NamedInfo out;
    out.id = r.nonEmptyText("id");
    out.nameZh = r.text("name_zh");
    out.nameEn = r.text("name_en");
    r.finish();
    return out;
}

} // namespace

Json toJson(const HallInfo& h) {
    Json services = Json::array();
    for (const auto& s : h.services)
        services.push_back(Json{{"id", s.id},
                                {"name_zh", s.nameZh},
                                {"name_en", s.nameEn},
                                {"hours", s.hours},
                                {"daily_quota", s.dailyQuota},
                                {"identify", s.identify},
                                {"group", s.group},
                                {"prefix", s.prefix}});
    Json groups = Json::array();
    for (const auto& g : h.groups)
        groups.push_back(toJson(g));
    Json zones = Json::array();
    for (const auto& z : h.zones)
        zones.push_back(toJson(z));
    Json windows = Json::array();
    for (const auto& w : h.windows) {
        Json j{{"number", w.number}, {"name", w.name}, {"zone", w.zone}, {"services", w.services}};
        if (w.direction)
            j["direction"] = Json{{"arrow", w.direction->arrow},
                                  {"zh", w.direction->textZh},
                                  {"en", w.direction->textEn}};
        windows.push_back(std::move(j));
    }
    const auto& b = h.callBoard;
    Json staff = Json::array();
    for (const auto& s : h.staff)
        staff.push_back(
            Json{{"id", s.id}, {"name", s.name}, {"number", s.number}, {"photo", s.photo}});
    const auto& m = h.ticketMachine;
    return Json{{"name", h.name},
                {"time_zone", h.timeZone},
                {"call_board",
                 {{"hold_seconds", b.holdSeconds},
                  {"voice_repeats", b.voiceRepeats},
                  {"voice_english", b.voiceEnglish}}},
                {"ticket_machine",
                 {{"confirm_from_waiting", m.confirmFromWaiting},
                  {"reprint_minutes", m.reprintMinutes},
                  {"attract_after_seconds", m.attractAfterSeconds}}},
                {"services", std::move(services)},
                {"groups", std::move(groups)},
                {"zones", std::move(zones)},
                {"windows", std::move(windows)},
                {"green_categories", h.greenCategories},
                {"staff", std::move(staff)},
                {"finish_outcomes", h.finishOutcomes},
                {"pause_reasons", h.pauseReasons},
                {"rating_reasons", h.ratingReasons},
                {"rating_seconds", h.ratingSeconds},
                {"call_number_needs_reason", h.callNumberNeedsReason}};
}

HallInfo readHall(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    HallInfo h;
    h.name = r.text("name");
    h.timeZone = r.nonEmptyText("time_zone");
    {
        StrictReader b(r.object("call_board"), r.subContext("call_board"), kMaxTextBytes);
        h.callBoard.holdSeconds = static_cast<int>(b.integer("hold_seconds", 4, 7));
        h.callBoard.voiceRepeats = static_cast<int>(b.integer("voice_repeats", 1, 3));
        h.callBoard.voiceEnglish = b.boolean("voice_english");
        b.finish();
        StrictReader m(r.object("ticket_machine"), r.subContext("ticket_machine"), kMaxTextBytes);
        h.ticketMachine.confirmFromWaiting =
            static_cast<int>(m.integer("confirm_from_waiting", 0, 1'000'000));
        h.ticketMachine.reprintMinutes = static_cast<int>(m.integer("reprint_minutes", 0, 30));
        h.ticketMachine.attractAfterSeconds =
            static_cast<int>(m.integer("attract_after_seconds", 5, 600));
        m.finish();
    }
    h.services = readList<ServiceInfo>(r, "services", [](const Json& j, const std::string& c) {
        StrictReader s(j, c, kMaxTextBytes);
        ServiceInfo out;
        out.id = s.nonEmptyText("id");
        out.nameZh = s.text("name_zh");
        out.nameEn = s.text("name_en");
        out.hours = s.texts("hours", kMaxListItems);
        out.dailyQuota = static_cast<int>(s.integer("daily_quota", 0, 1'000'000));
        out.identify = s.boolean("identify");
        out.group = s.text("group");
        if (s.has("prefix")) out.prefix = s.text("prefix");
        s.finish();
        return out;
    });
    h.groups = readList<NamedInfo>(r, "groups", readNamed);
    h.zones = readList<NamedInfo>(r, "zones", readNamed);
    h.windows = readList<WindowInfo>(r, "windows", [](const Json& j, const std::string& c) {
        StrictReader w(j, c, kMaxTextBytes);
        WindowInfo out;
        out.number = window(w, "number");
        out.name = w.text("name");
        out.zone = w.text("zone");
        if (w.has("services")) out.services = w.texts("services", kMaxListItems);
        if (w.has("direction")) {
            StrictReader d(w.object("direction"), w.subContext("direction"), kMaxTextBytes);
            out.direction = core::Direction{d.text("arrow"), d.text("zh"), d.text("en")};
            d.finish();
        }
        w.finish();
        return out;
    });
    if (r.has("green_categories")) h.greenCategories = r.texts("green_categories", kMaxListItems);
    if (r.has("staff"))
        h.staff = readList<StaffInfo>(r, "staff", [](const Json& j, const std::string& c) {
            StrictReader s(j, c, kMaxTextBytes);
            StaffInfo out{s.nonEmptyText("id"), s.text("name"), s.text("number")};
            if (s.has("photo")) out.photo = s.text("photo");
            if (!out.photo.empty() && !isContentId(out.photo))
                s.fail("photo", "is not a content id (64 lowercase hex digits)");
            s.finish();
            return out;
        });
    if (r.has("finish_outcomes")) h.finishOutcomes = r.texts("finish_outcomes", kMaxListItems);
    if (r.has("pause_reasons")) h.pauseReasons = r.texts("pause_reasons", kMaxListItems);
    if (r.has("rating_reasons")) h.ratingReasons = r.texts("rating_reasons", kMaxListItems);
    if (r.has("rating_seconds"))
        h.ratingSeconds = static_cast<int>(r.integer("rating_seconds", 10, 120));
    if (r.has("call_number_needs_reason"))
        h.callNumberNeedsReason = r.boolean("call_number_needs_reason");
    r.finish();
    return h;
}

Json toJson(const PlaylistEntry& e) {
    Json roles = Json::array();
    for (auto role : e.roles)
        roles.push_back(roleName(role));
    Json schedule = Json::object();
    const auto& sc = e.schedule;
    if (!sc.weekdays.empty()) schedule["weekdays"] = sc.weekdays;
    if (sc.fromMinute) schedule["from"] = formatMinute(*sc.fromMinute);
    if (sc.toMinute) schedule["to"] = formatMinute(*sc.toMinute);
    if (sc.firstDay) schedule["first_day"] = core::formatDay(*sc.firstDay);
    if (sc.lastDay) schedule["last_day"] = core::formatDay(*sc.lastDay);
    return Json{{"content", e.content},
                {"seconds", e.seconds},
                {"zones", e.zones},
                {"roles", std::move(roles)},
                {"schedule", std::move(schedule)}};
}

PlaylistEntry readPlaylistEntry(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    PlaylistEntry e;
    e.content = r.nonEmptyText("content");
    if (!isContentId(e.content)) r.fail("content", "is not a content id (64 lowercase hex digits)");
    e.seconds = r.int32("seconds", 3, 600);
    if (r.has("zones")) e.zones = r.texts("zones", kMaxListItems);
    if (r.has("roles"))
        for (const auto& name : r.texts("roles", kMaxListItems)) {
            const auto role = roleFromName(name);
            if (!role) r.fail("roles", "'" + name + "' is not a role");
            e.roles.push_back(*role);
        }
    if (r.has("schedule")) {
        StrictReader s(r.object("schedule"), r.subContext("schedule"), kMaxTextBytes);
        auto& sc = e.schedule;
        if (s.has("weekdays"))
            for (auto d : s.integers("weekdays", 1, 7))
                sc.weekdays.push_back(static_cast<int>(d));
        auto minute = [&](const char* key) {
            const auto m = parseMinute(s.text(key));
            if (!m) s.fail(key, "must be a time of day HH:MM (00:00 … 24:00)");
            return *m;
        };
        auto day = [&](const char* key) {
            const auto d = parseDay(s.text(key));
            if (!d) s.fail(key, "must be a date YYYY-MM-DD");
            return *d;
        };
        if (s.has("from")) sc.fromMinute = minute("from");
        if (s.has("to")) sc.toMinute = minute("to");
        if (s.has("first_day")) sc.firstDay = day("first_day");
        if (s.has("last_day")) sc.lastDay = day("last_day");
        if (sc.fromMinute && sc.toMinute && *sc.fromMinute >= *sc.toMinute)
            s.fail("to", "must be later than from");
        if (sc.firstDay && sc.lastDay && *sc.firstDay > *sc.lastDay)
            s.fail("last_day", "must not be before first_day");
        s.finish();
    }
    r.finish();
    return e;
}

Json toJson(const ContentItem& c) {
    return Json{{"id", c.id}, {"name", c.name}, {"type", c.type}, {"size", c.size}};
}

Json toJson(const Signage& s) {
    Json content = Json::array(), playlist = Json::array();
    for (const auto& c : s.content)
        content.push_back(toJson(c));
    for (const auto& e : s.playlist)
        playlist.push_back(toJson(e));
    Json j{{"content", std::move(content)}, {"playlist", std::move(playlist)}};
    if (s.emergency)
        j["emergency"] = Json{{"text_zh", s.emergency->textZh},
                              {"text_en", s.emergency->textEn},
                              {"since", s.emergency->since.time_since_epoch().count()}};
    return j;
}

Signage readSignage(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    Signage s;
    s.content = readList<ContentItem>(r, "content", [](const Json& j, const std::string& c) {
        StrictReader i(j, c, kMaxTextBytes);
        ContentItem item;
        item.id = i.nonEmptyText("id");
        if (!isContentId(item.id)) i.fail("id", "is not a content id (64 lowercase hex digits)");
        item.name = i.text("name");
        item.type = i.text("type");
        if (!isContentType(item.type)) i.fail("type", "is not a content type a player shows");
        item.size = i.unsignedInteger("size");
        if (item.size > kMaxContentBytes) i.fail("size", "is larger than a content file may be");
        i.finish();
        return item;
    });
    s.playlist = readList<PlaylistEntry>(r, "playlist", readPlaylistEntry);
    if (r.has("emergency")) {
        StrictReader e(r.object("emergency"), r.subContext("emergency"), kMaxTextBytes);
        Emergency em;
        em.textZh = e.nonEmptyText("text_zh");
        em.textEn = e.text("text_en");
        em.since = core::Timestamp(core::Millis(e.integer("since", 0, std::int64_t{1} << 50)));
        e.finish();
        s.emergency = std::move(em);
    }
    r.finish();
    return s;
}

Json toJson(const Snapshot& s) {
    Json windows = Json::array();
    for (const auto& w : s.windows)
        windows.push_back(toJson(w));
    Json notices = Json::array();
    for (const auto& n : s.notices)
        notices.push_back(toJson(n));
    return Json{{"hall", toJson(s.hall)},
                {"queues", toJson(s.queues)},
                {"windows", std::move(windows)},
                {"notices", std::move(notices)},
                {"signage", toJson(s.signage)}};
}

Snapshot readSnapshot(StrictReader& r) {
    Snapshot s;
    s.hall = readHall(r.object("hall"), r.subContext("hall"));
    s.queues = readQueues(r.object("queues"), r.subContext("queues"));
    s.windows = readList<WindowView>(r, "windows", readWindow);
    s.notices = readList<Notice>(r, "notices", readNotice);
    s.signage = readSignage(r.object("signage"), r.subContext("signage"));
    return s;
}

Json toJson(const DeviceIdentity& d) {
    Json j{{"name", d.device}, {"role", roleName(d.role)}};
    if (d.window) j["window"] = *d.window;
    if (!d.zone.empty()) j["zone"] = d.zone;
    return j;
}

DeviceIdentity readDevice(const Json& json, const std::string& context) {
    StrictReader r(json, context, kMaxTextBytes);
    DeviceIdentity d;
    d.device = r.nonEmptyText("name");
    const auto role = roleFromName(r.text("role"));
    if (!role) r.fail("role", "is not a known role");
    d.role = *role;
    if (r.has("window")) d.window = window(r, "window");
    if (r.has("zone")) d.zone = r.nonEmptyText("zone");
    r.finish();
    return d;
}

} // namespace hall::protocol::detail
