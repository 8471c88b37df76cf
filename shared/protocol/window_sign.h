#pragma once
// What the LED strip over a window shows for the window's state. One mapping for the controller,
// which drives the strips on the hall bus, and for the led-box role of the callstation app, which
// draws a strip on an LED screen fed by a video box: both show the same words in the same colour.
//
//   a ticket called          "请A012号"     red, blinking while the call is fresh (the call
//                                            board's hold time), then steady until served
//   a ticket being served    "A012 办理中"  green
//   paused                   "暂停服务"     yellow
//   open, nobody at it       "3号 社保窗口" green  (the window's number and name)
//   closed (nobody signed in) "3号 社保窗口" red
//
// Texts stay within GB2312, the font LED controller cards carry (docs/bus-protocol.md).

#include "shared/protocol/messages.h"

#include <string>
#include <string_view>

namespace hall::protocol {

enum class SignLook { Calling, Serving, Paused, Open, Closed };
std::string_view signLookName(SignLook look); // "calling", "serving", "paused", "open", "closed"

struct WindowSign {
    SignLook look = SignLook::Closed;
    std::string text;
    std::string colour; // "red", "green" or "yellow": strips and screens map it to what they have
    bool blink = false;
    bool operator==(const WindowSign&) const = default;
};

// `callFresh`: the window's call was made (or repeated) within the call board's hold time.
// `windowName`: the configured window's name ("社保窗口"), empty when it has none.
WindowSign windowSign(const WindowView& view, std::string_view windowName, bool callFresh);

} // namespace hall::protocol
