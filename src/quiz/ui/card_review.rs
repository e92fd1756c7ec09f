//! A scanned 答题卡 as the office checks it: a page read as a card (`card_of`, its scan kept
//! only when a person may need it), and what it came to, or for a card with unclear boxes
//! or an unknown owner, the scan with every box drawn as read and a choice for each.

use std::rc::Rc;

use crate::ui::prelude::*;

use crate::order::Collect;
use crate::paper::read::Choice;
use crate::quiz::answer_card::{
    self, box_labels, key_pick, slot_label, takes_several, Card, CardRead, KeyPick, Outcome, Owner,
    Slot,
};
use crate::quiz::paper::Quiz;
use crate::roster::model::Cadre;
use crate::sorted::{SortedMap, SortedSet};
use crate::ui::scan_pages::ReadPage;
use crate::ui::scan_pages::{overlay, ScanView};

/// One page read: where it came from, and the card it is or why it is none.
#[derive(Clone, PartialEq)]
pub struct CardPage {
    pub source: String,
    pub read: Result<CardRead, String>,
    /// For a card a person must look at: the scan, each box drawn as read.
    pub view: Option<Rc<ScanView>>,
}

/// How a choice reaches the screen: the page, the slot, and the boxes now said to be marked.
pub type Decide = Callback<(usize, Slot, SortedSet<usize>)>;

pub struct Review<'a> {
    pub card: &'a Rc<Card>,
    pub people: &'a [&'a Cadre],
    pub decide: &'a Decide,
    pub decided: &'a SortedMap<(usize, Slot), SortedSet<usize>>,
    pub chosen: &'a SortedMap<usize, uuid::Uuid>,
    /// A 多选 row's boxes as ticked on screen, before the button takes them.
    pub ticks: &'a SortedMap<(usize, Slot), SortedSet<usize>>,
    pub tick: &'a Decide,
    pub choose: &'a Callback<(usize, uuid::Uuid)>,
}

pub fn card_view(i: usize, page: &CardPage, outcome: Option<&Outcome>, r: &Review) -> Html {
    let (Ok(read), Some(outcome)) = (&page.read, outcome) else {
        let m = page.read.as_ref().err().cloned().unwrap_or_default();
        return html! { <p class="late">{ format!("{}：{m}", page.source) }</p> };
    };
    let Some(view) = &page.view else {
        let Outcome::Sheet(a) = outcome else {
            return Html::default();
        };
        return html! {
            <p>{ format!("第 {} 张答题卡（{}）：{}（{}），答了 {} 题", read.number, page.source, a.respondent.name, a.respondent.unit, a.answers.len()) }</p>
        };
    };
    // A card a person looks at keeps its choices on screen until it is taken, to be changed.
    let heading = match outcome {
        Outcome::Sheet(a) => format!(
            "已确认，将计入 {}（{}）的答卷",
            a.respondent.name, a.respondent.unit
        ),
        Outcome::Decide(left) => format!("有 {} 处需要您确认", left.len()),
        Outcome::ChoosePerson(_) => "请选出答题人".into(),
    };
    let chosen = r.chosen.get(&i).copied();
    html! {
        <div class="card scan-decide">
            <h4>{ format!("第 {} 张答题卡（{}）：{heading}", read.number, page.source) }</h4>
            { overlay(view, format!("第 {} 张答题卡的扫描图", read.number)) }
            { for read.unclear(r.card).into_iter().map(|s| slot_choice(i, s, read, r)) }
            if let Outcome::ChoosePerson(why) = outcome { <p>{ why }</p> }
            if chosen.is_some() || matches!(outcome, Outcome::ChoosePerson(_)) {
                <label>{ "答题人" }
                    <select onchange={{ let choose = r.choose.clone(); Callback::from(move |e: Event| {
                        if let Ok(id) = crate::ui::form::field_value(&e).parse() { choose.emit((i, id)); }
                    }) }}>
                        <option value="" selected={chosen.is_none()}>{ "请选择" }</option>
                        { for r.people.iter().map(|c| html! { <option value={c.meta.id.to_string()} selected={chosen == Some(c.meta.id)}>{ format!("{}（{}）", c.name, c.unit) }</option> }) }
                    </select>
                </label>
            }
        </div>
    }
}

