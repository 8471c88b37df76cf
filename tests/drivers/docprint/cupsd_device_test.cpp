// DocumentPrinterDevice against the private cupsd: Opened / Lost / Back following cupsd and the
// queue (stopped, out of paper, cupsd gone), jobs from print() to their one final event, jobs
// kept while the printer is away, cancel of a waiting and of a printing job, stop, and the
// document buffer wiped once sent. Every wait is bounded.

#include "tests/drivers/docprint/cups_test_support.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/docprint/document_printer_device.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>

using namespace std::chrono_literals;
using namespace hall::drivers;
using namespace hall::drivers::docprint;
using namespace hall::testing;

namespace {

const std::filesystem::path kData = HALL_DOCPRINT_TEST_DATA;
constexpr auto kWait = 8s;

using Clock = std::chrono::steady_clock;
long msSince(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

DocumentPrinterConfig config(const std::string& queue) {
    DocumentPrinterConfig c;
    c.queue = queue;
    c.server = cups().server();
    c.timeouts.io = 5s;
    c.follow.poll = 50ms;
    c.follow.stallTimeout = 1s;
    c.follow.jobTimeout = 20s;
    c.follow.unreachableTimeout = 2s;
    c.statusInterval = 100ms;
    c.queuedTimeout = 60s;
    c.reopen = ReopenPolicy{100ms, 400ms};
    return c;
}

PrintRequest raw(std::vector<std::uint8_t> bytes, std::string title = "device test") {
    PrintRequest r;
    r.title = std::move(title);
    r.format = DocumentFormat::Raw;
    r.document = SecureBytes(std::move(bytes));
    return r;
}

// The final event of one ticket, waiting for it.
std::optional<JobEvent> finalEvent(JobRecorder& rec, std::uint64_t ticket,
                                   std::chrono::milliseconds timeout = kWait) {
    std::optional<JobEvent> found;
    eventually(
        [&] {
            for (const auto& e : rec.all())
                if (e.ticket == ticket &&
                    (e.type == JobEventType::Completed || e.type == JobEventType::Failed ||
                     e.type == JobEventType::Cancelled))
                    found = e;
            return found.has_value();
        },
        timeout);
    return found;
}

std::vector<JobEventType> typesOf(const JobRecorder& rec, std::uint64_t ticket) {
    std::vector<JobEventType> out;
    for (const auto& e : rec.all())
        if (e.ticket == ticket) out.push_back(e.type);
    return out;
}

int finalCount(const JobRecorder& rec, std::uint64_t ticket) {
    const auto t = typesOf(rec, ticket);
    return static_cast<int>(std::count_if(t.begin(), t.end(), [](JobEventType x) {
        return x == JobEventType::Completed || x == JobEventType::Failed ||
               x == JobEventType::Cancelled;
    }));
}

struct QueueResumed {
    const char* queue;
    // A destructor must not throw: a failure here fails the test instead of aborting the run.
    ~QueueResumed() {
        cups().setPaperOut(false);
        try {
            cups().resumeQueue(queue);
        } catch (const std::exception& e) {
            FAIL_CHECK("could not resume " << queue << ": " << e.what());
        }
    }
};

} // namespace

TEST_SUITE("cupsd") {

    TEST_CASE("device: opens on a queue, prints a PDF from memory and from a file, byte for byte") {
        DeviceRecorder dev;
        JobRecorder jobs;
        const auto t0 = Clock::now();
        DocumentPrinterDevice printer(config(CupsSandbox::kFileQueue), dev.sink(), jobs.sink());
        CHECK(printer.instanceId() == "docprint.cups@hall-file");
        CHECK(printer.descriptor().kind == DeviceKind::DocumentPrinter);
        printer.start();
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));
        MESSAGE("device opened after " << msSince(t0) << " ms");
        const auto state = printer.queueState();
        REQUIRE(state);
        CHECK(state->name == CupsSandbox::kFileQueue);

        const auto pdf = readBytes(kData / "certificate.pdf");
        PrintRequest request;
        request.title = "certificate";
        request.format = DocumentFormat::Pdf;
        request.options.sides = Sides::TwoSidedLongEdge;
        request.document = SecureBytes(pdf);
        const auto t1 = Clock::now();
        const auto ticket = printer.print(std::move(request));
        CHECK(ticket != 0);
        const auto done = finalEvent(jobs, ticket);
        REQUIRE(done);
        MESSAGE("device job completed " << msSince(t1) << " ms after print()");
        CHECK(done->type == JobEventType::Completed);
        CHECK(done->cupsJobId > 0);
        CHECK(readBytes(cups().fileQueueOutput()) == pdf);
        const auto types = typesOf(jobs, ticket);
        REQUIRE(types.size() >= 3);
        CHECK(types[0] == JobEventType::Queued);
        CHECK(types[1] == JobEventType::Submitted);
        CHECK(finalCount(jobs, ticket) == 1);

