<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desk_app/ui/actions.py" line="+46"/>
        <source>&amp;Shift</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Hand over shift…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close the day…</source>
        <translation>日终关班(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Integrity check</source>
        <translation>完整性检查(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recent shifts…</source>
        <translation>最近班次(&amp;R)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Estate settings…</source>
        <translation>小区设置(&amp;E)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Operators…</source>
        <translation>操作员(&amp;O)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to tab</source>
        <translation>切换选项卡</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/change_password.py" line="+18"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;onfirm new password:</source>
        <translation>确认新密码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>CheckResultsDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/check_results.py" line="+27"/>
        <source>Integrity check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All checks passed: {path}</source>
        <translation>全部检查通过：{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some checks FAILED: {path}
Make no more entries; call the administrator and keep the latest backups.</source>
        <translation>有检查未通过：{path}
请暂停录入，联系系统管理员，并保留最近的备份。</translation>
    </message>
</context>
<context>
    <name>CheckResultsModel</name>
    <message>
        <location filename="../../desk_app/ui/models/maintenance.py" line="+12"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/close_day.py" line="+20"/>
        <location line="+11"/>
        <source>Close the day</source>
        <translation>日终关班</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Close {shift} as the last shift of the day, with nobody taking over. The handover report is printed, the database backed up, and you are logged out.</source>
        <translation>将{shift}作为当天最后一个班次关闭，无人接班。系统将打印交接班记录、备份数据库，并退出登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Your password:</source>
        <translation>本人密码(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover &amp;note:</source>
        <translation>交接说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters to follow up (Shift+Enter for a new line)</source>
        <translation>需跟进的事项（Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <location filename="../../desk_app/ui/app.py" line="+49"/>
        <source>Service desk</source>
        <translation>客服中心前台</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>An internal error occurred: {error}
The last step may not have been saved. Please tell the administrator.</source>
        <translation>程序内部出错：{error}
刚才的操作可能没有保存，请告知系统管理员。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The desk cannot be opened</source>
        <translation>无法打开前台</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/first_manager.py" line="+19"/>
        <source>First start: create the manager&apos;s account</source>
        <translation>首次使用：创建经理账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no operators yet. Create the account of the service centre manager; the manager then adds the other operators.</source>
        <translation>该数据库还没有操作员。请先创建客服中心经理的账号，再由经理添加其他操作员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User name:</source>
        <translation>登录名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letters and digits, e.g. wangjg</source>
        <translation>字母和数字，例如 wangjg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/handover.py" line="+23"/>
        <source>Hand over the shift</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handing over: {shift}, {operator}, on duty since {time}.
The incoming operator logs in below; you confirm with your own password. The handover report is printed and the database backed up.</source>
        <translation>交班：{shift}，值班员 {operator}，{time} 开班。
请接班人在下方登录，交班人输入本人密码确认。系统将打印交接班记录并备份数据库。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Incoming operator:</source>
        <translation>接班人登录名(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incoming &amp;password:</source>
        <translation>接班人密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next s&amp;hift:</source>
        <translation>接班班次(&amp;H)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Your password:</source>
        <translation>交班人密码(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handover &amp;note:</source>
        <translation>交接说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters to follow up (Shift+Enter for a new line)</source>
        <translation>需跟进的事项（Shift+Enter 换行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nobody is logged in.</source>
        <translation>当前没有人登录。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desk_app/ui/labels.py" line="+12"/>
        <source>Desk clerk</source>
        <translation>前台值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service centre manager</source>
        <translation>客服中心经理</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On duty</source>
        <translation>值班中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day closed</source>
        <translation>日终关班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed without handover</source>
        <translation>未交接关班</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/login.py" line="+31"/>
        <source>Log in: {estate}</source>
        <translation>登录：{estate}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No shift is open. Logging in opens the shift you choose below.</source>
        <translation>当前没有进行中的班次。登录后将开启下面选择的班次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open shift: {shift}, {operator} on duty since {time}.
{operator} logging in resumes it; anyone else closes it as not handed over and opens a new shift.</source>
        <translation>进行中的班次：{shift}，值班员 {operator}，{time} 开班。
{operator} 登录将继续该班次；其他人登录将按“未交接”关闭该班次并开启新班次。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>登录名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hift:</source>
        <translation>班次(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="+80"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit / name / phone / plate</source>
        <translation>房号 / 姓名 / 电话 / 车牌</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find a unit, owner, phone number or plate (Ctrl+F)</source>
        <translation>查找房号、业主、电话或车牌（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reception</source>
        <translation>接待登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception log</source>
        <translation>业户来电、来访接待记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls, visits and letters from residents will be logged here, with complaints and callbacks.</source>
        <translation>业户来电、来访、来函将在这里登记，包括投诉处理与回访。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Repairs</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair orders</source>
        <translation>维修工作单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair orders will be written, dispatched and followed up here.</source>
        <translation>维修工作单将在这里登记、派工和回访。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Fee ledger</source>
        <translation>收费台账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charges, payments, numbered receipts and arrears will be kept here.</source>
        <translation>计费、收款、连号收据和催款将在这里管理。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move-in</source>
        <translation>入住交房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-in and unit handover</source>
        <translation>入住与房屋交接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-ins, unit inspections and meter readings will be recorded here.</source>
        <translation>入住手续、房屋交接验收和抄表底数将在这里记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>钥匙管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key management</source>
        <translation>钥匙管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys held at the desk, loans and returns will be registered here.</source>
        <translation>前台代管的钥匙及其借用、归还将在这里登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Owner archive</source>
        <translation>业主档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The one-household-one-file owner archive will be kept here.</source>
        <translation>“一户一档”的业主档案将在这里管理。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{estate} · Service desk</source>
        <translation>{estate} · 客服中心前台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No shift</source>
        <translation>无班次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shift} since {time}</source>
        <translation>{shift}（{time} 开班）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Shift closed. Backup saved: {path}</source>
        <translation>已交班。备份已保存：{path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shift was closed and its report archived, but the backup failed: {error}
Use Data ▸ Back up now, or tell the administrator.</source>
        <translation>班次已关闭，交接班记录已存档，但备份失败：{error}
请使用“数据 ▸ 立即备份”，或告知系统管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handover report</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup saved and verified: {path}</source>
        <translation>备份已保存并校验：{path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The check could not run: {error}</source>
        <translation>无法进行检查：{error}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The language will change the next time the program starts.</source>
        <translation>界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Service desk {version}&lt;/h3&gt;&lt;p&gt;The front desk of the property-management service centre: reception log, repair orders, fee ledger, move-ins, keys and the owner archive.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;&lt;p&gt;Printed forms use the font AR PL SungtiL GB (文鼎ＰＬ简报宋), © Arphic Technology, under the Arphic Public License; the licence is shipped in resources/fonts/LICENSE-gbsn00lp.&lt;/p&gt;&lt;p&gt;Built with Qt {qt} (LGPL v3) through PySide6.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;客服中心前台 {version}&lt;/h3&gt;&lt;p&gt;物业客服中心前台的日常工作：接待登记、维修工单、收费台账、入住交房、钥匙管理和业主档案。&lt;/p&gt;&lt;p&gt;数据库：{path}&lt;/p&gt;&lt;p&gt;打印表单使用字体“文鼎ＰＬ简报宋”（AR PL SungtiL GB），© 文鼎科技，依 Arphic Public License 随程序发布；许可证见 resources/fonts/LICENSE-gbsn00lp。&lt;/p&gt;&lt;p&gt;基于 Qt {qt}（LGPL v3）与 PySide6 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desk_app/ui/messages.py" line="+13"/>
        <source>Service desk</source>
        <translation>客服中心前台</translation>
    </message>
</context>
<context>
    <name>NewOperatorDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/operators_dialog.py" line="+33"/>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name:</source>
        <translation>登录名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <location line="+46"/>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Add operator…</source>
        <translation>添加操作员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>A&amp;ctivate</source>
        <translation>启用(&amp;C)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The password of {name} was reset.</source>
        <translation>已重置 {name} 的密码。</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <location filename="../../desk_app/ui/models/operators.py" line="+12"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/pdf_preview.py" line="+85"/>
        <source>Preview: {title}</source>
        <translation>预览：{title}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The document cannot be shown.</source>
        <translation>无法显示该文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The printer could not be started. Check that it is switched on and connected.</source>
        <translation>无法启动打印机，请检查打印机是否已开机并连接。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file could not be saved: {error}</source>
        <translation>无法保存文件：{error}</translation>
    </message>
</context>
<context>
    <name>RecentShiftsDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/recent_shifts.py" line="+29"/>
        <source>Recent shifts</source>
        <translation>最近班次</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Open handover report</source>
        <translation>打开交接班记录(&amp;O)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This shift has no handover report.</source>
        <translation>该班次没有交接班记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handover report: {shift} {time}</source>
        <translation>交接班记录：{shift} {time}</translation>
    </message>
</context>
<context>
    <name>RecentShiftsModel</name>
    <message>
        <location filename="../../desk_app/ui/models/shifts.py" line="+12"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On duty</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>关班时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handover report</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>交接说明</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/operators_dialog.py" line="-102"/>
        <source>Reset password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/settings_dialog.py" line="+46"/>
        <source>Estate settings</source>
        <translation>小区设置</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Estate (building) &amp;name:</source>
        <translation>小区（大厦）名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;phone:</source>
        <translation>客服电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Property c&amp;ompany:</source>
        <translation>物业公司名称(&amp;O)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New s&amp;hift</source>
        <translation>添加班次(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;move shift</source>
        <translation>删除班次(&amp;M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shifts</source>
        <translation>班次表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Repair order to engineering within:</source>
        <translation>报修转工程部时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician on site for urgent repairs within:</source>
        <translation>紧急维修到场时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint handled within:</source>
        <translation>投诉处理时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback within:</source>
        <translation>回访时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limits</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy names separated by 、 or commas</source>
        <translation>各联名称用顿号或逗号分隔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt &amp;copies:</source>
        <translation>收据联次(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Default paper:</source>
        <translation>默认纸张(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receipt paper:</source>
        <translation>收据纸张(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups to keep:</source>
        <translation>保留备份份数(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing and backup</source>
        <translation>打印与备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A5 landscape</source>
        <translation>A5 横向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt paper 241 × 93 mm</source>
        <translation>收据纸 241 × 93 毫米</translation>
    </message>
</context>
<context>
    <name>ShiftScheduleModel</name>
    <message>
        <location filename="../../desk_app/ui/models/settings.py" line="+38"/>
        <source>Time as hours:minutes, e.g. 07:30</source>
        <translation>时间格式为 时:分，例如 07:30</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Shift name</source>
        <translation>班次名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>SupervisorApprovalDialog</name>
    <message>
        <location filename="../../desk_app/ui/dialogs/approval.py" line="+32"/>
        <source>Supervisor approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{action}” needs a supervisor&apos;s approval. The supervisor enters their user name and password.</source>
        <translation>“{action}”需要客服主管批准。请主管输入本人的登录名和密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Supervisor:</source>
        <translation>主管登录名(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
</context>
</TS>
