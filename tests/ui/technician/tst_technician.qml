import QtQuick
import QtTest
import Hall.Ui
import Hall.Technician
import Hall.TechnicianTest

Item {
    id: root
    width: 1280
    height: 800

    // The app's own screen under the overlay: its taps must still arrive while the menu is closed.
    MouseArea {
        id: appScreen
        property int taps: 0
        anchors.fill: parent
        onClicked: taps++
    }

    Component {
        id: rigComponent
        TechnicianRig {}
    }
    Component {
        id: overlayComponent
        TechnicianOverlay {
            anchors.fill: parent
        }
    }

    TestCase {
        id: testCase
        name: "TechnicianMenu"
        when: windowShown

        property var rig
        property var overlay

        function init() {
            rig = createTemporaryObject(rigComponent, testCase)
            overlay = createTemporaryObject(overlayComponent, root, { session: rig.session })
            verify(overlay)
            compare(rig.session.state, TechnicianSession.Closed)
        }

        // A button inside `item` whose label is `label` (the keypad's keys have no names).
        function findButton(item, label) {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (child.text === label && child.clicked !== undefined && child.visible)
                    return child
                const inner = findButton(child, label)
                if (inner)
                    return inner
            }
            return null
        }

        function tapCorner(times) {
            for (let i = 0; i < times; ++i)
                mouseClick(overlay, overlay.width - 20, 20)
        }

        function enterPin(pin) {
            const keypad = findChild(overlay, "pinKeypad")
            verify(keypad.visible, "the keypad is shown")
            // The keypad may just have reappeared (a lockout ended): lay the screen out before
            // clicking, as a frame would before a finger lands.
            findChild(overlay, "pinScreen").forceLayout()
            for (let i = 0; i < pin.length; ++i) {
                const key = findButton(keypad, pin[i])
                verify(key, "key " + pin[i])
                mouseClick(key)
            }
            mouseClick(findButton(keypad, "Open"))
        }

        function test_fiveTapsInTheCornerOpenThePinScreen() {
            tapCorner(5)
            compare(rig.session.state, TechnicianSession.PinEntry)
            verify(findChild(overlay, "pinScreen").visible)
            verify(!findChild(overlay, "technicianMenu").visible)
            compare(rig.auditActions, [], "showing the PIN screen is not an entry yet")
            const tapsBefore = appScreen.taps
            mouseClick(overlay, 20, overlay.height - 20)
            compare(appScreen.taps, tapsBefore, "the PIN screen covers the app")
        }

        function test_ordinaryTapsDoNotOpenIt() {
            tapCorner(4)
            compare(rig.session.state, TechnicianSession.Closed)
            const tapsBefore = appScreen.taps
            for (let i = 0; i < 6; ++i)
                mouseClick(overlay, overlay.width / 2, overlay.height / 2)
            compare(appScreen.taps, tapsBefore + 6, "the closed overlay lets the app's taps through")
            for (let j = 0; j < 6; ++j)
                mouseClick(overlay, 20, 20) // the other top corner
            compare(rig.session.state, TechnicianSession.Closed)
            verify(!findChild(overlay, "pinScreen").visible)

            // Taps slower than the gesture's window never add up.
            const gesture = findChild(overlay, "technicianGesture")
            gesture.windowMs = 300
            wait(400) // the four corner taps above fall out of the window
            for (let k = 0; k < 6; ++k) {
                tapCorner(1)
                wait(120)
            }
            compare(rig.session.state, TechnicianSession.Closed)
        }

        function test_wrongPinsLockOutAndTheRightPinOpensAfterwards() {
            tapCorner(5)
            const status = findChild(overlay, "pinStatus")
            compare(rig.session.remainingAttempts, 5)
            for (let i = 1; i <= 4; ++i) {
                enterPin("111222")
                compare(rig.session.state, TechnicianSession.PinEntry)
                compare(rig.session.remainingAttempts, 5 - i)
                verify(status.text.indexOf(String(5 - i)) >= 0, status.text)
                compare(findChild(overlay, "pinResult").text, "Wrong PIN.")
            }
            enterPin("111222")
            compare(rig.session.gate, TechnicianSession.Locked)
            compare(rig.session.lockSecondsRemaining, 60)
            verify(status.text.indexOf("Locked") === 0, status.text)
            verify(status.text.indexOf("1:00") > 0, status.text)
            verify(!findChild(overlay, "pinKeypad").visible, "no keypad while locked")

            // The right PIN during the lockout is not even checked.
            rig.session.submitPin(rig.pin)
            compare(rig.session.state, TechnicianSession.PinEntry)
            compare(rig.session.gate, TechnicianSession.Locked)

            rig.advanceClock(45)
            rig.session.tick()
            verify(status.text.indexOf("0:15") > 0, status.text)
            rig.advanceClock(15)
            rig.session.tick()
            compare(rig.session.gate, TechnicianSession.Ready)
            compare(rig.session.remainingAttempts, 5)

            enterPin(rig.pin)
            compare(rig.session.state, TechnicianSession.Open)
            verify(findChild(overlay, "technicianMenu").visible)
            verify(!findChild(overlay, "pinScreen").visible)
            compare(rig.auditActions, ["pin_rejected", "pin_rejected", "pin_rejected",
                                       "pin_rejected", "pin_rejected", "locked_out",
                                       "menu_opened"])
            compare(rig.auditDetails[0], "attempts left: 4")
            compare(rig.auditDetails[5], "locked for 60 s")
            for (let d = 0; d < rig.auditDetails.length; ++d)
                verify(rig.auditDetails[d].indexOf(rig.pin) < 0, "no PIN in the audit")
        }

        function test_theRightPinOpensTheMenu() {
            tapCorner(5)
            enterPin("305172")
            enterPin(rig.pin)
            compare(rig.session.state, TechnicianSession.Open)
            compare(rig.auditActions, ["pin_rejected", "menu_opened"])
            mouseClick(findChild(overlay, "closeMenu"))
            compare(rig.session.state, TechnicianSession.Closed)
            verify(!findChild(overlay, "technicianMenu").visible)
        }

        function test_cancelLeavesThePinScreen() {
            tapCorner(5)
            mouseClick(findChild(overlay, "pinCancel"))
            compare(rig.session.state, TechnicianSession.Closed)
        }

        function test_aDamagedPinFileKeepsTheMenuClosed() {
            rig.damagePinFile()
            tapCorner(5)
            compare(rig.session.gate, TechnicianSession.Unavailable)
            verify(!findChild(overlay, "pinKeypad").visible)
            verify(findChild(overlay, "pinStatus").text.indexOf("damaged") > 0)
            rig.session.submitPin(rig.pin)
            compare(rig.session.state, TechnicianSession.PinEntry)
        }

        function test_theMenuClosesAfterTwoIdleMinutes() {
            tapCorner(5)
            enterPin(rig.pin)
            rig.advanceClock(100)
            mouseClick(findChild(overlay, "page1")) // a touch restarts the timeout
            rig.advanceClock(119)
            rig.session.tick()
            compare(rig.session.state, TechnicianSession.Open)
            rig.advanceClock(1)
            rig.session.tick()
            compare(rig.session.state, TechnicianSession.Closed)
        }

        function test_actionsAreRefusedWhileClosed() {
            verify(rig.session.setControllerAddress("10.0.0.2:8443").length > 0)
            verify(rig.session.devices.apply("ticket_printer", "printer.escpos-tcp", "tcp",
                                             "10.0.0.5:9100", 0).length > 0)
            verify(rig.session.exportLogs(rig.exportDir).length > 0)
            rig.session.restartApp()
            compare(rig.restarts, 0)
            compare(rig.auditActions, [])
            compare(rig.settingsText, "")
        }

        function test_menuActionsAreAudited() {
            tapCorner(5)
            enterPin(rig.pin)
            const s = rig.session

            compare(s.setControllerAddress("callstation"), "controller address: the port is missing (host:port)")
            compare(s.setControllerAddress("10.0.0.2:8443"), "")
            compare(s.controllerAddress, "10.0.0.2:8443")

            const drivers = s.devices.driversFor("ticket_printer")
            verify(drivers.length >= 4)
            const tcp = drivers.find(function (d) { return d.id === "printer.escpos-tcp" })
            verify(tcp)
            // Each transport with the example address of the kinds' table.
            compare(tcp.placeholders[tcp.transports.indexOf("tcp")], "192.168.1.50:9100")
            const before = rig.settingsText
            verify(s.devices.apply("ticket_printer", "printer.escpos-tcp", "tcp", "printer", 0)
                   .indexOf("port") >= 0)
            verify(s.devices.apply("ticket_printer", "idcard.sam-serial", "serial",
                                   "/dev/ttyUSB0", 0).length > 0)
            compare(rig.settingsText, before, "refused values leave the file alone")
            compare(s.devices.apply("ticket_printer", "printer.escpos-tcp", "tcp",
                                    "10.0.0.5:9100", 0), "")
            verify(rig.settingsText.indexOf("10.0.0.5:9100") > 0)

            const finished = createTemporaryObject(spyComponent, testCase,
                                                   { target: s.devices, signalName: "testFinished" })
            compare(s.devices.runTest("ticket_printer"), "")
            finished.wait(5000)
            compare(finished.signalArguments[0][1], true)
            compare(s.devices.runTest("id_card_reader"), "Configure the device first.")

            compare(s.enroll("WRONG"), "")
            tryCompare(s, "enrolling", false)
            compare(s.enroll("K7Q2-9XWM"), "")
            tryCompare(s, "enrolling", false)
            compare(s.deviceName, "kiosk-1")
            compare(s.deviceRole, "kiosk")

            compare(s.exportLogs(rig.exportDir), "")
            compare(rig.exportedFolders(), 1)
            verify(s.exportLogs("relative/path").length > 0)

            s.restartApp()
            compare(rig.restarts, 1)
            compare(s.state, TechnicianSession.Closed)

            compare(rig.auditActions, ["menu_opened", "setting_changed", "setting_changed",
                                       "device_tested", "enrolled", "enrolled", "log_exported",
                                       "app_restarted"])
            compare(rig.auditDetails[1], "controller.address: (none) → 10.0.0.2:8443")
            compare(rig.auditDetails[2],
                    "ticket_printer: (none) → printer.escpos-tcp tcp 10.0.0.5:9100")
            compare(rig.auditDetails[3],
                    "ticket_printer print_test: ok (test ticket printed on 10.0.0.5:9100)")
            compare(rig.auditDetails[4], "failed: the code is unknown or spent")
            compare(rig.auditDetails[5], "enrolled as kiosk-1 (kiosk)")
            for (let i = 0; i < rig.auditDetails.length; ++i)
                verify(rig.auditDetails[i].indexOf("K7Q2") < 0, "no enrollment code in the audit")
        }

        function test_everyPageLoads() {
            tapCorner(5)
            enterPin(rig.pin)
            for (let i = 0; i < 5; ++i) {
                mouseClick(findChild(overlay, "page" + i))
                wait(0)
            }
            compare(rig.session.state, TechnicianSession.Open)
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