        PrintRequest fromFile;
        fromFile.title = "from file";
        fromFile.format = DocumentFormat::Pdf;
        fromFile.file = kData / "certificate.pdf";
        const auto second = printer.print(std::move(fromFile));
        const auto done2 = finalEvent(jobs, second);
        REQUIRE(done2);
        CHECK(done2->type == JobEventType::Completed);
        CHECK(readBytes(cups().fileQueueOutput()) == pdf);

        CHECK_THROWS_AS(printer.print(PrintRequest{}), std::invalid_argument);
        printer.stop();
    }

    TEST_CASE("device: out of paper fails the job and loses the device; refilled, it is back and "
              "prints what waited") {
        QueueResumed guard{CupsSandbox::kTwinQueue};
        DeviceRecorder dev;
        JobRecorder jobs;
        DocumentPrinterDevice printer(config(CupsSandbox::kTwinQueue), dev.sink(), jobs.sink());
        printer.start();
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));

        cups().setPaperOut(true);
        const auto t0 = Clock::now();
        const auto first = printer.print(raw(randomBytes(3000, 21)));
        const auto failed = finalEvent(jobs, first);
        REQUIRE(failed);
        MESSAGE("paper out: job failed after " << msSince(t0) << " ms");
        CHECK(failed->type == JobEventType::Failed);
        REQUIRE(failed->problem);
        CHECK(failed->problem->code == "paper_out");
        const auto lost = dev.next(DeviceEventType::Lost, kWait);
        REQUIRE(lost);
        MESSAGE("paper out: device lost after " << msSince(t0) << " ms");
        REQUIRE(lost->error);
        CHECK(lost->error->code == "paper_out");
        CHECK(lost->error->message.find("cupsenable hall-twin") != std::string::npos);

        // While the printer is away the job waits in the device, not in cupsd.
        const auto waiting = printer.print(raw(randomBytes(2500, 22)));
        std::this_thread::sleep_for(500ms);
        CHECK(typesOf(jobs, waiting) == std::vector<JobEventType>{JobEventType::Queued});

        cups().setPaperOut(false);
        const auto t1 = Clock::now();
        cups().resumeQueue(CupsSandbox::kTwinQueue);
        REQUIRE(dev.next(DeviceEventType::Back, kWait));
        MESSAGE("refilled: device back after " << msSince(t1) << " ms");
        const auto done = finalEvent(jobs, waiting);
        REQUIRE(done);
        CHECK(done->type == JobEventType::Completed);
        CHECK(readBytes(cups().root() / "twin" /
                        ("job-" + std::to_string(done->cupsJobId) + ".bin")) ==
              randomBytes(2500, 22));
        CHECK(finalCount(jobs, first) == 1);
        printer.stop();
    }

    TEST_CASE("device: cupsd going away is Lost with a clear error, and Back when it runs again") {
        DeviceRecorder dev;
        JobRecorder jobs;
        DocumentPrinterDevice printer(config(CupsSandbox::kFileQueue), dev.sink(), jobs.sink());
        printer.start();
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));

        const auto t0 = Clock::now();
        cups().stopDaemon();
        const auto lost = dev.next(DeviceEventType::Lost, kWait);
        if (!cups().running() && !lost) cups().startDaemon();
        REQUIRE(lost);
        MESSAGE("cupsd stopped: device lost after " << msSince(t0) << " ms");
        REQUIRE(lost->error);
        CHECK(lost->error->code == "cupsd_unreachable");
        CHECK(lost->error->category == ErrorCategory::Device);
        CHECK(lost->error->message.find("CUPS is running") != std::string::npos);

        // A job printed meanwhile waits for cupsd.
        const auto bytes = randomBytes(4000, 23);
        const auto ticket = printer.print(raw(bytes));

        const auto t1 = Clock::now();
        cups().startDaemon();
        REQUIRE(dev.next(DeviceEventType::Back, kWait));
        MESSAGE("cupsd started: device back after " << msSince(t1) << " ms");
        const auto done = finalEvent(jobs, ticket);
        REQUIRE(done);
        CHECK(done->type == JobEventType::Completed);
        CHECK(readBytes(cups().fileQueueOutput()) == bytes);
        printer.stop();
    }

    TEST_CASE("device: a stopped queue is Lost; a job that waits too long fails; stop cancels the "
              "rest") {
        QueueResumed guard{CupsSandbox::kTwinQueue};
        cups().pauseQueue(CupsSandbox::kTwinQueue);
        DeviceRecorder dev;
        JobRecorder jobs;
        auto c = config(CupsSandbox::kTwinQueue);
        c.queuedTimeout = 1s;
        DocumentPrinterDevice printer(c, dev.sink(), jobs.sink());
        printer.start();
        const auto lost = dev.next(DeviceEventType::Lost, kWait);
        REQUIRE(lost);
        REQUIRE(lost->error);
        CHECK(lost->error->code == "queue_stopped");

        const auto t0 = Clock::now();
        const auto ticket = printer.print(raw(randomBytes(1000, 24)));
        const auto failed = finalEvent(jobs, ticket);
        REQUIRE(failed);
        MESSAGE("queued job failed after " << msSince(t0) << " ms (queued timeout 1000 ms)");
        CHECK(failed->type == JobEventType::Failed);
        REQUIRE(failed->problem);
        CHECK(failed->problem->code == "queue_stopped");
        CHECK(failed->cupsJobId == 0); // cupsd never saw it
        CHECK(msSince(t0) >= 1000);

        const auto left = printer.print(raw(randomBytes(1000, 25)));
        printer.stop();
        const auto cancelled = finalEvent(jobs, left, 1s);
        REQUIRE(cancelled);
        CHECK(cancelled->type == JobEventType::Cancelled);
        REQUIRE(cancelled->problem);
        CHECK(cancelled->problem->code == "device_stopped");
    }

    TEST_CASE("device: cancel a job being printed and one still waiting; neither comes out") {
        auto& network = cups().networkPrinter();
        network.setOnline(false); // the printer does not take the data: the job stays in progress
        DeviceRecorder dev;
        JobRecorder jobs;
        auto c = config(CupsSandbox::kNetworkQueue);
        c.follow.stallTimeout = 30s;
        DocumentPrinterDevice printer(c, dev.sink(), jobs.sink());
        printer.start();
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));
        const std::size_t before = network.jobs().size();

        const auto printing = printer.print(raw(randomBytes(2000, 26)));
        const auto waiting = printer.print(raw(randomBytes(2000, 27)));
        REQUIRE(jobs.next(JobEventType::Submitted, kWait));

        CHECK(printer.cancel(waiting));
        const auto w = finalEvent(jobs, waiting, 1s);
        REQUIRE(w);
        CHECK(w->type == JobEventType::Cancelled);
        CHECK(w->cupsJobId == 0);

        const auto t0 = Clock::now();
        CHECK(printer.cancel(printing));
        const auto p = finalEvent(jobs, printing);
        REQUIRE(p);
        MESSAGE("cancel of a printing job confirmed after " << msSince(t0) << " ms");
        CHECK(p->type == JobEventType::Cancelled);
        CHECK(p->cupsJobId > 0);
        CHECK_FALSE(printer.cancel(printing)); // finished
        CHECK_FALSE(printer.cancel(999999));   // never issued

        network.setOnline(true);
        const auto bytes = randomBytes(1800, 28);
        const auto next = printer.print(raw(bytes));
        const auto done = finalEvent(jobs, next);
        REQUIRE(done);
        CHECK(done->type == JobEventType::Completed);
        REQUIRE(network.waitForJobs(before + 1, 5s));
        const auto got = network.jobs();
        CHECK(got.size() == before + 1);
        CHECK(got.back() == bytes);
        CHECK(finalCount(jobs, printing) == 1);
        CHECK(finalCount(jobs, waiting) == 1);
        printer.stop();
    }

    namespace {
    std::atomic<std::size_t> g_largestZeroedWipe{0};
    void recordWipe(const void* data, std::size_t size) noexcept {
        const auto* p = static_cast<const std::uint8_t*>(data);
        if (std::all_of(p, p + size, [](std::uint8_t b) { return b == 0; }))
            g_largestZeroedWipe = std::max(g_largestZeroedWipe.load(), size);
    }
    } // namespace

    TEST_CASE("device: the document (the citizen's data) is wiped once it was sent") {
        DeviceRecorder dev;
        JobRecorder jobs;
        DocumentPrinterDevice printer(config(CupsSandbox::kFileQueue), dev.sink(), jobs.sink());
        printer.start();
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));
        constexpr std::size_t kSize = 123457; // a size no other buffer of this test has
        g_largestZeroedWipe = 0;
        setWipeObserver(recordWipe);
        const auto ticket = printer.print(raw(randomBytes(kSize, 29)));
        const auto done = finalEvent(jobs, ticket);
        setWipeObserver(nullptr);
        REQUIRE(done);
        CHECK(done->type == JobEventType::Completed);
        CHECK(g_largestZeroedWipe.load() >= kSize);
        printer.stop();
    }

} // TEST_SUITE

TEST_SUITE("cupsd") {

    TEST_CASE("device: without a queue name it uses the server's default, Lost until one is set") {
        DeviceRecorder dev;
        JobRecorder jobs;
        DocumentPrinterDevice printer(config(""), dev.sink(), jobs.sink());
        CHECK(printer.instanceId() == "docprint.cups@default");
        printer.start();
        const auto lost = dev.next(DeviceEventType::Lost, kWait);
        REQUIRE(lost);
        REQUIRE(lost->error);
        CHECK(lost->error->code == "no_default_queue");
        CHECK(lost->error->message.find("lpadmin -d") != std::string::npos);

        cups().setDefaultQueue(CupsSandbox::kFileQueue);
        // Never opened before: the first success is Opened, not Back.
        REQUIRE(dev.next(DeviceEventType::Opened, kWait));
        const auto bytes = randomBytes(3333, 30);
        const auto ticket = printer.print(raw(bytes));
        const auto done = finalEvent(jobs, ticket);
        REQUIRE(done);
        CHECK(done->type == JobEventType::Completed);
        CHECK(readBytes(cups().fileQueueOutput()) == bytes);
        printer.stop();
    }

} // TEST_SUITE
