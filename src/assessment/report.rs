//! The result sheet (测评结果汇总表) as rows, for the screen's CSV and Excel exports.

use super::model::{coefficient_text, Evaluation, Grade, Vote};
use super::tally::Tally;
use crate::record::Id;

/// A share as people read it: 66.7%.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// Whether a sheet says why someone cannot be 优秀 (an admonition this year is personal data:
/// a sheet that leaves the office says only that there is a reason, unless the office chooses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reasons {
    Shown,
    Withheld,
}

/// Header and one row per person, best first: rank, name, unit, per group the votes of each
/// kind, weighted shares, composite score, suggested and final grade, notes, coefficient.
pub fn result_rows(
    round: &Evaluation,
    tally: &Tally,
    person: &dyn Fn(Id) -> (String, String),
    self_grade: &dyn Fn(Id) -> Option<String>,
    reasons: Reasons,
) -> Vec<Vec<String>> {
    let mut header: Vec<String> = ["名次", "姓名", "单位"].map(String::from).to_vec();
    for g in &round.groups {
        for v in Vote::ALL {
            header.push(format!("{}·{}", g.name, v.label()));
        }
    }
    for g in Grade::ALL {
        header.push(format!("{}率", g.label()));
    }
    header.extend(
        [
            "综合得分",
            "建议等次",
            "本人自评",
            "评定等次",
            "说明",
            "奖金系数",
        ]
        .map(String::from),
    );
    let mut people: Vec<_> = tally.people.iter().collect();
    crate::order::sort_by(&mut people, |p| crate::order::Key::int(p.rank as i64));
    let mut rows = vec![header];
    for p in people {
        let (name, unit) = person(p.cadre);
        let mut row = vec![p.rank.to_string(), name, unit];
        for counts in &p.per_group {
            row.extend(Vote::ALL.iter().map(|v| counts.of(*v).to_string()));
        }
        row.extend(p.shares.iter().map(|s| percent(*s)));
        row.push(p.composite.map(|c| format!("{c:.2}")).unwrap_or_default());
        row.push(
            p.suggested
                .map(|g| g.label().to_string())
                .unwrap_or_default(),
        );
        row.push(self_grade(p.cadre).unwrap_or_else(|| "未交".into()));
        row.push(p.grade.map(|g| g.label().to_string()).unwrap_or_default());
        row.push(notes(p, reasons));
        row.push(p.coefficient.map(coefficient_text).unwrap_or_default());
        rows.push(row);
    }
    rows
}

/// The 说明 of a row: the flags, and the meeting's reason where it decided.
pub fn notes(p: &super::tally::PersonResult, reasons: Reasons) -> String {
    use super::tally::Flag;
    let mut parts: Vec<String> = p
        .flags
        .iter()
        .map(|f| match (f, reasons) {
            (Flag::Admonished, Reasons::Withheld) => "不能评为优秀（原因另行说明）",
            (Flag::DecisionRefused, Reasons::Withheld) => "会议决定的优秀未采用（原因另行说明）",
            _ => f.label(),
        })
        .map(String::from)
        .collect();
    if let Some(reason) = &p.reason {
        parts.push(format!("理由：{reason}"));
    }
    parts.join("；")
}

/// Each group's ballots, for the sheet and its exports: header and one row per group.
pub fn group_rows(tally: &Tally) -> Vec<Vec<String>> {
    let mut rows = vec![["评议组", "权重", "发出", "收回", "计票"]
        .map(String::from)
        .to_vec()];
    for g in &tally.groups {
        rows.push(vec![
            g.name.clone(),
            g.weight.label(),
            g.issued.to_string(),
            g.returned.to_string(),
            g.state.label().to_string(),
        ]);
    }
    rows
}

/// How the sheet's figures are made, in words, printed under the table.
pub fn explanation(round: &Evaluation) -> String {
    let r = &round.rules;
    format!(
        "说明：综合得分为各评议组有效票的平均分（优秀 100 分、称职 80 分、基本称职 60 分、不称职 0 分）按各组权重加权；\
         空白和“不了解”按弃权，不计入得票率；某评议组对某人没有有效票时，该组不计入此人的权重。\
         收回票数多于发出票数的评议组作废，不计入；收回不足一半的照常计入并提示。\
         优秀票达到 {} 建议为优秀，不称职票超过 {} 建议为不称职，基本称职和不称职票合计超过 {} 建议为基本称职；\
         优秀名额为被评议人数的 {}（四舍五入）。本年度受到诫勉的不能评为优秀。评定等次与建议不同的，由会议研究确定并写明理由。",
        r.excellent_min.label(),
        r.incompetent_over.label(),
        r.basic_over.label(),
        r.quota.label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::model::{Ballot, RaterGroup, Rules, Source};
    use crate::assessment::tally::tally;
    use crate::record::{DeviceId, Meta};

    #[test]
    fn rows_have_one_column_per_group_and_vote_and_read_in_chinese() {
        let meta = || Meta::new(&DeviceId("a".into()), chrono::DateTime::default());
        let p = uuid::Uuid::from_u128(1);
        let round = Evaluation {
            rules: Rules {
                quota: crate::assessment::share::Percent::whole(100),
                ..Rules::default()
            },
            ..Evaluation::new(
                meta(),
                2026,
                "评议",
                vec![p],
                vec![RaterGroup {
                    key: 1,
                    name: "村干部".into(),
                    weight: crate::assessment::share::Percent::whole(100),
                    issued: 2,
                }],
            )
        };
        let ballot = Ballot {
            meta: meta(),
            evaluation_id: round.meta.id,
            group: 1,
            number: 1,
            source: Source::Paper,
            votes: [(p, Vote::Excellent)].into(),
            void: false,
            slip: None,
            round_version: None,
        };
        let t = tally(&round, std::slice::from_ref(&ballot), &|_| false);
        let rows = result_rows(
            &round,
            &t,
            &|_| ("张三".into(), "农业站".into()),
            &|_| Some("优秀".into()),
            Reasons::Shown,
        );
        assert_eq!(rows[0].len(), rows[1].len());
        assert_eq!(rows[0][3], "村干部·优秀");
        assert_eq!(&rows[1][..4], &["1", "张三", "农业站", "1"]);
        assert_eq!(rows[1][8], "100.0%");
        assert_eq!(rows[1].last().map(String::as_str), Some("1.20"));
        assert!(rows[1].contains(&"优秀".to_string()));
        // Admonished this year: the sheet says why only where the office chose so.
        let t = tally(&round, &[ballot], &|_| true);
        let said = |reasons| {
            result_rows(
                &round,
                &t,
                &|_| ("张三".into(), "农业站".into()),
                &|_| None,
                reasons,
            )[1]
            .join("|")
        };
        assert!(said(Reasons::Shown).contains("本年度受到诫勉，不能评为优秀"));
        let withheld = said(Reasons::Withheld);
        assert!(
            withheld.contains("不能评为优秀（原因另行说明）"),
            "{withheld}"
        );
        assert!(!withheld.contains("诫勉"), "{withheld}");
        // One sentence after another, as printed under the table: no runs of spaces.
        let said = explanation(&round);
        assert!(
            !said.contains("  ") && said.contains("加权；空白"),
            "{said}"
        );
    }
}
