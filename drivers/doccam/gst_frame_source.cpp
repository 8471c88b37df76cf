#include "drivers/doccam/gst_frame_source.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace hall::drivers::doccam {

using Kind = FrameSourceSpec::Kind;

namespace detail {

// What the streaming thread and the callers share.
struct FrameSourceState {
    std::string name; // describe(spec), for messages

    std::mutex control; // start() and stop() one at a time
    mutable std::mutex mutex;
    mutable std::condition_variable_any changed;
    GstSample* sample = nullptr; // the newest frame, one reference held
    std::uint64_t sequence = 0;
    std::optional<DeviceError> failure;

    ~FrameSourceState() {
        if (sample != nullptr) gst_sample_unref(sample);
    }
    void fail(DeviceError error) {
        {
            const std::lock_guard lock(mutex);
            if (failure) return; // the first error is the cause, what follows are its echoes
            failure = std::move(error);
        }
        changed.notify_all();
    }
};

struct FramePipeline {
    GstElement* pipeline = nullptr;

    FramePipeline() = default;
    FramePipeline(const FramePipeline&) = delete;
    FramePipeline& operator=(const FramePipeline&) = delete;
    ~FramePipeline() {
        if (pipeline == nullptr) return;
        // Going to NULL joins the streaming threads: no callback runs after this.
        gst_element_set_state(pipeline, GST_STATE_NULL);
        GstBus* bus = gst_element_get_bus(pipeline);
        gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
        gst_object_unref(bus);
        gst_object_unref(pipeline);
    }
};

} // namespace detail

