#include "drivers/audio/resample.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace hall::drivers::audio {

namespace {

// Zero crossings of the sinc kept on each side: 16 gives a stop band around -70 dB with the
// Blackman window, below what a 16-bit voice clip carries in practice.
constexpr double kZeroCrossings = 16.0;

double blackman(double x) { // x in [-1, 1]
    return 0.42 + 0.5 * std::cos(std::numbers::pi * x) + 0.08 * std::cos(2 * std::numbers::pi * x);
}

double sinc(double x) {
    if (std::abs(x) < 1e-12) return 1.0;
    const double px = std::numbers::pi * x;
    return std::sin(px) / px;
}

} // namespace

Pcm resample(const Pcm& in, std::uint32_t toRate) {
    if (in.sampleRate == 0 || toRate == 0) throw std::invalid_argument("resample: a rate of 0");
    if (in.sampleRate == toRate) return in;

    const double step = static_cast<double>(in.sampleRate) / toRate; // input samples per output
    // Cut-off relative to the input's Nyquist frequency.
    const double cutoff = 0.95 * std::min(1.0, 1.0 / step);
    const double halfWidth = kZeroCrossings / cutoff; // in input samples
    const auto n = static_cast<std::int64_t>(in.samples.size());
    const std::uint64_t outLen =
        (static_cast<std::uint64_t>(in.samples.size()) * toRate + in.sampleRate / 2) /
        in.sampleRate;

    Pcm out;
    out.sampleRate = toRate;
    out.samples.resize(static_cast<std::size_t>(outLen));
    for (std::uint64_t i = 0; i < outLen; ++i) {
        const double t = static_cast<double>(i) * step;
        const auto first =
            std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(t - halfWidth)));
        const auto last =
            std::min<std::int64_t>(n - 1, static_cast<std::int64_t>(std::floor(t + halfWidth)));
        double acc = 0;
        for (std::int64_t j = first; j <= last; ++j) {
            const double d = t - static_cast<double>(j);
            acc += in.samples[static_cast<std::size_t>(j)] * cutoff * sinc(cutoff * d) *
                   blackman(d / halfWidth);
        }
        out.samples[static_cast<std::size_t>(i)] =
            static_cast<std::int16_t>(std::clamp(std::lround(acc), -32768L, 32767L));
    }
    return out;
}

} // namespace hall::drivers::audio
