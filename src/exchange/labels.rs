//! Record fields in the users' words: the Chinese name of each field, and its value as a person
//! reads it (dates as dates, statuses as 进行中/受阻, progress history as a short list), for
//! showing two versions of a record side by side. No field name or raw value reaches the screen.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::admonition::model::{Reason, Stage};
use crate::admonition::template::DocKind;
use crate::assessment::model::{
    groups_text, votes_text, MeetingDecision, RaterGroup, Rules, SlipCodes, Source, Vote,
};
use crate::quiz::model::{Difficulty, QuestionKind};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;
use crate::village::correction::Correction;
use crate::village::resident::{Role, Settlement};
use crate::workline::model::{LineStatus, ProgressEntry, Recurrence, TaskStatus};

/// The field's name on screen.
pub fn field_label(store: StoreName, field: &str) -> &'static str {
    use StoreName as S;
    match (store, field) {
        (S::Cadres, "name") => "姓名",
        (S::Cadres, "unit") => "单位",
        (S::Cadres, "post") => "职务",
        (S::Cadres, "phone") => "电话",
        (S::Cadres, "retired") => "是否停用",
        (S::Tasks, "title") => "任务名称",
        (S::Tasks, "owners") => "责任人",
        (S::Tasks, "due") => "完成时间",
        (S::Tasks, "progress") => "进度",
        (S::Tasks, "status") => "状态",
        (S::Tasks, "notes") => "备注",
        (S::Tasks, "progress_note") => "进展说明",
        (S::Tasks, "recurrence") => "重复",
        (S::Tasks, "order") => "排列顺序",
        (S::Tasks, "finished_on") => "实际完成日期",
        (S::Tasks, "history") => "进度记录",
        (S::Tasks, "line_id") => "所属工作线",
        (S::WorkLines, "name") => "工作线名称",
        (S::WorkLines, "goal") => "工作目标",
        (S::WorkLines, "lead") => "责任领导",
        (S::WorkLines, "unit") => "责任单位",
        (S::WorkLines, "members") => "成员",
        (S::WorkLines, "measures") => "推进措施",
        (S::WorkLines, "start") => "开始日期",
        (S::WorkLines, "deadline") => "完成时限",
        (S::WorkLines, "status") => "状态",
        (S::StandUps, "date") => "日期",
        (S::StandUps, "done") => "已完成",
        (S::StandUps, "planned") => "下一步",
        (S::StandUps, "problems") => "问题",
        (S::Questions, "kind") => "题型",
        (S::Questions, "stem") => "题干",
        (S::Questions, "options") => "选项",
        (S::Questions, "answer") => "答案",
        (S::Questions, "explanation") => "解析",
        (S::Questions, "category") => "分类",
        (S::Questions, "difficulty") => "难度",
        (S::Questions, "tags") => "标签",
        (S::Questions, "source") => "来源",
        (S::Quizzes, "title") => "测验名称",
        (S::Quizzes, "paper") => "试题",
        (S::Quizzes, "pass_mark") => "及格分",
        (S::Quizzes, "time_limit_minutes") => "时间限制",
        (S::Quizzes, "sent_at") => "发出时间",
        (S::Attempts, "answers") => "作答",
        (S::Attempts, "manual_points") => "给分",
        (S::Attempts, "state") => "交卷情况",
        (S::Attempts, "paper_card") => "答题卡编号",
        (S::StudyEvents, "topic") => "主题",
        (S::StudyEvents, "date") => "日期",
        (S::StudyEvents, "attendees") => "参加人员",
        (S::WorkReports, "doc") => "内容",
        (S::ResidentCadres, "cadre") => "驻村干部",
        (S::ResidentCadres | S::VillageLogs | S::ServiceLedger, "village") => "村（社区）",
        (S::ResidentCadres, "start") => "开始日期",
        (S::ResidentCadres, "end") => "结束日期",
        (S::VillageLogs, "date") => "日期",
        (S::VillageLogs, "role") => "角色",
        (S::VillageLogs, "done") => "做了什么",
        (S::VillageLogs, "reached") => "联系群众人数",
        (S::VillageLogs, "problems") => "反映的问题",
        (S::VillageLogs, "follow_up") => "跟进情况",
        (S::VillageLogs, "settled") => "问题是否解决",
        (S::VillageLogs, "settlement") => "问题解决情况",
        (
            S::ResidentCadres | S::VillageLogs | S::ServiceLedger | S::PublicNotices,
            "corrections",
        ) => "修改记录",
        (S::ServiceLedger, "person") => "办事群众",
        (S::ServiceLedger, "phone") => "电话",
        (S::ServiceLedger, "matter") => "事项",
        (S::ServiceLedger, "taken_by") => "受理人",
        (S::ServiceLedger, "received") => "受理日期",
        (S::ServiceLedger, "promised") => "承诺办结日期",
        (S::ServiceLedger, "done") => "办结日期",
        (S::ServiceLedger, "one_visit") => "一次办好",
        (S::ServiceLedger, "on_behalf") => "干部代办",
        (S::ServiceLedger, "outcome") => "办理结果",
        (S::ServiceLedger, "point") => "受理地点",
        (S::Villages, "name") => "村（社区）名称",
        (S::Villages, "contact") => "两委联系人",
        (S::Villages, "phone") => "联系电话",
        (S::PublicNotices, "title") => "标题",
        (S::PublicNotices, "period") => "公开期间",
        (S::PublicNotices, "body") => "正文",
        (S::PublicNotices, "table") => "表格",
        (S::PublicNotices, "posted") => "张贴日期",
        (S::PublicNotices, "taken_down") => "撤下日期",
        (S::FormTemplates, "name") => "表名",
        (S::FormTemplates, "sections") => "内容",
        (S::FormTemplates, "kind") => "表的种类",
        (S::FormTemplates, "version") => "版本",
        (S::SelfAssessments | S::DutyReports, "answers") => "填写内容",
        (S::SelfAssessments | S::DutyReports, "submitted_at") => "提交时间",
        (S::SelfAssessments | S::DutyReports, "author") => "填表人",
        (S::SelfAssessments | S::DutyReports, "year") => "年度",
        (S::Evaluations, "year") => "年度",
        (S::Evaluations, "title") => "评议名称",
        (S::Evaluations, "rated") => "被评议人",
        (S::Evaluations, "groups") => "评议组",
        (S::Evaluations, "rules") => "评定规则",
        (S::Evaluations, "slips") => "选票码",
        (S::Evaluations, "sent_at") => "评议表发出时间",
        (S::Evaluations, "decisions") => "会议决定",
        (S::Ballots, "slip") => "选票码",
        (S::Ballots, "round_version") => "评议表版本",
        (S::Ballots, "evaluation_id") => "所属评议",
        (S::Ballots, "votes") => "评议意见",
        (S::Ballots, "number") => "票号",
        (S::Ballots, "void") => "是否作废",
        (S::Ballots, "group") => "评议组",
        (S::Ballots, "source") => "来源",
        (S::Admonitions, "cadre") => "被诫勉人",
        (S::Admonitions, "post") => "职务",
        (S::Admonitions, "reason") => "事由类别",
        (S::Admonitions, "matter") => "事由",
        (S::Admonitions, "facts") => "事实",
        (S::Admonitions, "talk") => "谈话",
        (S::Admonitions, "rule") => "期限规则",
        (S::Admonitions, "deadline") => "整改期限",
        (S::Admonitions, "provisional") => "暂定期限所缺的节假日年份",
        (S::Admonitions, "circulated") => "通报日期",
        (S::Admonitions, "numbers") => "文号",
        (S::Admonitions, "stage") => "办理阶段",
        (S::Admonitions, "history") => "办理记录",
        (S::DocumentTemplates, "kind") => "文书种类",
        (S::DocumentTemplates, "name") => "模板名称",
        (S::DocumentTemplates, "title") => "标题",
        (S::DocumentTemplates, "body") => "正文",
        (S::DocumentTemplates, "prefix") => "发文机关代字",
        (S::DocumentTemplates, "issuer") => "发文机关",
        (S::HolidayCalendars, "year") => "年份",
        (S::HolidayCalendars, "holidays") => "放假日期",
        (S::HolidayCalendars, "makeup_workdays") => "调休上班日期",
        (S::HolidayCalendars, "note") => "说明",
        (_, "deleted") => "是否已删除",
        _ => "其他信息",
    }
}

