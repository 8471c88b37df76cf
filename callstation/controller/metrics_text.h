#pragma once
// /metrics in the Prometheus text exposition format (version 0.0.4): connection and request
// counters, pushes, dropped slow consumers, and the hall's waiting counts per service.

#include "callstation/controller/server_context.h"

#include <string>

namespace hall::controller {

class Hub;
std::string metricsText(const ServerMetrics& metrics, Hub& hub);

} // namespace hall::controller
