#include "tests/support/server_loop.h"

#include <future>

namespace hall::testing {

namespace asio = boost::asio;
using asio::ip::tcp;

ServerLoop::ServerLoop(const std::string& address, OnAccept onAccept)
    : acceptor_(ioc_, tcp::endpoint(asio::ip::make_address(address), 0)),
      onAccept_(std::move(onAccept)) {
    port_ = acceptor_.local_endpoint().port();
    accept();
    thread_ = std::thread([this] { ioc_.run(); });
}

ServerLoop::~ServerLoop() {
    stop();
}

void ServerLoop::accept() {
    acceptor_.async_accept(ioc_, [this](boost::system::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
        if (!ec) {
            ++accepted_;
            onAccept_(std::move(socket));
        }
        accept(); // other errors (out of descriptors) concern one connection only
    });
}

void ServerLoop::runOnLoop(const std::function<void()>& task) {
    if (stopped_) return;
    std::promise<void> done;
    asio::post(ioc_, [&] {
        task();
        done.set_value();
    });
    done.get_future().wait();
}

void ServerLoop::stop() {
    if (stopped_.exchange(true)) return;
    asio::post(ioc_, [this] {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        ioc_.stop();
    });
    if (thread_.joinable()) thread_.join();
}

} // namespace hall::testing
