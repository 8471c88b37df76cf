#pragma once
// A thermal ESC/POS ticket printer for devsim and the tests, on the transports real printers
// use: a serial port (a pty, published under a stable link) and raw TCP (port 9100 on a real
// printer; any port here). Both lines feed one printer, as on a printer with a serial and a
// network interface: one paper roll, one cover.
//
// What it does with the bytes: decodes them (EscPosDecoder, one per line), answers DLE EOT
// status queries at once and sends ASB blocks when asked (GS a) and the state changes, puts
// text, QR codes, barcodes and images on the current ticket, and on a cut keeps the ticket:
// its elements and its text rendering (ticket_text.h), written to outputDir with a PNG picture
// (ticket_png.h) when one is set.
//
// Steering (devsim's control socket, tests):
//   paperOut(on)        no paper: nothing prints, status says paper out (and offline)
//   paperAfter(lines)   the roll ends after that many more lines: a ticket being printed is
//                       torn off there (counted as spoiled) and the rest of the job is lost
//   paperLow(on)        the near-end sensor
//   refill()            a new roll: paper present, near end off, no limit
//   coverOpen(on)       cover open: nothing prints, status says so
//   cutterFault(on)     the cutter jams: nothing prints, error status
//   mute(on)            no status answers (a printer wired without a return line)
//   unplug() / plug()   both lines vanish and come back
// Lines, for paperAfter: a text line counts its height multiplier, ESC d n counts n, a QR code
// 8, a barcode 4, an image its height in 24-dot lines.

#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/printer_status.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hall::drivers::twin {
class PtyPort;
class TcpPort;
} // namespace hall::drivers::twin

namespace hall::drivers::printer {

struct PrintedTicket {
    std::vector<Element> elements;
    std::string text; // renderTicketText of the elements
};

struct ThermalPrinterTwinOptions {
    int columns = 48; // 80 mm paper
    int paperDots = 576;
    std::size_t keepTickets = 64; // the newest are kept; older ones are counted only
    // Each cut ticket is written here as ticket-NNNN.txt and ticket-NNNN.png (ticket_png.h);
    // empty: tickets are kept in memory only.
    std::filesystem::path outputDir;
};

class ThermalPrinterTwin {
public:
    explicit ThermalPrinterTwin(ThermalPrinterTwinOptions options = {});
    ~ThermalPrinterTwin();
    ThermalPrinterTwin(const ThermalPrinterTwin&) = delete;
    ThermalPrinterTwin& operator=(const ThermalPrinterTwin&) = delete;

    // Add lines before start(). Throws std::system_error when the port cannot be made.
    void addPty(const std::filesystem::path& link);
    // Returns the bound port (0 picks a free one).
    std::uint16_t addTcp(std::uint16_t port, const std::string& bindAddress = "127.0.0.1");
    void start();
    void stop();

    void paperOut(bool on);
    void paperAfter(int lines);
    void paperLow(bool on);
    void refill();
    void coverOpen(bool on);
    void cutterFault(bool on);
    void mute(bool on);
    void unplug();
    void plug();

    PrinterStatus status() const;
    std::vector<PrintedTicket> tickets() const; // the kept ones, oldest first
    std::optional<PrintedTicket> lastTicket() const;
    int printed() const;   // tickets cut since start
    int spoiled() const;   // tickets torn by the paper running out
    int discarded() const; // printable elements dropped for want of paper, cover or cutter
    int statusAnswers() const;
    // Waits until at least `count` tickets have been printed; false on timeout.
    bool waitForPrinted(int count, std::chrono::milliseconds timeout) const;

private:
    struct Line;
    void serve(Line& line, std::stop_token stop);
    void handle(Line& line, Element&& element);
    void print(Element&& element, int lines);
    void cut();
    void changed(); // status changed: ASB to the lines that asked for it (mutex_ held)
    PrinterStatus statusLocked() const;
    bool canPrintLocked() const;

    ThermalPrinterTwinOptions options_;
    std::vector<std::unique_ptr<Line>> lines_;

    mutable std::mutex mutex_; // guards the printer state below
    mutable std::condition_variable cv_;
    bool paperOut_ = false;
    bool paperLow_ = false;
    std::optional<int> paperLeft_;
    bool coverOpen_ = false;
    bool cutterFault_ = false;
    bool muted_ = false;
    std::vector<Element> current_;
    std::deque<PrintedTicket> tickets_;
    int printed_ = 0;
    int spoiled_ = 0;
    int discarded_ = 0;
    int statusAnswers_ = 0;
};

} // namespace hall::drivers::printer
