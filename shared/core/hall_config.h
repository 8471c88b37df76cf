#pragma once
// The hall model: zones, services, windows, staff and the queue and evaluation policies.
// Loaded from TOML by shared/config; validated here so that every loader shares one set of rules.

#include "shared/core/time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::core {

struct Zone {
    std::string id;
    std::string nameZh;
    std::string nameEn;
};

// A department (部门) the ticket machines group services by, when the hall configures them;
// otherwise they group by zone.
struct Department {
    std::string id;
    std::string nameZh;
    std::string nameEn;
};

// Half-open interval of local minutes since midnight, [open, close).
struct OpeningInterval {
    int openMinute = 0;
    int closeMinute = 24 * 60;
};

struct Service {
    std::string id;
    std::string nameZh;
    std::string nameEn;
    std::string prefix;                 // 1–2 upper-case ASCII letters: the "A" of A001
    int dailyQuota = 0;                 // tickets per business day; 0 means no quota
    int numberWidth = 3;                // zero padding of the sequence: 3 gives A001
    std::vector<OpeningInterval> hours; // when tickets are issued; empty means all day
    bool openAtNight = false;           // issued at any hour from the 24-hour self-service area
    bool identify = false; // issued only to a person identified (ID card, social-security card, QR)
    std::string departmentId{}; // required when the hall has departments
};

enum class RoutingPolicy {
    Ordered,  // serve the window's services strictly in list order
    Weighted, // share calls between the window's services by weight (smooth weighted round robin)
};

struct WindowService {
    std::string serviceId;
    int weight = 1;
};

// Which way a window lies as seen from a call board: an arrow and a few words ("左侧", "二楼").
// The arrow is one of kDirectionArrows, or empty for words alone.
struct Direction {
    std::string arrow;
    std::string textZh;
    std::string textEn;
    bool operator==(const Direction&) const = default;
};
inline constexpr std::string_view kDirectionArrows[] = {
    "left", "right", "ahead", "back", "ahead_left", "ahead_right", "back_left", "back_right"};

struct Window {
    int number = 0; // the number on the LED strip and in "请到 3 号窗口"
    std::string name;
    std::string zoneId;
    RoutingPolicy routing = RoutingPolicy::Ordered;
    std::vector<WindowService> services;
    std::optional<Direction> direction =
        std::nullopt; // shown by every board that has none of its own for it
};

// A call board's own view of the hall: which way each window lies from where it hangs.
struct BoardDirection {
    int window = 0;
    Direction direction;
};
struct Board {
    std::string device; // the board's enrolled device name
    std::vector<BoardDirection> directions;
};

// One line of the hall bus (docs/bus-protocol.md) that the controller drives: an RS-485 adapter
// on the controller's host (`port`) or a TCP gateway in the hall (`host`), and the window each
// unit on it belongs to. LED strips and keypads run on lines of their own: a line has one owner.
struct BusUnit {
    int window = 0;
    int unit = 0; // the address set on the unit (DIP switches or its menu), 1..64
};
struct BusLine {
    std::string port;           // "/dev/ttyUSB0", "/dev/serial/by-id/…"
    std::string host;           // "10.0.3.21:4001"; exactly one of port and host
    int baud = 9600;            // serial only
    std::vector<BusUnit> units; // the strips of an LED line, the caller keypads of a keypad line
    // Keypad lines only: the five-key evaluators (评价器) for the citizens, on the same line as
    // the caller keypads (a window often has both) but listed apart, so that a rating is only
    // ever taken from a unit the hall put before the citizen, never from the clerk's keypad.
    std::vector<BusUnit> evaluators{};
};
inline constexpr int kBusBauds[] = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

struct Staff {
    std::string id;
    std::string name;
    std::string staffNumber;
    std::string photoRef; // the name (or id) of their photo in the content store, never the photo
};

enum class NoShowPlacement {
    KeepPlace,  // once the delay is over, the ticket is ahead of everyone issued after it
    BackOfLine, // the ticket queues again as if issued at the moment of the no-show
};

