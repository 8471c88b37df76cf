#include "drivers/printer/twin/thermal_printer_twin.h"

#include "drivers/printer/twin/ticket_png.h"
#include "drivers/printer/twin/ticket_text.h"
#include "drivers/twin/pty_port.h"
#include "drivers/twin/tcp_port.h"

#include <cstdio>
#include <fstream>

namespace hall::drivers::printer {

using namespace std::chrono_literals;

struct ThermalPrinterTwin::Line {
    std::unique_ptr<twin::PtyPort> pty;
    std::unique_ptr<twin::TcpPort> tcp;
    EscPosDecoder decoder;
    std::uint8_t asbMask = 0; // guarded by the twin's mutex_
    std::uint64_t session = 0;
    std::jthread thread;

    std::vector<std::uint8_t> read(std::chrono::milliseconds timeout) {
        return pty ? pty->read(timeout) : tcp->read(timeout);
    }
    void write(std::span<const std::uint8_t> bytes) {
        if (pty)
            pty->write(bytes);
        else
            tcp->write(bytes);
    }
    void plug() { pty ? pty->plug() : tcp->plug(); }
    void unplug() { pty ? pty->unplug() : tcp->unplug(); }
};

ThermalPrinterTwin::ThermalPrinterTwin(ThermalPrinterTwinOptions options)
    : options_(std::move(options)) {}

ThermalPrinterTwin::~ThermalPrinterTwin() {
    stop();
}

void ThermalPrinterTwin::addPty(const std::filesystem::path& link) {
    auto line = std::make_unique<Line>();
    line->pty = std::make_unique<twin::PtyPort>(link);
    lines_.push_back(std::move(line));
}

std::uint16_t ThermalPrinterTwin::addTcp(std::uint16_t port, const std::string& bindAddress) {
    auto line = std::make_unique<Line>();
    line->tcp = std::make_unique<twin::TcpPort>(port, bindAddress);
    line->tcp->plug(); // bound now, so the caller learns the port
    const auto bound = line->tcp->port();
    lines_.push_back(std::move(line));
    return bound;
}

void ThermalPrinterTwin::start() {
    for (auto& line : lines_) {
        line->plug();
        Line* l = line.get();
        line->thread = std::jthread([this, l](std::stop_token stop) { serve(*l, stop); });
    }
}

void ThermalPrinterTwin::stop() {
    for (auto& line : lines_) {
        if (line->thread.joinable()) {
            line->thread.request_stop();
            line->thread.join();
        }
        line->unplug();
    }
}

void ThermalPrinterTwin::serve(Line& line, std::stop_token stop) {
    std::vector<Element> elements;
    while (!stop.stop_requested()) {
        auto bytes = line.read(50ms);
        if (line.tcp && line.tcp->connections() != line.session) {
            // A new connection is a new session: nothing of the last one's half commands or
            // settings carries over.
            line.session = line.tcp->connections();
            line.decoder.reset();
            std::lock_guard lock(mutex_);
            line.asbMask = 0;
        }
        if (bytes.empty()) continue;
        elements.clear();
        line.decoder.feed(bytes, elements);
        for (auto& e : elements)
            handle(line, std::move(e));
    }
}

void ThermalPrinterTwin::handle(Line& line, Element&& element) {
    std::unique_lock lock(mutex_);
    if (const auto* q = std::get_if<StatusRequest>(&element)) {
        if (muted_ || q->n < 1 || q->n > 4) return; // other n: not a status this printer has
        const std::uint8_t answer =
            realTimeStatusByte(statusLocked(), static_cast<StatusQuery>(q->n));
        ++statusAnswers_;
        line.write(std::span(&answer, 1));
        return;
    }
    if (const auto* a = std::get_if<AsbRequest>(&element)) {
        line.asbMask = a->mask;
        if (a->mask != 0 && !muted_) {
            const auto block = asbBlock(statusLocked()); // the current state, at once
            line.write(block);
        }
        return;
    }
    if (std::holds_alternative<PaperCut>(element)) {
        if (canPrintLocked() && !current_.empty()) {
            PrintedTicket ticket{std::move(current_), {}};
            current_.clear();
            ticket.text = renderTicketText(ticket.elements, options_.columns, options_.paperDots);
            ++printed_;
            if (!options_.outputDir.empty()) {
                char name[32];
                std::snprintf(name, sizeof name, "ticket-%04d", printed_);
                const auto base = options_.outputDir / name;
                std::ofstream(base.string() + ".txt") << ticket.text;
                try {
                    writeTicketPng(ticket.elements, base.string() + ".png", options_.paperDots);
                } catch (const std::exception&) {
                    // The text file is there; a picture that cannot be drawn is no reason to
                    // stop printing.
                }
            }
            tickets_.push_back(std::move(ticket));
            while (tickets_.size() > options_.keepTickets)
                tickets_.pop_front();
            cv_.notify_all();
        }
        return;
    }
    int lines = 0;
    if (const auto* t = std::get_if<TextLine>(&element))
        lines = t->style.height;
    else if (const auto* f = std::get_if<Feed>(&element))
        lines = f->lines;
    else if (std::holds_alternative<QrCode>(element))
        lines = 8;
    else if (std::holds_alternative<Barcode>(element))
        lines = 4;
    else if (const auto* img = std::get_if<RasterImage>(&element))
        lines = (img->bitmap.height() + 23) / 24;
    else
        return; // Initialise, Unsupported: nothing on paper
    if (!canPrintLocked()) {
        ++discarded_;
        return;
    }
    if (paperLeft_ && *paperLeft_ < lines) {
        // The roll ends inside this element: the ticket so far is torn off unfinished.
        paperLeft_ = 0;
        paperOut_ = true;
        if (!current_.empty()) ++spoiled_;
        current_.clear();
        ++discarded_;
        changed();
        return;
    }
    if (paperLeft_) *paperLeft_ -= lines;
    current_.push_back(std::move(element));
}

PrinterStatus ThermalPrinterTwin::statusLocked() const {
    PrinterStatus s;
    s.paperOut = paperOut_;
    s.paperNearEnd = paperLow_ || paperOut_;
    s.coverOpen = coverOpen_;
    s.cutterError = cutterFault_;
    s.errorOccurred = cutterFault_;
    s.stoppedAtPaperEnd = paperOut_;
    s.offline = paperOut_ || coverOpen_ || cutterFault_;
    return s;
}

bool ThermalPrinterTwin::canPrintLocked() const {
    return !paperOut_ && !coverOpen_ && !cutterFault_;
}

void ThermalPrinterTwin::changed() {
    if (muted_) return;
    const auto block = asbBlock(statusLocked());
    for (auto& line : lines_)
        if (line->asbMask != 0) line->write(block);
}

void ThermalPrinterTwin::paperOut(bool on) {
    std::lock_guard lock(mutex_);
    if (on && !current_.empty()) ++spoiled_;
    if (on) current_.clear();
    paperOut_ = on;
    if (on)
        paperLeft_ = 0;
    else
        paperLeft_.reset();
    changed();
}

void ThermalPrinterTwin::paperAfter(int lines) {
    std::lock_guard lock(mutex_);
    paperLeft_ = std::max(0, lines);
}

void ThermalPrinterTwin::paperLow(bool on) {
    std::lock_guard lock(mutex_);
    paperLow_ = on;
    changed();
}

void ThermalPrinterTwin::refill() {
    std::lock_guard lock(mutex_);
    paperOut_ = false;
    paperLow_ = false;
    paperLeft_.reset();
    changed();
}

void ThermalPrinterTwin::coverOpen(bool on) {
    std::lock_guard lock(mutex_);
    coverOpen_ = on;
    changed();
}

void ThermalPrinterTwin::cutterFault(bool on) {
    std::lock_guard lock(mutex_);
    cutterFault_ = on;
    changed();
}

void ThermalPrinterTwin::mute(bool on) {
    std::lock_guard lock(mutex_);
    muted_ = on;
}

void ThermalPrinterTwin::unplug() {
    for (auto& line : lines_)
        line->unplug();
}

void ThermalPrinterTwin::plug() {
    for (auto& line : lines_)
        line->plug();
}

PrinterStatus ThermalPrinterTwin::status() const {
    std::lock_guard lock(mutex_);
    return statusLocked();
}

std::vector<PrintedTicket> ThermalPrinterTwin::tickets() const {
    std::lock_guard lock(mutex_);
    return {tickets_.begin(), tickets_.end()};
}

std::optional<PrintedTicket> ThermalPrinterTwin::lastTicket() const {
    std::lock_guard lock(mutex_);
    if (tickets_.empty()) return std::nullopt;
    return tickets_.back();
}

int ThermalPrinterTwin::printed() const {
    std::lock_guard lock(mutex_);
    return printed_;
}

int ThermalPrinterTwin::spoiled() const {
    std::lock_guard lock(mutex_);
    return spoiled_;
}

int ThermalPrinterTwin::discarded() const {
    std::lock_guard lock(mutex_);
    return discarded_;
}

int ThermalPrinterTwin::statusAnswers() const {
    std::lock_guard lock(mutex_);
    return statusAnswers_;
}

bool ThermalPrinterTwin::waitForPrinted(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return printed_ >= count; });
}

} // namespace hall::drivers::printer
