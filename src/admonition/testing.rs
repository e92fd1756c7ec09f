//! Test data shared by the 谈话诫勉 tests: one case as the office opens it.

use chrono::{DateTime, NaiveDate};

use super::deadline::DeadlineRule;
use super::model::{Admonition, By, Opening, Reason, Talk};
use crate::record::{DeviceId, Meta};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

pub fn by() -> By<'static> {
    By {
        name: "党政办",
        at: DateTime::default(),
        today: d("2027-12-31"),
    }
}

pub fn opening(talk: &str) -> Opening {
    Opening {
        cadre: Some(uuid::Uuid::from_u128(7)),
        post: "站长".into(),
        reason: Reason::WeakPerformance,
        matter: "群众反映办事推诿".into(),
        facts: "经核实属实。".into(),
        talk: Talk {
            date: d(talk),
            time: "上午9时".into(),
            place: "镇党委会议室".into(),
            talker: "李书记".into(),
            recorder: "王干事".into(),
            content: String::new(),
            explanation: String::new(),
        },
    }
}

pub fn case(talk: &str) -> Admonition {
    Admonition::open(
        Meta::new(&DeviceId("a".into()), DateTime::default()),
        opening(talk),
        DeadlineRule::default(),
        &[],
        by(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()))
}