struct QueuePolicy {
    int dayStartMinute = 0; // business day boundary, local minutes after midnight
    Millis noShowRequeueDelay = std::chrono::minutes(5);
    // A no-show can be marked this long after the call at the earliest (0: at once).
    Millis noShowAfter{0};
    // A call by number (out of turn) must give a reason.
    bool callNumberNeedsReason = false;
    // A parked ticket (挂起) comes back to its window's queue after this long, unless asked.
    Millis parkReturnAfter = std::chrono::minutes(15);
    int noShowMaxRequeues = 1; // after this many requeues a no-show is final
    NoShowPlacement noShowPlacement = NoShowPlacement::KeepPlace;
    bool transferKeepsPlace = true; // a transferred ticket queues by its original issue time
    bool onePerPersonPerService = true;
    Millis starvationThreshold = std::chrono::minutes(30); // 0 disables the guard
    std::vector<std::string> greenChannelCategories{"elderly", "disabled", "pregnant", "military"};
    // How a visit can end at the window (办结, 补正材料, 不予受理, 转办): a finish names one, the
    // first when it names none.
    std::vector<std::string> finishOutcomes{"completed", "needs_documents", "rejected", "referred"};
    // What a clerk may give as the reason of a pause (the window pad offers these).
    std::vector<std::string> pauseReasons{"午休", "会议", "系统故障", "临时离开"};
    // A booking is checked in from this long before its slot until this long after it.
    Millis checkInEarly = std::chrono::minutes(30);
    Millis checkInLate = std::chrono::minutes(15);
};

enum class UnratedPolicy {
    Leave,            // unrated tickets stay unrated and are reported as such
    DefaultSatisfied, // after `unratedDefaultAfter` an automatic 满意 is recorded
};

struct EvaluationPolicy {
    std::vector<std::string> reasons{"等待时间过长",   "服务态度差",   "业务不熟练",
                                     "材料要求不清楚", "办理时间过长", "多次跑腿"};
    int maxCommentLength = 300; // in characters (code points)
    Millis supplementPeriod = std::chrono::hours(24 * 7);
    UnratedPolicy unrated = UnratedPolicy::Leave;
    Millis unratedDefaultAfter = std::chrono::hours(24);
    // A bad rating's follow-up case (差评整改) is due this many working days after it opens.
    int followUpWorkingDays = 5;
    // How long a window's evaluation pad asks for the rating after a visit ends (and the clerk's
    // "finish and call next" waits for it), before the unrated policy is left to apply.
    int ratingSeconds = 30;
};

// How the call boards present a call; terminals receive it with every snapshot.
struct CallBoardPolicy {
    int holdSeconds = 5;       // the full-width pop-up of the newest call, 4–7
    int voiceRepeats = 2;      // sayings of a call in Chinese, 1–3
    bool voiceEnglish = false; // then once in English
    bool operator==(const CallBoardPolicy&) const = default;
};

// How a ticket machine treats the citizen in front of it; sent like CallBoardPolicy.
struct TicketMachinePolicy {
    int confirmFromWaiting = 30;  // ask "still take a number?" from this many waiting; 0: never
    int reprintMinutes = 5;       // "reprint my last ticket" for this long after issuing, 0–30
    int attractAfterSeconds = 30; // idle at the services this long: the attract screen, 5–600
    bool operator==(const TicketMachinePolicy&) const = default;
};

// The signatures and scans terminals hand in at the controller (personal data): deleted this
// many days after they were stored.
struct AttachmentPolicy {
    int retentionDays = 30;
    bool operator==(const AttachmentPolicy&) const = default;
};

struct HallConfig {
    std::string name;
    std::string timeZone = "Asia/Shanghai";
    std::vector<Zone> zones;
    std::vector<Department> departments{};
    std::vector<Service> services;
    std::vector<Window> windows;
    std::vector<Staff> staff;
    std::vector<Board> boards{};
    std::vector<BusLine> ledLines{};    // the window strips
    std::vector<BusLine> keypadLines{}; // the hardware caller keypads and evaluators
    QueuePolicy queue;
    EvaluationPolicy evaluation;
    CallBoardPolicy callBoard{};
    TicketMachinePolicy ticketMachine{};
    AttachmentPolicy attachments{};

    const Service* findService(std::string_view id) const;
    const Window* findWindow(int number) const;
    const Staff* findStaff(std::string_view id) const;
    // The way to `window` as seen from the board `device`: its own hint, else the window's.
    const Direction* directionFor(std::string_view device, int window) const;
};

// A rule the configuration breaks, with the path of the offending field
// ("windows[2].services[0].service") so that a technician can find it.
struct ConfigError {
    std::string field;
    std::string message;
};

// All problems at once; empty means valid. Engines are only built from valid configurations.
std::vector<ConfigError> validate(const HallConfig& config);

std::string describe(const std::vector<ConfigError>& errors); // one line per error

} // namespace hall::core
