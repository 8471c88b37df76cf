#include "callstation/controller/metrics_text.h"

#include "callstation/controller/hub.h"

#include <sstream>

namespace hall::controller {

namespace {

void family(std::ostringstream& out, const char* name, const char* type, const char* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

} // namespace

std::string metricsText(const ServerMetrics& m, Hub& hub) {
    std::ostringstream out;
    family(out, "hall_connections_accepted_total", "counter", "TCP connections accepted.");
    out << "hall_connections_accepted_total " << m.connectionsAccepted << '\n';
    family(out, "hall_connections_refused_total", "counter", "Connections closed at once: over the limit.");
    out << "hall_connections_refused_total " << m.connectionsRefused << '\n';
    family(out, "hall_connections_open", "gauge", "Open connections (HTTP and WebSocket).");
    out << "hall_connections_open " << m.connectionsOpen << '\n';
    family(out, "hall_terminals_connected", "gauge", "Authenticated terminal connections.");
    out << "hall_terminals_connected " << hub.authenticatedConnections() << '\n';
    family(out, "hall_requests_total", "counter", "Terminal requests received, by type.");
    for (const auto& [type, n] : m.requests) out << "hall_requests_total{type=\"" << type << "\"} " << n << '\n';
    family(out, "hall_refusals_total", "counter", "Requests answered with an error, by code.");
    for (const auto& [code, n] : m.refusals) out << "hall_refusals_total{code=\"" << code << "\"} " << n << '\n';
    family(out, "hall_http_requests_total", "counter", "REST API requests.");
    out << "hall_http_requests_total " << m.httpRequests << '\n';
    family(out, "hall_follow_ups_opened_total", "counter",
           "Follow-up cases of bad ratings opened since the start.");
    out << "hall_follow_ups_opened_total " << m.followUpsOpened << '\n';
    family(out, "hall_pushes_total", "counter", "Pushes queued to terminals.");
    out << "hall_pushes_total " << hub.counters().pushes << '\n';
    family(out, "hall_slow_consumers_dropped_total", "counter", "Connections dropped for not reading.");
    out << "hall_slow_consumers_dropped_total " << hub.counters().slowConsumersDropped << '\n';
    family(out, "hall_waiting_tickets", "gauge", "Tickets waiting, by service.");
    for (const auto& s : hub.view().queues.services)
        out << "hall_waiting_tickets{service=\"" << s.serviceId << "\"} " << s.waiting << '\n';
    int online = 0;
    for (const auto& [device, health] : hub.health()) online += health.online ? 1 : 0;
    family(out, "hall_devices_online", "gauge", "Enrolled devices with a live connection.");
    out << "hall_devices_online " << online << '\n';
    return out.str();
}

} // namespace hall::controller
