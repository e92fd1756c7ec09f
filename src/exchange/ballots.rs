//! The 述职评议 rules a file must pass before its ballots are planned: a ballot file carries one
//! electronic ballot valid for its round (`assessment::intake`), and no file of any kind changes
//! a ballot already counted here.

use std::collections::HashMap;

use super::envelope::FileKind;
use super::error::FileError;
use super::merge::LocalRecord;
use super::records::typed;
use super::validate::ValidFile;
use crate::assessment::intake::{check_ballot_file, check_restored, check_unaltered};
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
    // Ours, and the file's own rounds that are not here (a restore into an empty browser): a
    // file's copy of a round here never decides how its ballots are checked.
    let mut rounds: Vec<Evaluation> = of_store(StoreName::Evaluations)
        .filter_map(|v| typed::<Evaluation>(v).ok())
        .collect();
    let theirs: Vec<Evaluation> = file
        .records
        .iter()
        .filter(|r| r.store == StoreName::Evaluations)
        .filter_map(|r| typed::<Evaluation>(&r.value).ok())
        .filter(|r| !rounds.iter().any(|ours| ours.meta.id == r.meta.id))
        .collect();
    rounds.extend(theirs);
    let counted: Vec<Ballot> = of_store(StoreName::Ballots)
        .filter_map(|v| typed::<Ballot>(v).ok())
        .collect();
    if file.kind == FileKind::Ballot {
        check_ballot_file(&incoming, &rounds, &counted).map_err(FileError::Ballot)?;
    }
    // Ballots already checked in, so two new ones in one file cannot share a slip or number.
    let mut seen = counted;
    for ballot in &incoming {
        let ours = local
            .get(&(StoreName::Ballots, ballot.meta.id))
            .and_then(|r| typed::<Ballot>(&r.value).ok());
        match ours {
            Some(ours) => {
                let round = rounds.iter().find(|r| r.meta.id == ours.evaluation_id);
                check_unaltered(ballot, &ours, round).map_err(FileError::Ballot)?;
            }
            None if file.kind != FileKind::Ballot => {
                check_restored(ballot, &rounds, &seen).map_err(FileError::Ballot)?;
                seen.push(ballot.clone());
            }
            None => {}
        }
    }
    Ok(())
}
