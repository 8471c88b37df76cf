#pragma once
// Where attachments are handled: a thread of their own that owns the attachment sink. Sealing a
// 16 MiB scan, syncing it to disk and opening it again take tens of milliseconds; on the engine's
// thread they would hold up every ticket of the hall, on the network thread every frame. Tasks
// run one at a time, in the order they came; each posts its own results back.

#include "callstation/controller/attachments.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace hall::controller {

class AttachmentDesk {
public:
    using Post =
        std::function<void(std::function<void()>)>; // runs a function on the network thread

    AttachmentDesk(std::unique_ptr<AttachmentSink> sink, Post toNetwork);
    ~AttachmentDesk(); // finishes what was handed over, then joins
    AttachmentDesk(const AttachmentDesk&) = delete;
    AttachmentDesk& operator=(const AttachmentDesk&) = delete;

    // Runs `task` on the desk's thread with the sink.
    void run(std::function<void(AttachmentSink&)> task);
    void post(std::function<void()> toNetwork) const { toNetwork_(std::move(toNetwork)); }

private:
    void loop();

    std::unique_ptr<AttachmentSink> sink_;
    Post toNetwork_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void(AttachmentSink&)>> tasks_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace hall::controller