/// The boxes of one unclear slot: one choice (a digit, a 单选 or 判断 row, or none), or for a
/// 多选 row a box each and a button to take them as ticked.
fn slot_choice(i: usize, slot: Slot, read: &CardRead, r: &Review) -> Html {
    let seen = match slot {
        Slot::Digit(d) => read.digits.get(d),
        Slot::Row(row) => read.rows.get(row),
    };
    let what = match seen {
        Some(Choice::Several(_)) => "打了不止一个格",
        Some(Choice::Blank) => "没有打记号",
        _ => "笔迹看不清（很淡、擦过，或在方框外画了圈）",
    };
    let keys_hint = match slot {
        Slot::Digit(_) => "可按 0–9",
        Slot::Row(_) if takes_several(slot, r.card) => "可按字母勾选，回车确认",
        Slot::Row(_) => "可按字母或 1、2…，0 为未作答",
    };
    let legend = format!(
        "{}：{what}，请看卡后选择（{keys_hint}）",
        slot_label(slot, r.card)
    );
    let labels = box_labels(slot, r.card);
    let name = match slot {
        Slot::Digit(d) => format!("card-{i}-d{d}"),
        Slot::Row(r) => format!("card-{i}-r{r}"),
    };
    if takes_several(slot, r.card) {
        let ticked: SortedSet<usize> =
            match (r.ticks.get(&(i, slot)).or(r.decided.get(&(i, slot))), seen) {
                (Some(t), _) => t.clone(),
                (None, Some(Choice::Several(s))) => s.iter().copied().to_set(),
                _ => SortedSet::new(),
            };
        let toggle = |o: usize| {
            let (tick, ticked) = (r.tick.clone(), ticked.clone());
            Callback::from(move |_: Event| {
                let mut next = ticked.clone();
                if !next.remove(&o) {
                    next.insert(o);
                }
                tick.emit((i, slot, next.clone()));
            })
        };
        let take = {
            let (decide, ticked) = (r.decide.clone(), ticked.clone());
            Callback::from(move |_| decide.emit((i, slot, ticked.clone())))
        };
        let keys = {
            let (tick, decide, card, ticked) = (
                r.tick.clone(),
                r.decide.clone(),
                r.card.clone(),
                ticked.clone(),
            );
            Callback::from(move |e: KeyboardEvent| {
                let next = match key_pick(slot, &card, &e.key()) {
                    Some(KeyPick::Box(o)) => {
                        let mut next = ticked.clone();
                        if !next.remove(&o) {
                            next.insert(o);
                        }
                        next
                    }
                    Some(KeyPick::Nothing) => SortedSet::new(),
                    Some(KeyPick::Take) => return decide.emit((i, slot, ticked.clone())),
                    None => return,
                };
                e.prevent_default();
                tick.emit((i, slot, next));
            })
        };
        return html! {
            <fieldset class="inline" onkeydown={keys}>
                <legend>{ legend }</legend>
                { for labels.iter().enumerate().map(|(o, l)| html! {
                    <label><input type="checkbox" name={name.clone()} checked={ticked.contains(&o)} onchange={toggle(o)} />{ l }</label>
                }) }
                <button onclick={take}>{ "按勾选的计" }</button>
            </fieldset>
        };
    }
    let now = r.decided.get(&(i, slot));
    let pick = |chosen: SortedSet<usize>| {
        let decide = r.decide.clone();
        Callback::from(move |_: Event| decide.emit((i, slot, chosen.clone())))
    };
    let keys = {
        let (decide, card) = (r.decide.clone(), r.card.clone());
        Callback::from(move |e: KeyboardEvent| {
            let chosen = match key_pick(slot, &card, &e.key()) {
                Some(KeyPick::Box(o)) => SortedSet::from([o]),
                Some(KeyPick::Nothing) => SortedSet::new(),
                _ => return,
            };
            e.prevent_default();
            decide.emit((i, slot, chosen));
        })
    };
    html! {
        <fieldset class="inline" onkeydown={keys}>
            <legend>{ legend }</legend>
            { for labels.iter().enumerate().map(|(o, l)| html! {
                <label><input type="radio" name={name.clone()} checked={now.is_some_and(|b| b.len() == 1 && b.contains(&o))} onchange={pick(SortedSet::from([o]))} />{ l }</label>
            }) }
            if matches!(slot, Slot::Row(_)) {
                <label><input type="radio" name={name.clone()} checked={now.is_some_and(SortedSet::is_empty)} onchange={pick(SortedSet::new())} />{ "未作答" }</label>
            }
        </fieldset>
    }
}

/// A page read as a card of the quiz; its scan kept when a person may need to look at it.
pub fn card_of((source, read): ReadPage, card: &Card, quiz: &Quiz, roster: &[Cadre]) -> CardPage {
    let (page, scan) = match read {
        Ok(found) => found,
        Err(m) => {
            return CardPage {
                source,
                read: Err(m),
                view: None,
            }
        }
    };
    match answer_card::read(&page, card, quiz) {
        Err(other) => CardPage {
            source,
            read: Err(format!(
                "这不是这份测验的答题卡（编号 {}-{}，可能是另一份测验的，或是试卷改动前印的），没有计入。",
                other.form(),
                other.sheet()
            )),
            view: None,
        },
        Ok(read) => {
            // Clear only when nothing is unclear and the code names someone on the roster.
            let clear = read
                .settled(card, &answer_card::Decisions::new())
                .is_some_and(|s| matches!(answer_card::owner(&s, quiz, roster), Owner::Coded(_)));
            let view = (!clear).then(|| scan.view(&card.layout, &page));
            CardPage {
                source,
                read: Ok(read),
                view,
            }
        }
    }
}
