<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ControllerPage</name>
    <message>
        <location filename="../ControllerPage.qml" line="18"/>
        <source>Controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="22"/>
        <source>Link: %1</source>
        <translation>连接状态：%1</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="23"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="27"/>
        <source>Address (host:port):</source>
        <translation>地址（主机:端口）：</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="44"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ControllerPage.qml" line="48"/>
        <source>Saved. The app uses it after a restart.</source>
        <translation>已保存，重启应用后生效。</translation>
    </message>
</context>
<context>
    <name>DeviceEditor</name>
    <message>
        <location filename="../DeviceEditor.qml" line="37"/>
        <source>en</source>
        <comment>the code of the language translated into</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="70"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="108"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../DeviceEditor.qml" line="115"/>
        <source>Saved. The app uses it after a restart.</source>
        <translation>已保存，重启应用后生效。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../DevicesPage.qml" line="13"/>
        <source>Devices</source>
        <translation>外接设备</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../IdentityPage.qml" line="17"/>
        <source>Identity</source>
        <translation>设备身份</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="21"/>
        <source>Device name: %1</source>
        <translation>设备名称：%1</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="22"/>
        <source>not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="26"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="31"/>
        <source>Enroll with the one-time code from the administrator:</source>
        <translation>使用管理员提供的一次性注册码注册本终端：</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="42"/>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <location filename="../IdentityPage.qml" line="47"/>
        <source>Enroll</source>
        <translation>注册</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../NetworkPage.qml" line="22"/>
        <source>Network and time</source>
        <translation>网络与时间</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="26"/>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="30"/>
        <source>Time zone: %1</source>
        <translation>时区：%1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="34"/>
        <source>Controller link: %1</source>
        <translation>控制器连接：%1</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="35"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="42"/>
        <source>up</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="42"/>
        <source>down</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../NetworkPage.qml" line="48"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../PinScreen.qml" line="23"/>
        <source>Technician PIN</source>
        <translation>维护 PIN</translation>
    </message>
    <message numerus="yes">
        <location filename="../PinScreen.qml" line="42"/>
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>还剩 %n 次尝试机会。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="44"/>
        <source>Locked after too many wrong PINs. Try again in %1.</source>
        <translation>PIN 错误次数过多，已锁定。请在 %1 后重试。</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="47"/>
        <source>No technician PIN is installed on this terminal.</source>
        <translation>本终端尚未设置维护 PIN。</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="49"/>
        <source>The technician PIN cannot be checked: %1</source>
        <translation>无法校验维护 PIN：%1</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="62"/>
        <source>Enter PIN</source>
        <translation>输入 PIN</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="63"/>
        <source>Open</source>
        <translation>进入</translation>
    </message>
    <message>
        <location filename="../PinScreen.qml" line="74"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../SystemPage.qml" line="19"/>
        <source>Logs and restart</source>
        <translation>日志与重启</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="23"/>
        <source>Export the app&apos;s logs to a USB stick or folder:</source>
        <translation>将本应用的日志导出到 U 盘或文件夹：</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="39"/>
        <source>Export logs</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="43"/>
        <source>Logs exported.</source>
        <translation>日志已导出。</translation>
    </message>
    <message>
        <location filename="../SystemPage.qml" line="56"/>
        <source>Restart app</source>
        <translation>重启应用</translation>
    </message>
</context>
<context>
    <name>TechnicianMenu</name>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Identity</source>
        <translation>设备身份</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Devices</source>
        <translation>外接设备</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="13"/>
        <source>Network and time</source>
        <translation>网络与时间</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="14"/>
        <source>Logs and restart</source>
        <translation>日志与重启</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="29"/>
        <source>Technician menu</source>
        <translation>维护菜单</translation>
    </message>
    <message>
        <location filename="../TechnicianMenu.qml" line="47"/>
        <source>Close menu</source>
        <translation>关闭菜单</translation>
    </message>
</context>
<context>
    <name>hall::technician::ui::DeviceSettingsModel</name>
    <message>
        <location filename="../device_settings_model.cpp" line="160"/>
        <location filename="../device_settings_model.cpp" line="182"/>
        <location filename="../device_settings_model.cpp" line="196"/>
        <source>The technician menu is not open.</source>
        <translation>维护菜单未打开。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="163"/>
        <location filename="../device_settings_model.cpp" line="185"/>
        <location filename="../device_settings_model.cpp" line="199"/>
        <source>Unknown device kind.</source>
        <translation>未知的设备类型。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="165"/>
        <source>Choose how the device is connected.</source>
        <translation>请选择设备的连接方式。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="200"/>
        <source>This app cannot test devices.</source>
        <translation>本应用无法测试设备。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="202"/>
        <source>There is no test for this device.</source>
        <translation>该设备没有测试项。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="204"/>
        <source>Configure the device first.</source>
        <translation>请先配置该设备。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="206"/>
        <source>The test is running.</source>
        <translation>测试正在进行。</translation>
    </message>
    <message>
        <location filename="../device_settings_model.cpp" line="207"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>hall::technician::ui::TechnicianSession</name>
    <message>
        <location filename="../technician_session.cpp" line="136"/>
        <source>Wrong PIN.</source>
        <translation>PIN 错误。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="141"/>
        <source>Wrong PIN. Too many attempts.</source>
        <translation>PIN 错误，尝试次数过多。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="152"/>
        <source>Locked. The PIN was not checked.</source>
        <translation>已锁定，本次 PIN 未校验。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="188"/>
        <location filename="../technician_session.cpp" line="202"/>
        <location filename="../technician_session.cpp" line="233"/>
        <source>The technician menu is not open.</source>
        <translation>维护菜单未打开。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="204"/>
        <source>This app cannot enroll the terminal.</source>
        <translation>本应用无法注册终端。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="205"/>
        <source>Enrollment is already running.</source>
        <translation>注册正在进行中。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="207"/>
        <source>Enter the one-time code from the administrator.</source>
        <translation>请输入管理员提供的一次性注册码。</translation>
    </message>
    <message>
        <location filename="../technician_session.cpp" line="209"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
</context>
</TS>
