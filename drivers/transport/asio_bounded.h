#pragma once
// One Boost.Asio operation on a stream's private io_context, bounded by a timeout and by a stop
// request: the way SerialStream and TcpStream keep every call of the ByteStream contract
// bounded and cancellable without a thread of their own.
//
// Runs io until the operation completes, the time is up or stop is requested (a stop request
// posts `cancel` into io, so a blocked call returns at once). An unfinished operation is
// cancelled and drained, so the I/O object is idle again on return. nullopt when the operation
// did not complete (or was aborted by the stop request).

#include <chrono>
#include <optional>
#include <stop_token>

// <utility> before Boost.Asio: with -std=c++20 on g++ 12, Boost 1.74's Asio uses std::exchange
// without including it.
// clang-format off
#include <utility>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
// clang-format on

namespace hall::drivers {

template <class Result, class Start, class Cancel>
std::optional<std::pair<boost::system::error_code, Result>>
runBounded(boost::asio::io_context& io, Cancel cancel, Start start,
           std::chrono::milliseconds timeout, std::stop_token stop) {
    std::optional<std::pair<boost::system::error_code, Result>> result;
    io.restart();
    start([&](const boost::system::error_code& ec, Result r) { result.emplace(ec, r); });
    std::stop_callback onStop(stop, [&io, &cancel] { boost::asio::post(io, cancel); });
    io.run_for(timeout);
    if (!result) {
        cancel();
        io.restart();
        io.run(); // deliver the cancelled handler
    }
    if (result && result->first == boost::asio::error::operation_aborted) result.reset();
    return result;
}

} // namespace hall::drivers
