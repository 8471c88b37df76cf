#pragma once
// The outcome of decoding bytes that came from a reader: a value, or the DeviceError saying why
// not (its category tells the caller whether to ask for another attempt or to report the device).
// Decoders never throw on bad input: they return an error and change nothing.

#include "drivers/base/device_error.h"

#include <utility>
#include <variant>

namespace hall::drivers::idcard {

template <typename T> class DecodeResult {
public:
    DecodeResult(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    DecodeResult(DeviceError error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const DeviceError& error() const { return std::get<1>(v_); }

private:
    std::variant<T, DeviceError> v_;
};

} // namespace hall::drivers::idcard
