#pragma once
// The queue ticket as printed at the ticket machine: one Ticket (what the controller issued)
// and one hall's TicketLayoutSettings in, ESC/POS bytes out. Top to bottom:
//
//   [logo]                         raster, centred                    (show.logo, logo set)
//   XX市政务服务中心                bold, double height, centred       (show.hallName)
//   社保医保综合窗口                centred                            (show.service)
//   A012                           bold, numberSize× (shrunk to fit)  always
//   您前面还有 5 人等候             centred                            (show.peopleAhead)
//   预计等候约 15 分钟              centred                            (show.wait, if known)
//   [QR of the follow URL]         centred                            (show.qr, URL set)
//   微信扫码，随时查看排队进度       centred                            (show.qr, URL set)
//   请携带身份证原件……              left, wrapped                      (show.advice)
//   取号时间：2024-05-06 09:31      centred                            (show.issueTime)
//   feed, partial cut
//
// Lines are wrapped to the paper's width in characters (58 mm: 32, 80 mm: 48 half-width
// columns of the 12×24 font; a hanzi takes two). Characters the printer cannot print come out
// as '?' and are counted in TicketBytes::replacedCharacters so the host can report them.

#include "drivers/printer/escpos_writer.h"
#include "drivers/printer/gb18030.h"
#include "drivers/printer/mono_bitmap.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::printer {

enum class PaperWidth { Mm58, Mm80 };

int columnsFor(PaperWidth paper); // characters of the normal font per line: 32 / 48
int dotsFor(PaperWidth paper);    // printable dots per line at 203 dpi: 384 / 576

struct LocalTime { // the hall's wall-clock time, already in its time zone
    int year = 2000;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
};

struct Ticket {
    std::string hallName;    // "XX市政务服务中心"
    std::string number;      // "A012"
    std::string serviceName; // "社保医保综合窗口"
    int peopleAhead = 0;
    std::optional<int> waitMinutes; // estimated; nullopt when the controller has no estimate
    LocalTime issuedAt;
    std::string followUrl; // for the QR: follow the ticket on a phone; empty = no QR
    std::string advice;    // overrides the hall's line of advice when set
};

// The wording, per hall; {n} is replaced by a number, {t} by the issue time.
struct TicketTexts {
    std::string peopleAhead = "您前面还有 {n} 人等候";
    std::string noneAhead = "您前面没有人等候，请留意叫号";
    std::string wait = "预计等候约 {n} 分钟";
    std::string qrCaption = "微信扫码，随时查看排队进度";
    std::string issued = "取号时间：{t}";
};

struct TicketParts {
    bool logo = true;
    bool hallName = true;
    bool service = true;
    bool peopleAhead = true;
    bool wait = true;
    bool qr = true;
    bool advice = true;
    bool issueTime = true;
};

struct TicketLayoutSettings {
    PaperWidth paper = PaperWidth::Mm80;
    TicketParts show;
    MonoBitmap logo; // empty: no logo; at most the paper's width in dots
    QrOptions qr{6, QrErrorLevel::M};
    int numberSize = 4; // the big number's size multiplier, 1–8 (shrunk if it would not fit)
    std::string advice; // the hall's line of advice, e.g. 请携带身份证原件，过号请重新取号
    TicketTexts texts;
    std::uint8_t feedBeforeCut = 2; // lines fed after the last line, before the cut
    Cut cut = Cut::Partial;
    Gb18030Options charset;
};

struct TicketBytes {
    std::vector<std::uint8_t> bytes;
    int replacedCharacters = 0;
};

class TicketLayout {
public:
    // Throws std::invalid_argument when the settings cannot print (logo wider than the paper,
    // QR module size or number size out of range).
    explicit TicketLayout(TicketLayoutSettings settings);

    // Throws std::invalid_argument for a ticket that cannot be printed (no number, a number
    // wider than the paper even at normal size, a URL beyond a QR symbol's capacity).
    TicketBytes render(const Ticket& ticket) const;

    const TicketLayoutSettings& settings() const { return settings_; }
    int columns() const { return columnsFor(settings_.paper); }

private:
    TicketLayoutSettings settings_;
};

// Splits text into lines of at most `columns` display columns: at a space when the line holds
// one, else between characters (hanzi may break anywhere). Never returns an empty list for
// non-empty text.
std::vector<std::string> wrapText(std::string_view utf8, int columns);

// "2024-05-06 09:31"
std::string formatTime(const LocalTime& t);

} // namespace hall::drivers::printer
