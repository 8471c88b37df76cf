#pragma once
// The shape every driver has. A Device is an instance of a descriptor on one port; it runs on
// its own worker thread (DeviceWorker): opens, serves, reports loss, re-opens. start() never
// fails: a device that is absent at start is reported Lost and picked up when it appears.
// stop() cancels whatever is in flight (a blocking read, a PC/SC wait) and joins.
// Kind-specific results (a person read from an ID card, a scanned code) go to a kind-specific
// callback given at construction; generic status goes to the DeviceEventSink.

#include "drivers/base/descriptor.h"

#include <string>

namespace hall::drivers {

class Device {
public:
    virtual ~Device() = default;
    virtual const DeviceDescriptor& descriptor() const = 0;
    virtual const std::string& instanceId() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
};

} // namespace hall::drivers
