// Printing through a real cupsd (the private one of cups_sandbox.h), without the device: queues
// and their state, bytes in = bytes out for raw jobs and PDFs, options as cupsd records them,
// and each way a job ends — completed, failed (queue stopped, out of paper, printer offline,
// queue refusing jobs, unknown queue, cupsd gone) and cancelled. Every wait is bounded.

#include "tests/drivers/docprint/cups_test_support.h"
#include "drivers/base/device_error.h"
#include "drivers/docprint/direct_print.h"
#include "drivers/docprint/ipp_attributes.h"
#include "drivers/docprint/printer_reasons.h"
#include "drivers/docprint/queues.h"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>

using namespace std::chrono_literals;
using namespace hall::drivers;
using namespace hall::drivers::docprint;
using namespace hall::testing;

namespace {

const std::filesystem::path kData = HALL_DOCPRINT_TEST_DATA;

using Clock = std::chrono::steady_clock;
long msSince(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

DirectPrintSettings fast() {
    DirectPrintSettings s;
    s.server = cups().server();
    s.timeouts.io = 5s;
    s.follow.poll = 50ms;
    s.follow.stallTimeout = 1s;
    s.follow.jobTimeout = 20s;
    s.follow.unreachableTimeout = 2s;
    return s;
}

bool sawWaiting(const JobRecorder& rec, const std::string& code) {
    const auto events = rec.all();
    return std::any_of(events.begin(), events.end(), [&](const JobEvent& e) {
        return e.type == JobEventType::Waiting && e.problem && e.problem->code == code;
    });
}

std::optional<JobInfo> job(int id) {
    CupsConnection c(cups().server());
    return jobInfo(c, id);
}

bool twinPrinted(int jobId) {
    const auto outputs = cups().twinOutputs();
    const std::string name = "job-" + std::to_string(jobId) + ".bin";
    return std::any_of(outputs.begin(), outputs.end(),
                       [&](const auto& p) { return p.filename() == name; });
}

// Restarts cupsd at the end of a test that stopped it, even when a check failed.
struct DaemonBack {
    ~DaemonBack() {
        if (!cups().running()) cups().startDaemon();
    }
};

} // namespace

TEST_SUITE("cupsd") {

    TEST_CASE("the private cupsd starts and lists its queues with their state") {
        const auto t0 = Clock::now();
        auto& sandbox = cups();
        MESSAGE("cupsd up (first use) after " << msSince(t0) << " ms; cupsd itself answered after "
                                              << sandbox.lastStartupTime().count() << " ms");
        CupsConnection c(sandbox.server());
        const auto queues = listQueues(c);
        auto find = [&](const std::string& name) {
            return std::find_if(queues.begin(), queues.end(),
                                [&](const QueueInfo& q) { return q.name == name; });
        };
        for (const char* name :
             {CupsSandbox::kFileQueue, CupsSandbox::kNetworkQueue, CupsSandbox::kTwinQueue}) {
            const auto q = find(name);
            REQUIRE_MESSAGE(q != queues.end(), name);
            CHECK(q->state == QueueState::Idle);
            CHECK(q->accepting);
            CHECK_FALSE(queueProblem(*q).has_value());
        }
        const auto file = find(CupsSandbox::kFileQueue);
        CHECK(file->info == "Hall pass-through queue (file)");
        CHECK(file->location == "hall test bench");
        CHECK(file->colour); // the PPD says ColorDevice True
        CHECK(file->duplex); // and offers Duplex
        if (!file->deviceUri.empty()) CHECK(file->deviceUri.rfind("file:", 0) == 0);

        const QueueInfo one = queueInfo(c, CupsSandbox::kTwinQueue);
        CHECK(one.name == CupsSandbox::kTwinQueue);
        CHECK(one.makeModel == "Hall pass-through printer");

        try {
            queueInfo(c, "no-such-queue");
            FAIL("an unknown queue must throw");
        } catch (const DeviceFailure& f) {
            CHECK(f.error().code == "queue_missing");
            CHECK(f.error().message.find("lpstat -p") != std::string::npos);
        }
    }

    TEST_CASE("raw bytes reach the pass-through queue's file unchanged") {
        // 200 KiB and a bit: several 64 KiB chunks of cupsWriteRequestData.
        const auto bytes = randomBytes(200 * 1024 + 17, 1);
        const auto t0 = Clock::now();
        const JobOutcome out = printRaw(CupsSandbox::kFileQueue, bytes, "raw test", fast());
        MESSAGE("raw job of " << bytes.size() << " bytes completed in " << msSince(t0) << " ms");
        REQUIRE_MESSAGE(out.result == JobResult::Completed,
                        (out.error ? out.error->message : std::string()));
        CHECK(out.cupsJobId > 0);
        CHECK_FALSE(out.error.has_value());
        CHECK(readBytes(cups().fileQueueOutput()) == bytes);
    }

    TEST_CASE("a PDF passes through the pass-through queue unchanged") {
        const auto pdf = readBytes(kData / "certificate.pdf");
        REQUIRE(pdf.size() > 100);
        JobSpec spec;
        spec.queue = CupsSandbox::kFileQueue;
        spec.title = "certificate";
        spec.format = DocumentFormat::Pdf;
        JobRecorder rec;
        const auto t0 = Clock::now();
        const JobOutcome out = printDocument(spec, pdf, fast(), {}, rec.sink());
        MESSAGE("PDF job completed in " << msSince(t0) << " ms");
        REQUIRE(out.result == JobResult::Completed);
        CHECK(readBytes(cups().fileQueueOutput()) == pdf);
        const auto types = rec.types();
        REQUIRE_FALSE(types.empty());
        CHECK(types.front() == JobEventType::Submitted);
        CHECK(types.back() == JobEventType::Completed);
    }

    TEST_CASE("raw bytes reach the network printer behind a socket:// queue unchanged") {
        auto& printer = cups().networkPrinter();
        const std::size_t before = printer.jobs().size();
        const auto bytes = randomBytes(70 * 1024, 2);
        const auto t0 = Clock::now();
        const JobOutcome out = printRaw(CupsSandbox::kNetworkQueue, bytes, "network", fast());
        MESSAGE("socket job completed in " << msSince(t0) << " ms");
        REQUIRE(out.result == JobResult::Completed);
        REQUIRE(printer.waitForJobs(before + 1, 5s));
        CHECK(printer.jobs().back() == bytes);
    }

    TEST_CASE("options reach the job as cupsd records them") {
        const auto pdf = readBytes(kData / "certificate.pdf");
        JobSpec spec;
        spec.queue = CupsSandbox::kFileQueue;
        spec.title = "options";
        spec.format = DocumentFormat::Pdf;
        spec.options = PrintOptions{};
        spec.options->copies = 2;
        spec.options->sides = Sides::TwoSidedLongEdge;
        spec.options->colour = ColourMode::Colour;
        const JobOutcome out = printDocument(spec, pdf, fast());
        REQUIRE(out.result == JobResult::Completed);

        CupsConnection c(cups().server());
        IppPtr attrs = jobAttributes(c, out.cupsJobId,
                                     {"copies", "sides", "print-color-mode", "media", "job-name",
                                      "document-format-supplied", "job-state"});
        REQUIRE(attrs);
        CHECK(ipp::integer(attrs.get(), "copies") == 2);
        CHECK(ipp::text(attrs.get(), "sides") == "two-sided-long-edge");
        CHECK(ipp::text(attrs.get(), "print-color-mode") == "color");
        std::string media = ipp::text(attrs.get(), "media");
        std::transform(media.begin(), media.end(), media.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        CHECK_MESSAGE(media.find("a4") != std::string::npos, media);
        CHECK(ipp::text(attrs.get(), "job-name") == "options");
        CHECK(ipp::integer(attrs.get(), "job-state") == IPP_JSTATE_COMPLETED);

        // A monochrome one-sided job says so too.
        spec.options->copies = 1;
        spec.options->sides = Sides::OneSided;
        spec.options->colour = ColourMode::Monochrome;
        const JobOutcome mono = printDocument(spec, pdf, fast());
        REQUIRE(mono.result == JobResult::Completed);
        attrs = jobAttributes(c, mono.cupsJobId, {"sides", "print-color-mode", "copies"});
        REQUIRE(attrs);
        CHECK(ipp::text(attrs.get(), "sides") == "one-sided");
        CHECK(ipp::text(attrs.get(), "print-color-mode") == "monochrome");
        CHECK(ipp::integer(attrs.get(), "copies") == 1);
    }

    TEST_CASE("a stopped queue: the job is reported waiting, then failed, and never prints later") {
        auto& sandbox = cups();
        sandbox.pauseQueue(CupsSandbox::kTwinQueue);
        JobRecorder rec;
        const auto t0 = Clock::now();
        const JobOutcome out = printRaw(CupsSandbox::kTwinQueue, randomBytes(4096, 3), "stopped",
                                        fast(), {}, rec.sink());
        const long ms = msSince(t0);
        MESSAGE("stopped queue: failed after " << ms << " ms (stall timeout 1000 ms)");
        sandbox.resumeQueue(CupsSandbox::kTwinQueue);

        CHECK(out.result == JobResult::Failed);
        REQUIRE(out.error);
        CHECK(out.error->code == "queue_stopped");
        CHECK(out.error->message.find("cupsenable hall-twin") != std::string::npos);
        CHECK(sawWaiting(rec, "queue_stopped"));
        CHECK(ms >= 1000);
        CHECK(ms < 8000);
        REQUIRE(out.cupsJobId > 0);
        const auto info = job(out.cupsJobId);
        REQUIRE(info);
        CHECK(info->state == JobState::Cancelled); // removed, so the resumed queue cannot print it

        const auto next = randomBytes(3000, 4);
        const JobOutcome ok = printRaw(CupsSandbox::kTwinQueue, next, "after resume", fast());
        REQUIRE(ok.result == JobResult::Completed);
        CHECK(twinPrinted(ok.cupsJobId));
        CHECK(readBytes(sandbox.root() / "twin" /
                        ("job-" + std::to_string(ok.cupsJobId) + ".bin")) == next);
        CHECK_FALSE(twinPrinted(out.cupsJobId));
    }

    TEST_CASE("out of paper: reported as paper_out, the queue stops; after a refill jobs print") {
        auto& sandbox = cups();
        sandbox.setPaperOut(true);
        JobRecorder rec;
        const auto t0 = Clock::now();
        const JobOutcome out = printRaw(CupsSandbox::kTwinQueue, randomBytes(5000, 5), "paper",
                                        fast(), {}, rec.sink());
        MESSAGE("paper out: failed after " << msSince(t0) << " ms");
        CHECK(out.result == JobResult::Failed);
        REQUIRE(out.error);
        CHECK(out.error->code == "paper_out");
        CHECK(out.error->message.find("out of paper") != std::string::npos);
        CHECK(sawWaiting(rec, "paper_out"));
        {
            CupsConnection c(sandbox.server());
            const QueueInfo q = queueInfo(c, CupsSandbox::kTwinQueue);
            CHECK(q.state == QueueState::Stopped);
            CHECK(std::find(q.reasons.begin(), q.reasons.end(), "media-empty-error") !=
                  q.reasons.end());
            const auto problem = queueProblem(q);
            REQUIRE(problem);
            CHECK(problem->code == "paper_out");
        }

        sandbox.setPaperOut(false);
        sandbox.resumeQueue(CupsSandbox::kTwinQueue);
        const auto next = randomBytes(6000, 6);
        const JobOutcome ok = printRaw(CupsSandbox::kTwinQueue, next, "refilled", fast());
        REQUIRE(ok.result == JobResult::Completed);
        CHECK(readBytes(sandbox.root() / "twin" /
                        ("job-" + std::to_string(ok.cupsJobId) + ".bin")) == next);
        CHECK_FALSE(twinPrinted(out.cupsJobId));
    }

    TEST_CASE("a network printer that is offline: the job fails within its timeout, then prints") {
        auto& printer = cups().networkPrinter();
        printer.setOnline(false);
        auto settings = fast();
        settings.follow.jobTimeout = 3s;
        const std::size_t before = printer.jobs().size();
        const auto t0 = Clock::now();
        const JobOutcome out =
            printRaw(CupsSandbox::kNetworkQueue, randomBytes(2048, 7), "offline", settings);
        const long ms = msSince(t0);
        MESSAGE("offline printer: failed after "
                << ms << " ms (" << out.error.value_or(DeviceError{}).code << ": "
                << out.error.value_or(DeviceError{}).message << ")");
        printer.setOnline(true);
        CHECK(out.result == JobResult::Failed);
        REQUIRE(out.error);
        // The socket backend retries a refused connection without a reason keyword, so it is the
        // job timeout that ends it; an ipp backend would say offline-report (printer_offline).
        CHECK((out.error->code == "job_timeout" || out.error->code == "printer_offline"));
        CHECK(ms < 10000);
        const auto info = job(out.cupsJobId);
        REQUIRE(info);
        CHECK(info->state == JobState::Cancelled);

        const auto next = randomBytes(1500, 8);
        const JobOutcome ok = printRaw(CupsSandbox::kNetworkQueue, next, "online", fast());
        REQUIRE(ok.result == JobResult::Completed);
        REQUIRE(printer.waitForJobs(before + 1, 5s));
        const auto jobs = printer.jobs();
        CHECK(jobs.size() == before + 1); // the failed job never came out
        CHECK(jobs.back() == next);
    }

    TEST_CASE("a queue that refuses jobs, an unknown queue: failed before cupsd takes the job") {
        auto& sandbox = cups();
        sandbox.rejectJobs(CupsSandbox::kFileQueue);
        const JobOutcome refused =
            printRaw(CupsSandbox::kFileQueue, randomBytes(100, 9), "refused", fast());
        sandbox.acceptJobs(CupsSandbox::kFileQueue);
        CHECK(refused.result == JobResult::Failed);
        CHECK(refused.cupsJobId == 0);
        REQUIRE(refused.error);
        CHECK(refused.error->code == "queue_rejecting");
        CHECK(refused.error->message.find("cupsaccept hall-file") != std::string::npos);

        const JobOutcome missing =
            printRaw("no-such-queue", randomBytes(100, 10), "missing", fast());
        CHECK(missing.result == JobResult::Failed);
        CHECK(missing.cupsJobId == 0);
        REQUIRE(missing.error);
        CHECK(missing.error->code == "queue_missing");
    }

    TEST_CASE("bad input is refused before anything is sent") {
        const std::vector<std::uint8_t> none;
        CHECK_THROWS_AS(printRaw(CupsSandbox::kFileQueue, none, "empty", fast()),
                        std::invalid_argument);
        CHECK_THROWS_AS(printRaw("bad queue/name", randomBytes(10, 11), "x", fast()),
                        std::invalid_argument);
        JobSpec spec;
        spec.queue = CupsSandbox::kFileQueue;
        spec.options = PrintOptions{};
        spec.options->copies = 1000;
        CHECK_THROWS_AS(printDocument(spec, randomBytes(10, 12), fast()), std::invalid_argument);
    }

    TEST_CASE("cancel: a job cupsd holds is cancelled and never prints") {
        auto& sandbox = cups();
        sandbox.pauseQueue(CupsSandbox::kTwinQueue); // holds the job as pending
        CupsConnection c(sandbox.server());
        JobSpec spec;
        spec.queue = CupsSandbox::kTwinQueue;
        spec.title = "to cancel";
        spec.format = DocumentFormat::Raw;
        spec.options = std::nullopt;

        const int direct = submitJob(c, spec, randomBytes(1000, 13));
        REQUIRE(direct > 0);
        CHECK(job(direct)->state == JobState::Pending);
        CHECK(cancelJob(c, direct));
        REQUIRE(eventually([&] { return job(direct)->state == JobState::Cancelled; }, 3s));
        CHECK_FALSE(cancelJob(c, direct)); // already finished

        // Through the follower: the host asks to cancel while following.
        const int followed = submitJob(c, spec, randomBytes(1000, 14));
        JobRecorder rec;
        FollowPolicy policy = fast().follow;
        policy.stallTimeout = 30s; // a cancel must not wait for the stall
        const auto t0 = Clock::now();
        const JobOutcome out = followJob(
            c, spec.queue, followed, policy, {}, [] { return true; }, rec.sink());
        MESSAGE("cancel confirmed after " << msSince(t0) << " ms");
        sandbox.resumeQueue(CupsSandbox::kTwinQueue);
        CHECK(out.result == JobResult::Cancelled);
        CHECK(out.cupsJobId == followed);
        CHECK(rec.types().back() == JobEventType::Cancelled);
        CHECK(job(followed)->state == JobState::Cancelled);

        // Once resumed the queue prints new jobs but neither cancelled one.
        const JobOutcome ok = printRaw(spec.queue, randomBytes(500, 15), "after cancel", fast());
        REQUIRE(ok.result == JobResult::Completed);
        CHECK(twinPrinted(ok.cupsJobId));
        CHECK_FALSE(twinPrinted(direct));
        CHECK_FALSE(twinPrinted(followed));
    }

    TEST_CASE("cupsd not running: a clear device error; once it is back, queues and printing too") {
        auto& sandbox = cups();
        DaemonBack restart;
        sandbox.stopDaemon();
        const auto t0 = Clock::now();
        const JobOutcome out =
            printRaw(CupsSandbox::kFileQueue, randomBytes(100, 16), "down", fast());
        MESSAGE("cupsd down: reported after " << msSince(t0) << " ms");
        CHECK(out.result == JobResult::Failed);
        CHECK(out.cupsJobId == 0);
        REQUIRE(out.error);
        CHECK(out.error->code == "cupsd_unreachable");
        CHECK(out.error->category == ErrorCategory::Device);
        CHECK(out.error->message.find(sandbox.socketPath().string()) != std::string::npos);
        CHECK(out.error->message.find("CUPS is running") != std::string::npos);
        CHECK_THROWS_AS(CupsConnection(sandbox.server()), DeviceFailure);

        sandbox.startDaemon();
        MESSAGE("cupsd restarted in " << sandbox.lastStartupTime().count() << " ms");
        CupsConnection c(sandbox.server());
        CHECK(queueInfo(c, CupsSandbox::kFileQueue).name == CupsSandbox::kFileQueue);
        const auto bytes = randomBytes(2000, 17);
        const JobOutcome ok = printRaw(CupsSandbox::kFileQueue, bytes, "back", fast());
        REQUIRE(ok.result == JobResult::Completed);
        CHECK(readBytes(sandbox.fileQueueOutput()) == bytes);
    }

} // TEST_SUITE
