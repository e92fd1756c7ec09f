use chrono::DateTime;

use super::*;
use crate::admonition::deadline::{Counting, HolidayCalendar};
use crate::admonition::due::{attention, excluded_from_excellent, Attention};
use crate::admonition::testing::{by, case, d, opening};
use crate::record::DeviceId;

fn rectification(on: &str) -> Rectification {
    Rectification {
        submitted: d(on),
        measures: "一、每周下村两次。".into(),
    }
}

fn review(on: &str) -> Review {
    Review {
        reviewer: "组织委员".into(),
        date: d(on),
        conclusion: "问题已整改到位。".into(),
    }
}

#[test]
fn a_case_opens_with_the_deadline_counted_from_the_talk() {
    let c = case("2026-11-27");
    assert_eq!(c.deadline, d("2026-12-02"));
    assert_eq!(c.stage, Stage::Talked);
    assert_eq!(c.history.len(), 1);
    let working = Admonition::open(
        Meta::new(&DeviceId("a".into()), DateTime::default()),
        opening("2026-11-27"),
        DeadlineRule {
            counting: Counting::Working,
            ..DeadlineRule::default()
        },
        &[] as &[HolidayCalendar],
        by(),
    );
    assert_eq!(working.map(|c| c.deadline), Ok(d("2026-12-04")));
}

#[test]
fn a_case_without_person_matter_or_talker_is_refused() {
    let meta = || Meta::new(&DeviceId("a".into()), DateTime::default());
    let mut o = opening("2026-11-27");
    o.cadre = None;
    assert_eq!(
        Admonition::open(meta(), o, DeadlineRule::default(), &[], by()).err(),
        Some(CaseError::Missing("被诫勉人"))
    );
    let mut o = opening("2026-11-27");
    o.matter = "  ".into();
    assert_eq!(
        Admonition::open(meta(), o, DeadlineRule::default(), &[], by()).err(),
        Some(CaseError::Missing("事由"))
    );
}

#[test]
fn a_late_rectification_is_flagged_with_its_days() {
    let c = case("2026-11-20"); // deadline 25 November
    let on_time = c
        .clone()
        .submit_rectification(&[], rectification("2026-11-25"), by());
    assert_eq!(on_time.as_ref().map(|c| c.late_by(&[])), Ok(None));
    let late = c.submit_rectification(&[], rectification("2026-11-26"), by());
    assert_eq!(late.as_ref().map(|c| c.late_by(&[])), Ok(Some(1)));
    let history = late.map(|c| c.history).unwrap_or_default();
    assert_eq!(
        history.last().map(|s| s.event.describe()),
        Some("提交整改措施（逾期 1 天）".into())
    );
}

#[test]
fn measures_cannot_be_handed_in_twice_or_empty_or_before_the_talk() {
    let c = case("2026-11-20");
    let mut empty = rectification("2026-11-21");
    empty.measures = " ".into();
    assert_eq!(
        c.clone().submit_rectification(&[], empty, by()).err(),
        Some(CaseError::Missing("整改措施"))
    );
    assert_eq!(
        c.clone()
            .submit_rectification(&[], rectification("2026-11-19"), by())
            .err(),
        Some(CaseError::BeforeTalk)
    );
    let once = c.submit_rectification(&[], rectification("2026-11-21"), by());
    let twice = once.and_then(|c| c.submit_rectification(&[], rectification("2026-11-22"), by()));
    assert!(matches!(twice, Err(CaseError::NotNow { .. })));
}

fn observing() -> Admonition {
    case("2026-01-05")
        .submit_rectification(&[], rectification("2026-01-08"), by())
        .and_then(|c| c.start_observation(d("2026-01-10"), by()))
        .unwrap_or_else(|e| panic!("{}", e.user_message()))
}

