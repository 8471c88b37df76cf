import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hall.Ui
import Hall.Keyboard
import Hall.App
import Hall.Client
import Hall.Callstation

// The ticket machine (排队机): every service as a large tile with its live queue; one touch
// takes a number (asking first when many are waiting); the number then stays on screen with
// the people ahead and the wait. Portrait 1080×1920 and landscape 1920×1080; elder mode shows
// fewer, larger tiles. The top-right corner is kept free for the technician menu.
Rectangle {
    id: screen

    // The flow; shots and tests reach it to put the screen in a stage.
    property alias machine: machine
    property alias greenChannel: greenChannel

    // The booking code field of the check-in card takes the keyboard (a touch on it does this).
    function typeBookingCode() { bookingCode.forceActiveFocus() }
    readonly property bool portrait: height > width
    readonly property string serviceShown: LanguageSwitcher.language === "en" ? machine.serviceNameEn
                                                                             : machine.serviceName

    implicitWidth: 1080
    implicitHeight: 1920
    color: Theme.background

    TicketMachine {
        id: machine
        objectName: "ticketMachine" // the names are what a demo's --control taps and reads
        issuer: Terminal.issuer
        printing: Terminal.printing
        identification: Terminal.identification
        clock: Terminal.clock
    }
    ServicesModel {
        id: services
        backend: Terminal.backend
        group: groupTabs.chosen
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        OfflineBanner {
            Layout.fillWidth: true
            connectionState: Terminal.backend.connectionStateName
            offlineSince: Terminal.backend.offlineSince
            detail: qsTr("Numbers are still given out here.")
        }
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: header.implicitHeight + Theme.spacing * 3
            Column {
                id: header
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: Theme.spacing * 3
                // The corner on the right is the technician's.
                anchors.rightMargin: Theme.touchTarget * 3
                spacing: Theme.spacing / 2
                BodyText {
                    width: parent.width
                    visible: text.length > 0
                    color: Theme.secondaryText
                    text: Terminal.backend.hallName
                }
                Heading {
                    width: parent.width
                    font.pointSize: Theme.headingPointSize * 1.4
                    text: qsTr("Take a number")
                }
                BodyText {
                    width: parent.width
                    color: Theme.secondaryText
                    text: qsTr("Touch the service you have come for. Your number is printed at once.")
                }
            }
        }
        // The service groups (departments, else zones) when the hall has more than one: one
        // touch narrows the tiles to a group; "All services" shows them all again.
        Flow {
            id: groupTabs
            property string chosen: ""
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 3 // in line with the tiles
            Layout.rightMargin: Theme.spacing * 3
            visible: Terminal.backend.serviceGroups.length > 1
            spacing: Theme.spacing
            TouchButton {
                kind: groupTabs.chosen === "" ? "primary" : "secondary"
                text: qsTr("All services")
                onClicked: groupTabs.chosen = ""
            }
            Repeater {
                model: Terminal.backend.serviceGroups
                delegate: TouchButton {
                    required property var modelData
                    kind: groupTabs.chosen === modelData.id ? "primary" : "secondary"
                    text: LanguageSwitcher.language === "en" ? modelData.nameEn : modelData.name
                    onClicked: groupTabs.chosen = modelData.id
                }
            }
            // The next citizen starts from all the services.
            Connections {
                target: machine
                function onIdleChanged() { if (machine.idle) groupTabs.chosen = "" }
            }
        }
        GridView {
            id: grid
            readonly property int columns: screen.portrait ? (Theme.elderMode ? 1 : 2)
                                                           : (Theme.elderMode ? 2 : 3)
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: Theme.spacing * 2
            Layout.rightMargin: Theme.spacing * 2
            clip: true
            model: services
            cellWidth: width / columns
            // Tiles share the height there is (a portrait machine has room), within bounds.
            readonly property int rows: Math.max(1, Math.ceil(count / columns))
            cellHeight: Math.max(Theme.elderMode ? 240 : 180,
                                 Math.min(Theme.elderMode ? 400 : 320, height / rows))
            boundsBehavior: Flickable.StopAtBounds
            delegate: Item {
                required property string serviceId
                required property string name
                required property string nameEn
                required property int waiting
                required property int estimatedWaitMinutes
                required property bool issuing
                required property string hours
                required property int remaining
                required property bool identify

                width: grid.cellWidth
                height: grid.cellHeight
                ServiceTile {
                    objectName: "service:" + parent.serviceId
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    name: parent.name
                    nameEn: parent.nameEn
                    issuing: parent.issuing
                    hours: parent.hours
                    remaining: parent.remaining
                    identify: parent.identify
                    waiting: parent.waiting
                    waitMinutes: parent.estimatedWaitMinutes
                    onChosen: machine.choose(parent.serviceId)
                }
            }
            BodyText {
                visible: services.count === 0
                anchors.centerIn: parent
                color: Theme.secondaryText
                text: qsTr("The services are being loaded…")
            }
        }
        // Language and elder mode at the bottom, where a hand reaches; the clock beside them.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing * 2
            spacing: Theme.spacing * 2
            LanguageSwitch {}
            ElderModeSwitch {}
            Item { Layout.fillWidth: true }
            // The staff's: a citizen who touches it is asked for a staff card or PIN.
            TouchButton {
                objectName: "greenChannelButton"
                visible: machine.stage === TicketMachine.Choosing
                kind: "secondary"
                text: qsTr("Staff")
                onClicked: machine.startGreenChannel()
            }
            TouchButton {
                objectName: "checkInButton"
                visible: machine.stage === TicketMachine.Choosing
                text: qsTr("Check in for a booking")
                onClicked: machine.startCheckIn()
            }
            TouchButton {
                visible: machine.canReprint && machine.stage === TicketMachine.Choosing
                kind: "secondary"
                text: machine.printState === TicketMachine.Printing ? qsTr("Printing…")
                                                                    : qsTr("Reprint my last ticket")
                onClicked: machine.reprintLast()
            }
            HallClock {}
        }
    }

    // Any touch anywhere (passive: the tiles still get theirs) keeps the machine awake.
    PointHandler {
        onActiveChanged: if (active) machine.touch()
    }
    // So does a card put on a reader.
    Connections {
        target: Terminal.identification
        function onReadingStarted() { machine.touch() }
    }
    AttractScreen {
        objectName: "attractScreen"
        anchors.fill: parent
        visible: machine.idle
        z: 1
    }

    // --- the stages over the services ---------------------------------------------------

    StageCard {
        visible: machine.stage === TicketMachine.Identifying
        accent: Theme.primary
        Heading {
            width: parent.width
            text: screen.serviceShown
        }
        BodyText {
            width: parent.width
            font.pointSize: Theme.headingPointSize * 1.2
            font.bold: true
            text: qsTr("Please place your ID card on the reader")
        }
        BodyText {
            width: parent.width
            text: qsTr("This service gives numbers only to the person who will be served. A social-security card works too.")
        }
        BodyText {
            width: parent.width
            visible: machine.identifyProblem.length > 0
            color: Theme.danger
            text: machine.identifyProblem
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Back to the services (%1 s)").arg(machine.secondsLeft)
            textScale: 1.5
            onClicked: machine.cancel()
        }
    }

    StageCard {
        visible: machine.stage === TicketMachine.CheckingIn
        accent: Theme.primary
        // While the code is typed the card sits above the keyboard, with only what typing needs.
        anchors.bottomMargin: codeKeyboard.visible ? codeKeyboard.height : 0
        Heading {
            width: parent.width
            text: qsTr("Check in for a booking")
        }
        BodyText {
            width: parent.width
            visible: !codeKeyboard.visible
            font.pointSize: Theme.headingPointSize * 1.2
            font.bold: true
            text: qsTr("Please scan the booking's QR code, or place the ID card you booked with on the reader")
        }
        BodyText {
            width: parent.width
            visible: !codeKeyboard.visible
            text: qsTr("Your number is called first once your booked time has come.")
        }
        BodyText {
            width: parent.width
            visible: machine.identifyProblem.length > 0
            color: Theme.danger
            text: machine.identifyProblem
        }
        // No QR at hand: the code printed under it, typed on the keyboard below.
        Row {
            spacing: Theme.spacing
            TextField {
                id: bookingCode
                objectName: "bookingCode"
                width: Theme.touchTarget * 6
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                placeholderText: qsTr("Or type the booking code")
                inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                onTextEdited: machine.stillHere()
                onAccepted: machine.checkInCode(text)
            }
            TouchButton {
                objectName: "bookingCodeCheckIn"
                enabled: bookingCode.text.length >= 6
                text: qsTr("Check in")
                onClicked: machine.checkInCode(bookingCode.text)
            }
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Back to the services (%1 s)").arg(machine.secondsLeft)
            textScale: 1.5
            onClicked: machine.cancel()
        }
    }

    // Shown once the citizen touches the code field: scanning or a card needs no keyboard.
    PinyinKeyboard {
        id: codeKeyboard
        visible: machine.stage === TicketMachine.CheckingIn && bookingCode.activeFocus
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        layout: PinyinInput.English
        target: bookingCode
        z: 2
        // Nothing typed by one citizen is left for the next.
        onVisibleChanged: if (!visible) { bookingCode.clear(); resetSession() }
    }

    StageCard {
        visible: machine.stage === TicketMachine.Confirming
        accent: Theme.warning
        Heading {
            width: parent.width
            text: screen.serviceShown
        }
        BodyText {
            width: parent.width
            font.pointSize: Theme.headingPointSize
            text: machine.waitMinutes > 0
                  ? qsTr("%1 people are waiting before you, about %2 minutes.")
                        .arg(machine.waiting).arg(machine.waitMinutes)
                  : qsTr("%1 people are waiting before you.").arg(machine.waiting)
        }
        BodyText {
            width: parent.width
            text: qsTr("Do you still want a number?")
        }
        Row {
            spacing: Theme.spacing * 2
            TouchButton {
                objectName: "confirmYes"
                text: qsTr("Yes, take a number")
                textScale: 1.5
                onClicked: machine.confirm()
            }
            TouchButton {
                kind: "secondary"
                text: qsTr("No, go back")
                textScale: 1.5
                onClicked: machine.cancel()
            }
        }
    }

    BusyBanner {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.spacing * 4, 800)
        active: machine.stage === TicketMachine.Issuing
        text: qsTr("Taking your number…")
    }

    StageCard {
        objectName: "ticketCard"
        visible: machine.stage === TicketMachine.Showing
        accent: Theme.success
        BodyText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Your number")
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pointSize: Theme.elderMode ? 110 : 96
            font.bold: true
            color: Theme.text
            text: machine.number
        }
        Heading {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.serviceShown
        }
        BodyText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.pointSize: Theme.headingPointSize
            text: machine.ahead < 0 ? ""
                  : machine.ahead === 0 ? qsTr("Nobody is ahead of you. Please watch the board.")
                  : qsTr("%n people ahead of you", "", machine.ahead)
                    + (machine.waitMinutes > 0
                       ? qsTr(", about %n min", "", machine.waitMinutes) : "")
            visible: text.length > 0
        }
        BodyText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            visible: machine.offline
            color: Theme.secondaryText
            text: qsTr("This number was given out while the hall system is unreachable. It is valid and will be called in turn.")
        }
        BodyText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            visible: machine.printState !== TicketMachine.NotPrinted
            text: machine.printState === TicketMachine.Printing
                  ? qsTr("Your ticket is being printed…")
                  : qsTr("Please take your ticket and wait for your number on the call board.")
        }
        // Not printed: this screen is the ticket. The number above and this code are what a
        // window needs; the printer's fault has gone to the staff.
        Rectangle {
            objectName: "unprintedTicket"
            visible: machine.printState === TicketMachine.NotPrinted
            width: parent.width
            height: unprinted.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.errorBackground
            Row {
                id: unprinted
                anchors.centerIn: parent
                width: parent.width - Theme.spacing * 2
                spacing: Theme.spacing * 2
                Image {
                    id: qr
                    width: Theme.elderMode ? 300 : 240
                    height: width
                    sourceSize: Qt.size(width, height)
                    smooth: false
                    source: machine.ticketCode.length > 0
                            ? "image://qr/" + encodeURIComponent(machine.ticketCode) : ""
                }
                BodyText {
                    width: parent.width - qr.width - parent.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.errorText
                    font.pointSize: Theme.headingPointSize * 0.8
                    text: qsTr("The ticket could not be printed. Please take a photo of this screen: the number and this code are your ticket. The staff have been told.")
                }
            }
        }
        TouchButton {
            anchors.horizontalCenter: parent.horizontalCenter
            objectName: "ticketDone"
            kind: "success"
            text: qsTr("Done (%1 s)").arg(machine.secondsLeft)
            textScale: 1.5
            onClicked: machine.finish()
        }
    }

    StageCard {
        visible: machine.stage === TicketMachine.Refused
        accent: Theme.danger
        Heading {
            width: parent.width
            // A check-in refused before any service was known says what was tried.
            text: screen.serviceShown.length > 0 ? screen.serviceShown : qsTr("Check in for a booking")
        }
        BodyText {
            width: parent.width
            font.pointSize: Theme.headingPointSize
            text: machine.refusal
        }
        Text { // the number already held: large, it is what the citizen looks for
            visible: machine.heldNumber.length > 0
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize * 2.5
            font.bold: true
            color: Theme.primary
            text: qsTr("Your number: %1").arg(machine.heldNumber)
        }
        BodyText {
            width: parent.width
            color: Theme.secondaryText
            text: machine.refusalAdvice
        }
        TouchButton {
            objectName: "refusedBack"
            text: qsTr("Back to the services (%1 s)").arg(machine.secondsLeft)
            textScale: 1.5
            onClicked: machine.finish()
        }
    }

    GreenChannelCard {
        id: greenChannel
        machine: machine
    }

    // Above everything: the hall's emergency message (the services cannot be used meanwhile).
    EmergencyOverlay {
        active: Terminal.signage.emergency
        text: Terminal.signage.emergencyText
        textEn: Terminal.signage.emergencyTextEn
    }
}
