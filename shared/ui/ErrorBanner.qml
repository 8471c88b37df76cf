import QtQuick

// Something went wrong: what happened (`message`) and what the citizen can do about it
// (`advice`), with an optional action button (e.g. "Try again") and a close button.
// It may auto-hide after `timeout` ms — but never in elder mode, where pop-ups stay until the
// citizen closes them (适老化: no timed pop-ups).
Rectangle {
    id: banner

    property string message
    property string advice
    // Label of the action button; empty for none.
    property string actionText
    property bool dismissible: true
    // Milliseconds before it hides itself outside elder mode; 0 keeps it until closed.
    property int timeout: 0
    property bool shown: false

    signal actionRequested
    signal dismissed

    function show(newMessage, newAdvice) {
        message = newMessage
        advice = newAdvice === undefined ? "" : newAdvice
        if (shown)
            _armAutoHide() // a new message gets the full time again
        else
            shown = true
    }
    function hide() {
        if (!shown)
            return
        shown = false
        dismissed()
    }

    visible: shown
    implicitWidth: 480
    implicitHeight: content.implicitHeight + 2 * Theme.spacing
    color: Theme.errorBackground
    radius: Theme.radius
    border.width: Theme.borderWidth
    border.color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message

    function _armAutoHide() {
        if (shown && timeout > 0 && !Theme.elderMode)
            autoHide.restart()
        else
            autoHide.stop()
    }

    onShownChanged: _armAutoHide()
    Component.onCompleted: _armAutoHide()

    Timer {
        id: autoHide
        interval: Math.max(1, banner.timeout)
        // Checked again here: elder mode may have been switched on while it ran.
        onTriggered: if (!Theme.elderMode) banner.hide()
    }
    Connections {
        target: Theme
        function onElderModeChanged() {
            banner._armAutoHide()
        }
    }

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        BodyText {
            width: parent.width
            text: "⚠ " + banner.message
            color: Theme.errorText
            font.bold: true
        }
        BodyText {
            width: parent.width
            visible: banner.advice.length > 0
            text: banner.advice
            color: Theme.text
        }
        Row {
            spacing: Theme.spacing
            // From the properties, not the buttons' `visible`: that is false while the banner
            // is hidden, which would keep this row hidden for good.
            visible: banner.actionText.length > 0 || banner.dismissible
            TouchButton {
                id: actionButton
                visible: banner.actionText.length > 0
                text: banner.actionText
                onClicked: banner.actionRequested()
            }
            TouchButton {
                id: closeButton
                objectName: "closeButton"
                visible: banner.dismissible
                kind: "secondary"
                text: qsTr("Close")
                onClicked: banner.hide()
            }
        }
    }
}
