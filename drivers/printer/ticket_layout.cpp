#include "drivers/printer/ticket_layout.h"

#include <cstdio>
#include <stdexcept>

namespace hall::drivers::printer {
namespace {

std::string fill(std::string_view pattern, std::string_view key, std::string_view value) {
    std::string out(pattern);
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
        out.replace(at, key.size(), value);
    return out;
}

void wrapped(EscPosWriter& w, std::string_view text, int columns) {
    for (const auto& line : wrapText(text, columns))
        w.line(line);
}

} // namespace

int columnsFor(PaperWidth paper) {
    return paper == PaperWidth::Mm58 ? 32 : 48;
}

int dotsFor(PaperWidth paper) {
    return paper == PaperWidth::Mm58 ? 384 : 576;
}

std::string formatTime(const LocalTime& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute);
    return buf;
}

std::vector<std::string> wrapText(std::string_view text, int columns) {
    std::vector<std::string> lines;
    columns = std::max(columns, 2); // room for one hanzi, whatever is asked
    while (!text.empty()) {
        int used = 0;
        std::size_t end = 0;
        std::size_t lastSpace = std::string_view::npos;
        while (end < text.size()) {
            const auto lead = static_cast<unsigned char>(text[end]);
            const int w = lead < 0x80 ? 1 : 2;
            if (used + w > columns) break;
            if (lead == ' ') lastSpace = end;
            used += w;
            end += std::min(utf8SequenceLength(lead), text.size() - end);
        }
        if (end < text.size() && lastSpace != std::string_view::npos && lastSpace > 0)
            end = lastSpace; // break at the last space, which is dropped
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(end);
        while (!text.empty() && text.front() == ' ')
            text.remove_prefix(1);
    }
    return lines;
}

TicketLayout::TicketLayout(TicketLayoutSettings settings) : settings_(std::move(settings)) {
    const auto& s = settings_;
    if (!s.logo.empty() && s.logo.width() > dotsFor(s.paper))
        throw std::invalid_argument("logo is " + std::to_string(s.logo.width()) +
                                    " dots wide; the paper takes " +
                                    std::to_string(dotsFor(s.paper)));
    if (s.qr.moduleSize < 1 || s.qr.moduleSize > 16)
        throw std::invalid_argument("QR module size must be 1..16");
    if (s.numberSize < 1 || s.numberSize > 8)
        throw std::invalid_argument("ticket number size must be 1..8");
}

TicketBytes TicketLayout::render(const Ticket& t) const {
    const auto& s = settings_;
    const int columns = columnsFor(s.paper);
    if (t.number.empty()) throw std::invalid_argument("the ticket has no number");
    const int numberColumns = displayColumns(t.number);
    if (numberColumns > columns)
        throw std::invalid_argument("ticket number is wider than the paper");
    int numberSize = s.numberSize;
    while (numberSize > 1 && numberColumns * numberSize > columns)
        --numberSize;

    EscPosWriter w(s.charset);
    w.init(); // 1B 40: a ticket never inherits the previous one's styles
    w.align(Align::Centre);
    if (s.show.logo && !s.logo.empty()) w.image(s.logo);
    if (s.show.hallName && !t.hallName.empty()) {
        w.bold(true).size(1, 2);
        wrapped(w, t.hallName, columns);
        w.bold(false).size(1, 1);
    }
    if (s.show.service && !t.serviceName.empty()) wrapped(w, t.serviceName, columns);
    w.bold(true).size(numberSize, numberSize).line(t.number).bold(false).size(1, 1);
    if (s.show.peopleAhead) {
        const auto line = t.peopleAhead > 0
                              ? fill(s.texts.peopleAhead, "{n}", std::to_string(t.peopleAhead))
                              : s.texts.noneAhead;
        wrapped(w, line, columns);
    }
    if (s.show.wait && t.waitMinutes)
        wrapped(w, fill(s.texts.wait, "{n}", std::to_string(*t.waitMinutes)), columns);
    if (s.show.qr && !t.followUrl.empty()) {
        w.newline();
        w.qr(t.followUrl, s.qr);
        wrapped(w, s.texts.qrCaption, columns);
    }
    const std::string& advice = t.advice.empty() ? s.advice : t.advice;
    if (s.show.advice && !advice.empty()) {
        w.align(Align::Left);
        wrapped(w, advice, columns);
        w.align(Align::Centre);
    }
    if (s.show.issueTime) wrapped(w, fill(s.texts.issued, "{t}", formatTime(t.issuedAt)), columns);
    w.align(Align::Left);
    if (s.feedBeforeCut > 0) w.feed(s.feedBeforeCut);
    w.cut(s.cut, 0);
    return TicketBytes{w.take(), w.replacedCharacters()};
}

} // namespace hall::drivers::printer
