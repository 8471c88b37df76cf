#pragma once
// The one place Boost.Asio and Boost.Beast (and their OpenSSL streams) are included, for the
// client library and the controller alike.
//
// <utility> must come first: with -std=c++20 on g++ 12, Boost 1.74's asio/awaitable.hpp uses
// std::exchange without including <utility> itself, and fails to compile otherwise.

// clang-format off
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
// clang-format on
