//! The 述职评议 rules a file must pass before its ballots are planned: a ballot file carries one
//! electronic ballot valid for its round (`assessment::intake`), and no file of any kind changes
//! a ballot already counted here.

use std::collections::HashMap;

use super::envelope::FileKind;
use super::error::FileError;
use super::merge::LocalRecord;
use super::records::typed;
use super::validate::ValidFile;
use crate::assessment::intake::{check_ballot_file, check_unaltered};
use crate::assessment::model::{Ballot, Evaluation};
use crate::record::Id;
use crate::store::schema::StoreName;

/// Refuses the whole file if one of its ballots may not be taken.
pub fn check(
    file: &ValidFile,
    local: &HashMap<(StoreName, Id), LocalRecord>,
) -> Result<(), FileError> {
    let incoming: Vec<Ballot> = file
        .records
        .iter()
        .filter(|r| r.store == StoreName::Ballots)
        .filter_map(|r| typed::<Ballot>(&r.value).ok())
        .collect();
    if incoming.is_empty() && file.kind != FileKind::Ballot {
        return Ok(());
    }
    let of_store = |store: StoreName| {
        local
            .iter()
            .filter(move |((s, _), _)| *s == store)
            .map(|(_, r)| &r.value)
    };
    let rounds: Vec<Evaluation> = of_store(StoreName::Evaluations)
        .filter_map(|v| typed::<Evaluation>(v).ok())
        .collect();
    for ballot in &incoming {
        let ours = local
            .get(&(StoreName::Ballots, ballot.meta.id))
            .and_then(|r| typed::<Ballot>(&r.value).ok());
        if let Some(ours) = ours {
            let round = rounds.iter().find(|r| r.meta.id == ours.evaluation_id);
            check_unaltered(ballot, &ours, round).map_err(FileError::Ballot)?;
        }
    }
    if file.kind == FileKind::Ballot {
        let counted: Vec<Ballot> = of_store(StoreName::Ballots)
            .filter_map(|v| typed::<Ballot>(v).ok())
            .collect();
        check_ballot_file(&incoming, &rounds, &counted).map_err(FileError::Ballot)?;
    }
    Ok(())
}
