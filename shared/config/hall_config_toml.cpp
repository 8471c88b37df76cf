#include "shared/config/hall_config_toml.h"

#include "shared/tz/system_zone.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <toml++/toml.h>
#include <utility>

// Schema (keys are snake_case; anything not listed is an error, so a misspelt key never passes
// silently as "the default"):
//
//   name, time_zone
//   [[zones]]     id, name_zh, name_en
//   [[departments]]  id, name_zh, name_en
//   [[services]]  id, name_zh, name_en, prefix, daily_quota, number_width, hours, open_at_night,
//                 identify, department
//   [[windows]]   number, name, zone, routing, services = ["id", …] | [{ service, weight }, …],
//                 direction = { arrow, zh, en }
//   [[boards]]    device, directions = [{ window, arrow, zh, en }, …]
//   [[led_lines]] port | host, baud, strips = [{ window, unit }, …]
//   [[keypad_lines]]  port | host, baud, keypads = [{ window, unit }, …],
//                 evaluators = [{ window, unit }, …]
//   [[staff]]     id, name, staff_number, photo
//   [queue]       day_start, no_show_requeue_minutes, no_show_max_requeues, no_show_placement,
//                 transfer_keeps_place, one_ticket_per_person_per_service, starvation_minutes,
//                 green_channel_categories, finish_outcomes, check_in_early_minutes,
//                 check_in_late_minutes, no_show_after_seconds, call_number_needs_reason,
//                 park_return_minutes, pause_reasons
//   [evaluation]  reasons, max_comment_length, supplement_days, unrated,
//                 unrated_default_after_hours, follow_up_working_days, rating_seconds
//   [call_board]  hold_seconds, voice_repeats, voice_english
//   [ticket_machine]  confirm_from_waiting, reprint_minutes, attract_after_seconds
//   [attachments] retention_days
//
// Field paths in errors follow core::validate(): "services[2].prefix",
// "windows[0].services[1].service", "queue.day_start".

namespace hall::config {

namespace {

using core::ConfigError;
using Errors = std::vector<ConfigError>;

std::string_view typeName(toml::node_type type) {
    switch (type) {
    case toml::node_type::none:
        return "nothing";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    }
    return "an unknown value";
}

std::string lineSuffix(const toml::node& node) {
    const auto line = node.source().begin.line;
    return line > 0 ? " (line " + std::to_string(line) + ")" : std::string();
}

std::string indexed(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

// "HH:MM" → minutes since midnight. 24:00 only where the caller allows it (a closing time).
std::optional<int> parseClock(std::string_view text, bool allowEndOfDay) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59) return std::nullopt;
    if (hours == 24 && minutes == 0 && allowEndOfDay) return 24 * 60;
    if (hours > 23) return std::nullopt;
    return hours * 60 + minutes;
}

// Reads the keys of one TOML table into typed values, collecting errors with full field paths,
// and afterwards reports every key it was never asked about.
class TableReader {
public:
    TableReader(const toml::table& table, std::string path, Errors& errors)
        : table_(table), path_(std::move(path)), errors_(errors) {}

    std::string field(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }

    void error(const std::string& field, std::string message) {
        errors_.push_back(ConfigError{field, std::move(message)});
    }

    // The node for `key`, or null (with an error when required).
    const toml::node* node(std::string_view key, bool required) {
        known_.insert(std::string(key));
        const toml::node* n = table_.get(key);
        if (!n && required) error(field(key), "missing required key");
        return n;
    }

    void typeError(std::string_view key, const toml::node& n, std::string_view expected) {
        error(field(key), "expected " + std::string(expected) + ", found " +
                              std::string(typeName(n.type())) + lineSuffix(n));
    }

    std::optional<std::string> string(std::string_view key, bool required = false) {
        const toml::node* n = node(key, required);
        if (!n) return std::nullopt;
        if (const auto* v = n->as_string()) return v->get();
        typeError(key, *n, "a string");
        return std::nullopt;
    }

    std::optional<int> integer(std::string_view key, bool required = false) {
        const toml::node* n = node(key, required);
        if (!n) return std::nullopt;
        const auto* v = n->as_integer();
        if (!v) {
            typeError(key, *n, "an integer");
            return std::nullopt;
        }
        const std::int64_t value = v->get();
        if (value < INT_MIN || value > INT_MAX) {
            error(field(key), "integer out of range" + lineSuffix(*n));
            return std::nullopt;
        }
        return static_cast<int>(value);
    }

