import QtQuick

// The hidden way into the technician menu: five taps within three seconds on this area, which
// the overlay puts in the screen's top-right corner (96 × 96 px, nothing interactive under it).
// Chosen over a long press: a citizen resting a finger on the screen, or a child holding the
// logo, makes a long press easily, but five quick taps in an empty corner hardly ever happen by
// chance, and the PIN still stands behind the gesture.
Item {
    id: gesture

    property int requiredTaps: 5
    property int windowMs: 3000
    property var _tapTimes: []

    signal triggered

    function registerTap() {
        const now = Date.now()
        const recent = _tapTimes.filter(function (t) { return now - t <= gesture.windowMs })
        recent.push(now)
        if (recent.length >= requiredTaps) {
            _tapTimes = []
            triggered()
        } else {
            _tapTimes = recent
        }
    }

    onEnabledChanged: _tapTimes = []

    TapHandler {
        onTapped: gesture.registerTap()
    }
}
