<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ControllerPage</name>
    <message>
        <location filename="../ControllerPage.qml" line="18"/>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="22"/>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="23"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="27"/>
        <source>Address (host:port):</source>
        <translation>Address (host:port):</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="44"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="48"/>
        <source>Saved. The app uses it after a restart.</source>
        <translation>Saved. The app uses it after a restart.</translation>
    </message>
</context>
<context>
    <name>DeviceEditor</name>
    <message>
        <location filename="../DeviceEditor.qml" line="37"/>
        <source>en</source>
        <comment>the code of the language translated into</comment>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="70"/>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="108"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="115"/>
        <source>Saved. The app uses it after a restart.</source>
        <translation>Saved. The app uses it after a restart.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../DevicesPage.qml" line="13"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../IdentityPage.qml" line="17"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="21"/>
        <source>Device name: %1</source>
        <translation>Device name: %1</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="22"/>
        <source>not enrolled</source>
        <translation>not enrolled</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="26"/>
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="31"/>
        <source>Enroll with the one-time code from the administrator:</source>
        <translation>Enroll with the one-time code from the administrator:</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="42"/>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="47"/>
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../NetworkPage.qml" line="22"/>
        <source>Network and time</source>
        <translation>Network and time</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="26"/>
        <source>Time: %1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="30"/>
        <source>Time zone: %1</source>
        <translation>Time zone: %1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="34"/>
        <source>Controller link: %1</source>
        <translation>Controller link: %1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="35"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="42"/>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="42"/>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="48"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../PinScreen.qml" line="23"/>
        <source>Technician PIN</source>
        <translation>Technician PIN</translation>
    </message>
    <message numerus="yes">
        <location filename="../PinScreen.qml" line="42"/>
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="44"/>
        <source>Locked after too many wrong PINs. Try again in %1.</source>
        <translation>Locked after too many wrong PINs. Try again in %1.</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="47"/>
        <source>No technician PIN is installed on this terminal.</source>
        <translation>No technician PIN is installed on this terminal.</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="49"/>
        <source>The technician PIN cannot be checked: %1</source>
        <translation>The technician PIN cannot be checked: %1</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="62"/>
        <source>Enter PIN</source>
        <translation>Enter PIN</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="63"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="74"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../SystemPage.qml" line="19"/>
        <source>Logs and restart</source>
        <translation>Logs and restart</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="23"/>
        <source>Export the app&apos;s logs to a USB stick or folder:</source>
        <translation>Export the app&apos;s logs to a USB stick or folder:</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="39"/>
        <source>Export logs</source>
        <translation>Export logs</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="43"/>
        <source>Logs exported.</source>
        <translation>Logs exported.</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="56"/>
        <source>Restart app</source>
        <translation>Restart app</translation>
    </message>
</context>
<context>
    <name>TechnicianMenu</name>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Network and time</source>
        <translation>Network and time</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="14"/>
        <source>Logs and restart</source>
        <translation>Logs and restart</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="29"/>
        <source>Technician menu</source>
        <translation>Technician menu</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="47"/>
        <source>Close menu</source>
        <translation>Close menu</translation>
    </message>
</context>
<context>
    <name>hall::technician::ui::DeviceSettingsModel</name>
    <message>
        <location filename="../device_settings_model.cpp" line="160"/>
        <location filename="../device_settings_model.cpp" line="182"/>
        <location filename="../device_settings_model.cpp" line="196"/>
        <source>The technician menu is not open.</source>
        <translation>The technician menu is not open.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="163"/>
        <location filename="../device_settings_model.cpp" line="185"/>
        <location filename="../device_settings_model.cpp" line="199"/>
        <source>Unknown device kind.</source>
        <translation>Unknown device kind.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="165"/>
        <source>Choose how the device is connected.</source>
        <translation>Choose how the device is connected.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="200"/>
        <source>This app cannot test devices.</source>
        <translation>This app cannot test devices.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="202"/>
        <source>There is no test for this device.</source>
        <translation>There is no test for this device.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="204"/>
        <source>Configure the device first.</source>
        <translation>Configure the device first.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="206"/>
        <source>The test is running.</source>
        <translation>The test is running.</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="207"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
</context>
<context>
    <name>hall::technician::ui::TechnicianSession</name>
    <message>
        <location filename="../technician_session.cpp" line="136"/>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="141"/>
        <source>Wrong PIN. Too many attempts.</source>
        <translation>Wrong PIN. Too many attempts.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="152"/>
        <source>Locked. The PIN was not checked.</source>
        <translation>Locked. The PIN was not checked.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="188"/>
        <location filename="../technician_session.cpp" line="202"/>
        <location filename="../technician_session.cpp" line="233"/>
        <source>The technician menu is not open.</source>
        <translation>The technician menu is not open.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="204"/>
        <source>This app cannot enroll the terminal.</source>
        <translation>This app cannot enroll the terminal.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="205"/>
        <source>Enrollment is already running.</source>
        <translation>Enrollment is already running.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="207"/>
        <source>Enter the one-time code from the administrator.</source>
        <translation>Enter the one-time code from the administrator.</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="209"/>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
</TS>
