<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BannersScreen</name>
    <message>
        <location filename="../BannersScreen.qml" line="26"/>
        <source>Banners</source>
        <translation>横幅提示</translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="49"/>
        <source>Your ID card could not be read.</source>
        <translation>无法读取您的身份证。</translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="50"/>
        <source>Place the card flat on the reader and keep it still for two seconds.</source>
        <translation>请将身份证平放在读卡区，保持两秒不动。</translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="52"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../BannersScreen.qml" line="55"/>
        <source>Body text wraps onto several lines when it is longer than the screen is wide, with the line spacing of the theme.</source>
        <translation>正文比屏幕宽时会自动换行，行距遵循主题设置。</translation>
    </message>
</context>
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../CitizenScreen.qml" line="21"/>
        <source>You can still take a ticket; it is reported when the link returns.</source>
        <translation>您仍可取号，网络恢复后将自动上报。</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="33"/>
        <source>Choose a service</source>
        <translation>请选择业务</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="37"/>
        <source>Touch the service you came for. A ticket is printed with your number; please wait until it is called on the screen.</source>
        <translation>请点击您要办理的业务。取号后将打印号票，请留意屏幕叫号。</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="43"/>
        <source>For help, ask the staff at the information desk.</source>
        <translation>如需帮助，请咨询导办台工作人员。</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="48"/>
        <source>Social security</source>
        <translation>社会保障</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="49"/>
        <source>Residence permit</source>
        <translation>居住证</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="50"/>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="51"/>
        <source>Tax</source>
        <translation>税务</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="52"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="53"/>
        <source>Rate our service</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="54"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="55"/>
        <source>Closed today</source>
        <translation>今日暂停</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="60"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="65"/>
        <source>The ticket printer is out of paper.</source>
        <translation>取号机缺纸。</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="66"/>
        <source>Please take your number from the screen, or ask the staff for help.</source>
        <translation>请记下屏幕上的号码，或请工作人员协助。</translation>
    </message>
    <message>
        <location filename="../CitizenScreen.qml" line="67"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <location filename="../HallScreen.qml" line="55"/>
        <source>Numbers are issued from the block leased in advance.</source>
        <translation>仍可取号：使用预先领取的号段。</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="67"/>
        <location filename="../HallScreen.qml" line="143"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="91"/>
        <source>Your number: %1 (issued offline, reported when the link returns)</source>
        <translation>您的号码：%1（离线取号，联网后自动上报）</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="93"/>
        <source>Your number: %1</source>
        <translation>您的号码：%1</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="99"/>
        <source>No number could be issued (%1).</source>
        <translation>未能取号（%1）。</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="100"/>
        <source>Please ask the staff at the information desk.</source>
        <translation>请到咨询台向工作人员求助。</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="111"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="116"/>
        <source>No services known yet.</source>
        <translation>暂无业务信息。</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="135"/>
        <source>%1 waiting</source>
        <translation>%1 人等候</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="137"/>
        <source>wait unknown</source>
        <translation>等候时间未知</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="138"/>
        <source>about %1 min</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="154"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="169"/>
        <source>Window %1: %2</source>
        <translation>%1 号窗口：%2</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="170"/>
        <source>paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="171"/>
        <source>closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="173"/>
        <source>serving %1</source>
        <translation>正在办理 %1</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="174"/>
        <source>open</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="183"/>
        <source>Latest calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="188"/>
        <source>No calls yet.</source>
        <translation>暂无叫号。</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="196"/>
        <source>%1 to window %2</source>
        <translation>%1 请到 %2 号窗口</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="73"/>
        <source>Simulate link loss</source>
        <translation>模拟断网</translation>
    </message>
    <message>
        <location filename="../HallScreen.qml" line="73"/>
        <source>Restore the link</source>
        <translation>恢复联网</translation>
    </message>
</context>
<context>
    <name>KeyboardScreen</name>
    <message>
        <location filename="../KeyboardScreen.qml" line="27"/>
        <source>Search for a service</source>
        <translation>查找业务</translation>
    </message>
    <message>
        <location filename="../KeyboardScreen.qml" line="31"/>
        <source>Type in pinyin and pick the characters above the keys, for example zhengwu for 政务.</source>
        <translation>用拼音输入，在按键上方选字，例如输入 zhengwu 得到“政务”。</translation>
    </message>
    <message>
        <location filename="../KeyboardScreen.qml" line="40"/>
        <source>Service name</source>
        <translation>业务名称</translation>
    </message>
</context>
<context>
    <name>KeypadScreen</name>
    <message>
        <location filename="../KeypadScreen.qml" line="21"/>
        <source>Enter your mobile number</source>
        <translation>请输入手机号码</translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="27"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="29"/>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="38"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="44"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../KeypadScreen.qml" line="51"/>
        <source>Entered: %1</source>
        <translation>已输入：%1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="17"/>
        <source>Hall UI gallery</source>
        <translation>大厅界面组件库</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="34"/>
        <source>Citizen screen</source>
        <translation>办事群众界面</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="39"/>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="44"/>
        <source>Keypad</source>
        <translation>数字键盘</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="49"/>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="54"/>
        <source>Banners</source>
        <translation>横幅提示</translation>
    </message>
</context>
</TS>
