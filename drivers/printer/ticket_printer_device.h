#pragma once
// The thermal ticket printer as a device, on any byte stream (serial, raw TCP 9100, USB
// printer class), with a bounded job queue. Every accepted job is reported exactly once,
// printed or failed; none is dropped silently.
//
//   open stream → status query (DLE EOT 1–4) → ready        (status queries can be switched
//   idle: every idlePoll a status query (or ASB blocks)      off for printers that have no
//        → PaperLow / PaperOut / CoverOpen / PrinterFault /  return channel: a job written is
//          PrinterOk events when the state changes           then a job printed)
//   job: query → paper out / cover open → failed (Retry: a clerk fixes it)
//                cutter, mechanism, offline → failed (Device category, the printer needs a look)
//                paper near end → PaperLow, printing goes on
//        write the job's bytes
//        query again → paper ran out or the cover opened during the job → failed ("the ticket
//                may be incomplete"); else printed
//   a Device failure of the stream (unplugged, no answer) → the job in flight and every queued
//        job fail with that error, the worker reports Lost and re-opens; while the printer is
//        down print() refuses at once, so no citizen waits for a ticket that cannot come
//
// A status answer only says what the printer has done with the bytes it has processed; a real
// printer answers DLE EOT before it has finished printing a long buffer. The check after the
// job therefore catches paper that ran out while the job was being received; a ticket cut short
// later on the mechanism shows up as PaperOut on the next query.
//
// One-way transports (a CUPS queue: ticket_printers.h) have no stream to ask: the device is
// made with a PrinterJobSender instead of a stream opener, and runs without status queries.
// The sender hands one job on and returns once its fate is known (for CUPS: the job outcome,
// which already folds in the queue's state reasons — paper out, stopped queue, offline); that
// is the job's result, reported exactly once like on the other transports. The device is Ready
// as soon as it starts (each job finds its own way to the queue); a failure whose code names
// the paper or the cover is also reported as PaperOut / CoverOpen / PrinterFault, and the next
// job that prints reports PrinterOk.
//
// Job results go to the JobSink on the device's worker thread (after stop(), on the thread that
// called stop()); nothing here logs, and no job's bytes appear in an error.

#include "drivers/base/worker_device.h"
#include "drivers/printer/printer_status.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stop_token>
#include <vector>

namespace hall::drivers::printer {

class PrinterLink;

using JobId = std::uint64_t;

struct JobResult {
    JobId id = 0;
    bool printed = false;
    std::optional<DeviceError> error; // why it failed
};

using JobSink = std::function<void(const JobResult&)>;

// What print() says at once: an id (the result follows on the JobSink), or why the job was
// refused (nothing queued, no result will follow).
struct Submission {
    JobId id = 0;
    std::optional<DeviceError> refused;
    bool accepted() const { return !refused; }
};

// Opens the stream; throws DeviceFailure. Takes the worker's stop token (a TCP connect waits).
using PrinterStreamOpener = std::function<std::unique_ptr<ByteStream>(std::stop_token)>;

// Sends one job over a one-way transport and waits for its fate: nullopt printed, else why
// not (the job will not print later). Must return soon after stop is requested. Throws nothing
// but bugs; a throw fails the job ("driver_fault") and the device re-opens.
using PrinterJobSender = std::function<std::optional<DeviceError>(
    std::span<const std::uint8_t> bytes, JobId id, std::stop_token stop)>;

struct TicketPrinterOptions {
    bool statusQueries = true;
    bool automaticStatus = false; // also enable ASB (GS a): state changes arrive without a poll
    std::chrono::milliseconds statusTimeout{1000};
    std::chrono::milliseconds idlePoll{2000};
    std::size_t queueLimit = 16; // a ticket machine never has more than a few waiting
    ReopenPolicy reopen{};
};

class TicketPrinterDevice final : public WorkerDevice {
public:
    // port names the instance for technicians: "/dev/ttyUSB0", "192.168.1.87:9100", "usb".
    TicketPrinterDevice(const DeviceDescriptor& descriptor, const std::string& port,
                        PrinterStreamOpener open, DeviceEventSink events, JobSink jobs,
                        TicketPrinterOptions options = {});
    // One-way: jobs go through `send`; options.statusQueries and automaticStatus are ignored.
    TicketPrinterDevice(const DeviceDescriptor& descriptor, const std::string& port,
                        PrinterJobSender send, DeviceEventSink events, JobSink jobs,
                        TicketPrinterOptions options = {});
    ~TicketPrinterDevice() override { stop(); }

    void start() override;
    // Stops the worker; jobs still queued are reported failed ("stopped") from this thread.
    void stop() override;

    Submission print(std::vector<std::uint8_t> bytes);

    std::optional<PrinterStatus> lastStatus() const;
    std::size_t queued() const;

private:
    enum class State { Stopped, Opening, Ready, Down };
    struct Job {
        JobId id;
        std::vector<std::uint8_t> bytes;
    };
    struct Conditions {
        bool paperLow = false;
        bool paperOut = false;
        bool coverOpen = false;
        bool fault = false;
        bool any() const { return paperLow || paperOut || coverOpen || fault; }
    };

    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    void serveJobs(ByteStream& stream, PrinterLink& link, std::stop_token stop);
    void serveSentJobs(std::stop_token stop);
    std::optional<Job> nextJob(PrinterLink* link, std::stop_token stop);
    void runJob(Job& job, ByteStream& stream, PrinterLink& link, std::stop_token stop);
    std::optional<PrinterStatus> queryStatus(PrinterLink& link, std::stop_token stop);
    void noteStatus(const PrinterStatus& status);
    void noteSent(const std::optional<DeviceError>& error);
    void finish(const Job& job, std::optional<DeviceError> error);
    void goDown(const DeviceError& error);
    void failQueued(const DeviceError& error);

    PrinterStreamOpener open_; // exactly one of these two is set
    PrinterJobSender send_;
    JobSink jobs_;
    TicketPrinterOptions options_;

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable_any wake_;
    std::deque<Job> queue_;
    State state_ = State::Stopped;
    std::optional<DeviceError> downBecause_;
    std::optional<PrinterStatus> status_;
    JobId nextId_ = 1;

    Conditions conditions_; // worker thread only
};

} // namespace hall::drivers::printer