namespace {

using detail::FramePipeline;
using detail::FrameSourceState;

constexpr int kMinSide = 16;
constexpr int kMaxSide = 8192;
constexpr int kMaxDecodeErrors = 10; // in a row

void initGstreamer() {
    static std::once_flag once;
    static std::string failure;
    std::call_once(once, [] {
        GError* error = nullptr;
        if (!gst_init_check(nullptr, nullptr, &error)) {
            failure = error != nullptr ? error->message : "gst_init failed";
            if (error != nullptr) g_error_free(error);
        }
    });
    if (!failure.empty())
        throw DeviceFailure(deviceError("missing_plugin", "GStreamer cannot start: " + failure));
}

bool mentions(const std::string& text, const char* what) {
    return text.find(what) != std::string::npos;
}

// GStreamer's error (domain, code, its message, the debug detail) as a technician's error.
DeviceError describeError(const GstFrameSource& source, const std::string& name,
                          const GError& error, const std::string& debug) {
    const bool camera = source.spec().kind == Kind::Camera;
    const std::string said = std::string(" (GStreamer: ") + error.message + ")";
    const std::string what = camera ? "the camera at " + source.spec().device : name;
    if (error.domain == GST_CORE_ERROR && error.code == GST_CORE_ERROR_MISSING_PLUGIN)
        return deviceError("missing_plugin", "a GStreamer plugin is missing for " + name + said +
                                                 ": install gstreamer1.0-plugins-base and "
                                                 "gstreamer1.0-plugins-good");
    if (error.domain == GST_RESOURCE_ERROR) {
        switch (error.code) {
        case GST_RESOURCE_ERROR_NOT_FOUND:
            return deviceError("not_found",
                               camera ? "no camera at " + source.spec().device + said +
                                            ": check the document camera's USB cable and the "
                                            "device setting (v4l2-ctl --list-devices)"
                                      : "cannot find " + name + said);
        case GST_RESOURCE_ERROR_BUSY:
            return deviceError("busy", what + " is in use by another program" + said);
        case GST_RESOURCE_ERROR_NOT_AUTHORIZED:
        case GST_RESOURCE_ERROR_OPEN_READ:
        case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
            if (error.code == GST_RESOURCE_ERROR_NOT_AUTHORIZED ||
                mentions(debug, "Permission denied") || mentions(error.message, "ermission"))
                return deviceError("permission_denied",
                                   "cannot open " + what + said +
                                       ": the terminal's user must be in the video group");
            return deviceError("not_found", "cannot open " + what + said);
        case GST_RESOURCE_ERROR_READ:
        case GST_RESOURCE_ERROR_SYNC:
        case GST_RESOURCE_ERROR_FAILED:
            if (camera)
                return deviceError("unplugged", what + " stopped delivering frames" + said +
                                                    ": check that it is plugged in, then start "
                                                    "the preview again");
            break;
        default:
            break;
        }
    }
    if (error.domain == GST_STREAM_ERROR) {
        if (error.code == GST_STREAM_ERROR_CODEC_NOT_FOUND ||
            error.code == GST_STREAM_ERROR_TYPE_NOT_FOUND)
            return deviceError("missing_plugin", "no GStreamer decoder for " + name + said +
                                                     ": install gstreamer1.0-plugins-good");
        if (error.code == GST_STREAM_ERROR_FORMAT || error.code == GST_STREAM_ERROR_WRONG_TYPE ||
            error.code == GST_STREAM_ERROR_DECODE || mentions(debug, "not-negotiated"))
            return deviceError("unsupported_format",
                               camera ? what + " cannot deliver " +
                                            std::to_string(source.spec().width) + "x" +
                                            std::to_string(source.spec().height) +
                                            " frames as raw video or MJPEG" + said +
                                            ": pick a size v4l2-ctl --list-formats-ext lists"
                                      : name + " delivers frames that cannot be decoded" + said);
    }
    return deviceError("stream_error", name + " failed" + said);
}

GstFlowReturn onNewSample(GstAppSink* sink, gpointer data) {
    auto* shared = static_cast<FrameSourceState*>(data);
    GstSample* sample = gst_app_sink_pull_sample(sink);
    if (sample == nullptr) return GST_FLOW_OK;
    GstSample* older = nullptr;
    {
        const std::lock_guard lock(shared->mutex);
        older = shared->sample;
        shared->sample = sample;
        ++shared->sequence;
    }
    if (older != nullptr) gst_sample_unref(older);
    shared->changed.notify_all();
    return GST_FLOW_OK;
}

// Numbered images of one name pattern and format: what multifilesrc can loop over.
struct FolderImages {
    std::string location; // a printf pattern: % in the folder's name doubled
    int startIndex = 0;
    bool png = false;
};

std::string escapePercent(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        escaped += c;
        if (c == '%') escaped += '%';
    }
    return escaped;
}

FolderImages findFolderImages(const std::filesystem::path& folder) {
    static const std::regex numbered(R"(^(.*?)([0-9]{1,9})\.(jpe?g|png)$)", std::regex::icase);
    std::vector<std::tuple<std::string, std::string, long, std::string>> found;
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        std::error_code ignored;
        if (!it->is_regular_file(ignored)) continue;
        const std::string file = it->path().filename().string();
        std::smatch match;
        if (!std::regex_match(file, match, numbered)) continue;
        found.emplace_back(match[1].str(), match[3].str(), std::stol(match[2].str()),
                           match[2].str());
    }
    if (found.empty())
        throw DeviceFailure(
            deviceError("not_found", "no numbered JPEG or PNG images in " + folder.string() +
                                         " (page-0001.jpg, page-0002.jpg, …) for the camera twin"));
    std::sort(found.begin(), found.end());
    const auto& [prefix, extension, number, digits] = found.front();
    const std::string counter = digits.size() > 1 && digits.front() == '0'
                                    ? "%0" + std::to_string(digits.size()) + "d"
                                    : "%d";
    FolderImages images;
    images.location = escapePercent((folder / prefix).string()) + counter + "." + extension;
    images.startIndex = int(number);
    images.png = extension.size() == 3 && (extension[0] == 'p' || extension[0] == 'P');
    return images;
}