/// Through the text, like every other typed read, so no second deserializer is built per type.
fn typed<T: DeserializeOwned>(v: &Value) -> Option<T> {
    super::records::typed(v).ok()
}

/// "2026-12-06" as "2026年12月6日".
pub fn date_text(iso: &str) -> Option<String> {
    let d = crate::local_time::parse_date(iso)?;
    use chrono::Datelike;
    Some(format!("{}年{}月{}日", d.year(), d.month(), d.day()))
}

fn history_text(entries: &[ProgressEntry]) -> String {
    let shown: Vec<String> = entries
        .iter()
        .rev()
        .take(3)
        .map(|e| {
            let day = date_text(&e.on.to_string()).unwrap_or_default();
            format!("{day} {}%（{}）", e.progress, e.status.label())
        })
        .collect();
    match entries.len() {
        0 => "无".into(),
        n if n > 3 => format!("共 {n} 条，最近：{}", shown.join("；")),
        _ => shown.join("；"),
    }
}

/// A field's value as a person reads it.
pub fn value_text(store: StoreName, field: &str, value: Option<&Value>) -> String {
    use StoreName as S;
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return "（空）".into();
    };
    let special = match (store, field) {
        (S::Tasks, "status") => typed::<TaskStatus>(value).map(|s| s.label().to_string()),
        (S::WorkLines, "status") => typed::<LineStatus>(value).map(|s| s.label().to_string()),
        (S::Tasks, "recurrence") => typed::<Recurrence>(value).map(|s| s.label().to_string()),
        (S::Tasks, "progress") => value.as_u64().map(|p| format!("{p}%")),
        (S::Tasks, "history") => typed::<Vec<ProgressEntry>>(value).map(|h| history_text(&h)),
        (S::Questions, "kind") => typed::<QuestionKind>(value).map(|k| k.label().to_string()),
        (S::Questions, "difficulty") => typed::<Difficulty>(value).map(|d| d.label().to_string()),
        (_, "owners" | "members" | "attendees" | "rated") => {
            value.as_array().map(|a| format!("{} 人", a.len()))
        }
        (_, "lead" | "line_id" | "cadre") => Some("（另一条记录）".into()),
        (S::Admonitions, "reason") => typed::<Reason>(value).map(|r| r.label().to_string()),
        (S::Admonitions, "stage") => typed::<Stage>(value).map(|s| s.label().to_string()),
        (S::DocumentTemplates, "kind") => typed::<DocKind>(value).map(|k| k.label().to_string()),
        (S::VillageLogs, "role") => typed::<Role>(value).map(|r| r.label().to_string()),
        (_, "corrections") => typed::<Vec<Correction>>(value).map(|c| {
            let lines: Vec<String> = c.iter().map(Correction::line).collect();
            lines.join("；")
        }),
        (S::VillageLogs, "settlement") => {
            typed::<Settlement>(value).map(|s| format!("{} {} 解决：{}", s.on, s.by, s.note))
        }
        (S::Evaluations, "rules") => typed::<Rules>(value).map(|r| r.describe()),
        (S::Evaluations, "groups") => typed::<Vec<RaterGroup>>(value).map(|g| groups_text(&g)),
        (S::Evaluations, "slips") => typed::<SlipCodes>(value).map(|s| {
            if s.asked() {
                "凭选票码投票"
            } else {
                "不用选票码"
            }
            .to_string()
        }),
        (S::Evaluations, "decisions") => typed::<SortedMap<uuid::Uuid, MeetingDecision>>(value)
            .map(|d| {
                let grades: Vec<String> = d
                    .values()
                    .map(|x| format!("{}（{}）", x.grade.label(), x.reason))
                    .collect();
                format!("{} 人：{}", d.len(), grades.join("；"))
            }),
        (S::Ballots, "votes") => {
            typed::<SortedMap<uuid::Uuid, Vote>>(value).map(|v| votes_text(&v))
        }
        (S::Ballots, "source") => typed::<Source>(value).map(|s| s.label().to_string()),
        (S::Ballots, "slip") => value.as_str().map(crate::assessment::slips::printed),
        (S::Ballots, "round_version") => Some("（评议表的版本标记）".into()),
        _ => None,
    };
    if let Some(text) = special {
        return text;
    }
    match value {
        Value::Bool(true) => "是".into(),
        Value::Bool(false) => "否".into(),
        Value::String(s) => date_text(s).unwrap_or_else(|| s.clone()),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("、"),
        Value::Array(items) => format!("{} 项", items.len()),
        _ => "（内容较多，未列出）".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn no_code_word_reaches_the_screen() {
        let history = json!([
            {"on": "2026-11-20", "progress": 20, "status": "in_progress"},
            {"on": "2026-11-28", "progress": 40, "status": "blocked"}
        ]);
        let cases = [
            (
                StoreName::Tasks,
                "due",
                json!("2026-12-06"),
                "完成时间",
                "2026年12月6日",
            ),
            (
                StoreName::Tasks,
                "status",
                json!("in_progress"),
                "状态",
                "进行中",
            ),
            (StoreName::Tasks, "status", json!("blocked"), "状态", "受阻"),
            (StoreName::Tasks, "progress", json!(40), "进度", "40%"),
            (
                StoreName::Tasks,
                "history",
                history,
                "进度记录",
                "2026年11月28日 40%（受阻）；2026年11月20日 20%（进行中）",
            ),
            (StoreName::Cadres, "retired", json!(true), "是否停用", "是"),
            (
                StoreName::Questions,
                "options",
                json!(["甲", "乙"]),
                "选项",
                "甲、乙",
            ),
        ];
        for (store, field, value, label, text) in cases {
            assert_eq!(field_label(store, field), label);
            assert_eq!(value_text(store, field, Some(&value)), text, "{field}");
        }
        assert_eq!(value_text(StoreName::Tasks, "notes", None), "（空）");
        // A round's rules and a ballot's votes read in words, never "内容较多".
        let rules =
            serde_json::to_value(crate::assessment::model::Rules::default()).unwrap_or_default();
        assert_eq!(
            value_text(StoreName::Evaluations, "rules", Some(&rules)),
            "优秀票达到 60%；不称职票超过 三分之一；基本称职和不称职合计超过 50%；优秀名额 20%；奖金系数 优秀 1.20、称职 1.00、基本称职 0.80、不称职 0.00"
        );
        let votes = json!({
            "00000000-0000-0000-0000-000000000001": "excellent",
            "00000000-0000-0000-0000-000000000002": "excellent",
            "00000000-0000-0000-0000-000000000003": "abstain"
        });
        assert_eq!(
            value_text(StoreName::Ballots, "votes", Some(&votes)),
            "优秀 2、不了解 1"
        );
        let groups = json!([{"key": 1, "name": "村干部", "weight": 12.5, "issued": 30}]);
        assert_eq!(
            value_text(StoreName::Evaluations, "groups", Some(&groups)),
            "村干部 12.5%（发 30 张）"
        );
        assert_eq!(field_label(StoreName::Tasks, "mystery"), "其他信息");
    }
}