#[test]
fn a_case_cannot_be_lifted_without_a_review_or_before_the_period_ends() {
    // Lifting straight after the talk: not in observation.
    let talked = case("2026-01-05");
    assert!(matches!(
        talked.review(review("2026-08-01"), Outcome::Lift, by()),
        Err(CaseError::NotNow { .. })
    ));
    let c = observing();
    let Stage::Observing { until, .. } = c.stage else {
        panic!("not observing")
    };
    assert_eq!(until, d("2026-07-10"));
    assert_eq!(
        c.clone()
            .review(review("2026-07-09"), Outcome::Lift, by())
            .err(),
        Some(CaseError::ObservationNotOver(d("2026-07-10")))
    );
    let mut no_conclusion = review("2026-07-10");
    no_conclusion.conclusion.clear();
    assert_eq!(
        c.clone().review(no_conclusion, Outcome::Lift, by()).err(),
        Some(CaseError::Missing("考察结论"))
    );
    let lifted = c.review(review("2026-07-10"), Outcome::Lift, by());
    assert!(matches!(
        lifted.as_ref().map(|c| &c.stage),
        Ok(Stage::Lifted { .. })
    ));
    let events: Vec<String> = lifted
        .map(|c| c.history.iter().map(|s| s.event.describe()).collect())
        .unwrap_or_default();
    assert_eq!(events.len(), 4, "{events:?}");
}

#[test]
fn extending_moves_the_end_and_keeps_the_review() {
    let c = observing()
        .review(review("2026-07-10"), Outcome::Extend { months: 3 }, by())
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(c.stage.label(), "延长考察");
    assert!(matches!(c.stage, Stage::Observing { until, .. } if until == d("2026-10-10")));
    assert_eq!(c.stage.review().map(|r| r.date), Some(d("2026-07-10")));
}

#[test]
fn escalation_is_possible_until_the_case_is_closed() {
    let escalated = case("2026-01-05").review(review("2026-01-20"), Outcome::Escalate, by());
    assert!(matches!(
        escalated.as_ref().map(|c| &c.stage),
        Ok(Stage::Escalated {
            rectification: None,
            ..
        })
    ));
    let again = escalated.and_then(|c| c.review(review("2026-02-01"), Outcome::Escalate, by()));
    assert!(matches!(again, Err(CaseError::NotNow { .. })));
}

#[test]
fn a_file_case_that_was_lifted_without_a_real_review_fails_its_check() {
    let mut c = observing()
        .review(review("2026-07-10"), Outcome::Lift, by())
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    if let Stage::Lifted { review, .. } = &mut c.stage {
        review.reviewer.clear();
    }
    assert_eq!(c.check(), Err(CaseError::Missing("考察人")));
}

#[test]
fn attention_lists_due_soon_overdue_and_ending_observations() {
    let c = case("2026-11-20"); // deadline 25 November
    assert_eq!(attention(&c, d("2026-11-22"), &[]), None);
    assert_eq!(
        attention(&c, d("2026-11-23"), &[]),
        Some(Attention::DueIn(2, Counting::Calendar))
    );
    assert_eq!(
        attention(&c, d("2026-11-25"), &[]),
        Some(Attention::DueIn(0, Counting::Calendar))
    );
    assert_eq!(
        attention(&c, d("2026-11-28"), &[]),
        Some(Attention::Overdue(3, Counting::Calendar))
    );
    let o = observing(); // until 10 July
    assert_eq!(attention(&o, d("2026-06-30"), &[]), None);
    assert_eq!(
        attention(&o, d("2026-07-01"), &[]),
        Some(Attention::ObservationEnds(d("2026-07-10")))
    );
}

#[test]
fn a_case_in_the_year_rules_out_excellent() {
    let c = case("2026-03-01");
    let person = c.cadre;
    let cases = vec![c];
    assert!(excluded_from_excellent(person, 2026, &cases));
    assert!(!excluded_from_excellent(person, 2025, &cases));
    assert!(!excluded_from_excellent(
        uuid::Uuid::from_u128(8),
        2026,
        &cases
    ));
}

#[test]
fn a_case_round_trips_through_json() {
    let c = observing();
    let json = serde_json::to_string(&c).unwrap_or_default();
    let back: Result<Admonition, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(c));
}

fn working(talk: &str, calendars: &[HolidayCalendar]) -> Admonition {
    let rule = DeadlineRule {
        counting: Counting::Working,
        ..DeadlineRule::default()
    };
    Admonition::open(
        Meta::new(&DeviceId("a".into()), DateTime::default()),
        opening(talk),
        rule,
        calendars,
        by(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()))
}

fn year(y: i32, holidays: &[&str]) -> HolidayCalendar {
    HolidayCalendar {
        meta: Meta::new(&DeviceId("a".into()), DateTime::default()),
        year: y,
        holidays: holidays.iter().map(|s| d(s)).collect(),
        makeup_workdays: Default::default(),
        note: String::new(),
    }
}

