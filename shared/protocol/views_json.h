#pragma once
// Internal to the codec: JSON of the views shared by responses and pushes (tickets, windows,
// queues, notices, snapshots, device identities), both ways.

#include "shared/protocol/json_reader.h"
#include "shared/protocol/messages.h"

namespace hall::protocol::detail {

Json toJson(const TicketView& ticket); // id, number, service, state, window?, priority
Json toJson(const WindowView& window);
Json toJson(const QueueState& queues);
Json toJson(const Notice& notice);
Json toJson(const HallInfo& hall);
Json toJson(const Snapshot& snapshot);
Json toJson(const DeviceIdentity& device);
Json toJson(const ContentItem& item);
Json toJson(const PlaylistEntry& entry);
Json toJson(const Signage& signage);

TicketView readTicket(const Json& json, const std::string& context);
WindowView readWindow(const Json& json, const std::string& context);
QueueState readQueues(const Json& json, const std::string& context);
Notice readNotice(const Json& json, const std::string& context);
// Reads the snapshot fields from `r`, which may hold other fields too (seq in a response).
HallInfo readHall(const Json& json, const std::string& context);
Snapshot readSnapshot(StrictReader& r);
DeviceIdentity readDevice(const Json& json, const std::string& context);
PlaylistEntry readPlaylistEntry(const Json& json, const std::string& context);
Signage readSignage(const Json& json, const std::string& context);

core::TicketState stateFromName(std::string_view name, const std::string& context);
core::PriorityClass priorityFromName(std::string_view name, const std::string& context);

} // namespace hall::protocol::detail
