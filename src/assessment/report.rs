//! The result sheet (测评结果汇总表) as rows, for the screen's CSV and Excel exports.

use super::model::{coefficient_text, Evaluation, Grade, Vote};
use super::tally::Tally;
use crate::record::Id;

/// A share as people read it: 66.7%.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// Header and one row per person, best first: rank, name, unit, per group the votes of each
/// kind, weighted shares, composite score, suggested and final grade, notes, coefficient.
pub fn result_rows(
    round: &Evaluation,
    tally: &Tally,
    person: &dyn Fn(Id) -> (String, String),
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
    header.extend(["综合得分", "建议等次", "评定等次", "说明", "奖金系数"].map(String::from));
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
        row.push(p.grade.map(|g| g.label().to_string()).unwrap_or_default());
        row.push(
            p.flags
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
                .join("；"),
        );
        row.push(p.coefficient.map(coefficient_text).unwrap_or_default());
        rows.push(row);
    }
    rows
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
            meta: meta(),
            year: 2026,
            title: "评议".into(),
            rated: vec![p],
            groups: vec![RaterGroup {
                key: 1,
                name: "村干部".into(),
                weight: 100,
                issued: 2,
            }],
            rules: Rules {
                quota: 100,
                ..Rules::default()
            },
            deleted: false,
            slips: Default::default(),
            sent_at: None,
            decisions: Default::default(),
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
        let t = tally(&round, &[ballot], &|_| false);
        let rows = result_rows(&round, &t, &|_| ("张三".into(), "农业站".into()));
        assert_eq!(rows[0].len(), rows[1].len());
        assert_eq!(rows[0][3], "村干部·优秀");
        assert_eq!(&rows[1][..4], &["1", "张三", "农业站", "1"]);
        assert_eq!(rows[1][8], "100.0%");
        assert_eq!(rows[1].last().map(String::as_str), Some("1.20"));
        assert!(rows[1].contains(&"优秀".to_string()));
    }
}
