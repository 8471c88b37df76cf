#include "callstation/controller/attachment_desk.h"

namespace hall::controller {

AttachmentDesk::AttachmentDesk(std::unique_ptr<AttachmentSink> sink, Post toNetwork)
    : sink_(std::move(sink)), toNetwork_(std::move(toNetwork)), thread_([this] { loop(); }) {}

AttachmentDesk::~AttachmentDesk() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void AttachmentDesk::run(std::function<void(AttachmentSink&)> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void AttachmentDesk::loop() {
    for (;;) {
        std::function<void(AttachmentSink&)> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return; // stopping, and everything handed over is done
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task(*sink_);
    }
}

} // namespace hall::controller
