#pragma once
// What the demo's terminals did, counted as the controller acknowledged it; at the end it must
// agree with the controller's own report of the day.

#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace hall::demo {

struct DemoTally {
    std::atomic<int> arrivals{0}; // citizens at a ticket machine, refused ones included
    std::atomic<int> issued{0};
    std::atomic<int> calls{0};
    std::atomic<int> recalls{0};
    std::atomic<int> noShows{0};      // marked; requeued or final
    std::atomic<int> finalNoShows{0}; // no requeue left
    std::atomic<int> transfers{0};
    std::atomic<int> served{0};
    std::atomic<int> cancelled{0}; // citizens who gave up waiting
    std::atomic<int> ratings{0};
    std::atomic<int> badRatings{0};
    std::atomic<int> boardCalls{0};  // call pushes the call boards received
    std::atomic<int> boardResyncs{0}; // snapshots a board asked for after a gap
    std::atomic<int> unexpected{0};  // refusals the demo did not plan for
    std::atomic<int> appPrinted{0};  // tickets the app's ticket machine said it printed
    std::atomic<int> padServed{0};   // of `served`, the visits finished on hall-windowpad
    std::atomic<int> padRated{0};    // of `ratings`, the ratings given on its citizen face

    void refusedIssue(const std::string& code) {
        std::lock_guard lock(mutex);
        ++refusedIssues[code];
    }
    std::map<std::string, int> refusedIssuesCopy() {
        std::lock_guard lock(mutex);
        return refusedIssues;
    }

private:
    std::mutex mutex;
    std::map<std::string, int> refusedIssues; // by error code
};

} // namespace hall::demo
