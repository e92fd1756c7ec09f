//! Answer-sheet files as they arrive (many at once, by USB stick or email): each read and
//! checked, then every sheet in them through `intake`; a file that cannot be read is a row of
//! its own saying why, and never stops the others.

use std::collections::HashMap;

use super::{intake, IncomingSheet, Intake};
use crate::exchange::envelope::FileKind;
use crate::exchange::records::typed;
use crate::exchange::validate::read_file;
use crate::quiz::attempt::Attempt;
use crate::quiz::paper::Quiz;
use crate::record::Id;
use crate::roster::model::Cadre;

/// Sheets are small; anything larger is not an answer sheet.
pub const MAX_SHEET_BYTES: u64 = 5 * 1024 * 1024;

/// One row of the preview: a sheet and what taking it would do, or why its file cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub file: String,
    pub sheet: Result<Intake, String>,
}

/// The rows for `files` (name, contents): refusals first, then the sheets in file order.
/// Only `quizzes` with their answer key (made here) score a sheet.
pub fn read_sheets(
    files: Vec<(String, Vec<u8>)>,
    quizzes: &[Quiz],
    existing: &[Attempt],
    roster: &[Cadre],
) -> Vec<SheetRow> {
    let mut rows = Vec::new();
    let mut sheets = Vec::new();
    for (name, bytes) in files {
        match read_file(&bytes, FileKind::AnswerSheet) {
            Err(e) => rows.push(SheetRow {
                file: name,
                sheet: Err(e.user_message()),
            }),
            Ok(valid) => {
                for r in valid.records {
                    match typed::<Attempt>(&r.value) {
                        Ok(attempt) => sheets.push((
                            name.clone(),
                            IncomingSheet {
                                exporter: valid.exported_by.name.clone(),
                                attempt,
                            },
                        )),
                        Err(_) => rows.push(SheetRow {
                            file: name.clone(),
                            sheet: Err("答卷内容不完整，无法读取。请让对方重新导出。".into()),
                        }),
                    }
                }
            }
        }
    }
    let quizzes: HashMap<Id, &Quiz> = quizzes
        .iter()
        .filter(|q| q.has_answer_key())
        .map(|q| (q.meta.id, q))
        .collect();
    let (names, sheets): (Vec<String>, Vec<IncomingSheet>) = sheets.into_iter().unzip();
    for (file, checked) in names
        .into_iter()
        .zip(intake(sheets, &quizzes, existing, roster))
    {
        rows.push(SheetRow {
            file,
            sheet: Ok(checked),
        });
    }
    rows
}