std::string sizeCaps(const char* media, const FrameSourceSpec& spec) {
    return std::string(media) + ",width=" + std::to_string(spec.width) +
           ",height=" + std::to_string(spec.height);
}

GstElement* findElement(GstElement* pipeline, const char* name) {
    return gst_bin_get_by_name(reinterpret_cast<GstBin*>(pipeline), name);
}

Frame copySample(GstSample* sample, std::uint64_t sequence) {
    GstVideoInfo info;
    GstCaps* caps = gst_sample_get_caps(sample);
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    if (caps == nullptr || buffer == nullptr || !gst_video_info_from_caps(&info, caps))
        throw DeviceFailure(deviceError("stream_error", "a frame came without its video format"));
    GstVideoFrame video;
    if (!gst_video_frame_map(&video, &info, buffer, GST_MAP_READ))
        throw DeviceFailure(deviceError("stream_error", "a frame could not be read"));
    Frame frame;
    frame.width = GST_VIDEO_FRAME_WIDTH(&video);
    frame.height = GST_VIDEO_FRAME_HEIGHT(&video);
    frame.stride = GST_VIDEO_FRAME_PLANE_STRIDE(&video, 0);
    frame.sequence = sequence;
    const auto* pixels = static_cast<const std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&video, 0));
    const std::size_t row = std::size_t(frame.width) * kBytesPerPixel;
    std::vector<std::uint8_t> bytes(std::size_t(frame.stride) * std::size_t(frame.height));
    for (int y = 0; y < frame.height; ++y)
        std::memcpy(bytes.data() + std::size_t(frame.stride) * std::size_t(y),
                    pixels + std::size_t(frame.stride) * std::size_t(y), row);
    gst_video_frame_unmap(&video);
    frame.bytes = SecureBytes(std::move(bytes));
    return frame;
}

} // namespace

FrameSourceSpec FrameSourceSpec::camera(std::string device, int width, int height) {
    FrameSourceSpec spec;
    spec.kind = Kind::Camera;
    spec.device = std::move(device);
    spec.width = width;
    spec.height = height;
    return spec;
}

FrameSourceSpec FrameSourceSpec::testPattern(int width, int height) {
    FrameSourceSpec spec;
    spec.kind = Kind::TestPattern;
    spec.width = width;
    spec.height = height;
    return spec;
}

FrameSourceSpec FrameSourceSpec::imageFolder(std::filesystem::path folder, int framesPerSecond) {
    FrameSourceSpec spec;
    spec.kind = Kind::ImageFolder;
    spec.folder = std::move(folder);
    spec.framesPerSecond = framesPerSecond;
    return spec;
}

std::string describe(const FrameSourceSpec& spec) {
    const std::string size = std::to_string(spec.width) + "x" + std::to_string(spec.height);
    switch (spec.kind) {
    case Kind::Camera:
        return "camera " + spec.device + " " + size;
    case Kind::TestPattern:
        return "test pattern " + size;
    case Kind::ImageFolder:
        return "image folder " + spec.folder.string();
    }
    return "frame source";
}

GstFrameSource::GstFrameSource(FrameSourceSpec spec)
    : spec_(std::move(spec)), shared_(std::make_unique<FrameSourceState>()) {
    const bool sized = spec_.kind != Kind::ImageFolder;
    if (sized && (spec_.width < kMinSide || spec_.width > kMaxSide || spec_.height < kMinSide ||
                  spec_.height > kMaxSide))
        throw std::invalid_argument("frame size " + std::to_string(spec_.width) + "x" +
                                    std::to_string(spec_.height) + " is outside " +
                                    std::to_string(kMinSide) + ".." + std::to_string(kMaxSide));
    if (spec_.framesPerSecond < 1 || spec_.framesPerSecond > 60)
        throw std::invalid_argument("frame rate " + std::to_string(spec_.framesPerSecond) +
                                    " is outside 1..60");
    if (spec_.kind == Kind::Camera && spec_.device.empty())
        throw std::invalid_argument("a camera source needs its device (/dev/videoN)");
    if (spec_.kind == Kind::ImageFolder && spec_.folder.empty())
        throw std::invalid_argument("an image-folder source needs its folder");
    shared_->name = describe(spec_);
}