    std::optional<bool> boolean(std::string_view key) {
        const toml::node* n = node(key, false);
        if (!n) return std::nullopt;
        if (const auto* v = n->as_boolean()) return v->get();
        typeError(key, *n, "a boolean (true or false)");
        return std::nullopt;
    }

    const toml::array* array(std::string_view key, std::string_view expected = "an array") {
        const toml::node* n = node(key, false);
        if (!n) return nullptr;
        if (const auto* v = n->as_array()) return v;
        typeError(key, *n, expected);
        return nullptr;
    }

    const toml::table* table(std::string_view key) {
        const toml::node* n = node(key, false);
        if (!n) return nullptr;
        if (const auto* v = n->as_table()) return v;
        typeError(key, *n, "a table");
        return nullptr;
    }

    // One of a fixed set of words, e.g. routing = "ordered" | "weighted".
    template <typename Enum>
    std::optional<Enum> choice(std::string_view key,
                               std::initializer_list<std::pair<std::string_view, Enum>> options) {
        const auto text = string(key);
        if (!text) return std::nullopt;
        std::string allowed;
        for (const auto& [word, value] : options) {
            if (*text == word) return value;
            allowed += (allowed.empty() ? "\"" : ", \"") + std::string(word) + "\"";
        }
        error(field(key),
              "\"" + *text + "\" is not one of " + allowed + lineSuffix(*table_.get(key)));
        return std::nullopt;
    }

    // A local clock time "HH:MM".
    std::optional<int> clock(std::string_view key) {
        const auto text = string(key);
        if (!text) return std::nullopt;
        if (auto minute = parseClock(*text, false)) return minute;
        error(field(key), "\"" + *text + "\" is not a time of day \"HH:MM\" (00:00–23:59)" +
                              lineSuffix(*table_.get(key)));
        return std::nullopt;
    }

