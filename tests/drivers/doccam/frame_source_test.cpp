// The frame source through real GStreamer pipelines: the image-folder twin playing a
// photographed page into the crop (the camera's pipeline, on a known picture), the test pattern
// at the size asked for, a camera that is not there, a folder that empties under a running
// source. Test suite "pipeline".

#include "drivers/doccam/gst_frame_source.h"
#include "drivers/doccam/page_crop.h"
#include "tests/drivers/doccam/synthetic_page.h"
#include "tests/support/temp_dir.h"

#include <chrono>
#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <thread>

using namespace hall::drivers::doccam;
using namespace std::chrono_literals;
using hall::drivers::DeviceFailure;
using hall::drivers::ErrorCategory;
using hall::testing::TempDir;

namespace {

DeviceFailure failureOf(auto&& action) {
    try {
        action();
    } catch (const DeviceFailure& failure) {
        return failure;
    }
    FAIL("no DeviceFailure");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_SUITE("pipeline") {

    TEST_CASE("the image-folder twin plays a photographed page into the crop") {
        const hall::testing::PhotographedPage shot = hall::testing::photographPage();
        TempDir folder("doccam-twin");
        SUBCASE("JPEG, numbered with leading zeros") {
            REQUIRE(cv::imwrite(folder.file("page-0001.jpg").string(), shot.image,
                                {cv::IMWRITE_JPEG_QUALITY, 95}));
        }
        SUBCASE("PNG, numbered from 7, a % in the name") {
            REQUIRE(cv::imwrite(folder.file("scan 100%-7.png").string(), shot.image));
        }
        GstFrameSource source(FrameSourceSpec::imageFolder(folder.path(), 10));
        CHECK_FALSE(source.latestFrame());
        source.start();
        CHECK(source.running());
        const std::optional<Frame> frame = source.waitFrame(10s);
        REQUIRE(frame);
        CHECK(frame->width == 1600);
        CHECK(frame->height == 1200);
        CHECK(frame->stride >= 1600 * 3);
        CHECK(frame->sequence >= 1);

        const PageCrop crop = cropPage(frame->view());
        REQUIRE(crop.found());
        for (std::size_t i = 0; i < 4; ++i) {
            CAPTURE(i);
            CHECK(std::hypot(crop.corners[i].x - shot.corners[i].x,
                             crop.corners[i].y - shot.corners[i].y) < 4.0);
        }
        // The twin loops: later frames keep coming.
        const std::optional<Frame> next = source.waitFrame(5s, frame->sequence);
        REQUIRE(next);
        CHECK(next->sequence > frame->sequence);
        source.stop();
        CHECK_FALSE(source.running());
        CHECK_FALSE(source.latestFrame());
    }

    TEST_CASE("the test pattern gives frames of the size asked for") {
        // 642 pixels of BGR do not fill whole 4-byte words: GStreamer pads the rows.
        GstFrameSource source(FrameSourceSpec::testPattern(642, 480));
        source.start();
        const std::optional<Frame> frame = source.waitFrame(5s);
        REQUIRE(frame);
        CHECK(frame->width == 642);
        CHECK(frame->height == 480);
        CHECK(frame->stride == 1928);
        CHECK_NOTHROW(validate(frame->view()));
        const std::optional<Frame> later = source.waitFrame(5s, frame->sequence);
        REQUIRE(later);
        CHECK(later->sequence > frame->sequence);
        const std::optional<Frame> latest = source.latestFrame();
        REQUIRE(latest);
        CHECK(latest->sequence >= later->sequence);
        CHECK(findPage(frame->view()).detection != PageDetection::Quadrilateral);
    }

    TEST_CASE("a camera that is not there fails at start with a clear device error") {
        GstFrameSource source(FrameSourceSpec::camera("/dev/video99", 1600, 1200));
        const DeviceFailure failure = failureOf([&] { source.start(); });
        CHECK(failure.error().category == ErrorCategory::Device);
        CHECK(failure.error().code == "not_found");
        CHECK(failure.error().message.find("/dev/video99") != std::string::npos);
        CHECK_FALSE(source.running());
        CHECK_FALSE(source.latestFrame());
        // Starting again fails again, the same way: nothing is left half-built.
        CHECK(failureOf([&] { source.start(); }).error().code == "not_found");
    }

    TEST_CASE("a folder without images fails at start") {
        TempDir folder("doccam-empty");
        GstFrameSource source(FrameSourceSpec::imageFolder(folder.path()));
        const DeviceFailure failure = failureOf([&] { source.start(); });
        CHECK(failure.error().code == "not_found");
        CHECK(failure.error().message.find(folder.path().string()) != std::string::npos);
    }

    TEST_CASE("a source whose images vanish is failed until started again") {
        const hall::testing::PhotographedPage shot = hall::testing::photographPage();
        TempDir folder("doccam-vanish");
        const std::filesystem::path image = folder.file("page-1.jpg");
        REQUIRE(cv::imwrite(image.string(), shot.image));
        GstFrameSource source(FrameSourceSpec::imageFolder(folder.path(), 20));
        source.start();
        REQUIRE(source.waitFrame(10s));

        std::filesystem::remove(image);
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!source.failure() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(20ms);
        REQUIRE(source.failure());
        CHECK(source.failure()->category == ErrorCategory::Device);
        CHECK(source.failure()->code == "stream_ended");
        CHECK_FALSE(source.running());
        CHECK(failureOf([&] { (void)source.latestFrame(); }).error().code == "stream_ended");
        CHECK(failureOf([&] { (void)source.waitFrame(1s); }).error().code == "stream_ended");

        REQUIRE(cv::imwrite(image.string(), shot.image));
        source.start();
        CHECK_FALSE(source.failure());
        CHECK(source.waitFrame(10s));
    }

    TEST_CASE("frames that cannot be decoded fail the running source through the bus") {
        TempDir folder("doccam-garbage");
        {
            std::ofstream out(folder.file("page-1.jpg"), std::ios::binary);
            const std::string noise(4096, '\x5a');
            out << "\xff\xd8\xff\xe0" << noise << "\xff\xd9";
        }
        GstFrameSource source(FrameSourceSpec::imageFolder(folder.path(), 30));
        source.start(); // the file is there: the pipeline builds and plays
        const DeviceFailure failure = failureOf([&] { (void)source.waitFrame(10s); });
        CHECK(failure.error().category == ErrorCategory::Device);
        CHECK(failure.error().code == "unsupported_format");
        CHECK(failure.error().message.find(folder.path().string()) != std::string::npos);
        CHECK_FALSE(source.running());
    }

    TEST_CASE("a wait ends on its stop request") {
        TempDir folder("doccam-idle");
        REQUIRE(
            cv::imwrite(folder.file("page-1.png").string(), hall::testing::emptyDesk({64, 48})));
        GstFrameSource source(FrameSourceSpec::imageFolder(folder.path()));
        // Not started: no frame will come; the stop request ends the wait long before its timeout.
        std::stop_source stop;
        std::thread stopper([&] {
            std::this_thread::sleep_for(50ms);
            stop.request_stop();
        });
        const auto began = std::chrono::steady_clock::now();
        CHECK_FALSE(source.waitFrame(30s, 0, stop.get_token()));
        CHECK(std::chrono::steady_clock::now() - began < 5s);
        stopper.join();
    }

    TEST_CASE("specs outside what the source supports are refused before anything starts") {
        CHECK_THROWS_AS(GstFrameSource(FrameSourceSpec::testPattern(8, 480)),
                        std::invalid_argument);
        CHECK_THROWS_AS(GstFrameSource(FrameSourceSpec::camera("", 640, 480)),
                        std::invalid_argument);
        CHECK_THROWS_AS(GstFrameSource(FrameSourceSpec::imageFolder("/tmp", 0)),
                        std::invalid_argument);
        CHECK(describe(FrameSourceSpec::camera("/dev/video0", 1600, 1200)) ==
              "camera /dev/video0 1600x1200");
    }

} // TEST_SUITE
