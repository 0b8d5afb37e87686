<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desk_app/ui/actions.py" line="+93"/>
        <source>&amp;Shift</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Des&amp;k work</source>
        <translation>前台业务(&amp;K)</translation>
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
        <location line="+9"/>
        <source>&amp;Hand over shift…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close the day…</source>
        <translation>日终关班(&amp;C)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/feature.py" line="+77"/>
        <source>&amp;New reception entry</source>
        <translation>新建接待登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/repairs/feature.py" line="+104"/>
        <source>New &amp;repair order…</source>
        <translation>新建维修工单(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Callback queue…</source>
        <translation>回访队列(&amp;C)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print today&apos;s dispatch &amp;sheet…</source>
        <translation>打印今日派工表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+214"/>
        <source>Take &amp;payment</source>
        <translation>收款(&amp;P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>R&amp;eceipts</source>
        <translation>收据查询(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Billing and meter readings</source>
        <translation>计费与抄表(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arrears and chasing</source>
        <translation>欠费催缴(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash drawer and &amp;month-end close</source>
        <translation>收银上缴与月结(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/actions.py" line="+8"/>
        <source>&amp;Due now panel</source>
        <translation>待办提醒面板(&amp;D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Integrity check</source>
        <translation>完整性检查(&amp;I)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Verify a seal…</source>
        <translation>核对封存码(&amp;V)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recent shifts…</source>
        <translation>最近班次(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/directory/feature.py" line="+40"/>
        <source>Create &amp;units…</source>
        <translation>批量建房(&amp;U)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New public &amp;place…</source>
        <translation>新建公共区域(&amp;P)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Archives on l&amp;oan…</source>
        <translation>借出的档案(&amp;O)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I&amp;mport owner roster…</source>
        <translation>导入业主名册(&amp;M)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save roster &amp;template…</source>
        <translation>保存名册模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport owner roster…</source>
        <translation>导出业主名册(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/actions.py" line="+8"/>
        <source>&amp;Estate settings…</source>
        <translation>小区设置(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/repairs/feature.py" line="+9"/>
        <source>&amp;Technicians and price list…</source>
        <translation>维修人员与价格表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+3"/>
        <source>&amp;Fee items, rates and receipt books…</source>
        <translation>收费项目、标准与收据本(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/actions.py" line="+8"/>
        <source>&amp;Operators…</source>
        <translation>操作员(&amp;O)…</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+13"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/keys/feature.py" line="+78"/>
        <source>Scan a &amp;key…</source>
        <translation>扫描钥匙(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_models.py" line="+107"/>
        <source>Date</source>
        <translation>催缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>催缴方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>催缴阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owed then</source>
        <translation>当时欠费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal receipt</source>
        <translation>邮寄单据号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
</context>
<context>
    <name>AddUnitsDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/batch_dialog.py" line="+124"/>
        <source>Add units to the batch</source>
        <translation>批次添加房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 units now.</source>
        <translation>%1：现有 %2 户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Buildings:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every unit of these buildings, e.g. 3, 5</source>
        <translation>这些楼栋的全部房屋，如 3, 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Units:</source>
        <translation>房屋(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>And/or single units, e.g. 7-1-101 7-1-102</source>
        <translation>和/或单套房屋，如 7-1-101 7-1-102</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AdjustChargeDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/charge_dialogs.py" line="+87"/>
        <source>Adjust a charge</source>
        <translation>调整费用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{charge}: {amount}, paid {paid}. The charge is kept; the adjustment is a new entry.</source>
        <translation>{charge}：应收 {amount}，已收 {paid}。原费用保留不改，调整另记一笔。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Adjust by:</source>
        <translation>调整金额(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. -28.28 to reduce</source>
        <translation>如 -28.28 为调减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
</context>
<context>
    <name>AgesModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="+132"/>
        <source>Overdue</source>
        <translation>账龄（逾期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>欠费户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrears</source>
        <translation>欠费金额</translation>
    </message>
</context>
<context>
    <name>ArchiveFactsDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/archive_dialogs.py" line="+68"/>
        <source>Household archive</source>
        <translation>业主档案资料</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ArrearsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_models.py" line="-84"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owed</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest due</source>
        <translation>最早应缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>欠费月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>催缴阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utilities days</source>
        <translation>水电欠费天数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utilities step</source>
        <translation>水电催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last step</source>
        <translation>最近催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done on</source>
        <translation>催缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due now</source>
        <translation>本阶段应办</translation>
    </message>
</context>
<context>
    <name>ArrearsPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_page.py" line="+107"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Debt of the chosen unit</source>
        <translation>所选房屋的欠费明细</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chasing steps</source>
        <translation>催缴记录</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/feature.py" line="-118"/>
        <source>&amp;Record chasing step…</source>
        <translation>登记催缴(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Print notice</source>
        <translation>打印催款通知书(&amp;P)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print notices for all &amp;shown…</source>
        <translation>为所列房屋打印催款通知书(&amp;S)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_page.py" line="+16"/>
        <source>S&amp;tage:</source>
        <translation>阶段(&amp;T)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{count} units, owed {owed}, late fees {late}</source>
        <translation>共 {count} 户，欠费 {owed}，滞纳金 {late}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{unit}: owed {owed} + late fees {late} = {total}</source>
        <translation>{unit}：欠费 {owed} + 滞纳金 {late} = {total}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>{unit}: {step} recorded.</source>
        <translation>{unit}：已登记{step}。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No unit shown is a month or more overdue.</source>
        <translation>所列房屋中没有逾期一个月及以上的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print arrears notices for {count} units (those shown from stage 1 on)? Each is recorded as a written notice.</source>
        <translation>为 {count} 户（所列房屋中第一阶段及以上的）打印催款通知书？每户都记为一次书面通知。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export arrears</source>
        <translation>导出欠费催缴表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} units exported to {path}.</source>
        <translation>已导出 {count} 户到 {path}。</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="+252"/>
        <source>Technician on site</source>
        <translation>维修人员到场</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Arrived at:</source>
        <translation>到场时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record arrival</source>
        <translation>登记到场</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/batch_dialog.py" line="-91"/>
        <source>New delivery batch</source>
        <translation>新建交付批次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>批次名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Building 3, first delivery</source>
        <translation>如 3栋首批交付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>开始日期(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>结束日期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Place:</source>
        <translation>办理地点(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontact:</source>
        <translation>联系方式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who answers the owners&apos; questions, and how</source>
        <translation>业主咨询找谁、怎么联系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Buildings:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every unit of these buildings, e.g. 3, 5</source>
        <translation>这些楼栋的全部房屋，如 3, 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Units:</source>
        <translation>房屋(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>And/or single units, e.g. 7-1-101 7-1-102</source>
        <translation>和/或单套房屋，如 7-1-101 7-1-102</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not&amp;e:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
</context>
<context>
    <name>BatchUnitsModel</name>
    <message>
        <location filename="../../desk_app/ui/movein/batches_page.py" line="+98"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>预约时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice sent</source>
        <translation>入住通知</translation>
    </message>
</context>
<context>
    <name>BatchesPage</name>
    <message>
        <location line="+125"/>
        <source>&amp;Batch:</source>
        <translation>交付批次(&amp;B)：</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>B&amp;uilding:</source>
        <translation>楼栋(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stat&amp;e:</source>
        <translation>状态(&amp;E)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit or owner, e.g. 3-2-501</source>
        <translation>房号或业主姓名，如 3-2-501</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 (%2 to %3, %4 units)</source>
        <translation>%1（%2 至 %3，%4 户）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No batch yet: create one (Ctrl+N)</source>
        <translation>还没有交付批次：新建一个（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Create a batch: its buildings or units, its days.</source>
        <translation>新建交付批次：选定楼栋或房屋，定好交房日期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hand-over %1 to %2</source>
        <translation>交房日期 %1 至 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contact: %1</source>
        <translation>联系：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time slots: %1 · %2 of %3 places booked</source>
        <translation>办理时段 %1 个 · 已约 %2 / 共 %3 户</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 units</source>
        <translation>共 %1 户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>notified %1</source>
        <translation>已通知 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (showing %1)</source>
        <translation>（当前显示 %1 户）</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Batch %1 created with %2 units.</source>
        <translation>交付批次“%1”已创建，共 %2 户。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 units added.</source>
        <translation>已添加 %1 户。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 time slots added.</source>
        <translation>已添加 %1 个时段。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 booked for %2.</source>
        <translation>%1 已预约 %2。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Appointment of %1 cancelled.</source>
        <translation>%1 的预约已取消。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Notice recorded for %1 units.</source>
        <translation>已记录 %1 户已通知。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 notices printed and recorded as sent.</source>
        <translation>已打印 %1 份入住通知单，并记为已通知。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/movein/feature.py" line="+81"/>
        <source>&amp;New batch…</source>
        <translation>新建批次(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add units…</source>
        <translation>添加房屋(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add sl&amp;ots…</source>
        <translation>添加时段(&amp;O)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Make appointment…</source>
        <translation>预约(&amp;M)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cancel appointment</source>
        <translation>取消预约(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hand-o&amp;ver</source>
        <translation>办理收房(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print notices…</source>
        <translation>打印通知单(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Record notice sent…</source>
        <translation>记录已通知(&amp;R)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find a unit</source>
        <translation>查找房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>BillingLinesModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/billing_models.py" line="+178"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous reading</source>
        <translation>上次读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This reading</source>
        <translation>本次读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not billed because</source>
        <translation>不计费原因</translation>
    </message>
</context>
<context>
    <name>BillingPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/billing_page.py" line="+85"/>
        <source>&amp;Month:</source>
        <translation>计费月份(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due date:</source>
        <translation>应缴日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;uildings:</source>
        <translation>楼栋(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Items:</source>
        <translation>收费项目：</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="-110"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+8"/>
        <source>P&amp;ost…</source>
        <translation>入账(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+8"/>
        <source>Pr&amp;int…</source>
        <translation>打印(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Posted &amp;sheets:</source>
        <translation>已入账计费表(&amp;S)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Meter &amp;readings</source>
        <translation>抄表(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing s&amp;heet</source>
        <translation>计费表(&amp;H)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building {code}</source>
        <translation>{code}栋</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Choose the month and items, then Generate.</source>
        <translation>请选择计费月份和收费项目，然后点击「生成」。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Posted sheet No. {number} of {period}, posted {at} by {who}.</source>
        <translation>{period} 已入账计费表第 {number} 号，{who} 于 {at} 入账。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Preview of {period}, due {due} — not posted.</source>
        <translation>{period} 计费预览，应缴日期 {due} —— 未入账。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} lines can not be billed (highlighted).</source>
        <translation>{count} 行无法计费（已标出）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{item} {count} × {amount}</source>
        <translation>{item} {count} 笔 {amount}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Total {count} charges, {amount}</source>
        <translation>合计 {count} 笔，金额 {amount}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is nothing to post in this sheet.</source>
        <translation>此计费表没有可入账的费用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Post {count} charges of {period} (due {due}), total {amount}?
Posted charges can not be edited; corrections are adjustments.</source>
        <translation>将 {period} 的 {count} 笔费用入账（应缴日期 {due}），合计 {amount}？
入账后的费用不能修改，更正须做调整。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Posted sheet No. {number}: {count} charges, total {amount}.</source>
        <translation>已入账，计费表第 {number} 号：{count} 笔，合计 {amount}。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export billing sheet</source>
        <translation>导出计费表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Billing sheet saved: {path}</source>
        <translation>计费表已保存：{path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No. {number} {items} {count} × {amount}</source>
        <translation>第 {number} 号 {items} {count} 笔 {amount}</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/fee_setup_dialog.py" line="+215"/>
        <source>Register receipt book</source>
        <translation>登记收据本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First number:</source>
        <translation>起始号码(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last number:</source>
        <translation>终止号码(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/movein/slot_dialog.py" line="+125"/>
        <source>Make an appointment</source>
        <translation>收房预约</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, booked for %2 %3. Choose another slot to move it.</source>
        <translation>%1，已预约 %2 %3。选择其他时段即改约。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: choose the slot.</source>
        <translation>%1：请选择办理时段。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Slot:</source>
        <translation>时段(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>full (%1)</source>
        <translation>已约满（%1 户）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 free</source>
        <translation>余 %1 / 共 %2 户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  (booked now)</source>
        <translation>（当前预约）</translation>
    </message>
</context>
<context>
    <name>BooksModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/fee_setup_dialog.py" line="-138"/>
        <source>First number</source>
        <translation>起始号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last number</source>
        <translation>终止号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last used</source>
        <translation>最近使用号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
</context>
<context>
    <name>BulkUnitsDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_dialogs.py" line="+79"/>
        <source>Create units</source>
        <translation>批量建房</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Building:</source>
        <translation>楼号(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 3 or A</source>
        <translation>如 3 或 A</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entrances:</source>
        <translation>单元(&amp;E)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave both empty for a tower without entrances (18-1203).</source>
        <translation>没有单元的楼（如 18-1203）两格都留空。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Floors:</source>
        <translation>楼层(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Units per floor:</source>
        <translation>每层户数(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Four-digit room &amp;numbers (0101 rather than 101)</source>
        <translation>四位房号(&amp;N)（0101 而不是 101）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Area (m²):</source>
        <translation>建筑面积(㎡)(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional, e.g. 89.50</source>
        <translation>可不填，如 89.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>房屋类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip units that already exist</source>
        <translation>跳过已存在的房屋(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Enter the building number.</source>
        <translation>请填写楼号。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{count} new units: {first} … {last}</source>
        <translation>将新建 {count} 套：{first} … {last}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+46"/>
        <source>No new units.</source>
        <translation>没有要新建的房屋。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>{count} already exist and will be skipped: {codes}</source>
        <translation>{count} 套已存在，将跳过：{codes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} already exist: {codes} — tick “Skip units that already exist” to create the others.</source>
        <translation>{count} 套已存在：{codes} —— 勾选「跳过已存在的房屋」可只创建其余的。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>exists already</source>
        <translation>已存在</translation>
    </message>
</context>
<context>
    <name>CallbackAttemptsModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="+254"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/callback_dialog.py" line="+58"/>
        <source>Callback {number}</source>
        <translation>回访 {number}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place:</source>
        <translation>房号 / 地点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back by:</source>
        <translation>回访期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier attempts:</source>
        <translation>此前回访：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reached</source>
        <translation>已接通(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Not reached</source>
        <translation>未接通(&amp;N)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Call:</source>
        <translation>通话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resul&amp;t:</source>
        <translation>回访结果(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Comment:</source>
        <translation>备注(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If unsatisfied:</source>
        <translation>不满意时：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close as &amp;unreachable</source>
        <translation>按无法联系结束(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Possible after {count} attempts without reaching the caller</source>
        <translation>未接通 {count} 次后可用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Record</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CallbackQueue</name>
    <message>
        <location filename="../../desk_app/ui/repairs/callback_queue.py" line="+140"/>
        <source>Call back…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{count} callbacks open</source>
        <translation>待回访 {count} 项</translation>
    </message>
</context>
<context>
    <name>CallbackQueueModel</name>
    <message>
        <location line="-114"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place</source>
        <translation>房号 / 地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back by</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="+58"/>
        <location line="+2"/>
        <source>Cancel order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Reason for cancelling:</source>
        <translation>取消原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>CashPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_page.py" line="+75"/>
        <source>Cash drawer of the shift</source>
        <translation>本班收款</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Voided in the shift:</source>
        <translation>本班作废：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunds paid in the shift:</source>
        <translation>本班退费：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To hand over to finance</source>
        <translation>待上缴财务</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+62"/>
        <source>Hand over to &amp;finance…</source>
        <translation>上缴财务(&amp;F)…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{shift} — {operator}, since {opened}</source>
        <translation>{shift} — {operator}，{opened} 开班</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Receipt numbers: {numbers}</source>
        <translation>收据号码：{numbers}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Total {total}; cash {cash_in} less cash refunds {refunds}: {cash} in the drawer.</source>
        <translation>合计 {total}；现金 {cash_in}，减去现金退费 {refunds}，应有现金 {cash}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Since the last handover on {at}</source>
        <translation>自 {at} 上次上缴以来</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing handed over yet</source>
        <translation>尚未上缴过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{since}. Receipts: {numbers}</source>
        <translation>{since}。收据：{numbers}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total {total}; refunds {refunds} ({count}); voids {voids}. Cash to hand over: {cash}.</source>
        <translation>合计 {total}；退费 {refunds}（{count} 笔）；作废 {voids} 张。应上缴现金：{cash}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Today the cash goes to finance: {cash} to hand over (receipts {numbers}).</source>
        <translation>今天是上缴财务日：应上缴现金 {cash}（收据 {numbers}）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing has been taken in since the last handover.</source>
        <translation>自上次上缴以来没有收款。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/change_password.py" line="+20"/>
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
        <location filename="../../desk_app/ui/desk/check_results.py" line="+27"/>
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
        <location filename="../../desk_app/ui/desk/check_models.py" line="+12"/>
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
        <location filename="../../desk_app/ui/shifts/close_day.py" line="+22"/>
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
    <name>ClosePanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="+620"/>
        <source>Out&amp;come:</source>
        <translation>收房结果(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reservations or reason for &amp;refusing:</source>
        <translation>保留意见或拒收原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed: %1</source>
        <translation>已结束：%1</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/completion.py" line="+367"/>
        <source>Complete order {number}</source>
        <translation>工单 {number} 完工</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Work done / result:</source>
        <translation>维修情况/处理结果(&amp;W)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../desk_app/ui/repairs/feature.py" line="-51"/>
        <source>&amp;Add material (Ins)</source>
        <translation>添加材料(&amp;A)（Ins）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desk_app/ui/repairs/feature.py" line="+7"/>
        <source>Re&amp;move material (Del)</source>
        <translation>删除材料(&amp;M)（Del）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type or pick an item of the price list; a name not in the list is a free item.</source>
        <translation>输入或选择价格表中的项目；价格表中没有的名称按自填项目处理。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Materials used:</source>
        <translation>所用材料：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Labour (yuan):</source>
        <translation>人工费(元)(&amp;L)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Materials:</source>
        <translation>材料费：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paid service (charged to the unit)</source>
        <translation>有偿服务(&amp;P)（向业户收费）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid:</source>
        <translation>是否有偿：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner &amp;signed the order</source>
        <translation>业主已签字确认(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>who signed</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signature:</source>
        <translation>业主签字：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A&amp;rrived at:</source>
        <translation>到场时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Completed at:</source>
        <translation>完工时间(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>完工</translation>
    </message>
</context>
<context>
    <name>ContactHistoryModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="+358"/>
        <source>Changed</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>DebtModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_models.py" line="+29"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Late fee: {item}</source>
        <translation>滞纳金：{item}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (waived)</source>
        <translation>（已减免）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
</context>
<context>
    <name>DefectCountModel</name>
    <message>
        <location filename="../../desk_app/ui/movein/defects_view.py" line="+134"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
</context>
<context>
    <name>DefectDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/defect_dialog.py" line="+181"/>
        <source>Defect</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room: %1    Item: %2</source>
        <translation>房间：%1&#x3000;&#x3000;项目：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Fixed by:</source>
        <translation>整改方(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Attach photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;ste (Ctrl+V)</source>
        <translation>粘贴(&amp;S) (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move photo</source>
        <translation>移除照片(&amp;M)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Photos:</source>
        <translation>照片(&amp;P)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record defect</source>
        <translation>记录缺陷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 could not be read and was not attached.</source>
        <translation>%1 无法读取，未添加。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板里没有图片。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not an image and was not attached.</source>
        <translation>%1 不是图片，未添加。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is larger than 20 MB and was not attached.</source>
        <translation>%1 大于 20 MB，未添加。</translation>
    </message>
</context>
<context>
    <name>DefectModel</name>
    <message>
        <location filename="../../desk_app/ui/movein/defects_view.py" line="-47"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed by</source>
        <translation>整改单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair order</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>DefectsView</name>
    <message>
        <location line="+59"/>
        <source>Ope&amp;n only</source>
        <translation>只看未关闭(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Late only</source>
        <translation>只看逾期(&amp;L)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>B&amp;uilding:</source>
        <translation>楼栋(&amp;U)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open defects by &amp;kind</source>
        <translation>未关闭问题分类统计(&amp;K)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>De&amp;fect list</source>
        <translation>问题清单(&amp;F)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 listed, %2 late, %3 open in all</source>
        <translation>列出 %1 项，逾期 %2 项；未关闭共 %3 项</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <location filename="../../desk_app/ui/app.py" line="+54"/>
        <source>Service desk</source>
        <translation>客服中心前台</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>An internal error occurred: {error}
The last step may not have been saved. Please tell the administrator.</source>
        <translation>程序内部出错：{error}
刚才的操作可能没有保存，请告知系统管理员。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no database at {path}.
Create a new, empty one there?</source>
        <translation>{path} 处没有数据库。
要在那里新建一个空的数据库吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The desk cannot be opened</source>
        <translation>无法打开前台</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <location filename="../../desk_app/ui/directory/page.py" line="+82"/>
        <source>Create &amp;units…</source>
        <translation>批量建房(&amp;U)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New public &amp;place…</source>
        <translation>新建公共区域(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archives on l&amp;oan…</source>
        <translation>借出的档案(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import roster…</source>
        <translation>导入名册(&amp;I)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Go to unit:</source>
        <translation>转到房号(&amp;G)：</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>{count} units created.</source>
        <translation>已新建 {count} 套房屋。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Export owner roster</source>
        <translation>导出业主名册</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>owner roster.xlsx</source>
        <translation>业主名册.xlsx</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Include full ID numbers and phone numbers? This is recorded in the audit trail. Choose No for the usual masked roster.</source>
        <translation>是否包含完整的证件号码和电话？此操作将记入审计记录。选择“否”导出常规的遮蔽名册。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} rows exported to {path}</source>
        <translation>已导出 {count} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>DirectoryText</name>
    <message>
        <location filename="../../desk_app/ui/labels.py" line="+54"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-owner</source>
        <translation>共有人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household member</source>
        <translation>入住成员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer&apos;s address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered residence</source>
        <translation>户籍所在地</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Purchased</source>
        <translation>购房日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>收楼日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved in</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase contract signed</source>
        <translation>购房合同签定时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check-in done</source>
        <translation>办理入住时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property type</source>
        <translation>产权性质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupancy</source>
        <translation>承租情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title certificate</source>
        <translation>产权证办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lease record</source>
        <translation>租赁记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="-110"/>
        <source>Dispatch order {number}</source>
        <translation>工单 {number} 派工</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No technicians are set up yet: a supervisor adds them under Technicians and prices.</source>
        <translation>尚未设置维修人员：请主管在「维修人员与价格表」中添加。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Technician:</source>
        <translation>维修人员(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Appointment:</source>
        <translation>预约时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="-341"/>
        <source>Signed</source>
        <translation>签署的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handbooks given</source>
        <translation>发放的资料</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../desk_app/ui/due_panel.py" line="+81"/>
        <source>Nothing due.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Late {late} · near {near} · {total} due</source>
        <translation>超时 {late} · 临近 {near} · 共 {total} 项待办</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="+424"/>
        <source>Edit {name}</source>
        <translation>修改 {name} 的资料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty fields are left as they are. Phone and address changes are kept in the contact history.</source>
        <translation>留空的项目保持不变。电话和地址的变更记入联系方式变更记录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EditUnitDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_dialogs.py" line="+57"/>
        <source>Edit unit {unit}</source>
        <translation>修改房屋 {unit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Area (m²):</source>
        <translation>建筑面积(㎡)(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Type:</source>
        <translation>房屋类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>房屋状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Business use (business premises registered)</source>
        <translation>用作经营场所(&amp;B)（已办住所(经营场所)登记）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EndOccupancyDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="-115"/>
        <location line="+9"/>
        <source>Move out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{name} ({role}) will be listed as a former occupant.</source>
        <translation>{name}（{role}）将列为原住户，记录保留。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Until:</source>
        <translation>结束日期(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>EntryDetailDialog</name>
    <message>
        <location filename="../../desk_app/ui/reception/handling_dialog.py" line="+149"/>
        <source>Reception entry {number}</source>
        <translation>接待登记 {number}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No.:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received:</source>
        <translation>接待时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place:</source>
        <translation>房号 / 地点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by:</source>
        <translation>接待人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department:</source>
        <translation>处理部门：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handling:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by:</source>
        <translation>处理时限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed:</source>
        <translation>完成时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back:</source>
        <translation>回访时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back by:</source>
        <translation>回访人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result:</source>
        <translation>回访结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair order:</source>
        <translation>维修工单：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../desk_app/ui/reception/entry_form.py" line="+90"/>
        <source>e.g. this afternoon after 3</source>
        <translation>如 今天下午 3 点以后</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answered on the spot: the entry closes</source>
        <translation>当场答复的填在这里，登记即办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Enter or Ctrl+S</source>
        <translation>Ctrl+Enter 或 Ctrl+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ur&amp;gency:</source>
        <translation>紧急程度(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appo&amp;intment:</source>
        <translation>预约时间(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partment:</source>
        <translation>处理部门(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Result:</source>
        <translation>处理结果(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or pu&amp;blic place:</source>
        <translation>或公共区域(&amp;B)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ch&amp;annel:</source>
        <translation>方式(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cont&amp;ent:</source>
        <translation>内容(&amp;E)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Unit:</source>
        <translation>房号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ph&amp;one:</source>
        <translation>联系电话(&amp;O)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/feature.py" line="-20"/>
        <source>Save entry</source>
        <translation>保存登记</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/entry_form.py" line="+61"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Recorded {entry}, repair order {order} created</source>
        <translation>已登记 {entry}，并生成维修工单 {order}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded {entry}</source>
        <translation>已登记 {entry}</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../desk_app/ui/reception/handling_dialog.py" line="-57"/>
        <source>Report {number} to the supervisor</source>
        <translation>将 {number} 上报主管</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>上报</translation>
    </message>
</context>
<context>
    <name>EstateTreeModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="-139"/>
        <source>Estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All units</source>
        <translation>全部房屋</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Public places</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Entrance {entrance}</source>
        <translation>{entrance}单元</translation>
    </message>
</context>
<context>
    <name>FeeItemDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/fee_setup_dialog.py" line="+25"/>
        <source>Add fee item</source>
        <translation>添加收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;de:</source>
        <translation>代码(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower-case letters, e.g. water2</source>
        <translation>小写字母，如 water2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;harged:</source>
        <translation>收费方式(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>计量单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 月, 吨, 度</source>
        <translation>如 月、吨、度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>FeeItemsModel</name>
    <message>
        <location line="-76"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>收费方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
</context>
<context>
    <name>FeeSetupDialog</name>
    <message>
        <location line="+194"/>
        <source>Fee items and rates</source>
        <translation>收费项目与收费标准</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Add item…</source>
        <translation>添加项目(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the &amp;standard items</source>
        <translation>添加常用收费项目(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fee &amp;items</source>
        <translation>收费项目(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set a &amp;rate…</source>
        <translation>设定收费标准(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ra&amp;tes</source>
        <translation>收费标准(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register &amp;book…</source>
        <translation>登记收据本(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt b&amp;ooks</source>
        <translation>收据本(&amp;O)</translation>
    </message>
</context>
<context>
    <name>FeesPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="-64"/>
        <source>&amp;Charge the first months</source>
        <translation>计入预收费用(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take pa&amp;yment…</source>
        <translation>去收款(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Months prepaid at hand-over: %1</source>
        <translation>收房预收月份：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet charged.</source>
        <translation>尚未计费。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Owing: %1</source>
        <translation>尚欠：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing owing.</source>
        <translation>已无欠费。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Falling due later, not paid at hand-over:</source>
        <translation>以后到期、收房时不必缴纳的费用：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, due %3</source>
        <translation>%1  %2，%3 到期</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/first_manager.py" line="+22"/>
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
    <name>FormerOccupantsModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="+28"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Former {role}</source>
        <translation>原{role}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../desk_app/ui/widgets/search_popup.py" line="+180"/>
        <source>Type at least two characters.</source>
        <translation>请至少输入两个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No unit, person, vehicle or public place matches.</source>
        <translation>没有匹配的房屋、人员、车辆或公共区域。</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_dialogs.py" line="+28"/>
        <source>Hand over to finance</source>
        <translation>上缴财务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>since the last handover ({at})</source>
        <translation>自上次上缴（{at}）以来</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>since the start (first handover)</source>
        <translation>自启用以来（首次上缴）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand over everything taken in {since}: receipts {numbers}, total {total}; cash to hand over {cash} (cash refunds {refunds} deducted).</source>
        <translation>上缴{since}收取的全部款项：收据 {numbers}，合计 {total}；应上缴现金 {cash}（已扣除现金退费 {refunds}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Received by (finance):</source>
        <translation>财务收款人(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print the slip</source>
        <translation>打印交款单(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand over</source>
        <translation>上缴</translation>
    </message>
</context>
<context>
    <name>HandlingDialog</name>
    <message>
        <location filename="../../desk_app/ui/reception/handling_dialog.py" line="-74"/>
        <source>Handle {number}</source>
        <translation>处理 {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>So far:</source>
        <translation>已有处理情况：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Finished: the matter is dealt with</source>
        <translation>已办结(&amp;F)：事项已处理完毕</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Handling:</source>
        <translation>处理情况(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partment:</source>
        <translation>处理部门(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Result:</source>
        <translation>处理结果(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/handover.py" line="+26"/>
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
        <location line="+14"/>
        <source>of {count} sets that should be on the hooks</source>
        <translation>套（应在柜 {count} 套）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Keys counted:</source>
        <translation>清点钥匙(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sets</source>
        <translation>套数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count difference &amp;explained:</source>
        <translation>差异说明(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needed when the count differs</source>
        <translation>清点数与应在柜数不符时必填</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+17"/>
        <source>Nobody is logged in.</source>
        <translation>当前没有人登录。</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../desk_app/ui/movein/feature.py" line="-98"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;kip…</source>
        <translation>跳过(&amp;K)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;open step</source>
        <translation>重新办理(&amp;O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Print acceptance sheet</source>
        <translation>打印验收单(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print &amp;move-in routing slip</source>
        <translation>打印程序表(&amp;M)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print de&amp;fect list</source>
        <translation>打印遗留问题(&amp;F)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Unit…</source>
        <translation>房号(&amp;U)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/movein/handover_page.py" line="+73"/>
        <source>Type the unit, then Enter</source>
        <translation>输入房号后按回车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;nit:</source>
        <translation>房号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>– %1 (skipped: %2)</source>
        <translation>– %1（跳过：%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done by %1, %2</source>
        <translation>%1 办理，%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skipped by %1, %2</source>
        <translation>%1 跳过，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Type a unit to start or resume its hand-over.</source>
        <translation>输入房号，开始或继续办理收房。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>owner not confirmed</source>
        <translation>业主未核验</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>closed: %1</source>
        <translation>已结束：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress %1/%2</source>
        <translation>进度 %1/%2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 closed: %2.</source>
        <translation>%1 收房结束：%2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was closed with %2 defect(s). Print the acceptance sheet for signing?</source>
        <translation>%1 已结束收房，有 %2 项遗留问题。现在打印房屋交接验收单请业主签字吗？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Skip a step</source>
        <translation>跳过环节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is this step skipped?</source>
        <translation>跳过此环节的原因：</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="+66"/>
        <source>Put order on hold</source>
        <translation>暂停工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason (e.g. waiting for parts):</source>
        <translation>暂停原因(&amp;R)（如待料）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put on hold</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="-157"/>
        <source>No owner of record: register the owner from the contract and ID card</source>
        <translation>本房屋没有登记业主：请按购房合同和身份证登记业主</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Owner&apos;s n&amp;ame:</source>
        <translation>业主姓名(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner&apos;s phon&amp;e:</source>
        <translation>业主联系电话(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner&apos;s ID n&amp;umber:</source>
        <translation>业主身份证号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Power of attorne&amp;y seen</source>
        <translation>已查验业主委托书(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;wner of record:</source>
        <translation>登记业主(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;gent (if not the owner):</source>
        <translation>代理人（非业主本人时）(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent&apos;s &amp;ID number:</source>
        <translation>代理人身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(unchanged: %1)</source>
        <translation>（不变：%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ID %1</source>
        <translation>身份证 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone %1</source>
        <translation>电话 %1</translation>
    </message>
</context>
<context>
    <name>InspectionGrid</name>
    <message>
        <location filename="../../desk_app/ui/movein/inspection_grid.py" line="+305"/>
        <source>Space or O: OK, next · D or Enter: defect · Del: clear · Ctrl+Space or A: rest of the row OK</source>
        <translation>空格或 O：合格并到下一格 · D 或回车：记缺陷 · Del：清除 · Ctrl+空格或 A：本行其余合格</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>%1 · %2 has a defect (%3). Mark it OK instead?</source>
        <translation>%1 · %2 有缺陷（%3）。改为合格吗？</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 · %2 has a defect (%3). Clear it?</source>
        <translation>%1 · %2 有缺陷（%3）。清除吗？</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Checked %1 of %2 · defects %3</source>
        <translation>已查 %1/%2 项 · 缺陷 %3 处</translation>
    </message>
</context>
<context>
    <name>InspectionModel</name>
    <message>
        <location line="-343"/>
        <source>%1 · %2: does not apply</source>
        <translation>%1 · %2：不适用</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: OK</source>
        <translation>%1：合格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2, fixed by %3</source>
        <translation>%1：%2，由%3整改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 photo(s)</source>
        <translation>照片 %1 张</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not checked</source>
        <translation>%1：未查</translation>
    </message>
</context>
<context>
    <name>InspectionPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="+233"/>
        <source>Why is the defect at %1 · %2 removed? Its repair order %3 is cancelled.</source>
        <translation>为什么删除 %1 · %2 的遗留问题？其维修工单 %3 将被取消。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a defect</source>
        <translation>删除遗留问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Defect removed; repair order %1 cancelled.</source>
        <translation>已删除该遗留问题，维修工单 %1 已取消。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Defect changed: repair order %1, due %2.</source>
        <translation>遗留问题已修改：维修工单 %1，%2 前完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Defect recorded: repair order %1, due %2.</source>
        <translation>已登记遗留问题：维修工单 %1，%2 前完成。</translation>
    </message>
</context>
<context>
    <name>InvoiceExchangeDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/receipt_dialogs.py" line="+71"/>
        <source>Exchange for an invoice</source>
        <translation>换开发票</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The owner takes an invoice for receipt {receipt}; the receipt is taken back and goes to finance with the invoice&apos;s accounting copy.</source>
        <translation>业主凭收据 {receipt} 换开发票；收据收回，与发票记账联一并交财务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Invoice number:</source>
        <translation>发票号码(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ItemTotalsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="-104"/>
        <source>Fee item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>KeyIntakeDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/set_dialogs.py" line="+232"/>
        <source>Take in a building&apos;s keys</source>
        <translation>整栋钥匙入库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Building:</source>
        <translation>楼号(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 3</source>
        <translation>如 3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entrance:</source>
        <translation>单元(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: the whole building</source>
        <translation>不填为整栋</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pieces per unit:</source>
        <translation>每户钥匙(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cabinet:</source>
        <translation>柜号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. A柜: the sets take its next free hooks</source>
        <translation>如 A柜：钥匙挂在该柜接下来的空钩位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal the hooks at &amp;random (a hook tells no unit)</source>
        <translation>随机分配钩位，钩位号不对应房号(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skip units that have such a set</source>
        <translation>跳过已有此类钥匙的房屋(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Take in</source>
        <translation>入库(&amp;T)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Enter the building number.</source>
        <translation>请填写楼号。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} new sets: {first} ({first_unit}) … {last} ({last_unit})</source>
        <translation>新建 {count} 套：{first}（{first_unit}）… {last}（{last_unit}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hooks {first} to {last}, dealt at random.</source>
        <translation>钩位 {first} 至 {last}，随机分配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hooks {first} to {last}, in unit order.</source>
        <translation>钩位 {first} 至 {last}，按房号顺序。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No new sets.</source>
        <translation>没有要新建的钥匙。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} units have one already and are skipped: {units}</source>
        <translation>{count} 套房屋已有此类钥匙，将跳过：{units}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} units have one already: {units} — tick “Skip units that have such a set” to take in the others.</source>
        <translation>{count} 套房屋已有此类钥匙：{units}——勾选“跳过已有此类钥匙的房屋”可入库其余房屋。</translation>
    </message>
</context>
<context>
    <name>KeyLookupDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/lookup.py" line="+47"/>
        <source>Keys by person or unit</source>
        <translation>按人员或房屋查询钥匙</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name (王建国) or a unit (3-2-501), then Enter</source>
        <translation>输入姓名（王建国）或房号（3-2-501）后回车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who or which unit:</source>
        <translation>人员或房号(&amp;W)：</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter on a line shows that set on the tab.</source>
        <translation>在某一行按回车，在钥匙管理页显示该套钥匙。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 has never borrowed keys.</source>
        <translation>%1 没有借用钥匙的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds now: %2. Loans: %3.</source>
        <translation>%1 现持有：%2。共借用 %3 次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>Clerk</source>
        <translation>经手人</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The desk holds no keys of %1.</source>
        <translation>前台没有 %1 的钥匙。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>out to %1</source>
        <translation>借给 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the desk</source>
        <translation>在柜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none held</source>
        <translation>无存放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movement</source>
        <translation>动作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>事由</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../../desk_app/ui/keys/feature.py" line="-55"/>
        <source>&amp;New set…</source>
        <translation>新建钥匙(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take in a &amp;building…</source>
        <translation>整栋入库(&amp;B)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By &amp;person or unit…</source>
        <translation>按人/房查询(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loan re&amp;gister…</source>
        <translation>借用登记表(&amp;G)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag &amp;labels…</source>
        <translation>标签(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/keys/page.py" line="+100"/>
        <source>Scan a key tag or type its code, then Enter</source>
        <translation>扫描钥匙牌或输入编号，按回车</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scan:</source>
        <translation>扫描(&amp;S)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Time left</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movement</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces</source>
        <translation>钥匙数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>借用人/领取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>经手人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History of the set</source>
        <translation>本套钥匙的记录</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 returned.</source>
        <translation>%1 已归还。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 lent.</source>
        <translation>%1 已借出。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 registered.</source>
        <translation>%1 已登记。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 sets taken in: %2 … %3.</source>
        <translation>已入库 %1 套：%2 … %3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print the %1 new tags now?</source>
        <translation>现在打印这 %1 个新标签吗？</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Key loan register</source>
        <translation>钥匙借用登记表</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+8"/>
        <source>Key tag labels</source>
        <translation>钥匙标签</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the key sets</source>
        <translation>导出钥匙清单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 sets exported.</source>
        <translation>已导出 %1 套钥匙。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Keys out now: %1, overdue: %2</source>
        <translation>借出未还：%1 套，逾期：%2 套</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>out to %1</source>
        <translation>借给 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at the desk</source>
        <translation>在柜</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never lent</source>
        <translation>禁止外借</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="+75"/>
        <source>Card numbers, separated by spaces or commas</source>
        <translation>门禁卡号，以空格或逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access &amp;cards:</source>
        <translation>门禁卡(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lea&amp;ve the keys not handed over in trust, for the defects&apos; repairs</source>
        <translation>未交的钥匙由业主留存托管，供遗留问题维修(&amp;V)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Handed over: %1</source>
        <translation>已交付：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left in trust for repairs: %1</source>
        <translation>留存托管（供维修）：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cards issued: %1</source>
        <translation>已发门禁卡：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desk holds no keys of this unit.</source>
        <translation>前台没有代管本房屋的钥匙。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desk_app/ui/labels.py" line="-76"/>
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
    <message>
        <location line="+71"/>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>来函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>求助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting callback</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With contractor</source>
        <translation>转外单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor</source>
        <translation>外单位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent on site</source>
        <translation>紧急到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair job</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For the supervisor</source>
        <translation>待主管处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>上报主管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoiced</source>
        <translation>已换发票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>已退费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under a month</source>
        <translation>未满一个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage 1</source>
        <translation>第一阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage 2</source>
        <translation>第二阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage 3</source>
        <translation>第三阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call + written notice</source>
        <translation>电话+书面通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call + notice + report to manager</source>
        <translation>电话+书面通知并报经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice delivered at the door (or registered post)</source>
        <translation>入户书面催款（或挂号邮寄）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage steps done</source>
        <translation>本阶段已办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone reminder</source>
        <translation>电话催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written notice</source>
        <translation>书面通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home visit</source>
        <translation>上门催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered letter</source>
        <translation>挂号信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to manager</source>
        <translation>报经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilities notice</source>
        <translation>水电暖书面通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilities suspended</source>
        <translation>停水停电（停暖）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May suspend</source>
        <translation>可停供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under 1 month</source>
        <translation>1个月以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–2 months</source>
        <translation>1–2个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2–3 months</source>
        <translation>2–3个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over 3 months</source>
        <translation>3个月以上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residence</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking space</source>
        <translation>车位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storeroom</source>
        <translation>储藏室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>已交房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted with reservations</source>
        <translation>带条件收房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovating</source>
        <translation>装修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupied</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let</source>
        <translation>出租</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car</source>
        <translation>汽车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motorcycle</source>
        <translation>摩托车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moped</source>
        <translation>助动车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other vehicle</source>
        <translation>其它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Early shift</source>
        <translation>早班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day shift</source>
        <translation>中班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late shift</source>
        <translation>晚班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held in trust</source>
        <translation>业主代管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment room</source>
        <translation>设施设备房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security door</source>
        <translation>防盗铁门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrance door</source>
        <translation>单元门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inner door</source>
        <translation>室内门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intercom door</source>
        <translation>电子对讲门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailbox</source>
        <translation>信报箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken in</source>
        <translation>入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposited</source>
        <translation>寄存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>领取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lent</source>
        <translation>借出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy made</source>
        <translation>配钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician</source>
        <translation>维修技工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor&apos;s person</source>
        <translation>外单位人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner&apos;s agent</source>
        <translation>业主代理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key overdue</source>
        <translation>借用逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take keys back</source>
        <translation>收回钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move-in defect late</source>
        <translation>整改逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting repair</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting re-inspection</source>
        <translation>待复验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed re-inspection</source>
        <translation>已复验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not booked</source>
        <translation>未预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over under way</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service centre</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>秩序维护部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>环境部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance</source>
        <translation>财务部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 late</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Building %1</source>
        <translation>%1栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block %1</source>
        <translation>%1座</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2 receipts)</source>
        <translation>%1（%2 张）</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="-286"/>
        <source>Entrance %1</source>
        <translation>%1单元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · </source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/models.py" line="+65"/>
        <location filename="../../desk_app/ui/reception/page.py" line="+85"/>
        <source>%1 · escalated</source>
        <translation>%1·已上报</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/due_panel.py" line="-90"/>
        <location filename="../../desk_app/ui/reception/models.py" line="-10"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/print_dialogs.py" line="+68"/>
        <source>Print key tag labels</source>
        <translation>打印钥匙标签</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;This set: %1</source>
        <translation>当前这套(&amp;T)：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This set (none chosen)</source>
        <translation>当前这套（未选）(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A &amp;building&apos;s sets:</source>
        <translation>某栋的钥匙(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 3</source>
        <translation>如 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Every set</source>
        <translation>全部钥匙(&amp;E)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
</context>
<context>
    <name>LateFeesModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/payment_models.py" line="+130"/>
        <source>Late fee of</source>
        <translation>欠费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owing</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waived</source>
        <translation>已减免</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/page.py" line="+59"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrears</source>
        <translation>欠费催缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash and month-end close</source>
        <translation>收银与月结</translation>
    </message>
</context>
<context>
    <name>LendArchiveDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/archive_dialogs.py" line="+93"/>
        <location line="+37"/>
        <source>Lend the archive of {unit}</source>
        <translation>借阅 {unit} 的业主档案</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>The paper archive leaves the desk only with the manager&apos;s approval.</source>
        <translation>纸质业主档案须经客服中心经理批准方可借出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Borrower:</source>
        <translation>借阅人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose:</source>
        <translation>借阅用途(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due back:</source>
        <translation>应还日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the borrower.</source>
        <translation>请填写借阅人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the purpose.</source>
        <translation>请填写借阅用途。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The due date must be a date like 2026-12-01.</source>
        <translation>应还日期须为日期，如 2026-12-01。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not lent: the manager did not approve.</source>
        <translation>未借出：客服中心经理未批准。</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/loan_dialog.py" line="+69"/>
        <source>Lend keys</source>
        <translation>借出钥匙</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key &amp;code:</source>
        <translation>钥匙编号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Piece&amp;s:</source>
        <translation>钥匙数量(&amp;S)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another person (name below)</source>
        <translation>其他人员（在下面填写姓名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Borrower:</source>
        <translation>借用人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent&apos;s &amp;ID number:</source>
        <translation>代理人身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Purpose:</source>
        <translation>事由(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Due back:</source>
        <translation>归还时间(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Repair order:</source>
        <translation>维修单号(&amp;R)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Owner&apos;s c&amp;onsent:</source>
        <translation>业主同意(&amp;O)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ca&amp;ll at:</source>
        <translation>通话时间(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lend</source>
        <translation>借出</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Lend %1</source>
        <translation>借出 %1</translation>
    </message>
</context>
<context>
    <name>LoansModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="+321"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>借阅用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lent</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>归还时间</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/login.py" line="+34"/>
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
        <location line="+18"/>
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
    <name>LossDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/loss_dialog.py" line="+52"/>
        <source>Copy keys</source>
        <translation>配钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies of %1 join the set at the desk.</source>
        <translation>%1 新配的钥匙入柜，计入本套。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report keys lost</source>
        <translation>钥匙挂失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys of %1 lost by the borrower, %2.</source>
        <translation>%1 的钥匙被借用人 %2 遗失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys of %1 lost from the desk.</source>
        <translation>%1 在柜的钥匙遗失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Piece&amp;s:</source>
        <translation>钥匙数量(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>减免原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record copies</source>
        <translation>登记配钥匙</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report lost</source>
        <translation>登记挂失</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy keys of %1</source>
        <translation>为 %1 配钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report keys of %1 lost</source>
        <translation>%1 钥匙挂失</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="+99"/>
        <source>Due now</source>
        <translation>待办提醒</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location filename="../../desk_app/ui/reception/feature.py" line="+9"/>
        <source>Reception</source>
        <translation>接待登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception log</source>
        <translation>业户来电、来访接待记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls, visits and letters from residents will be logged here, with complaints and callbacks.</source>
        <translation>业户来电、来访、来函将在这里登记，包括投诉处理与回访。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/repairs/feature.py" line="+9"/>
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
        <location filename="../../desk_app/ui/ledger/feature.py" line="+54"/>
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
        <location filename="../../desk_app/ui/movein/feature.py" line="+116"/>
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
        <location filename="../../desk_app/ui/keys/feature.py" line="+19"/>
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
        <location filename="../../desk_app/ui/directory/feature.py" line="-36"/>
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
        <location filename="../../desk_app/ui/main_window.py" line="+139"/>
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
        <location line="+127"/>
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
        <location line="+6"/>
        <source>Handover report</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backup saved and verified: {path}</source>
        <translation>备份已保存并校验：{path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verify a seal</source>
        <translation>核对封存码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal code from a handover report or a head-office workbook (e.g. A1B2-C3D4-E5F6 #12345).
This file&apos;s seal now: {seal}</source>
        <translation>交接班记录表或报送总部的工作簿上的封存码（如 A1B2-C3D4-E5F6 #12345）。
本文件当前的封存码：{seal}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The file still holds that history: {detail}</source>
        <translation>数据库仍含封存时的历史：{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The seal does not match: {detail}</source>
        <translation>封存码不符：{detail}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The check could not run: {error}</source>
        <translation>无法进行检查：{error}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language will change the next time the program starts.</source>
        <translation>界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Service desk {version}&lt;/h3&gt;&lt;p&gt;The front desk of the property-management service centre: reception log, repair orders, fee ledger, move-ins, keys and the owner archive.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;&lt;p&gt;Printed forms use subsets of the fonts BabelStone Han (© Arphic Technology and Christopher J. Fynn, Arphic Public License), AR PL SungtiL GB (© Arphic Technology, Arphic Public License) and HanaMinA (© GlyphWiki Project, Hanazono Font License); the licences are shipped in resources/fonts/LICENSE-*.&lt;/p&gt;&lt;p&gt;Built with Qt {qt} (LGPL v3) through PySide6.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;客服中心前台 {version}&lt;/h3&gt;&lt;p&gt;物业客服中心前台的日常工作：接待登记、维修工单、收费台账、入住交房、钥匙管理和业主档案。&lt;/p&gt;&lt;p&gt;数据库：{path}&lt;/p&gt;&lt;p&gt;打印表单使用以下字体的子集：BabelStone Han（© 文鼎科技与 Christopher J. Fynn，Arphic Public License）、文鼎ＰＬ简报宋 AR PL SungtiL GB（© 文鼎科技，Arphic Public License）和花园明朝 HanaMinA（© GlyphWiki Project，Hanazono Font License）；许可证随程序发布，见 resources/fonts/LICENSE-*。&lt;/p&gt;&lt;p&gt;基于 Qt {qt}（LGPL v3）与 PySide6 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/renovation/feature.py" line="+12"/>
        <source>Renovation</source>
        <translation>装修与放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovation and passes</source>
        <translation>装修与放行（装修许可、出入证、放行条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovation applications, permits, worker passes and move-out passes will be handled here.</source>
        <translation>装修申请、装修许可证、装修人员出入证和物品放行条将在这里办理。</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/archive_dialogs.py" line="-77"/>
        <source>Manager approval</source>
        <translation>经理审批</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{action}” needs the service centre manager&apos;s approval. The manager enters their user name and password.</source>
        <translation>「{action}」须经客服中心经理批准。请经理输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Manager:</source>
        <translation>经理(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>MaterialsEditModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/completion.py" line="-349"/>
        <source>Item</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>From the price list</source>
        <translation>取自价格表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free item (not in the price list)</source>
        <translation>自填项目（价格表中没有）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desk_app/ui/messages.py" line="+14"/>
        <source>Service desk</source>
        <translation>客服中心前台</translation>
    </message>
</context>
<context>
    <name>MetersPanel</name>
    <message>
        <location filename="../../desk_app/ui/movein/stations.py" line="-101"/>
        <source>&amp;Water meter:</source>
        <translation>水表底数(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Electricity meter:</source>
        <translation>电表底数(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gas meter:</source>
        <translation>燃气表底数(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>MethodTotalsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="-12"/>
        <source>Method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>收据张数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>MonthCloseSection</name>
    <message>
        <location filename="../../desk_app/ui/ledger/close_section.py" line="+83"/>
        <source>Month-end close</source>
        <translation>月结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peri&amp;od:</source>
        <translation>账期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sho&amp;w</source>
        <translation>查看(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="-48"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+8"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+8"/>
        <source>Close the &amp;month…</source>
        <translation>月结(&amp;M)…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{period} (closed)</source>
        <translation>{period}（已月结）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{start} to {through}</source>
        <translation>{start} 至 {through}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closed on {at} by {who}.</source>
        <translation>已于 {at} 月结（{who}）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not closed: the figures may still change.</source>
        <translation>未月结：数字可能还会变化。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export month-end report</source>
        <translation>导出月结对账表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close {period} ({start} to {through})?

Due {charges}, received {received} ({rate}), refunds {refunds}, deposits held {deposits}, arrears {arrears}.

Nothing dated in the period can be written afterwards.</source>
        <translation>月结 {period}（{start} 至 {through}）？

应收 {charges}，实收 {received}（收缴率 {rate}），退款 {refunds}，押金结存 {deposits}，欠费 {arrears}。

月结后，日期在本账期内的任何记录都不能再录入。</translation>
    </message>
</context>
<context>
    <name>MoveinPage</name>
    <message>
        <location filename="../../desk_app/ui/movein/page.py" line="+52"/>
        <source>Hand-over</source>
        <translation>收房办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery batches</source>
        <translation>交付批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress and defects</source>
        <translation>进度与遗留问题</translation>
    </message>
</context>
<context>
    <name>NewChargeDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/charge_dialogs.py" line="-64"/>
        <source>New charge</source>
        <translation>新增费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A charge on {unit}.</source>
        <translation>为 {unit} 新增一笔费用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Item:</source>
        <translation>收费项目(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yuan; blank: the item&apos;s rate</source>
        <translation>元；留空按收费标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What for:</source>
        <translation>摘要(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due on:</source>
        <translation>应缴日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charge</source>
        <translation>记费</translation>
    </message>
</context>
<context>
    <name>NewKeySetDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/set_dialogs.py" line="-271"/>
        <source>New key set</source>
        <translation>新建钥匙</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Unit:</source>
        <translation>房号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 3</source>
        <translation>如 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Building:</source>
        <translation>楼号(&amp;B)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 18, 屋顶, B1</source>
        <translation>如 18、屋顶、B1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;loor:</source>
        <translation>楼层(&amp;L)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Equipment roo&amp;m:</source>
        <translation>设备房(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Opens:</source>
        <translation>开启(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 天台门, 配电房</source>
        <translation>如 天台门、配电房</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>type, e.g. 门</source>
        <translation>钥匙类型，如 门</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Pieces:</source>
        <translation>钥匙(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hook:</source>
        <translation>柜/钩位(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cabinet and hook, e.g. A柜-01</source>
        <translation>柜号和钩位，如 A柜-01</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;g code:</source>
        <translation>标签编号(&amp;G)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: the next one, %1</source>
        <translation>不填则用下一个：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Never lent (switch room, fire control room)</source>
        <translation>禁止外借（开关房、消防控制室）(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NewOperatorDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/operators_dialog.py" line="+37"/>
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
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="-216"/>
        <source>New repair order</source>
        <translation>新建维修工单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Unit:</source>
        <translation>房号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>or public &amp;place:</source>
        <translation>或公共区域(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported &amp;by:</source>
        <translation>报修人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repair request:</source>
        <translation>报修内容(&amp;R)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ur&amp;gency:</source>
        <translation>紧急程度(&amp;G)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Appointment:</source>
        <translation>预约时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. this afternoon, 2026-11-21 14:00</source>
        <translation>如 今天下午、2026-11-21 14:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{phone} (from the owner archive)</source>
        <translation>{phone}（取自业主档案）</translation>
    </message>
</context>
<context>
    <name>OccupantDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="-84"/>
        <source>Add a person to {unit}</source>
        <translation>{unit} 添加人员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Role:</source>
        <translation>身份(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How a household member is related to the owner (称谓)</source>
        <translation>入住成员与业主的关系（称谓）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;lation:</source>
        <translation>称谓(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Since:</source>
        <translation>起始日期(&amp;S)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lease &amp;period:</source>
        <translation>租期(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>OccupantsModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="-72"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>称谓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lease</source>
        <translation>租期</translation>
    </message>
</context>
<context>
    <name>OpenLoansDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/archive_dialogs.py" line="+105"/>
        <source>Archives on loan</source>
        <translation>借出的档案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No archive is out on loan.</source>
        <translation>没有借出未还的档案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;return</source>
        <translation>登记归还(&amp;R)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Has the archive of {unit} come back from {borrower}?</source>
        <translation>{unit} 的档案已由 {borrower} 归还了吗？</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/operators_dialog.py" line="+47"/>
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
        <location filename="../../desk_app/ui/shifts/operator_models.py" line="+12"/>
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
    <name>OrderEventsModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="-38"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>OrderKeysModel</name>
    <message>
        <location line="+9"/>
        <source>Code</source>
        <translation>钥匙编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out since</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still out</source>
        <translation>未还</translation>
    </message>
</context>
<context>
    <name>OrderMaterialsModel</name>
    <message>
        <location line="-42"/>
        <source>Item</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <location filename="../../desk_app/ui/repairs/order_view.py" line="+101"/>
        <location line="+61"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+168"/>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Order no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place</source>
        <translation>房号 / 地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair request</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched</source>
        <translation>派工时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor</source>
        <translation>外单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work done / result</source>
        <translation>维修情况/处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labour</source>
        <translation>人工费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid service</source>
        <translation>是否有偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner signed</source>
        <translation>业主签字确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback time</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reception entry</source>
        <translation>接待登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No order chosen</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Labour {labour}   Materials {material}   Total {total}</source>
        <translation>人工费 {labour}   材料费 {material}   合计 {total}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No callback yet: it starts when the order is completed.</source>
        <translation>尚无回访：工单完工后开始回访。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Callback due by {due}; {count} attempts so far.</source>
        <translation>回访期限 {due}；已拨打 {count} 次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Called back {at} by {name}: {result} {comment}</source>
        <translation>{at} 由 {name} 回访：{result} {comment}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No keys lent against this order.</source>
        <translation>本工单没有借用钥匙。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{out} of {count} key sets lent against this order are still out.</source>
        <translation>本工单借用钥匙 {count} 套，{out} 套未还。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All {count} key sets lent against this order are back.</source>
        <translation>本工单借用的 {count} 套钥匙均已归还。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keys ({count})</source>
        <translation>钥匙（{count}）</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desk_app/ui/movein/feature.py" line="-49"/>
        <source>&amp;Re-inspect…</source>
        <translation>复验(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open repair &amp;order</source>
        <translation>打开维修工单(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Print the unit&apos;s defect record</source>
        <translation>打印遗留问题整改记录(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport defects…</source>
        <translation>导出遗留问题(&amp;X)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the day&apos;s &amp;summary</source>
        <translation>打印收楼情况汇总(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the day&apos;s summary (&amp;Excel)…</source>
        <translation>导出汇总 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/movein/overview_page.py" line="+150"/>
        <source>&amp;Batch:</source>
        <translation>交付批次(&amp;B)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Batch progress</source>
        <translation>交付进度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Defects for the developer</source>
        <translation>遗留问题（开发商整改）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The day&apos;s hand-overs</source>
        <translation>当日收楼情况汇总</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>No delivery batch yet.</source>
        <translation>还没有交付批次。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 units</source>
        <translation>共 %1 套</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a defect first.</source>
        <translation>请先选择一项遗留问题。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This defect has passed its re-inspection.</source>
        <translation>此问题已复验通过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This defect has no repair order.</source>
        <translation>此问题没有维修工单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its repair order %1 is not completed yet: re-inspection comes after the repair.</source>
        <translation>维修工单 %1 尚未完工：维修完成后才能复验。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: re-inspection passed, the defect is closed.</source>
        <translation>%1：复验合格，问题已关闭。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: re-inspection failed, repair order %2 is reopened.</source>
        <translation>%1：复验不合格，维修工单 %2 已重新返修。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Defect record</source>
        <translation>遗留问题整改记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the defects</source>
        <translation>导出遗留问题</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 defects exported to %2.</source>
        <translation>已导出 %1 项遗留问题到 %2。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Day summary</source>
        <translation>收楼情况汇总</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the day&apos;s summary</source>
        <translation>导出收楼情况汇总</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 hand-overs of %2 exported to %3.</source>
        <translation>已导出 %2 的 %1 户收楼记录到 %3。</translation>
    </message>
</context>
<context>
    <name>OwingModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/payment_models.py" line="-98"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age (months)</source>
        <translation>账龄（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>应收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owing</source>
        <translation>欠费</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/owner_dialog.py" line="+58"/>
        <source>Owner collects keys</source>
        <translation>业主领取钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner deposits keys</source>
        <translation>业主寄存钥匙</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no owner of record)</source>
        <translation>（无登记业主）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner of record:</source>
        <translation>登记业主(&amp;O)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The owner in person</source>
        <translation>业主本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An agent with the owner&apos;s power of attorney</source>
        <translation>代理人（凭业主委托书）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who comes:</source>
        <translation>办理人(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent&apos;s &amp;name:</source>
        <translation>代理人姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent&apos;s &amp;ID number:</source>
        <translation>代理人身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Power of attorney seen</source>
        <translation>已查验业主委托书(&amp;P)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Piece&amp;s:</source>
        <translation>钥匙数量(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collect</source>
        <translation>领取</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deposit</source>
        <translation>寄存</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Kept as %1</source>
        <translation>登记为 %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Print the slip for the owner (or the agent) to sign?</source>
        <translation>打印签收单，请业主（或代理人）签字？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (owner)</source>
        <translation>%1（业主）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (ID %2) for %3</source>
        <translation>%1（身份证 %2）代 %3</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/payment_page.py" line="+165"/>
        <source>&amp;Waive late fee…</source>
        <translation>减免滞纳金(&amp;W)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pay an amount, oldest first (Alt+A)</source>
        <translation>按金额收款，先冲抵最早的欠费（Alt+A）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tende&amp;red:</source>
        <translation>实收(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change:</source>
        <translation>找零：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Take payment and &amp;print</source>
        <translation>收款并打印(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use cred&amp;it</source>
        <translation>抵扣预收款(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply the unit&apos;s prepaid credit to its debts</source>
        <translation>用该房屋的预收款抵扣欠费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New charge…</source>
        <translation>新增费用(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A one-off charge or a deposit on this unit</source>
        <translation>为该房屋新增一次性费用或押金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ad&amp;just…</source>
        <translation>调整(&amp;J)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the charge under the cursor by an adjusting entry</source>
        <translation>以调整分录更正光标所在的费用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next owner</source>
        <translation>下一位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/feature.py" line="-146"/>
        <source>Pay an amount</source>
        <translation>按金额收款</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/payment_page.py" line="-90"/>
        <source>Unit or owner, e.g. 3-2-501 or Zhang San</source>
        <translation>房号或业主，如 3-2-501 或 张三</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>&amp;Unit / owner:</source>
        <translation>房号 / 业主(&amp;U)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Owing:</source>
        <translation>欠费：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fees today:</source>
        <translation>今日滞纳金：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit available:</source>
        <translation>预收款余额：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A&amp;mount:</source>
        <translation>金额(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meth&amp;od:</source>
        <translation>收款方式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Customer:</source>
        <translation>客户名称(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not&amp;e:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To pay:</source>
        <translation>本次应收：</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>A public place has no fee account: choose a unit.</source>
        <translation>公共区域没有收费账户，请选择房屋。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Oldest debts first; what is left is kept as credit.</source>
        <translation>先冲抵最早的欠费，余额转为预收款。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pays {count} of {total} debts</source>
        <translation>冲抵 {total} 笔欠费中的 {count} 笔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, late fees {fees}</source>
        <translation>，滞纳金 {fees}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, credit {credit}</source>
        <translation>，转预收款 {credit}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>short {fen}</source>
        <translation>还差 {fen}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a unit first.</source>
        <translation>请先选择房屋。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick the charges paid (Space), or pay an amount (Alt+A).</source>
        <translation>请勾选要收的费用（空格键），或按金额收款（Alt+A）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Large prepayment</source>
        <translation>大额预收款</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Receipt №{number}: {total} by {method}</source>
        <translation>收据 №{number}：{method} {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, tendered {tendered}, change {change}</source>
        <translation>，实收 {tendered}，找零 {change}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Credit used: {fen}</source>
        <translation>已抵扣预收款：{fen}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose the charge to adjust.</source>
        <translation>请先选中要调整的费用。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/widgets/pdf_preview.py" line="+85"/>
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
        <location line="+10"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file could not be saved: {error}</source>
        <translation>无法保存文件：{error}</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="-158"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x:</source>
        <translation>性别(&amp;X)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Born (month):</source>
        <translation>出生年月(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID &amp;type:</source>
        <translation>证件名称(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second phone:</source>
        <translation>备用电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered residence:</source>
        <translation>户籍所在地：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>联系地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employer:</source>
        <translation>单位名称(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer&apos;s address:</source>
        <translation>单位地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>(unchanged: {masked})</source>
        <translation>（不变：{masked}）</translation>
    </message>
</context>
<context>
    <name>PiecesEdit</name>
    <message>
        <location filename="../../desk_app/ui/keys/pieces_edit.py" line="+35"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="+74"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building</source>
        <translation>楼号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/setup_dialog.py" line="+150"/>
        <source>Add price item</source>
        <translation>添加价格项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit price item</source>
        <translation>修改价格项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Item:</source>
        <translation>项目(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 个, 米, 次</source>
        <translation>如 个、米、次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Price (yuan):</source>
        <translation>单价(元)(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labour (yuan):</source>
        <translation>人工费(元)(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Active (offered when completing orders)</source>
        <translation>启用(&amp;A)（完工时可选用）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PricesModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="+68"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labour</source>
        <translation>人工费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PrintNoticesDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/notice_dialog.py" line="+104"/>
        <source>Print move-in notices</source>
        <translation>打印入住通知单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One page per unit. The notices printed are archived and recorded as sent.</source>
        <translation>每户一页。打印的通知单存档，并记为已通知。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Chosen units (%1): %2</source>
        <translation>所选房屋(&amp;C)（%1 户）：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Building %1 (%2 units)</source>
        <translation>%1的房屋(&amp;B)（%2 户）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Building (choose one in the list first)</source>
        <translation>一栋楼的房屋(&amp;B)（先在列表上方选楼栋）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Not yet sent (%1 units)</source>
        <translation>尚未通知的房屋(&amp;N)（%1 户）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Whole batch (%1 units)</source>
        <translation>整个批次(&amp;W)（%1 户）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent b&amp;y:</source>
        <translation>通知方式(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <location filename="../../desk_app/ui/movein/overview_page.py" line="-339"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>已交房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With reservations</source>
        <translation>带条件收房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>未预约</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>PublicPlaceDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_dialogs.py" line="+27"/>
        <source>New public place</source>
        <translation>新建公共区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 水泵房, 配电房, 电梯机房</source>
        <translation>如 水泵房、配电房、电梯机房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(whole estate)</source>
        <translation>（全小区）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Building:</source>
        <translation>楼号(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floor:</source>
        <translation>楼层(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. B1, 1, 顶层</source>
        <translation>如 B1、1、顶层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../desk_app/ui/qt_words.py" line="+13"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-4"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/fee_setup_dialog.py" line="-119"/>
        <source>Set a rate</source>
        <translation>设定收费标准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new rate applies to charges due from its date on; charges already made keep the rate they were made with.</source>
        <translation>新标准适用于自生效日期起应缴的费用；已生成的费用仍按原标准。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Item:</source>
        <translation>收费项目(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kind of unit:</source>
        <translation>房屋类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Price (yuan):</source>
        <translation>单价(元)(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to 3 decimals, e.g. 1.85 or 0.565</source>
        <translation>最多 3 位小数，如 1.85 或 0.565</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Minimum (yuan):</source>
        <translation>最低收费(元)(&amp;M)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;From:</source>
        <translation>生效日期(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set rate</source>
        <translation>设定</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <location line="-128"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of unit</source>
        <translation>房屋类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price (yuan)</source>
        <translation>单价(元)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum</source>
        <translation>最低收费</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/billing_models.py" line="-147"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous reading</source>
        <translation>上次读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This reading</source>
        <translation>本次读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Billed: the reading is final</source>
        <translation>已计费：读数不能再改</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First reading: kept as the base</source>
        <translation>首次读数：作为起始底数</translation>
    </message>
</context>
<context>
    <name>ReadingsPanel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/billing_readings.py" line="+148"/>
        <source>&amp;Item:</source>
        <translation>收费项目(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buildin&amp;g:</source>
        <translation>楼栋(&amp;G)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../desk_app/ui/ledger/feature.py" line="+70"/>
        <source>&amp;Save readings</source>
        <translation>保存读数(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from E&amp;xcel…</source>
        <translation>从 Excel 导入(&amp;X)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;template…</source>
        <translation>导出抄表模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Building {code}</source>
        <translation>{code}栋</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No metered item is set up (水费, 电费 …).</source>
        <translation>尚未设置按读数收费的项目（水费、电费 …）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{period}: {rooms} rooms, {typed} readings typed and not saved.</source>
        <translation>{period}：共 {rooms} 户，已录入未保存的读数 {typed} 个。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There are no new readings to save.</source>
        <translation>没有需要保存的新读数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} readings saved.</source>
        <translation>{count} 个读数已保存。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import meter readings</source>
        <translation>导入抄表读数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} readings imported.</source>
        <translation>{count} 个读数已导入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export readings template</source>
        <translation>导出抄表模板</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Readings template saved: {path}</source>
        <translation>抄表模板已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/receipt_models.py" line="+33"/>
        <source>No.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>填票人</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <location filename="../../desk_app/ui/ledger/receipts_page.py" line="+81"/>
        <source>Receipt number</source>
        <translation>收据号码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued fro&amp;m</source>
        <translation>开具日期(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/feature.py" line="-60"/>
        <source>&amp;Reprint</source>
        <translation>补打(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exchange for &amp;invoice…</source>
        <translation>换开发票(&amp;I)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Re&amp;fund…</source>
        <translation>退费(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/ledger/receipts_page.py" line="+47"/>
        <source>&amp;No.:</source>
        <translation>收据号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unit:</source>
        <translation>房号(&amp;U)：</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{count} receipts</source>
        <translation>共 {count} 张</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Void: {reason}</source>
        <translation>作废：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice {number}</source>
        <translation>发票 {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded {fen}</source>
        <translation>已退费 {fen}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Receipt №{number} voided.</source>
        <translation>收据 №{number} 已作废。</translation>
    </message>
</context>
<context>
    <name>RecentShiftsDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/recent_shifts.py" line="+30"/>
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
        <location line="+6"/>
        <source>Handover report: {shift} {time}</source>
        <translation>交接班记录：{shift} {time}</translation>
    </message>
</context>
<context>
    <name>RecentShiftsModel</name>
    <message>
        <location filename="../../desk_app/ui/shifts/shift_models.py" line="+12"/>
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
    <name>ReceptionLogModel</name>
    <message>
        <location filename="../../desk_app/ui/reception/models.py" line="+80"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>接待时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place</source>
        <translation>房号 / 地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>接待人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>处理部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../desk_app/ui/reception/page.py" line="+58"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+155"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>From … to …</source>
        <translation>从 … 到 …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unfinished</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>仅看超时</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Period:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building:</source>
        <translation>楼号：</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/feature.py" line="-44"/>
        <source>Entry in full</source>
        <translation>查看完整登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handle…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call back…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report to supervisor…</source>
        <translation>上报主管…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open repair order</source>
        <translation>打开维修工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open unit</source>
        <translation>打开房屋档案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Form or log</source>
        <translation>切换登记表/记录</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/reception/page.py" line="+192"/>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>A repair call is handled in its repair order {order} (Repairs tab).</source>
        <translation>报修在其维修工单 {order} 中处理（「维修工单」选项卡）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{number} has already been reported to the supervisor.</source>
        <translation>{number} 已上报主管。</translation>
    </message>
</context>
<context>
    <name>RecordActionDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/arrears_dialogs.py" line="+33"/>
        <source>Record chasing step</source>
        <translation>登记催缴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who}: owes {owed} ({stage}).</source>
        <translation>{who}：欠费 {owed}（{stage}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due now: {steps}</source>
        <translation>本阶段应办：{steps}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Step:</source>
        <translation>催缴方式(&amp;S)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done &amp;on:</source>
        <translation>催缴日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number on the postal receipt</source>
        <translation>邮寄单据上的号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postal receipt no.:</source>
        <translation>邮寄单据号(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RecordNoticeDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/notice_dialog.py" line="-83"/>
        <source>Record the notice as sent</source>
        <translation>记录已通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The move-in notice of %1 units was sent now: %2</source>
        <translation>以下 %1 户的入住通知已于此刻发出：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent &amp;by:</source>
        <translation>通知方式(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReferOutDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/dialogs.py" line="+180"/>
        <source>Refer to an outside contractor</source>
        <translation>转外单位维修</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Con&amp;tractor:</source>
        <translation>外单位(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Appointment:</source>
        <translation>预约时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refer out</source>
        <translation>转外单位</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/receipt_dialogs.py" line="+25"/>
        <source>Refund</source>
        <translation>退费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund against receipt {receipt}. The original receipt is taken back; a supervisor approves; the cash-payment voucher is printed for the payee to sign.</source>
        <translation>凭收据 {receipt} 退费：收回原收据，经客服主管批准，打印现金付出单由领款人签字。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{deposit} ({left} refundable)</source>
        <translation>{deposit}（可退 {left}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unused credit ({left} refundable)</source>
        <translation>未用预收款（可退 {left}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;What:</source>
        <translation>退费项目(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Payee:</source>
        <translation>领款人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>退款事由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid &amp;by:</source>
        <translation>付款方式(&amp;B)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refund…</source>
        <translation>退费…</translation>
    </message>
</context>
<context>
    <name>RefundsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="+32"/>
        <source>Voucher</source>
        <translation>付出单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>原收据号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payee</source>
        <translation>领款人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/print_dialogs.py" line="-53"/>
        <source>Print the key loan register</source>
        <translation>打印钥匙借用登记表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ReinspectDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/reinspect_dialog.py" line="+46"/>
        <source>Re-inspection</source>
        <translation>复验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed, repair again</source>
        <translation>不合格，重新返修</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>P&amp;hotos:</source>
        <translation>照片(&amp;H)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Result:</source>
        <translation>复验结果(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required when it failed: what is still wrong</source>
        <translation>不合格时必填：仍存在的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;owner is present</source>
        <translation>业主在场(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record re-inspection</source>
        <translation>记录复验</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Repair order %1 (%2), fixed by %3, deadline %4</source>
        <translation>维修工单 %1（%2），整改单位 %3，整改期限 %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Owner: %1</source>
        <translation>业主：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-inspected %1: %2</source>
        <translation>%1 复验：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the result: 1 passed, 2 failed.</source>
        <translation>请选择复验结果：1 合格，2 不合格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A re-inspection is made with the owner: tick that the owner is present.</source>
        <translation>复验须由业主共同进行：请勾选“业主在场”。</translation>
    </message>
</context>
<context>
    <name>RepairFilterBar</name>
    <message>
        <location filename="../../desk_app/ui/repairs/filters.py" line="+52"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue onl&amp;y</source>
        <translation>仅看超时(&amp;Y)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peri&amp;od:</source>
        <translation>时间(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>All buildings</source>
        <translation>全部楼号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All technicians</source>
        <translation>全部维修人员</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{count} orders</source>
        <translation>共 {count} 单</translation>
    </message>
</context>
<context>
    <name>RepairOrdersModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="-172"/>
        <source>Order no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit / place</source>
        <translation>房号 / 地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair request</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician / contractor</source>
        <translation>维修人员 / 外单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched</source>
        <translation>派工时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>有偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
</context>
<context>
    <name>RepairSetupDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/setup_dialog.py" line="+33"/>
        <source>Technicians and prices</source>
        <translation>维修人员与价格表</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+114"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A&amp;dd…</source>
        <translation>添加(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed&amp;it…</source>
        <translation>修改(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <source>De&amp;activate</source>
        <translation>停用(&amp;A)</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Paid-service prices</source>
        <translation>有偿服务价格</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Load example price list</source>
        <translation>载入示例价格表(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adds an example list of technicians and prices, to be edited afterwards.</source>
        <translation>添加一份示例维修人员和有偿服务价格，之后可再修改。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>A&amp;ctivate</source>
        <translation>启用(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
</context>
<context>
    <name>RepairText</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="-80"/>
        <location line="+5"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RepairsPage</name>
    <message>
        <location filename="../../desk_app/ui/repairs/feature.py" line="-74"/>
        <source>&amp;New order…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disp&amp;atch…</source>
        <translation>派工(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On s&amp;ite…</source>
        <translation>到场(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;mplete…</source>
        <translation>完工(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold / &amp;wait for parts…</source>
        <translation>暂停/待料(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fer out…</source>
        <translation>转外单位(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel order…</source>
        <translation>取消工单(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call &amp;back…</source>
        <translation>回访(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lend &amp;keys…</source>
        <translation>借钥匙(&amp;K)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print work order</source>
        <translation>打印维修工作单(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print today&apos;s dispatch sh&amp;eet</source>
        <translation>打印今日派工表(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open unit in the owner archive</source>
        <translation>在业主档案中打开房屋</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open reception entry</source>
        <translation>打开接待登记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/repairs/page.py" line="+366"/>
        <location line="+60"/>
        <source>Order {number}: {status}.</source>
        <translation>工单 {number}：{status}。</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Order {number} is finished but its keys are still out: {keys}. Take them back.</source>
        <translation>维修单 {number} 已完工，但借出的钥匙还未归还：{keys}。请收回钥匙。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Order {number} registered.</source>
        <translation>工单 {number} 已登记。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Repair work order</source>
        <translation>维修工作单</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dispatch sheet</source>
        <translation>维修派工表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Callback queue</source>
        <translation>回访队列</translation>
    </message>
</context>
<context>
    <name>ReportItemsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="+60"/>
        <source>Fee item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>本期计费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应收合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrears</source>
        <translation>期末欠费</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/shifts/operators_dialog.py" line="-103"/>
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
    <name>ReturnDialog</name>
    <message>
        <location filename="../../desk_app/ui/keys/loan_dialog.py" line="+34"/>
        <source>Return keys</source>
        <translation>归还钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return %1, lent to %2, due back %3?</source>
        <translation>归还 %1？借用人 %2，应还 %3。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Piece&amp;s:</source>
        <translation>钥匙数量(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return</source>
        <translation>归还(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="+321"/>
        <source>Show full number of {name}</source>
        <translation>显示 {name} 的完整号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The owner archive is confidential. Showing a number in full is written to the audit trail with your name and reason.</source>
        <translation>业主档案保密。显示完整号码将连同您的姓名和原因记入审计记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>查看原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(not on record)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RosterFilePage</name>
    <message>
        <location filename="../../desk_app/ui/directory/roster_import.py" line="+96"/>
        <source>Choose the roster file</source>
        <translation>选择名册文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An Excel workbook (.xlsx) with one row per unit. Use Data ▸ Save roster template… for a sample to fill in.</source>
        <translation>Excel 工作簿（.xlsx），每套房屋一行。可用「数据 ▸ 保存名册模板…」得到一份可填写的样表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fi&amp;le:</source>
        <translation>文件(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open roster</source>
        <translation>打开业主名册</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the .xlsx file of the roster.</source>
        <translation>请选择业主名册的 .xlsx 文件。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sheet “{sheet}”: headers on row {header}, {rows} rows below them.</source>
        <translation>工作表「{sheet}」：表头在第 {header} 行，其下 {rows} 行。</translation>
    </message>
</context>
<context>
    <name>RosterImportWizard</name>
    <message>
        <location line="+322"/>
        <source>Import owner roster</source>
        <translation>导入业主名册</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Save roster template</source>
        <translation>保存名册模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owner roster template.xlsx</source>
        <translation>业主名册模板.xlsx</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template was not saved: {error}</source>
        <translation>名册模板未能保存：{error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roster template saved: {path}</source>
        <translation>已保存名册模板：{path}</translation>
    </message>
</context>
<context>
    <name>RosterMappingPage</name>
    <message>
        <location line="-346"/>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For each field, the column of the file that holds it. The guesses come from the headers; a matching you change is remembered for files with the same headers.</source>
        <translation>为每个字段选择文件中对应的列。已按表头自动匹配；您修改的对应关系会被记住，用于表头相同的文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First row</source>
        <translation>第一行示例</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column {number}</source>
        <translation>第 {number} 列</translation>
    </message>
</context>
<context>
    <name>RosterPreviewPage</name>
    <message>
        <location line="+48"/>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Export error list…</source>
        <translation>导出错误清单(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import only the &amp;valid rows</source>
        <translation>仅导入有效行(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First rows as they will be read:</source>
        <translation>前几行（按对应关系读出）：</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{total} rows: {valid} valid, {bad} with errors.</source>
        <translation>共 {total} 行：{valid} 行正确，{bad} 行有错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing the valid rows would do this: {summary}</source>
        <translation>导入有效行将会：{summary}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} errors — nothing is imported unless you tick the box below:</source>
        <translation>{count} 条错误 —— 除非勾选下方「仅导入有效行」，否则不导入任何数据：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No errors.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save the error list</source>
        <translation>保存错误清单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} errors.xlsx</source>
        <translation>{name} 错误清单.xlsx</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The error list was not saved: {error}</source>
        <translation>错误清单未能保存：{error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} errors saved to {path}</source>
        <translation>已将 {count} 条错误保存到 {path}</translation>
    </message>
</context>
<context>
    <name>RosterResultPage</name>
    <message>
        <location line="+29"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing changed: everything in the file is already on record.</source>
        <translation>没有变化：文件中的内容都已登记。</translation>
    </message>
</context>
<context>
    <name>RowErrorsModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/roster_models.py" line="+86"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>原值</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <location filename="../../desk_app/ui/widgets/search_popup.py" line="-122"/>
        <source>↑↓ choose · Enter open · Esc close</source>
        <translation>↑↓ 选择 · Enter 打开 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../desk_app/ui/widgets/search_results.py" line="+51"/>
        <source>Units</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public places</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no unit</source>
        <translation>无房屋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>formerly {units}</source>
        <translation>原 {units}</translation>
    </message>
</context>
<context>
    <name>SetActions</name>
    <message>
        <location filename="../../desk_app/ui/keys/feature.py" line="-14"/>
        <source>&amp;Lend…</source>
        <translation>借出(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;turn…</source>
        <translation>归还(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deposit…</source>
        <translation>寄存(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ollect…</source>
        <translation>领取(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eport lost…</source>
        <translation>挂失(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y…</source>
        <translation>配钥匙(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print sl&amp;ip…</source>
        <translation>打印签收单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/keys/set_actions.py" line="+94"/>
        <source>This key is never lent.</source>
        <translation>此钥匙禁止外借。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk_app/ui/desk/settings_dialog.py" line="+50"/>
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
        <location line="+7"/>
        <source>Department names separated by 、 or commas</source>
        <translation>各部门名称用顿号或逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback within:</source>
        <translation>回访时限：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callback may close as unreachable after failed attempts:</source>
        <translation>按无法联系结束回访所需的未接通次数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handling d&amp;epartments:</source>
        <translation>处理部门(&amp;E)：</translation>
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
        <location line="+6"/>
        <source>Fee items whose one-line receipts print in the short form (今收到 …)</source>
        <translation>这些收费项目只有一行时，收据按简式（今收到……）打印；项目名称以“、”或逗号分隔</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receipt &amp;copies:</source>
        <translation>收据联次(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Short receipts for:</source>
        <translation>简式收据项目(&amp;S)：</translation>
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
        <location line="+2"/>
        <source>&amp;Work order shows the caller&apos;s full phone number</source>
        <translation>工作单显示完整电话(&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The technician has to call the caller, so the repair work order prints the number in full. Every other printout and export shows phones and ID numbers masked.</source>
        <translation>维修人员须给报修人回电，所以维修工作单打印完整电话号码；其他所有打印件和导出文件中的电话、身份证号仍一律遮蔽显示。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printing and backup</source>
        <translation>打印与备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ‱ a day</source>
        <translation> ‱/天</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 = Monday … 7 = Sunday</source>
        <translation>1 = 周一 … 7 = 周日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A payment leaving more credit than this many months of the unit&apos;s charges is confirmed first.</source>
        <translation>一笔收款转为预收款的金额超过该房屋这么多个月的应收时，先请值班员确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fees due on da&amp;y of the month:</source>
        <translation>每月应缴日(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Late fee rate:</source>
        <translation>滞纳金日费率(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late fee &amp;grace:</source>
        <translation>滞纳金宽限期(&amp;G)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late fee &amp;upper limit (of the amount overdue):</source>
        <translation>滞纳金上限(&amp;U)（占欠费金额）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash to &amp;finance on weekday (1–7):</source>
        <translation>上缴财务日(&amp;F)（星期 1–7）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mon&amp;th-end close on day:</source>
        <translation>每月月结日(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conf&amp;irm prepayments beyond (months):</source>
        <translation>预收款超过几个月应收须确认(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledger</source>
        <translation>收费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location filename="../../desk_app/ui/desk/settings_models.py" line="+38"/>
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
    <name>SlotsDialog</name>
    <message>
        <location filename="../../desk_app/ui/movein/slot_dialog.py" line="-99"/>
        <source>Add time slots</source>
        <translation>添加办理时段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: hand-over from %2 to %3.</source>
        <translation>%1：交房日期 %2 至 %3。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Until:</source>
        <translation>至(&amp;U)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Periods:</source>
        <translation>每日时段(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each day&apos;s slots, e.g. 09:00-12:00 14:00-17:00 (one or several)</source>
        <translation>每天的办理时段，如 09:00-12:00 14:00-17:00（一个或多个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units per &amp;slot:</source>
        <translation>每时段可约户数(&amp;S)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SlotsModel</name>
    <message>
        <location filename="../../desk_app/ui/movein/batches_page.py" line="-545"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>可约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>已约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free</source>
        <translation>余</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="-56"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collection rate (of {due} due this period, {paid} paid by its end)</source>
        <translation>收缴率（当期应收 {due} 中期末前已收 {paid}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due this period (incl. adjustments, excl. deposits)</source>
        <translation>本期应收（到期费用，含调整，不含押金）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  of which adjustments</source>
        <translation>&#x3000;其中：调整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received ({count} valid receipts)</source>
        <translation>本期实收（有效收据 {count} 张）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voided receipts ({count})</source>
        <translation>作废收据（{count} 张）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refunds ({count})</source>
        <translation>退款（{count} 笔）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deposits held at period end</source>
        <translation>期末押金结存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrears at period end ({count} households)</source>
        <translation>期末欠费（{count} 户）</translation>
    </message>
</context>
<context>
    <name>SupervisorApprovalDialog</name>
    <message>
        <location filename="../../desk_app/ui/widgets/approval.py" line="+35"/>
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
<context>
    <name>TechnicianDialog</name>
    <message>
        <location filename="../../desk_app/ui/repairs/setup_dialog.py" line="-284"/>
        <source>Add technician</source>
        <translation>添加维修人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit technician</source>
        <translation>修改维修人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name or company:</source>
        <translation>姓名或单位名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Specialty:</source>
        <translation>专业(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. plumbing and electrics, lifts</source>
        <translation>如 水电、电梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Active (can be dispatched)</source>
        <translation>启用(&amp;A)（可派工）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>TechniciansModel</name>
    <message>
        <location filename="../../desk_app/ui/repairs/models.py" line="+215"/>
        <source>Name</source>
        <translation>姓名/单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>专业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TransferOwnershipDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="-211"/>
        <source>Transfer ownership of {unit}</source>
        <translation>{unit} 产权转移（过户）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{owners} will be listed as former owners from the transfer date; enter the new owner below.</source>
        <translation>{owners} 自过户日期起列为原业主，记录保留；请在下面填写新业主。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The unit has no owner on record; enter the new owner.</source>
        <translation>该房屋没有登记业主；请填写新业主。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer &amp;date:</source>
        <translation>过户日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a &amp;co-owner</source>
        <translation>添加共有人(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transfer</source>
        <translation>过户</translation>
    </message>
</context>
<context>
    <name>UnitHistoryTab</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_history.py" line="+129"/>
        <source>Reception entries: {count}</source>
        <translation>接待登记：{count} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repair orders: {count}</source>
        <translation>维修工单：{count} 单</translation>
    </message>
</context>
<context>
    <name>UnitLineEdit</name>
    <message>
        <location filename="../../desk_app/ui/widgets/unit_field.py" line="+127"/>
        <source>e.g. 3-2-501</source>
        <translation>如 3-2-501</translation>
    </message>
</context>
<context>
    <name>UnitListModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="-321"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>建筑面积(㎡)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business use</source>
        <translation>经营场所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
</context>
<context>
    <name>UnitPageWidget</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_page.py" line="+90"/>
        <source>&amp;Change unit…</source>
        <translation>修改房屋(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print archive sheet…</source>
        <translation>打印档案表…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>People</source>
        <translation>住户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive</source>
        <translation>档案资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive loans</source>
        <translation>档案借阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reception and repairs</source>
        <translation>接待与维修</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move out…</source>
        <translation>迁出(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ransfer ownership…</source>
        <translation>产权转移(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit person…</source>
        <translation>修改资料(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show full &amp;number…</source>
        <translation>显示完整号码(&amp;N)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+231"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Contact history</source>
        <translation>联系方式变更记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Former owners and occupants</source>
        <translation>原业主和原住户</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add &amp;vehicle…</source>
        <translation>添加车辆(&amp;V)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move vehicle</source>
        <translation>注销车辆(&amp;M)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Household archive</source>
        <translation>业主档案资料</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit archive &amp;facts…</source>
        <translation>修改档案资料(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Papers on file</source>
        <translation>已存档资料</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Business use: the unit is registered as business premises</source>
        <translation>经营场所(&amp;B)：该房屋已办住所(经营场所)登记</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lend &amp;archive…</source>
        <translation>借阅档案(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;return</source>
        <translation>登记归还(&amp;R)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No unit chosen</source>
        <translation>未选择房屋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a unit in the list, or type its number, an owner&apos;s name or a phone.</source>
        <translation>在列表中选择房屋，或在上方搜索框输入房号、业主姓名或电话。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{area} m²</source>
        <translation>{area} ㎡</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>business premises</source>
        <translation>经营场所</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner: {names}</source>
        <translation>业主：{names}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Also on file: {papers}</source>
        <translation>另存档资料：{papers}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Relation:</source>
        <translation>称谓：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lease:</source>
        <translation>租期：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>出生年月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered residence</source>
        <translation>户籍所在地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID type</source>
        <translation>证件名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer&apos;s address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Owner archive sheet</source>
        <translation>业主档案资料表</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Remove the {kind} {plate} from this unit?</source>
        <translation>从该房屋注销{kind} {plate}？</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Has the archive come back from {borrower}?</source>
        <translation>档案已由 {borrower} 归还了吗？</translation>
    </message>
</context>
<context>
    <name>UnitReceptionModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/unit_history.py" line="-108"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>接待时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
</context>
<context>
    <name>UnitRepairsModel</name>
    <message>
        <location line="+7"/>
        <source>Order No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>材料费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>有偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback</source>
        <translation>回访结果</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <location filename="../../desk_app/ui/directory/people_dialogs.py" line="+94"/>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>车辆类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plate:</source>
        <translation>车牌号(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 鲁A12345</source>
        <translation>如 鲁A12345</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Driver:</source>
        <translation>车主(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>VehiclesModel</name>
    <message>
        <location filename="../../desk_app/ui/directory/models.py" line="+270"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driver</source>
        <translation>车主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/receipt_dialogs.py" line="-107"/>
        <source>Void receipt</source>
        <translation>作废收据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Void receipt {receipt}. The number stays, marked void; what it paid is owed again. A supervisor approves.</source>
        <translation>作废收据 {receipt}：号码保留并标为作废，所收费用恢复为欠费。须经客服主管批准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason:</source>
        <translation>作废原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
</context>
<context>
    <name>VoidsModel</name>
    <message>
        <location filename="../../desk_app/ui/ledger/cash_models.py" line="-63"/>
        <source>No.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voided</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
</context>
<context>
    <name>WaiveLateFeeDialog</name>
    <message>
        <location filename="../../desk_app/ui/ledger/payment_dialogs.py" line="+30"/>
        <source>Waive late fee</source>
        <translation>减免滞纳金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late fee {fee} of {charge} ({days} days late).</source>
        <translation>{charge} 的滞纳金 {fee}（逾期 {days} 天）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason:</source>
        <translation>减免原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finance consent:</source>
        <translation>财务同意情况(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who at finance agreed, and how</source>
        <translation>财务部经办人及同意方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive…</source>
        <translation>减免…</translation>
    </message>
</context>
</TS>