GstFrameSource::~GstFrameSource() {
    stop();
}

void GstFrameSource::start() {
    const std::lock_guard control(shared_->control);
    pipeline_.reset();
    {
        const std::lock_guard lock(shared_->mutex);
        shared_->failure.reset();
    }
    initGstreamer();

    const std::string fps = std::to_string(spec_.framesPerSecond) + "/1";
    std::string head;
    std::optional<FolderImages> images;
    switch (spec_.kind) {
    case Kind::Camera:
        // MJPEG or raw at the requested size, MJPEG preferred: UVC cameras send their big
        // sizes uncompressed only at a few frames a second. decodebin decodes MJPEG and passes
        // raw video through.
        head = "v4l2src name=source ! capsfilter caps=\"" + sizeCaps("image/jpeg", spec_) + ";" +
               sizeCaps("video/x-raw", spec_) + "\" ! decodebin";
        break;
    case Kind::TestPattern:
        head = "videotestsrc name=source is-live=true ! " + sizeCaps("video/x-raw", spec_) +
               ",framerate=" + fps;
        break;
    case Kind::ImageFolder:
        images = findFolderImages(spec_.folder);
        // The frame rate in the caps makes multifilesrc timestamp its buffers, so the sink
        // paces the loop instead of decoding as fast as the CPU allows.
        head = std::string("multifilesrc name=source loop=true caps=\"") +
               (images->png ? "image/png" : "image/jpeg") + ",framerate=(fraction)" + fps +
               "\" ! " + (images->png ? "pngdec" : "jpegdec") + " name=decoder";
        break;
    }
    const std::string description = head + " ! videoconvert ! video/x-raw,format=BGR ! "
                                           "appsink name=sink max-buffers=1 drop=true sync=true";

    GError* error = nullptr;
    GstElement* built = gst_parse_launch(description.c_str(), &error);
    if (error != nullptr) {
        const bool missing =
            error->domain == GST_PARSE_ERROR && error->code == GST_PARSE_ERROR_NO_SUCH_ELEMENT;
        const std::string message = error->message;
        g_error_free(error);
        if (built != nullptr) gst_object_unref(built);
        throw DeviceFailure(deviceError(
            missing ? "missing_plugin" : "stream_error",
            "cannot build the pipeline for " + shared_->name + " (GStreamer: " + message + ")" +
                (missing ? ": install gstreamer1.0-plugins-base and gstreamer1.0-plugins-good"
                         : "")));
    }
    auto pipeline = std::make_unique<FramePipeline>();
    pipeline->pipeline = built;

    // Properties set here rather than in the description: a device or folder name is data,
    // never parsed as pipeline syntax.
    GstElement* source = findElement(built, "source");
    if (spec_.kind == Kind::Camera) g_object_set(source, "device", spec_.device.c_str(), nullptr);
    if (images) {
        g_object_set(source, "location", images->location.c_str(), "start-index",
                     images->startIndex, "index", images->startIndex, nullptr);
        // A decoder skips undecodable frames for ever by default, which suits a camera's odd
        // broken MJPEG frame; a twin whose images never decode fails instead of spinning.
        GstElement* decoder = findElement(built, "decoder");
        gst_video_decoder_set_max_errors(reinterpret_cast<GstVideoDecoder*>(decoder),
                                         kMaxDecodeErrors);
        gst_object_unref(decoder);
    }
    gst_object_unref(source);

    GstElement* sink = findElement(built, "sink");
    GstAppSinkCallbacks callbacks{};
    callbacks.new_sample = onNewSample;
    gst_app_sink_set_callbacks(reinterpret_cast<GstAppSink*>(sink), &callbacks, shared_.get(),
                               nullptr);
    gst_object_unref(sink);

    GstBus* bus = gst_element_get_bus(built);
    gst_bus_set_sync_handler(
        bus,
        [](GstBus*, GstMessage* message, gpointer data) -> GstBusSyncReply {
            auto* self = static_cast<GstFrameSource*>(data);
            if (message->type == GST_MESSAGE_ERROR) {
                GError* failed = nullptr;
                gchar* debug = nullptr;
                gst_message_parse_error(message, &failed, &debug);
                self->shared_->fail(describeError(*self, self->shared_->name, *failed,
                                                  debug != nullptr ? debug : ""));
                g_error_free(failed);
                g_free(debug);
            } else if (message->type == GST_MESSAGE_EOS) {
                self->shared_->fail(
                    deviceError("stream_ended", self->shared_->name + " stopped sending frames"));
            }
            // Handled here, on the thread that posted it; nobody reads the bus, so nothing
            // may pile up on it. Dropping a message is the handler's unref to make.
            gst_message_unref(message);
            return GST_BUS_DROP;
        },
        this, nullptr);
    gst_object_unref(bus);

    if (gst_element_set_state(built, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        pipeline.reset();
        DeviceError failure = deviceError("stream_error", shared_->name + " would not start");
        {
            const std::lock_guard lock(shared_->mutex);
            if (shared_->failure) failure = std::move(*shared_->failure);
            shared_->failure.reset();
        }
        throw DeviceFailure(std::move(failure));
    }
    pipeline_ = std::move(pipeline);
}

void GstFrameSource::stop() {
    const std::lock_guard control(shared_->control);
    pipeline_.reset();
    GstSample* dropped = nullptr;
    {
        const std::lock_guard lock(shared_->mutex);
        dropped = std::exchange(shared_->sample, nullptr);
        shared_->failure.reset();
    }
    if (dropped != nullptr) gst_sample_unref(dropped);
    shared_->changed.notify_all();
}

bool GstFrameSource::running() const {
    const std::lock_guard control(shared_->control);
    const std::lock_guard lock(shared_->mutex);
    return pipeline_ != nullptr && !shared_->failure;
}

std::optional<Frame> GstFrameSource::latestFrame() const {
    GstSample* sample = nullptr;
    std::uint64_t sequence = 0;
    {
        const std::lock_guard lock(shared_->mutex);
        if (shared_->failure) throw DeviceFailure(*shared_->failure);
        if (shared_->sample == nullptr) return std::nullopt;
        sample = gst_sample_ref(shared_->sample);
        sequence = shared_->sequence;
    }
    // The copy runs outside the lock, so the streaming thread never waits for it.
    std::optional<Frame> frame;
    try {
        frame = copySample(sample, sequence);
    } catch (...) {
        gst_sample_unref(sample);
        throw;
    }
    gst_sample_unref(sample);
    return frame;
}

std::optional<Frame> GstFrameSource::waitFrame(std::chrono::milliseconds timeout,
                                               std::uint64_t after, std::stop_token stop) const {
    GstSample* sample = nullptr;
    std::uint64_t sequence = 0;
    {
        std::unique_lock lock(shared_->mutex);
        const bool ready = shared_->changed.wait_for(lock, stop, timeout, [&] {
            return shared_->failure || (shared_->sample != nullptr && shared_->sequence > after);
        });
        if (shared_->failure) throw DeviceFailure(*shared_->failure);
        if (!ready) return std::nullopt;
        sample = gst_sample_ref(shared_->sample);
        sequence = shared_->sequence;
    }
    std::optional<Frame> frame;
    try {
        frame = copySample(sample, sequence);
    } catch (...) {
        gst_sample_unref(sample);
        throw;
    }
    gst_sample_unref(sample);
    return frame;
}

std::optional<DeviceError> GstFrameSource::failure() const {
    const std::lock_guard lock(shared_->mutex);
    return shared_->failure;
}

} // namespace hall::drivers::doccam