    std::optional<std::vector<std::string>> stringList(std::string_view key) {
        const toml::array* a = array(key, "an array of strings");
        if (!a) return std::nullopt;
        std::vector<std::string> out;
        bool ok = true;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const toml::node& element = *a->get(i);
            if (const auto* s = element.as_string()) {
                out.push_back(s->get());
            } else {
                error(indexed(field(key), i), "expected a string, found " +
                                                  std::string(typeName(element.type())) +
                                                  lineSuffix(element));
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return out;
    }

    void finish() {
        for (const auto& [key, value] : table_) {
            if (!known_.contains(std::string(key.str())))
                error(field(key.str()), "unknown key" + lineSuffix(value));
        }
    }

private:
    const toml::table& table_;
    std::string path_;
    Errors& errors_;
    std::set<std::string> known_;
};

// Calls `read(reader)` for the table `key` ([queue], direction = { … }) when it is there.
template <typename Read>
void withTable(TableReader& parent, std::string_view key, Errors& errors, Read read) {
    const toml::table* t = parent.table(key);
    if (!t) return;
    TableReader reader(*t, parent.field(key), errors);
    read(reader);
    reader.finish();
}

// Calls `read(table, path)` for every element of an array of tables ([[zones]] and friends).
template <typename Read>
void forEachTable(TableReader& parent, std::string_view key, Errors& errors, Read read) {
    const toml::array* a = parent.array(key, "an array of tables ([[" + std::string(key) + "]])");
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string path = indexed(parent.field(key), i);
        const toml::node& element = *a->get(i);
        if (const auto* t = element.as_table()) {
            TableReader reader(*t, path, errors);
            read(reader);
            reader.finish();
        } else {
            errors.push_back(ConfigError{path, "expected a table, found " +
                                                   std::string(typeName(element.type())) +
                                                   lineSuffix(element)});
        }
    }
}

// hours = ["08:30-12:00", "13:30-17:00"]
std::vector<core::OpeningInterval> readHours(TableReader& reader, Errors& errors) {
    std::vector<core::OpeningInterval> hours;
    const toml::array* a = reader.array("hours", "an array of \"HH:MM-HH:MM\" strings");
    if (!a) return hours;
    const std::string path = reader.field("hours");
    for (std::size_t i = 0; i < a->size(); ++i) {
        const toml::node& element = *a->get(i);
        const auto* s = element.as_string();
        if (!s) {
            errors.push_back(ConfigError{
                indexed(path, i), "expected a string \"HH:MM-HH:MM\", found " +
                                      std::string(typeName(element.type())) + lineSuffix(element)});
            continue;
        }
        const std::string& text = s->get();
        std::optional<int> open;
        std::optional<int> close;
        if (text.size() == 11 && text[5] == '-') {
            open = parseClock(std::string_view(text).substr(0, 5), false);
            close = parseClock(std::string_view(text).substr(6, 5), true);
        }
        if (!open || !close) {
            errors.push_back(ConfigError{indexed(path, i),
                                         "\"" + text +
                                             "\" is not an interval \"HH:MM-HH:MM\" (24:00 allowed "
                                             "as a closing time)" +
                                             lineSuffix(element)});
        } else if (*open >= *close) {
            errors.push_back(ConfigError{
                indexed(path, i), "\"" + text + "\" closes before it opens" + lineSuffix(element)});
        } else {
            hours.push_back(core::OpeningInterval{*open, *close});
        }
    }
    return hours;
}

// services = ["a", "b"] or [{ service = "a", weight = 2 }, …] (the forms may be mixed).
std::vector<core::WindowService> readWindowServices(TableReader& reader, Errors& errors) {
    std::vector<core::WindowService> services;
    const toml::array* a = reader.array("services", "an array of service ids");
    if (!a) return services;
    const std::string path = reader.field("services");
    for (std::size_t i = 0; i < a->size(); ++i) {
        const toml::node& element = *a->get(i);
        if (const auto* s = element.as_string()) {
            services.push_back(core::WindowService{s->get(), 1});
        } else if (const auto* t = element.as_table()) {
            TableReader entry(*t, indexed(path, i), errors);
            core::WindowService ws;
            if (auto id = entry.string("service", true)) ws.serviceId = *id;
            if (auto weight = entry.integer("weight")) ws.weight = *weight;
            entry.finish();
            services.push_back(std::move(ws));
        } else {
            errors.push_back(
                ConfigError{indexed(path, i),
                            "expected a service id or { service = \"…\", weight = N }, found " +
                                std::string(typeName(element.type())) + lineSuffix(element)});
        }
    }
    return services;
}

// { arrow = "left", zh = "左侧", en = "On your left" }: the keys of a direction, read from a
// window's `direction` table or from a board's `directions` entry.
core::Direction readDirection(TableReader& r) {
    core::Direction d;
    if (auto v = r.string("arrow")) d.arrow = *v;
    if (auto v = r.string("zh")) d.textZh = *v;
    if (auto v = r.string("en")) d.textEn = *v;
    return d;
}

void readQueue(TableReader& r, core::QueuePolicy& q) {
    using std::chrono::minutes;
    if (auto v = r.clock("day_start")) q.dayStartMinute = *v;
    if (auto v = r.integer("no_show_requeue_minutes")) q.noShowRequeueDelay = minutes(*v);
    if (auto v = r.integer("no_show_max_requeues")) q.noShowMaxRequeues = *v;
    if (auto v = r.choice<core::NoShowPlacement>(
            "no_show_placement", {{"keep_place", core::NoShowPlacement::KeepPlace},
                                  {"back_of_line", core::NoShowPlacement::BackOfLine}}))
        q.noShowPlacement = *v;
    if (auto v = r.boolean("transfer_keeps_place")) q.transferKeepsPlace = *v;
    if (auto v = r.boolean("one_ticket_per_person_per_service")) q.onePerPersonPerService = *v;
    if (auto v = r.integer("starvation_minutes")) q.starvationThreshold = minutes(*v);
    if (auto v = r.stringList("green_channel_categories")) q.greenChannelCategories = *v;
    if (auto v = r.stringList("finish_outcomes")) q.finishOutcomes = *v;
    if (auto v = r.stringList("pause_reasons")) q.pauseReasons = *v;
    if (auto v = r.integer("check_in_early_minutes")) q.checkInEarly = minutes(*v);
    if (auto v = r.integer("check_in_late_minutes")) q.checkInLate = minutes(*v);
    if (auto v = r.integer("no_show_after_seconds")) q.noShowAfter = std::chrono::seconds(*v);
    if (auto v = r.boolean("call_number_needs_reason")) q.callNumberNeedsReason = *v;
    if (auto v = r.integer("park_return_minutes")) q.parkReturnAfter = minutes(*v);
}

void readEvaluation(TableReader& r, core::EvaluationPolicy& e) {
    using std::chrono::hours;
    if (auto v = r.stringList("reasons")) e.reasons = *v;
    if (auto v = r.integer("max_comment_length")) e.maxCommentLength = *v;
    if (auto v = r.integer("supplement_days")) e.supplementPeriod = hours(24LL * *v);
    if (auto v = r.choice<core::UnratedPolicy>(
            "unrated", {{"leave", core::UnratedPolicy::Leave},
                        {"default_satisfied", core::UnratedPolicy::DefaultSatisfied}}))
        e.unrated = *v;
    if (auto v = r.integer("unrated_default_after_hours")) e.unratedDefaultAfter = hours(*v);
    if (auto v = r.integer("follow_up_working_days")) e.followUpWorkingDays = *v;
    if (auto v = r.integer("rating_seconds")) e.ratingSeconds = *v;
}

core::HallConfig readHall(const toml::table& root, Errors& errors) {
    core::HallConfig config;
    TableReader top(root, "", errors);

    if (auto v = top.string("name", true)) config.name = *v;
    if (auto v = top.string("time_zone")) config.timeZone = *v;

    forEachTable(top, "zones", errors, [&](TableReader& r) {
        core::Zone zone;
        if (auto v = r.string("id", true)) zone.id = *v;
        if (auto v = r.string("name_zh", true)) zone.nameZh = *v;
        if (auto v = r.string("name_en")) zone.nameEn = *v;
        config.zones.push_back(std::move(zone));
    });

    forEachTable(top, "departments", errors, [&](TableReader& r) {
        core::Department department;
        if (auto v = r.string("id", true)) department.id = *v;
        if (auto v = r.string("name_zh", true)) department.nameZh = *v;
        if (auto v = r.string("name_en")) department.nameEn = *v;
        config.departments.push_back(std::move(department));
    });

    forEachTable(top, "services", errors, [&](TableReader& r) {
        core::Service service;
        if (auto v = r.string("id", true)) service.id = *v;
        if (auto v = r.string("name_zh", true)) service.nameZh = *v;
        if (auto v = r.string("name_en")) service.nameEn = *v;
        if (auto v = r.string("prefix", true)) service.prefix = *v;
        if (auto v = r.integer("daily_quota")) service.dailyQuota = *v;
        if (auto v = r.integer("number_width")) service.numberWidth = *v;
        service.hours = readHours(r, errors);
        if (auto v = r.boolean("open_at_night")) service.openAtNight = *v;
        if (auto v = r.boolean("identify")) service.identify = *v;
        if (auto v = r.string("department")) service.departmentId = *v;
        config.services.push_back(std::move(service));
    });

    forEachTable(top, "windows", errors, [&](TableReader& r) {
        core::Window window;
        if (auto v = r.integer("number", true)) window.number = *v;
        if (auto v = r.string("name")) window.name = *v;
        if (auto v = r.string("zone")) window.zoneId = *v;
        if (auto v = r.choice<core::RoutingPolicy>("routing",
                                                   {{"ordered", core::RoutingPolicy::Ordered},
                                                    {"weighted", core::RoutingPolicy::Weighted}}))
            window.routing = *v;
        window.services = readWindowServices(r, errors);
        withTable(r, "direction", errors,
                  [&](TableReader& d) { window.direction = readDirection(d); });
        config.windows.push_back(std::move(window));
    });

    forEachTable(top, "boards", errors, [&](TableReader& r) {
        core::Board board;
        if (auto v = r.string("device", true)) board.device = *v;
        forEachTable(r, "directions", errors, [&](TableReader& d) {
            core::BoardDirection entry;
            if (auto v = d.integer("window", true)) entry.window = *v;
            entry.direction = readDirection(d);
            board.directions.push_back(std::move(entry));
        });
        config.boards.push_back(std::move(board));
    });

    // `evaluators`: the key of the line's evaluator units, for keypad lines only (an LED line
    // has none: the key is then unknown there, an error like any misspelt one).
    auto readBusLines = [&](std::string_view list, std::string_view units,
                            std::optional<std::string_view> evaluators,
                            std::vector<core::BusLine>& lines) {
        auto readUnits = [&](TableReader& r, std::string_view key, std::vector<core::BusUnit>& to) {
            forEachTable(r, key, errors, [&](TableReader& u) {
                core::BusUnit unit;
                if (auto v = u.integer("window", true)) unit.window = *v;
                if (auto v = u.integer("unit", true)) unit.unit = *v;
                to.push_back(unit);
            });
        };
        forEachTable(top, list, errors, [&](TableReader& r) {
            core::BusLine line;
            if (auto v = r.string("port")) line.port = *v;
            if (auto v = r.string("host")) line.host = *v;
            if (auto v = r.integer("baud")) line.baud = *v;
            readUnits(r, units, line.units);
            if (evaluators) readUnits(r, *evaluators, line.evaluators);
            lines.push_back(std::move(line));
        });
    };
    readBusLines("led_lines", "strips", std::nullopt, config.ledLines);
    readBusLines("keypad_lines", "keypads", "evaluators", config.keypadLines);

    forEachTable(top, "staff", errors, [&](TableReader& r) {
        core::Staff staff;
        if (auto v = r.string("id", true)) staff.id = *v;
        if (auto v = r.string("name", true)) staff.name = *v;
        if (auto v = r.string("staff_number")) staff.staffNumber = *v;
        if (auto v = r.string("photo")) staff.photoRef = *v;
        config.staff.push_back(std::move(staff));
    });

    withTable(top, "queue", errors, [&](TableReader& r) { readQueue(r, config.queue); });
    withTable(top, "evaluation", errors,
              [&](TableReader& r) { readEvaluation(r, config.evaluation); });
    withTable(top, "call_board", errors, [&](TableReader& r) {
        auto& b = config.callBoard;
        if (auto v = r.integer("hold_seconds")) b.holdSeconds = *v;
        if (auto v = r.integer("voice_repeats")) b.voiceRepeats = *v;
        if (auto v = r.boolean("voice_english")) b.voiceEnglish = *v;
    });
    withTable(top, "ticket_machine", errors, [&](TableReader& r) {
        auto& m = config.ticketMachine;
        if (auto v = r.integer("confirm_from_waiting")) m.confirmFromWaiting = *v;
        if (auto v = r.integer("reprint_minutes")) m.reprintMinutes = *v;
        if (auto v = r.integer("attract_after_seconds")) m.attractAfterSeconds = *v;
    });
    withTable(top, "attachments", errors, [&](TableReader& r) {
        if (auto v = r.integer("retention_days")) config.attachments.retentionDays = *v;
    });
    top.finish();
    return config;
}

} // namespace

