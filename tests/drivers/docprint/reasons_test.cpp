// From cupsd's printer-state-reasons and job-state-reasons to a technician's error, and the
// checks that keep bad input from reaching cupsd. No print server needed.

#include "drivers/docprint/printer_reasons.h"
#include "drivers/docprint/queues.h"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace hall::drivers::docprint;

namespace {

QueueInfo queue(std::vector<std::string> reasons, QueueState state = QueueState::Idle,
                bool accepting = true) {
    QueueInfo q;
    q.name = "office-a4";
    q.state = state;
    q.accepting = accepting;
    q.reasons = std::move(reasons);
    return q;
}

} // namespace

TEST_CASE("reason keywords split into keyword and severity") {
    CHECK(parseReason("media-empty-error").keyword == "media-empty");
    CHECK(parseReason("media-empty-error").severity == ReasonSeverity::Error);
    CHECK(parseReason("toner-low-warning").severity == ReasonSeverity::Warning);
    CHECK(parseReason("offline-report").keyword == "offline");
    CHECK(parseReason("offline-report").severity == ReasonSeverity::Report);
    // No suffix: an error, by RFC 8011's rule.
    CHECK(parseReason("media-jam").severity == ReasonSeverity::Error);
    CHECK(parseReason("media-jam").keyword == "media-jam");
}

TEST_CASE("what blocks printing and what only warns") {
    CHECK(blocksPrinting(parseReason("media-empty-error")));
    CHECK(blocksPrinting(parseReason("cover-open")));
    CHECK_FALSE(blocksPrinting(parseReason("media-empty-report")));
    CHECK_FALSE(blocksPrinting(parseReason("media-low-error"))); // low never stops a printer
    CHECK_FALSE(blocksPrinting(parseReason("toner-low")));
    CHECK_FALSE(blocksPrinting(parseReason("paused"))); // seen through the queue state
    // An unreachable printer blocks at any severity: the ipp backend says "offline-report".
    CHECK(blocksPrinting(parseReason("offline-report")));
    CHECK(blocksPrinting(parseReason("connecting-to-device")));
}

TEST_CASE("a queue that can print has no problem") {
    CHECK_FALSE(printingProblem(queue({})).has_value());
    CHECK_FALSE(printingProblem(queue({"toner-low-warning", "media-low-report"})).has_value());
    CHECK_FALSE(queueProblem(queue({}, QueueState::Processing)).has_value());
}

TEST_CASE("paper out is reported as such, with what to do") {
    const auto p = printingProblem(queue({"media-empty-error", "paused"}, QueueState::Stopped));
    REQUIRE(p);
    CHECK(p->code == "paper_out");
    CHECK(p->message.find("office-a4") != std::string::npos);
    CHECK(p->message.find("load A4 paper") != std::string::npos);
    // cupsd stopped the queue: the technician must resume it after refilling.
    CHECK(p->message.find("cupsenable office-a4") != std::string::npos);
}

TEST_CASE("the most specific reason wins over a stopped queue and over a generic fault") {
    auto p =
        printingProblem(queue({"paused", "other-error", "media-jam-error"}, QueueState::Stopped));
    REQUIRE(p);
    CHECK(p->code == "paper_jam");
    p = printingProblem(queue({"fuser-over-temp-error"}, QueueState::Processing));
    REQUIRE(p);
    CHECK(p->code == "printer_fault");
    CHECK(p->message.find("fuser-over-temp") != std::string::npos);
    p = printingProblem(queue({"offline-report"}, QueueState::Processing));
    REQUIRE(p);
    CHECK(p->code == "printer_offline");
}

TEST_CASE("reasons left on an idle queue are history and block nothing") {
    // cupsd keeps what the last backend said until the next job; a refilled printer must get
    // that job.
    CHECK_FALSE(printingProblem(queue({"media-empty-error"})).has_value());
    CHECK_FALSE(queueProblem(queue({"offline-report"})).has_value());
    const auto p = printingProblem(queue({"media-empty-error"}, QueueState::Processing));
    REQUIRE(p);
    CHECK(p->code == "paper_out");
    // Printing goes on, so no "resume the queue" advice.
    CHECK(p->message.find("cupsenable") == std::string::npos);
}

TEST_CASE("a stopped queue without a reason, and one that refuses jobs") {
    auto q = queue({"paused"}, QueueState::Stopped);
    q.message = "Paused by the technician";
    auto p = printingProblem(q);
    REQUIRE(p);
    CHECK(p->code == "queue_stopped");
    CHECK(p->message.find("Paused by the technician") != std::string::npos);

    const auto rejecting = queue({}, QueueState::Idle, false);
    CHECK_FALSE(printingProblem(rejecting).has_value()); // queued jobs still print
    const auto r = queueProblem(rejecting);
    REQUIRE(r);
    CHECK(r->code == "queue_rejecting");
    CHECK(r->message.find("cupsaccept office-a4") != std::string::npos);
}

TEST_CASE("an aborted job says whether the document was the trouble") {
    JobInfo job;
    job.state = JobState::Aborted;
    job.reasons = {"document-format-error"};
    CHECK(abortedJobError("office-a4", job).code == "document_rejected");
    job.reasons = {"aborted-by-system"};
    const auto e = abortedJobError("office-a4", job);
    CHECK(e.code == "job_aborted");
    CHECK(e.message.find("aborted-by-system") != std::string::npos);
}

TEST_CASE("options are checked before anything is sent") {
    PrintOptions o;
    CHECK_NOTHROW(validate(o));
    o.copies = 0;
    CHECK_THROWS_AS(validate(o), std::invalid_argument);
    o.copies = PrintOptions::kMaxCopies + 1;
    CHECK_THROWS_AS(validate(o), std::invalid_argument);
    o.copies = 2;
    o.media = "A4\"; injected";
    CHECK_THROWS_AS(validate(o), std::invalid_argument);
    o.media = "iso_a5_148x210mm";
    CHECK_NOTHROW(validate(o));
    CHECK(sidesKeyword(Sides::TwoSidedLongEdge) == "two-sided-long-edge");
    CHECK(colourKeyword(ColourMode::Auto).empty());
    CHECK(colourKeyword(ColourMode::Monochrome) == "monochrome");
}

TEST_CASE("queue names are checked before anything is sent") {
    CHECK_NOTHROW(validateQueueName("hall-a4_2"));
    CHECK_THROWS_AS(validateQueueName(""), std::invalid_argument);
    CHECK_THROWS_AS(validateQueueName("a4 office"), std::invalid_argument);
    CHECK_THROWS_AS(validateQueueName("../admin"), std::invalid_argument);
    CHECK_THROWS_AS(validateQueueName(std::string(128, 'q')), std::invalid_argument);
}
