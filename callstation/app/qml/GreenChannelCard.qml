import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Keyboard
import Hall.App
import Hall.Client
import Hall.Callstation

// The green channel (绿色通道), for the hall's staff: who the citizen is (the hall's categories),
// the service, and the staff member's own ID card or staff number and PIN. The machine checks
// nothing here: the controller does, and a refusal comes back as machine.staffProblem with the
// choices kept. Nothing typed (the PIN least of all) is left once the stage closes.
Item {
    id: green

    // The screen's; on its own (the self-test) an idle one, so the card stays hidden.
    property TicketMachine machine: TicketMachine {}
    property string category: ""
    property string serviceId: ""
    readonly property bool typing: staffNumber.activeFocus || staffPin.activeFocus
    readonly property bool ready: category !== "" && serviceId !== ""
                                  && (machine.staffCardRead
                                      || (staffNumber.text.length > 0 && staffPin.text.length >= 6))

    function typeStaffNumber() { staffNumber.forceActiveFocus() }
    // The words are the machine's (C++); naming the language makes a switch redo them.
    function categoryName(id) { return LanguageSwitcher.language, machine.greenCategoryName(id) }
    function issue() {
        machine.issueGreen(serviceId, category, staffNumber.text, staffPin.text)
        staffPin.clear()
    }

    anchors.fill: parent
    visible: machine.stage === TicketMachine.GreenChannel
    // Kept while the ticket is asked for (a wrong PIN comes back to the choices), gone after.
    Connections {
        target: green.machine
        function onStageChanged() {
            if (green.machine.stage !== TicketMachine.GreenChannel
                    && green.machine.stage !== TicketMachine.Issuing) {
                green.category = ""
                green.serviceId = ""
                staffNumber.clear()
                staffPin.clear()
            }
        }
    }

    ServicesModel {
        id: services
        backend: Terminal.backend
    }

    StageCard {
        accent: Theme.success
        // While typing, the card sits above the keyboard with only what typing needs.
        anchors.bottomMargin: keyboard.item ? keyboard.item.height : 0
        Heading {
            width: parent.width
            text: qsTr("Green channel (staff)")
        }
        BodyText {
            width: parent.width
            visible: !green.typing
            text: qsTr("The number is called before the ordinary ones. Choose who it is for and the service, then confirm with your own ID card or your staff number and PIN.")
        }
        BodyText {
            width: parent.width
            visible: green.typing
            font.bold: true
            text: green.categoryName(green.category) + " · "
                  + Terminal.backend.serviceNameOf(green.serviceId, LanguageSwitcher.language === "en")
        }
        BodyText {
            visible: !green.typing
            color: Theme.secondaryText
            text: qsTr("Who is it for?")
        }
        Flow {
            width: parent.width
            visible: !green.typing
            spacing: Theme.spacing
            Repeater {
                model: machine.greenCategories
                delegate: TouchButton {
                    required property string modelData
                    objectName: "green:category:" + modelData
                    kind: green.category === modelData ? "primary" : "secondary"
                    text: green.categoryName(modelData)
                    onClicked: { green.category = modelData; machine.stillHere() }
                }
            }
        }
        BodyText {
            visible: !green.typing
            color: Theme.secondaryText
            text: qsTr("Service")
        }
        Flow {
            width: parent.width
            visible: !green.typing
            spacing: Theme.spacing
            Repeater {
                model: services
                delegate: TouchButton {
                    required property string serviceId
                    required property string name
                    required property string nameEn
                    required property bool issuing
                    objectName: "green:service:" + serviceId
                    enabled: issuing
                    kind: green.serviceId === serviceId ? "primary" : "secondary"
                    text: LanguageSwitcher.language === "en" ? nameEn : name
                    onClicked: { green.serviceId = serviceId; machine.stillHere() }
                }
            }
        }
        BodyText {
            width: parent.width
            visible: machine.staffCardRead
            color: Theme.success
            font.bold: true
            text: qsTr("✓ Staff card read")
        }
        Row {
            visible: !machine.staffCardRead
            spacing: Theme.spacing
            TextField {
                id: staffNumber
                objectName: "staffNumber"
                width: Theme.touchTarget * 4
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                placeholderText: qsTr("Staff number")
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextEdited: machine.stillHere()
                onAccepted: staffPin.forceActiveFocus()
            }
            TextField {
                id: staffPin
                objectName: "staffPin"
                width: Theme.touchTarget * 3
                height: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                placeholderText: qsTr("PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                onTextEdited: machine.stillHere()
                onAccepted: if (green.ready) green.issue()
            }
        }
        BodyText {
            width: parent.width
            visible: !machine.staffCardRead && !green.typing
            color: Theme.secondaryText
            text: qsTr("Or place your own ID card on the reader.")
        }
        BodyText {
            width: parent.width
            visible: text.length > 0
            color: Theme.danger
            text: machine.staffProblem.length > 0 ? machine.staffProblem : machine.identifyProblem
        }
        Row {
            spacing: Theme.spacing * 2
            TouchButton {
                objectName: "greenIssue"
                enabled: green.ready
                text: qsTr("Issue the number")
                textScale: 1.3
                onClicked: green.issue()
            }
            TouchButton {
                kind: "secondary"
                text: qsTr("Back (%1 s)").arg(machine.secondsLeft)
                textScale: 1.3
                onClicked: machine.cancel()
            }
        }
    }

    // Shown once a field is touched; a staff card needs no keyboard. Made only then: the
    // machine starts without a second keyboard.
    Loader {
        id: keyboard
        active: green.visible && green.typing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 2
        sourceComponent: PinyinKeyboard {
            layout: PinyinInput.English
            target: staffPin.activeFocus ? staffPin : staffNumber
        }
    }
}