LoadResult parseHallConfig(std::string_view tomlText, std::string_view sourceName) {
    toml::table root;
    try {
        root = toml::parse(tomlText, sourceName);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        return std::vector<ConfigError>{
            ConfigError{std::string(sourceName),
                        "TOML syntax error at line " + std::to_string(begin.line) + ", column " +
                            std::to_string(begin.column) + ": " + std::string(e.description())}};
    }

    Errors errors;
    core::HallConfig config = readHall(root, errors);
    // A structurally broken file leaves fields at their defaults; validating that half-read
    // configuration would only add noise, so the reader's errors come alone.
    if (!errors.empty()) return errors;

    try {
        (void)tz::loadZone(config.timeZone);
    } catch (const std::invalid_argument& e) {
        errors.push_back(ConfigError{"time_zone", e.what()});
    }
    for (auto& e : core::validate(config))
        errors.push_back(std::move(e));
    if (!errors.empty()) return errors;
    return config;
}

LoadResult loadHallConfig(const std::filesystem::path& file) {
    const auto failure = [&](std::string why) {
        return std::vector<ConfigError>{ConfigError{file.string(), "cannot read the file: " + why}};
    };
    if (std::error_code ec; std::filesystem::is_directory(file, ec))
        return failure("is a directory");
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) return failure(errno != 0 ? std::strerror(errno) : "cannot open");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return failure("read error");
    return parseHallConfig(text, file.string());
}

} // namespace hall::config
