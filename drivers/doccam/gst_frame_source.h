#pragma once
// Frames from the document camera through GStreamer. Every source runs one pipeline shape,
//
//     <source> ! … ! videoconvert ! video/x-raw,format=BGR ! appsink
//
// with one of three heads:
//   camera       v4l2src on /dev/videoN at the requested resolution, MJPEG preferred over raw
//                (the big sizes of USB document cameras are fast only as MJPEG), decodebin
//   test pattern videotestsrc at the requested resolution
//   image folder the camera twin: multifilesrc over the folder's numbered images
//                (page-0001.jpg, page-0002.jpg, … — one name pattern, JPEG or PNG), decoded
//                and looped at framesPerSecond, so tests and demos run the camera's pipeline on
//                a known photographed page
//
// The newest frame is kept (older ones are dropped in the appsink, a slow reader never backs up
// the camera) and handed out as a copy. Errors follow device_error.h: start() throws
// DeviceFailure when the pipeline cannot start (no such camera, camera busy or not permitted, a
// missing GStreamer plugin, a folder without images); an error the pipeline reports later (the
// camera pulled, a format it cannot deliver, the stream ending) makes the source failed: frames
// are refused with that error until start() is called again. GStreamer's errors never end the
// process. Device errors are category Device, with codes not_found, permission_denied, busy,
// unplugged, unsupported_format, missing_plugin, stream_ended, stream_error.
//
// Threads: frames arrive on GStreamer's streaming thread; every member function may be called
// from any thread. stop() (and the destructor) stops the pipeline and joins its threads.
// GStreamer's own buffers are recycled by its pools and are not wiped; the frames handed out
// are (frame.h).

#include "drivers/base/device_error.h"
#include "drivers/doccam/frame.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

namespace hall::drivers::doccam {

namespace detail {
struct FrameSourceState;
struct FramePipeline;
} // namespace detail

struct FrameSourceSpec {
    enum class Kind { Camera, TestPattern, ImageFolder };
    Kind kind = Kind::TestPattern;
    std::string device;           // Camera: /dev/videoN (or a /dev/v4l/by-id link)
    std::filesystem::path folder; // ImageFolder
    int width = 1600;             // Camera, TestPattern; a folder's frames keep the images' size
    int height = 1200;
    int framesPerSecond = 15; // not for a camera: it keeps its own

    static FrameSourceSpec camera(std::string device, int width, int height);
    static FrameSourceSpec testPattern(int width, int height);
    static FrameSourceSpec imageFolder(std::filesystem::path folder, int framesPerSecond = 5);
};

// The spec as a technician reads it: "camera /dev/video0 1600x1200".
std::string describe(const FrameSourceSpec& spec);

class GstFrameSource {
public:
    // Checks the spec (std::invalid_argument: sizes outside 16..8192, frame rate outside 1..60,
    // no device or folder); starts nothing.
    explicit GstFrameSource(FrameSourceSpec spec);
    ~GstFrameSource();
    GstFrameSource(const GstFrameSource&) = delete;
    GstFrameSource& operator=(const GstFrameSource&) = delete;

    // Builds and plays the pipeline; a running source is stopped first. Throws DeviceFailure.
    void start();
    // Stops the pipeline, joins GStreamer's threads, drops the kept frame and any failure.
    void stop();
    bool running() const;

    // The newest frame, copied; nullopt before the first. Throws DeviceFailure once failed.
    std::optional<Frame> latestFrame() const;
    // Waits for a frame whose sequence is above `after` (0: any frame); nullopt when the time
    // runs out or `stop` is requested first. Throws DeviceFailure once failed.
    std::optional<Frame> waitFrame(std::chrono::milliseconds timeout, std::uint64_t after = 0,
                                   std::stop_token stop = {}) const;
    // What ended the stream, while the source is failed.
    std::optional<DeviceError> failure() const;

    const FrameSourceSpec& spec() const { return spec_; }

private:
    FrameSourceSpec spec_;
    std::unique_ptr<detail::FrameSourceState> shared_;
    std::unique_ptr<detail::FramePipeline> pipeline_;
};

} // namespace hall::drivers::doccam