#[test]
fn a_deadline_counted_before_the_next_years_holidays_is_corrected_when_they_arrive() {
    let y2026 = year(2026, &["2026-10-01"]);
    let c = working("2026-12-30", std::slice::from_ref(&y2026));
    assert_eq!(c.deadline, d("2027-01-06"));
    assert_eq!(c.provisional, vec![2027]);
    // Nothing to do while 2027 is still missing.
    assert_eq!(c.recount(std::slice::from_ref(&y2026), &by()), None);
    let calendars = [y2026, year(2027, &["2027-01-01"])];
    let counted = recount_all(std::slice::from_ref(&c), &calendars, &by());
    let [fixed] = counted.as_slice() else {
        panic!("one case recounted: {counted:?}")
    };
    assert_eq!(fixed.deadline, d("2027-01-07"));
    assert!(fixed.provisional.is_empty());
    assert_eq!(
        fixed.history.last().map(|s| s.event.describe()),
        Some("节假日安排录入后，整改期限由 1月6日 改为 1月7日".into())
    );
    // 首页 lists the change until it has been seen.
    let later = DateTime::default() + chrono::Duration::hours(1);
    assert_eq!(
        crate::admonition::due::recounted_since(&counted, None).len(),
        1
    );
    assert!(crate::admonition::due::recounted_since(&counted, Some(later)).is_empty());
    // Counted once: a second pass finds nothing provisional.
    assert!(recount_all(counted.as_slice(), &calendars, &by()).is_empty());
    // A calendar-day case never waits for a calendar.
    assert!(case("2026-12-30").provisional.is_empty());
}

#[test]
fn lateness_is_counted_and_said_in_the_cases_own_unit() {
    let calendars = [year(2026, &[]), year(2027, &["2027-01-01"])];
    let c = working("2026-12-30", &calendars); // due Thu 7 Jan 2027
    assert_eq!(
        attention(&c, d("2027-01-12"), &calendars).map(|a| a.describe()),
        Some("整改措施已逾期 3 个工作日".into())
    );
    assert_eq!(
        attention(&c, d("2027-01-05"), &calendars).map(|a| a.describe()),
        Some("整改措施 2 个工作日后到期".into())
    );
    let late = c
        .submit_rectification(&calendars, rectification("2027-01-12"), by())
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(late.late_by(&calendars), Some(3));
    assert_eq!(
        late.history.last().map(|s| s.event.describe()),
        Some("提交整改措施（逾期 3 个工作日）".into())
    );
}

#[test]
fn a_talk_or_a_step_dated_after_today_is_refused() {
    let today = By {
        today: d("2026-12-02"),
        ..by()
    };
    let future = Admonition::open(
        Meta::new(&DeviceId("a".into()), DateTime::default()),
        opening("2026-12-30"),
        DeadlineRule::default(),
        &[],
        today,
    );
    assert_eq!(future.err(), Some(CaseError::AfterToday));
    let c = case("2026-11-20");
    let today = By {
        today: d("2026-12-02"),
        ..by()
    };
    assert_eq!(
        c.submit_rectification(&[], rectification("2026-12-03"), today)
            .err(),
        Some(CaseError::AfterToday)
    );
}

#[test]
fn a_deleted_case_keeps_nothing_personal_only_its_id_and_numbers() {
    let c = crate::admonition::register::give_number(
        &case("2026-11-20"),
        DocKind::Notice,
        "某镇诫",
        d("2026-11-20"),
        &[],
        &|_| String::new(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    let c = c
        .submit_rectification(&[], rectification("2026-11-24"), by())
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    let gone = c.tombstone();
    assert!(gone.deleted && gone.check().is_ok());
    assert_eq!(
        (gone.meta.id, gone.meta.updated_at),
        (c.meta.id, c.meta.updated_at)
    );
    assert_eq!(gone.numbers, c.numbers);
    let json = serde_json::to_string(&gone).unwrap_or_default();
    for personal in [
        "群众反映办事推诿",
        "经核实属实",
        "站长",
        "镇党委会议室",
        "李书记",
        "王干事",
        "每周下村两次",
        "00000000-0000-0000-0000-000000000007",
        "党政办",
    ] {
        assert!(!json.contains(personal), "{personal} left in {json}");
    }
}
