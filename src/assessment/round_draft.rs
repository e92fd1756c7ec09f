//! A round as its form holds it while typed: the round, and the weights and rules as text, so
//! "12.5" or "三分之一" can be typed whole and is read only on save, each error naming its field.

use super::model::{Evaluation, RaterGroup};
use super::share::{Percent, Share};

#[derive(Debug, Clone, PartialEq)]
pub struct RoundDraft {
    pub round: Evaluation,
    /// Each group's weight as typed, in the order of `round.groups`.
    pub weights: Vec<String>,
    pub excellent_min: String,
    pub incompetent_over: String,
    pub basic_over: String,
    pub quota: String,
}

impl RoundDraft {
    pub fn of(round: &Evaluation) -> RoundDraft {
        let r = &round.rules;
        let bare = |label: String| label.trim_end_matches('%').to_string();
        RoundDraft {
            weights: round
                .groups
                .iter()
                .map(|g| bare(g.weight.label()))
                .collect(),
            excellent_min: bare(r.excellent_min.label()),
            incompetent_over: bare(r.incompetent_over.label()),
            basic_over: bare(r.basic_over.label()),
            quota: bare(r.quota.label()),
            round: round.clone(),
        }
    }

    pub fn add_group(&mut self) {
        let key = self.round.groups.iter().map(|g| g.key).max().unwrap_or(0) + 1;
        self.round.groups.push(RaterGroup {
            key,
            name: String::new(),
            weight: Percent(0),
            issued: 10,
        });
        self.weights.push("0".into());
    }

    pub fn remove_group(&mut self, i: usize) {
        if i < self.round.groups.len() {
            self.round.groups.remove(i);
            self.weights.remove(i);
        }
    }

    /// Adds `shown` (the people a search shows, in their order) to those rated, after the ones
    /// already chosen: the ballot lists people in the order they were chosen.
    pub fn rate_all(&mut self, shown: &[crate::record::Id]) {
        for id in shown {
            if !self.round.rated.contains(id) {
                self.round.rated.push(*id);
            }
        }
    }

    /// Takes `shown` off those rated, keeping the others' order.
    pub fn rate_none(&mut self, shown: &[crate::record::Id]) {
        self.round.rated.retain(|id| !shown.contains(id));
    }

    /// The weights typed so far, added up ("—" while one cannot be read).
    pub fn weight_total(&self) -> String {
        self.weights
            .iter()
            .map(|w| Percent::parse(w).ok().map(|p| p.0))
            .sum::<Option<u32>>()
            .map(|sum| Percent(sum).label())
            .unwrap_or_else(|| "—".into())
    }

    /// The round to save, or the first thing wrong, in words.
    pub fn finish(&self) -> Result<Evaluation, String> {
        let mut round = self.round.clone();
        round.title = round.title.trim().to_string();
        for (g, typed) in round.groups.iter_mut().zip(&self.weights) {
            g.name = g.name.trim().to_string();
            g.weight =
                Percent::parse(typed).map_err(|e| e.user_message(&format!("{}权重", g.name)))?;
        }
        let share =
            |typed: &str, field: &str| Share::parse(typed).map_err(|e| e.user_message(field));
        round.rules.excellent_min = share(&self.excellent_min, "优秀票达到")?;
        round.rules.incompetent_over = share(&self.incompetent_over, "不称职票超过")?;
        round.rules.basic_over = share(&self.basic_over, "基本称职和不称职票合计超过")?;
        round.rules.quota = Percent::parse(&self.quota).map_err(|e| e.user_message("优秀名额"))?;
        round.check().map_err(|e| e.user_message())?;
        Ok(round)
    }
}

/// Whether a person of `name` and `unit` is shown for the search `query` (empty: everyone).
pub fn matches_search(name: &str, unit: &str, query: &str) -> bool {
    let q = crate::roster::names::clean_name(query);
    q.is_empty()
        || crate::roster::names::clean_name(name).contains(&q)
        || crate::roster::names::clean_name(unit).contains(&q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};

    fn round() -> Evaluation {
        Evaluation::new(
            Meta::new(&DeviceId("o".into()), chrono::DateTime::default()),
            2026,
            " 评议 ",
            vec![uuid::Uuid::from_u128(1)],
            Evaluation::default_groups(),
        )
    }

    #[test]
    fn weights_and_rules_are_typed_as_people_write_them() {
        let mut d = RoundDraft::of(&round());
        assert_eq!(d.weights, vec!["40", "20", "20", "20"]);
        assert_eq!(d.incompetent_over, "三分之一");
        d.weights = vec!["47.5".into(), "12.5".into(), "20".into(), "20".into()];
        d.basic_over = "二分之一".into();
        assert_eq!(d.weight_total(), "100%");
        let saved = d.finish();
        let Ok(saved) = saved else {
            panic!("{saved:?}")
        };
        assert_eq!(saved.title, "评议");
        assert_eq!(saved.groups[1].weight, Percent(1250));
        assert_eq!(saved.rules.basic_over, Share::Fraction { num: 1, den: 2 });
        assert_eq!(RoundDraft::of(&saved).weights[0], "47.5");
    }

    #[test]
    fn everyone_a_search_shows_is_chosen_or_unchosen_at_once_in_order() {
        let id = uuid::Uuid::from_u128;
        let mut d = RoundDraft::of(&round());
        d.rate_all(&[id(3), id(1), id(2)]);
        assert_eq!(d.round.rated, vec![id(1), id(3), id(2)]);
        d.rate_none(&[id(3)]);
        assert_eq!(d.round.rated, vec![id(1), id(2)]);
    }

    /// A person matches a search by name or unit, as typed (spaces and full-width forms aside).
    #[test]
    fn a_search_matches_name_or_unit() {
        assert!(matches_search("张三", "党政办", "张"));
        assert!(matches_search("张三", "党政办", "党政"));
        assert!(matches_search("张三", "党政办", " "));
        assert!(!matches_search("张三", "党政办", "李"));
    }

    #[test]
    fn a_weight_or_rule_that_cannot_be_read_is_named() {
        let mut d = RoundDraft::of(&round());
        d.weights[1] = "二十".into();
        assert_eq!(d.weight_total(), "—");
        assert!(d
            .finish()
            .err()
            .unwrap_or_default()
            .contains("人大代表权重"));
        let mut d = RoundDraft::of(&round());
        d.incompetent_over = "很多".into();
        assert!(d
            .finish()
            .err()
            .unwrap_or_default()
            .contains("不称职票超过"));
        let mut d = RoundDraft::of(&round());
        d.weights[0] = "12.5".into();
        assert!(d
            .finish()
            .err()
            .unwrap_or_default()
            .contains("现在是 72.5%"));
    }

    #[test]
    fn groups_added_and_removed_keep_their_weights() {
        let mut d = RoundDraft::of(&round());
        d.add_group();
        assert_eq!(d.weights.len(), 5);
        d.remove_group(0);
        assert_eq!(d.weights, vec!["20", "20", "20", "0"]);
        assert_eq!(d.round.groups.len(), 4);
    }
}
