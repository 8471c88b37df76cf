import QtQuick
import QtTest
import Hall.Ui

// Banners: the error banner's auto-hide never fires in elder mode (no timed pop-ups), the
// offline banner says since when, the busy banner follows `active`.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: errorComponent; ErrorBanner { width: 800; timeout: 150 } }
    Component { id: offlineComponent; OfflineBanner { width: 800 } }
    Component { id: busyComponent; BusyBanner { width: 800 } }

    TestCase {
        name: "Banners"
        when: windowShown

        function init() {
            LanguageSwitcher.language = "en"
        }
        function cleanup() {
            Theme.elderMode = false
            LanguageSwitcher.language = "zh_CN"
        }

        function test_error_banner_hides_itself_outside_elder_mode() {
            var banner = createTemporaryObject(errorComponent, root)
            var dismissed = createTemporaryObject(signalSpyComponent, root,
                                                  { target: banner, signalName: "dismissed" })
            banner.show("Card not read", "Place it flat on the reader")
            verify(banner.visible)
            tryVerify(function () { return !banner.visible }, 2000)
            compare(dismissed.count, 1)
        }

        function test_error_banner_stays_in_elder_mode() {
            Theme.elderMode = true
            var banner = createTemporaryObject(errorComponent, root)
            banner.show("Card not read", "Place it flat on the reader")
            wait(banner.timeout * 4)
            verify(banner.visible)
            // Only the citizen closes it.
            var close = findChild(banner, "closeButton")
            verify(close.visible)
            compare(close.text, "Close")
            mouseClick(close)
            verify(!banner.visible)
        }

        function test_elder_mode_switched_on_stops_a_running_auto_hide() {
            var banner = createTemporaryObject(errorComponent, root)
            banner.show("Printer out of paper", "")
            Theme.elderMode = true
            wait(banner.timeout * 4)
            verify(banner.visible)
        }

        function test_offline_banner_says_since_when() {
            var banner = createTemporaryObject(offlineComponent, root)
            var headline = findChild(banner, "headline")
            verify(!banner.visible) // online by default
            banner.offlineSince = new Date(2026, 10, 23, 14, 5)
            banner.connectionState = "offline"
            verify(banner.visible)
            compare(headline.text, "Offline since 14:05")
            banner.connectionState = "reconnecting"
            compare(headline.text, "Reconnecting… (offline since 14:05)")
            LanguageSwitcher.language = "zh_CN"
            compare(headline.text, "正在重新连接…（14:05 起离线）")
            banner.connectionState = "offline"
            compare(headline.text, "14:05 起离线")
            banner.connectionState = "online"
            verify(!banner.visible)
        }

        function test_offline_banner_without_a_time() {
            var banner = createTemporaryObject(offlineComponent, root)
            banner.connectionState = "offline"
            compare(findChild(banner, "headline").text, "Offline")
        }

        function test_offline_banner_rejects_an_unknown_state_loudly() {
            var banner = createTemporaryObject(offlineComponent, root)
            ignoreWarning(/unknown connectionState 'bogus'/)
            banner.connectionState = "bogus"
        }

        function test_busy_banner_follows_active() {
            var banner = createTemporaryObject(busyComponent, root)
            verify(!banner.visible)
            banner.active = true
            verify(banner.visible)
            compare(banner.text, "Please wait…")
            banner.active = false
            verify(!banner.visible)
        }
    }

    Component { id: signalSpyComponent; SignalSpy {} }
}
