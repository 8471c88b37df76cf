// doccambench: how long the clerk waits between pressing 拍照 and the page in the
// list — the newest frame copied out of the pipeline, the sheet found and straightened, its
// JPEG and thumbnail made, the page handed back to the GUI thread — with the preview running
// beside it as on the pad. The camera is the twin (an image folder) playing the doccam tests'
// drawn photograph of an A4 page at an angle, 1600x1200.
//
//   doccambench [captures]     (default 20)
//   → doccam capture p50 X ms p99 Y ms (n=20)

#include "bench/latency_samples.h"
#include "tests/drivers/doccam/synthetic_page.h"
#include "tests/support/temp_dir.h"
#include "windowpad/document_camera.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <opencv2/imgcodecs.hpp>

using hall::windowpad::DocumentCamera;

namespace {

// Runs the event loop until `done` or the time is up; false when the time ran out.
template <typename Signal>
bool waitFor(DocumentCamera& camera, Signal signal, const std::function<bool()>& done,
             std::chrono::milliseconds timeout) {
    if (done()) return true;
    QEventLoop loop;
    QObject::connect(&camera, signal, &loop, [&] {
        if (done()) loop.quit();
    });
    QObject::connect(&camera, &DocumentCamera::stateChanged, &loop, [&] {
        if (camera.state() == DocumentCamera::State::Failed) loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const int captures = argc > 1 ? std::atoi(argv[1]) : 20;
    if (captures < 1) {
        std::fprintf(stderr, "usage: doccambench [captures]\n");
        return 2;
    }

    // Drawn test data, not anyone's papers.
    const hall::testing::TempDir folder("doccam-bench");
    if (!cv::imwrite(folder.file("page-0001.jpg").string(), hall::testing::photographPage().image,
                     {cv::IMWRITE_JPEG_QUALITY, 95})) {
        std::fprintf(stderr, "cannot write the twin's image into %s\n", folder.path().c_str());
        return 1;
    }

    DocumentCamera camera;
    camera.open(QStringLiteral("folder:") + QString::fromStdString(folder.path().string()));
    const bool live = waitFor(
        camera, &DocumentCamera::stateChanged,
        [&] { return camera.state() == DocumentCamera::State::Live; }, std::chrono::seconds(15));
    if (!live) {
        std::fprintf(stderr, "the camera twin did not go live: %s\n", qPrintable(camera.problem()));
        return 1;
    }

    hall::bench::LatencySamples samples;
    samples.reserve(std::size_t(captures));
    int croppedPages = 0;
    for (int i = 0; i < captures; ++i) {
        int added = 0;
        const auto counter =
            QObject::connect(&camera, &DocumentCamera::captured, [&](int, qint64) { ++added; });
        const auto pressed = std::chrono::steady_clock::now();
        if (!camera.capture() || !waitFor(
                                     camera, &DocumentCamera::captured, [&] { return added > 0; },
                                     std::chrono::seconds(10))) {
            std::fprintf(stderr, "capture %d did not come back: %s\n", i + 1,
                         qPrintable(camera.problem()));
            return 1;
        }
        samples.add(std::chrono::steady_clock::now() - pressed);
        QObject::disconnect(counter);
        croppedPages += camera.lastCaptureCropped() ? 1 : 0;
        camera.clearPages(); // memory stays flat; the pages are not what is measured
    }
    camera.close();
    if (croppedPages != captures)
        std::fprintf(stderr, "only %d of %d captures found the sheet\n", croppedPages, captures);

    const hall::bench::LatencySummary summary = samples.summary();
    std::printf("doccam capture p50 %.1f ms p99 %.1f ms (n=%d)\n", summary.p50Us / 1000,
                summary.p99Us / 1000, summary.samples);
    return croppedPages == captures ? 0 : 1;
}
